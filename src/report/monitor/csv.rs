//! `monitor -O csv`, exactly SPEC §12.2: for each pool in pools.csv order its
//! service rows (by id), its pool row and its risk-share rows; then one
//! total row. Money to 2 dp, variance_pct as `pct_field`.

use super::pct_field;
use crate::analysis::monitor::MonitorReport;
use crate::report::format::{csv_field, money};

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

/// Render the report as CSV.
pub fn render_csv(r: &MonitorReport) -> String {
    let mut out = Vec::new();
    out.extend_from_slice(HEADER.as_bytes());
    out.push(b'\n');
    for p in &r.pools {
        for s in &p.services {
            row(
                &mut out,
                &[
                    "service",
                    &p.id,
                    &s.id,
                    "",
                    &money(s.budget),
                    &money(s.actual),
                    &money(s.forecast),
                    &money(s.variance),
                    &pct_field(s.variance_pct),
                    s.rag.name(),
                    s.method,
                ],
            );
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
