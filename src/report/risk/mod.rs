//! `poolplan risk` tables (SPEC §14): the ranged inputs, the headline
//! distribution (the total of in-year gaps, total overspend = the partnership's
//! reserve need), each pool's chance of overspending and reserve needed,
//! each partner's exposure, and the in-year gap by year (the fan chart's
//! figures). Every figure is read from `analysis::risk::Risk`; nothing is
//! computed here. The same tables serve text (percentages, £ units), CSV
//! and JSON (raw fractions and pounds).

mod text;
pub use text::{headline, risk_text};

use super::table::{Cell, Table};
use crate::analysis::risk::{Risk, Stat};
use crate::model::rates::pct;
use rust_decimal::Decimal;

/// The confidence as a label: `90%`.
pub fn confidence_label(r: &Risk) -> String {
    pct(r.options.confidence)
}

fn names(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| c.to_string()).collect()
}

fn rate(x: Decimal, raw: bool) -> Cell {
    if raw {
        Cell::Qty(x, 6)
    } else {
        Cell::text(pct(x))
    }
}

fn share(x: Decimal) -> Cell {
    Cell::Pct(x)
}

/// The five figures of a distribution: mean, P10, P50, P90, at confidence.
fn spread(s: &Stat) -> [Cell; 5] {
    [s.mean, s.p10, s.p50, s.p90, s.at_confidence].map(Cell::Money)
}

/// Every table of a risk run; `raw` for CSV and JSON.
pub fn risk_tables(r: &Risk, raw: bool) -> Vec<Table> {
    let conf = confidence_label(r);
    let at = format!("at {conf}");
    let mut inputs = Table::new(
        "inputs",
        "Ranged inputs (triangular: low, mode, high)",
        names(&["input", "low", "mode", "high", "source"]),
    )
    .with_headers(&["input", "low", "mode", "high", "written at"]);
    for (k, g) in &r.inputs {
        inputs.rows.push(vec![
            Cell::text(k.label()),
            rate(g.low, raw),
            rate(g.mode, raw),
            rate(g.high, raw),
            Cell::text(g.origin.clone()),
        ]);
    }
    let cols = [
        "figure",
        "deterministic",
        "mean",
        "p10",
        "p50",
        "p90",
        "at_confidence",
        "share_above_zero",
    ];
    let mut head = Table::new("distribution", "Over the horizon", names(&cols)).with_headers(&[
        "figure",
        "as planned",
        "mean",
        "P10",
        "P50",
        "P90",
        &at,
        "P(> 0)",
    ]);
    let d = &r.deterministic;
    let mut row = |label: &str, det: Decimal, s: &Stat, any: bool| {
        let mut v = vec![Cell::text(label), Cell::Money(det)];
        v.extend(spread(s));
        v.push(if any {
            share(s.share_positive)
        } else {
            Cell::Empty
        });
        head.rows.push(v);
    };
    // Raw output keeps a label that does not change with the horizon.
    let total = match raw {
        true => "total of in-year gaps".to_string(),
        false => crate::analysis::bridge::Measure::Gap.title(r.years),
    };
    row(&total, d.gap, &r.gap, false);
    row("total overspend", d.overspend, &r.overspend, true);
    let mut pools = Table::new(
        "pools",
        format!("Pools: the chance of an overspend, and the reserve that covers it at {conf}"),
        names(&[
            "pool",
            "name",
            "probability_of_overspend",
            "deterministic",
            "mean",
            "p10",
            "p50",
            "p90",
            "reserve_needed",
        ]),
    )
    .with_headers(&[
        "pool",
        "name",
        "P(overspend)",
        "as planned",
        "mean",
        "P10",
        "P50",
        "P90",
        &format!("reserve at {conf}"),
    ]);
    for (i, p) in r.pools.iter().enumerate() {
        let mut v = vec![
            Cell::text(p.id.clone()),
            Cell::text(p.name.clone()),
            share(p.stat.share_positive),
        ];
        v.push(Cell::Money(d.pools.get(i).copied().unwrap_or_default()));
        v.extend(spread(&p.stat));
        pools.rows.push(v);
    }
    let mut total = vec![
        Cell::text("partnership"),
        Cell::text("all pools"),
        share(r.overspend.share_positive),
        Cell::Money(d.overspend),
    ];
    total.extend(spread(&r.overspend));
    pools.rows.push(total);
    let mut exposure = Table::new(
        "exposure",
        "Partners' total exposure (contributions + risk shares)",
        names(&[
            "partner",
            "name",
            "deterministic",
            "mean",
            "p10",
            "p50",
            "p90",
            "at_confidence",
        ]),
    )
    .with_headers(&[
        "partner",
        "name",
        "as planned",
        "mean",
        "P10",
        "P50",
        "P90",
        &at,
    ]);
    for (i, p) in r.partners.iter().enumerate() {
        let mut v = vec![Cell::text(p.id.clone()), Cell::text(p.name.clone())];
        v.push(Cell::Money(d.exposure.get(i).copied().unwrap_or_default()));
        v.extend(spread(&p.stat));
        exposure.rows.push(v);
    }
    let mut years = Table::new(
        "gap_by_year",
        "In-year gap by year (the fan chart)",
        names(&[
            "year",
            "deterministic",
            "mean",
            "p10",
            "p50",
            "p90",
            "at_confidence",
        ]),
    )
    .with_headers(&["year", "as planned", "mean", "P10", "P50", "P90", &at]);
    for (t, s) in r.gap_by_year.iter().enumerate() {
        let mut v = vec![Cell::text(r.base_year.plus(t as i32).to_string())];
        v.push(Cell::Money(
            d.gap_by_year.get(t).copied().unwrap_or_default(),
        ));
        v.extend(spread(s));
        years.rows.push(v);
    }
    if !raw {
        // Names are in the headline; the text tables keep to the ids.
        for t in [&mut pools, &mut exposure] {
            drop_column(t, 1);
        }
    }
    vec![inputs, head, pools, exposure, years]
}

fn drop_column(t: &mut Table, i: usize) {
    t.columns.remove(i);
    t.headers.remove(i);
    for r in &mut t.rows {
        r.remove(i);
    }
}

#[cfg(test)]
mod tests;
