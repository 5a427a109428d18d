//! `providers`: each service's unit cost in one category and year, ranked,
//! against the category's volume-weighted median (`analysis::providers`),
//! in pounds a unit whatever the export's unit (a £000 unit cost would
//! round away). Figures to the penny, as `poolplan providers` shows them.

use super::hbar::{entry, Bar, HBars, LabelAt, Rule};
use super::style::{self, Mark};
use super::{body, text, ProvidersInput};
use crate::model::round_dp;
use crate::report::cabinet::{CabTable, Value};
use rust_decimal::Decimal;

/// Places of a unit cost.
const DP: u32 = 2;

fn pence(x: Decimal) -> Value {
    Value::Num(round_dp(x, DP), DP)
}

/// Service × (provider, unit cost, median, volume).
pub fn table(p: &ProvidersInput<'_>) -> CabTable {
    let c = p.category;
    let median = c.median_unit_cost.map_or(Value::NA, pence);
    let rows = c
        .lines
        .iter()
        .map(|l| {
            body(vec![
                Value::text(&l.service_name),
                Value::text(&l.provider_name),
                pence(l.unit_cost),
                median.clone(),
                Value::Num(round_dp(l.volume, 1), 1),
            ])
        })
        .collect();
    let unit = c.lines.first().map(|l| l.unit.as_str()).unwrap_or("unit");
    CabTable {
        slug: "chart-providers",
        sheet: "Chart providers",
        title: format!(
            "Unit cost by service, {}, {}, scenario {} (£ a {unit}, cash)",
            c.category, p.year, p.scenario
        ),
        columns: vec![
            "Service".into(),
            "Provider".into(),
            "Unit cost £".into(),
            "Category median £".into(),
            format!("Volume ({unit})"),
        ],
        rows,
        notes: vec![format!("£ a {unit}")],
    }
}

/// Bars of unit cost with the median as a dashed line.
pub fn svg(t: &CabTable) -> Result<String, String> {
    let bars = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| Bar {
            row: i,
            band: (0.2, 0.8),
            series: 0,
            from: 0.0,
            to: style::coord(&r.cells[2]),
            label: style::label(&r.cells[2]),
            label_at: LabelAt::End,
        })
        .collect();
    let median = t.rows.first().map(|r| r.cells[3].clone());
    let rules = median
        .iter()
        .filter(|m| matches!(m, Value::Num(..)))
        .map(|m| Rule {
            x: style::coord(m),
            series: 1,
            label: style::label(m),
        })
        .collect();
    let unit = t.notes.first().cloned().unwrap_or_default();
    super::hbar::render(&HBars {
        title: "Unit cost by service against the category median".into(),
        subtitle: t.title.clone(),
        axis: format!("Unit cost, {unit}"),
        rows: t
            .rows
            .iter()
            .map(|r| format!("{} ({})", text(r, 0), text(r, 1)))
            .collect(),
        bars,
        rules,
        words: vec![],
        series: vec![
            entry("Unit cost", 0, Mark::Solid),
            entry("Category median (volume-weighted)", 1, Mark::Rule),
        ],
        notes: vec![],
    })
}
