//! `benefits`: who pays against who benefits. What each partner pays is its
//! exposure over the horizon (contributions + risk share, the Pools table);
//! the benefit is the scenario's benefit over the horizon (the Headline
//! table). Outcome values are not yet split by beneficiary, so the benefit
//! is one bar for all partners together, and the chart says so.

use super::exposure::{ALL_PARTNERS, ALL_POOLS};
use super::hbar::{entry, Bar, HBars, LabelAt};
use super::style::{self, Mark};
use super::{body, cabinet, starts, total, Inputs};
use crate::report::cabinet::{CabTable, Value};

/// Said on the chart and under its table.
pub const NOT_SPLIT: &str =
    "Benefit is not yet split by beneficiary: it is shown once, for all partners together.";

/// Partner × (pays, benefit); the last row is all partners.
pub fn table(i: &Inputs<'_>) -> Result<CabTable, String> {
    let pools = cabinet(i, "pools")?;
    let headline = cabinet(i, "headline")?;
    let mut rows: Vec<_> = pools
        .rows
        .iter()
        .filter(|r| starts(r, &[&i.scenario, ALL_POOLS]) && super::text(r, 3) == "Exposure")
        .map(|r| body(vec![Value::text(super::text(r, 2)), total(r), Value::Empty]))
        .collect();
    let benefit = headline
        .rows
        .iter()
        .find(|r| starts(r, &[&i.scenario, "Benefit"]))
        .map(total)
        .ok_or_else(|| {
            format!(
                "the headline table has no benefit for scenario {}",
                i.scenario
            )
        })?;
    match rows.last_mut() {
        Some(all) if super::text(all, 0) == ALL_PARTNERS => all.cells[2] = benefit,
        _ => {
            return Err(format!(
                "the pools table has no total for scenario {}",
                i.scenario
            ))
        }
    }
    let u = i.scale.label();
    Ok(CabTable {
        slug: "chart-benefits",
        sheet: "Chart benefits",
        title: format!(
            "Who pays and who benefits over the horizon, {}, {} ({})",
            i.scenario,
            i.scale.unit.label(),
            i.scale.terms()
        ),
        columns: vec![
            "Partner".into(),
            format!("Pays (exposure) {u}"),
            format!("Benefit {u}"),
        ],
        rows,
        notes: vec![u, NOT_SPLIT.into()],
    })
}

/// Pays and benefit side by side in each row.
pub fn svg(t: &CabTable) -> Result<String, String> {
    let mut bars = vec![];
    for (i, r) in t.rows.iter().enumerate() {
        let has_benefit = matches!(r.cells[2], Value::Num(..));
        let pays_band = if has_benefit {
            (0.12, 0.48)
        } else {
            (0.2, 0.8)
        };
        for (series, band, cell) in [(0, pays_band, &r.cells[1]), (1, (0.52, 0.88), &r.cells[2])] {
            if matches!(cell, Value::Num(..)) {
                bars.push(Bar {
                    row: i,
                    band,
                    series,
                    from: 0.0,
                    to: style::coord(cell),
                    label: style::label(cell),
                    label_at: LabelAt::End,
                });
            }
        }
    }
    let unit = t.notes.first().cloned().unwrap_or_default();
    super::hbar::render(&HBars {
        title: "Who pays and who benefits".into(),
        subtitle: t.title.clone(),
        axis: unit,
        rows: t.rows.iter().map(|r| super::text(r, 0)).collect(),
        bars,
        words: vec![],
        rules: vec![],
        series: vec![
            entry("Pays (contributions + risk share)", 0, Mark::Solid),
            entry("Benefit (all partners together)", 2, Mark::Hatched),
        ],
        notes: vec![NOT_SPLIT.into()],
    })
}
