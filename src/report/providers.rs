//! `poolplan providers` tables: one aligned table per category for reading,
//! and one flat table with raw figures for CSV and JSON whose first columns
//! are exactly those SPEC §8 names.

use super::format::grouped;
use super::table::{Cell, Table};
use crate::analysis::providers::Category;

/// The raw columns; SPEC §8's come first, in its order.
pub const RAW_COLUMNS: &[&str] = &[
    "category",
    "service",
    "provider",
    "unit_cost",
    "volume",
    "cost",
    "outcomes",
    "cost_per_outcome",
    "rank",
    "median_unit_cost",
    "saving_at_median",
    "provider_name",
    "sector",
    "unit",
    "diff_from_median",
    "scenario",
    "year",
    "outcome",
];

/// The label a category's totals row carries in the `service` column
/// (parentheses cannot occur in an id).
pub const TOTAL: &str = "(total)";

fn median_cell(c: &Category, dp: u32) -> Cell {
    c.median_unit_cost
        .map(|m| Cell::Qty(m, dp))
        .unwrap_or(Cell::NA)
}

/// One aligned table per category.
pub fn provider_tables(cats: &[Category], scenario: &str, year: &str) -> Vec<Table> {
    let cols = [
        "service",
        "provider",
        "sector",
        "unit cost",
        "volume",
        "cost",
        "outcomes",
        "outcome measure",
        "cost/outcome",
        "rank",
        "vs median",
        "saving at median",
    ];
    cats.iter()
        .map(|c| {
            let unit = c.lines.first().map(|l| l.unit.as_str()).unwrap_or("");
            let mut t = Table::new(
                &c.category,
                format!("{} (£ a {unit}), {year}, scenario {scenario}", c.category),
                cols.iter().map(|s| s.to_string()).collect(),
            );
            for l in &c.lines {
                t.rows.push(vec![
                    Cell::text(l.service.clone()),
                    Cell::text(l.provider_name.clone()),
                    Cell::text(l.sector.clone()),
                    Cell::Qty(l.unit_cost, 2),
                    Cell::Qty(l.volume, 1),
                    Cell::Money(l.cost),
                    Cell::Qty(l.outcomes, 1),
                    Cell::text(l.outcome.clone()),
                    Cell::price_or_na(l.cost_per_outcome),
                    Cell::Qty(l.rank.into(), 0),
                    l.diff_from_median.map(Cell::Pct).unwrap_or(Cell::NA),
                    Cell::Money(l.saving_at_median),
                ]);
            }
            t.rows.push(vec![
                Cell::text("total"),
                Cell::text(""),
                Cell::text(""),
                Cell::Empty,
                Cell::Qty(c.volume, 1),
                Cell::Money(c.cost),
                Cell::Qty(c.outcomes, 1),
                Cell::text(if c.mixed_outcomes { "(mixed)" } else { "" }),
                Cell::price_or_na(c.cost_per_outcome),
                Cell::Empty,
                Cell::Empty,
                Cell::Money(c.saving_at_median),
            ]);
            if c.mixed_outcomes {
                t.notes.push("The lines count different outcome measures, so the category has no single cost per outcome (n/a); see each line's, or `summary` for cost per outcome by outcome measure.".into());
            }
            t.notes.push(match c.median_unit_cost {
                Some(m) => format!(
                    "Volume-weighted median unit cost £{}; paying it to every service above it would save £{} in {year}.",
                    grouped(m, 2),
                    // as the saving column shows it: whole pounds
                    Cell::Money(c.saving_at_median).display(Default::default())
                ),
                None if c.lines.is_empty() => format!("No service in this category runs in {year}."),
                None => "No volume in this category: no median, nothing to save.".into(),
            });
            t
        })
        .collect()
}

/// Every line and every category total in one flat table of raw figures.
pub fn provider_raw(cats: &[Category], scenario: &str, year: &str) -> Table {
    let mut t = Table::new(
        "providers",
        "providers",
        RAW_COLUMNS.iter().map(|s| s.to_string()).collect(),
    );
    for c in cats {
        for l in &c.lines {
            t.rows.push(vec![
                Cell::text(c.category.clone()),
                Cell::text(l.service.clone()),
                Cell::text(l.provider.clone()),
                Cell::Qty(l.unit_cost, 10),
                Cell::Qty(l.volume, 10),
                Cell::Money(l.cost),
                Cell::Qty(l.outcomes, 10),
                Cell::price_or_na(l.cost_per_outcome),
                Cell::Qty(l.rank.into(), 0),
                median_cell(c, 10),
                Cell::Money(l.saving_at_median),
                Cell::text(l.provider_name.clone()),
                Cell::text(l.sector.clone()),
                Cell::text(l.unit.clone()),
                l.diff_from_median.map(Cell::Pct).unwrap_or(Cell::NA),
                Cell::text(scenario),
                Cell::text(year),
                Cell::text(l.outcome.clone()),
            ]);
        }
        t.rows.push(vec![
            Cell::text(c.category.clone()),
            Cell::text(TOTAL),
            Cell::Empty,
            Cell::Empty,
            Cell::Qty(c.volume, 10),
            Cell::Money(c.cost),
            Cell::Qty(c.outcomes, 10),
            Cell::price_or_na(c.cost_per_outcome),
            Cell::Empty,
            median_cell(c, 10),
            Cell::Money(c.saving_at_median),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::text(scenario),
            Cell::text(year),
            Cell::text(if c.mixed_outcomes { "(mixed)" } else { "" }),
        ]);
    }
    t
}
