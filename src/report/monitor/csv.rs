//! `monitor -O csv`, exactly SPEC §12.2: for each pool in pools.csv order its
//! service rows (by id), its pool row and its risk-share rows; then one
//! total row. Money to 2 dp, variance_pct as `pct_field`.

use super::pct_field;
use crate::analysis::monitor::MonitorReport;
use crate::report::format::{csv_field, money};
use rust_decimal::Decimal;
use std::io::Write;

/// The header of `monitor -O csv`.
pub const HEADER: &str =
    "level,pool,service,partner,budget,actual,forecast,variance,variance_pct,rag,method";

fn row(out: &mut Vec<u8>, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        csv_field(out, f);
    }
    out.push(b'\n');
}

/// Money as `money` writes it (2 places, half away from zero), straight
/// into the output: a service row allocates nothing.
fn money_into(out: &mut Vec<u8>, x: Decimal) {
    let mut r = crate::model::round(x);
    r.rescale(2);
    let _ = write!(out, ",{r}");
}

/// One service row: the same cells `row` would write.
fn service_row(out: &mut Vec<u8>, pool: &str, s: &crate::analysis::monitor::ServiceRow) {
    out.extend_from_slice(b"service,");
    csv_field(out, pool);
    out.push(b',');
    csv_field(out, &s.id);
    out.push(b',');
    for x in [s.budget, s.actual, s.forecast, s.variance] {
        money_into(out, x);
    }
    out.push(b',');
    if let Some(v) = s.variance_pct {
        let v = crate::model::round_dp(v, 4).normalize();
        if v.is_zero() {
            out.push(b'0');
        } else {
            let _ = write!(out, "{v}");
        }
    }
    for f in [s.rag.name(), s.method] {
        out.push(b',');
        csv_field(out, f);
    }
    out.push(b'\n');
}

/// Render the report as CSV.
pub fn render_csv(r: &MonitorReport) -> String {
    let mut out =
        Vec::with_capacity(128 * (r.pools.iter().map(|p| p.services.len()).sum::<usize>() + 1));
    out.extend_from_slice(HEADER.as_bytes());
    out.push(b'\n');
    for p in &r.pools {
        for s in &p.services {
            service_row(&mut out, &p.id, s);
        }
        row(
            &mut out,
            &[
                "pool",
                &p.id,
                "",
                "",
                &money(p.budget),
                &money(p.actual),
                &money(p.forecast),
                &money(p.variance),
                &pct_field(p.variance_pct),
                p.rag.name(),
                "",
            ],
        );
        for s in &p.shares {
            row(
                &mut out,
                &[
                    "risk_share",
                    &p.id,
                    "",
                    &s.partner,
                    &money(s.planned),
                    "",
                    &money(s.forecast),
                    &money(s.variance),
                    &pct_field(s.variance_pct),
                    "",
                    "",
                ],
            );
        }
    }
    let t = &r.total;
    row(
        &mut out,
        &[
            "total",
            "",
            "",
            "",
            &money(t.budget),
            &money(t.actual),
            &money(t.forecast),
            &money(t.variance),
            &pct_field(t.variance_pct),
            t.rag.name(),
            "",
        ],
    );
    String::from_utf8(out).unwrap_or_default()
}
