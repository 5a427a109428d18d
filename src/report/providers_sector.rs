//! `poolplan providers --by-sector` and `--provider`: each category's lines
//! by sector with the within-sector median and saving beside the
//! across-sector ones, the savings at median by year, and one provider's
//! services across categories and years.

use super::format::grouped;
use super::providers::RAW_COLUMNS;
use super::table::{Cell, Table};
use crate::analysis::providers::drill::Drill;
use crate::analysis::providers::savings::Savings;
use crate::analysis::providers::{Category, Line};
use crate::engine::Projection;
use rust_decimal::Decimal;

/// The columns `--by-sector` adds to the raw table.
pub const SECTOR_COLUMNS: &[&str] = &[
    "rating",
    "sector_rank",
    "sector_median_unit_cost",
    "sector_diff_from_median",
    "sector_saving_at_median",
];

fn opt(x: Option<Decimal>, dp: u32) -> Cell {
    x.map(|m| Cell::Qty(m, dp)).unwrap_or(Cell::NA)
}

fn cols(c: &[&str]) -> Vec<String> {
    c.iter().map(|s| s.to_string()).collect()
}

fn line_row(l: &Line) -> Vec<Cell> {
    vec![
        Cell::text(l.service.clone()),
        Cell::text(l.provider_name.clone()),
        Cell::text(l.rating.clone()),
        Cell::Qty(l.unit_cost, 2),
        Cell::Qty(l.volume, 1),
        Cell::Money(l.cost),
        Cell::price_or_na(l.cost_per_outcome),
        Cell::text(l.outcome.clone()),
        Cell::Qty(l.rank.into(), 0),
        Cell::Money(l.saving_at_median),
        Cell::Qty(l.sector_rank.into(), 0),
        opt(l.sector_median_unit_cost, 2),
        l.sector_diff_from_median.map(Cell::Pct).unwrap_or(Cell::NA),
        Cell::Money(l.sector_saving_at_median),
    ]
}

/// One aligned table per category, lines grouped by sector with a row per
/// sector, and notes that say which saving is which.
pub fn sector_tables(cats: &[Category], scenario: &str, year: &str) -> Vec<Table> {
    let header = [
        "service",
        "provider",
        "rating",
        "unit cost",
        "volume",
        "cost",
        "cost/outcome",
        "outcome measure",
        "rank",
        "saving at median",
        "sector rank",
        "sector median",
        "vs sector median",
        "saving at sector median",
    ];
    let mut out = vec![];
    for c in cats {
        let unit = c.lines.first().map(|l| l.unit.as_str()).unwrap_or("");
        let mut t = Table::new(
            &c.category,
            format!(
                "{} by sector (£ a {unit}), {year}, scenario {scenario}",
                c.category
            ),
            cols(&header),
        );
        for s in &c.sectors {
            for l in c.lines.iter().filter(|l| l.sector == s.sector) {
                t.rows.push(line_row(l));
            }
            let name = if s.sector.is_empty() {
                "(no sector)"
            } else {
                &s.sector
            };
            let mut r = vec![
                Cell::text(format!("{name} total")),
                Cell::text(""),
                Cell::text(""),
            ];
            r.extend([Cell::Empty, Cell::Qty(s.volume, 1), Cell::Money(s.cost)]);
            r.extend([Cell::Empty, Cell::text(""), Cell::Empty]);
            r.push(Cell::Money(s.saving_at_category_median));
            r.extend([Cell::Empty, opt(s.median_unit_cost, 2), Cell::Empty]);
            r.push(Cell::Money(s.saving_at_median));
            t.rows.push(r);
        }
        let mut r = vec![
            Cell::text("total"),
            Cell::text(""),
            Cell::text(""),
            Cell::Empty,
        ];
        r.extend([
            Cell::Qty(c.volume, 1),
            Cell::Money(c.cost),
            Cell::price_or_na(c.cost_per_outcome),
        ]);
        r.extend([
            Cell::text(if c.mixed_outcomes { "(mixed)" } else { "" }),
            Cell::Empty,
        ]);
        r.push(Cell::Money(c.saving_at_median));
        r.extend([
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Money(c.sector_saving_at_median),
        ]);
        t.rows.push(r);
        let money = |x: Decimal| Cell::Money(x).display(Default::default());
        if let Some(m) = c.median_unit_cost {
            t.notes.push(format!(
                "Across sectors: the category's volume-weighted median unit cost is £{}; \"saving at median\" pays every line above it that median: £{} in {year}.",
                grouped(m, 2),
                money(c.saving_at_median)
            ));
            if let Some(big) = c
                .sectors
                .iter()
                .find(|s| s.volume * Decimal::TWO >= c.volume && !c.volume.is_zero())
            {
                if c.sectors.len() > 1 {
                    t.notes.push(format!(
                        "{} holds {} of the volume, so the across-sector median is its own rate: the across-sector saving prices the other sectors at it.",
                        if big.sector.is_empty() { "(no sector)" } else { &big.sector },
                        Cell::Pct(big.volume / c.volume).display(Default::default())
                    ));
                }
            }
        }
        t.notes.push(format!(
            "Within sector: each line against the volume-weighted median of its own sector in this category; \"saving at sector median\" pays every line above its sector's median that median: £{} in {year}.",
            money(c.sector_saving_at_median)
        ));
        out.push(t);
    }
    out
}

/// Savings at median, across and within sectors, by year with the horizon total.
pub fn savings_table(s: &[Savings], p: &Projection) -> Table {
    let mut c = vec!["category".to_string(), "saving".into()];
    c.extend(p.year_labels());
    c.push("total".into());
    let mut t = Table::new(
        "savings",
        format!("Savings at median by year, scenario {}", p.scenario_id),
        c,
    );
    for x in s {
        for (what, v, total) in [
            ("across sectors", &x.across, x.across_total),
            ("within sector", &x.within, x.within_total),
        ] {
            let mut r = vec![Cell::text(x.category.clone()), Cell::text(what)];
            r.extend(v.iter().map(|d| Cell::Money(*d)));
            r.push(Cell::Money(total));
            t.rows.push(r);
        }
    }
    t
}

/// The raw table of `--by-sector`: the providers columns then `SECTOR_COLUMNS`.
pub fn sector_raw(cats: &[Category], scenario: &str, year: &str) -> Table {
    let mut base = super::providers::provider_raw(cats, scenario, year);
    base.columns
        .extend(SECTOR_COLUMNS.iter().map(|s| s.to_string()));
    let mut k = 0;
    for c in cats {
        for l in &c.lines {
            base.rows[k].extend([
                Cell::text(l.rating.clone()),
                Cell::Qty(l.sector_rank.into(), 0),
                opt(l.sector_median_unit_cost, 10),
                l.sector_diff_from_median.map(Cell::Pct).unwrap_or(Cell::NA),
                Cell::Money(l.sector_saving_at_median),
            ]);
            k += 1;
        }
        base.rows[k].extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
        base.rows[k].push(Cell::Money(c.sector_saving_at_median));
        k += 1;
    }
    debug_assert_eq!(RAW_COLUMNS.len() + SECTOR_COLUMNS.len(), base.columns.len());
    debug_assert!(base.rows.iter().all(|r| r.len() == base.columns.len()));
    base
}

/// The raw columns of `--provider`.
pub const DRILL_COLUMNS: [&str; 13] = [
    "year",
    "category",
    "service",
    "unit_cost",
    "volume",
    "cost",
    "outcomes",
    "cost_per_outcome",
    "rank",
    "median_unit_cost",
    "saving_at_median",
    "sector_median_unit_cost",
    "sector_saving_at_median",
];

/// One provider's services across categories and years.
pub fn drill_table(d: &Drill, p: &Projection) -> Table {
    let header = [
        "year",
        "category",
        "service",
        "unit cost",
        "volume",
        "cost",
        "outcomes",
        "cost/outcome",
        "rank",
        "median",
        "saving at median",
        "sector median",
        "saving at sector median",
    ];
    let mut t = Table::new(
        "provider",
        format!(
            "{} ({}), sector {}, rating {}: every service it delivers, scenario {}",
            d.name,
            d.provider,
            if d.sector.is_empty() { "-" } else { &d.sector },
            if d.rating.is_empty() { "-" } else { &d.rating },
            p.scenario_id
        ),
        cols(&DRILL_COLUMNS),
    )
    .with_headers(&header);
    for x in &d.lines {
        let l = &x.line;
        t.rows.push(vec![
            Cell::text(p.year_label(x.year)),
            Cell::text(x.category.clone()),
            Cell::text(l.service.clone()),
            Cell::Qty(l.unit_cost, 2),
            Cell::Qty(l.volume, 1),
            Cell::Money(l.cost),
            Cell::Qty(l.outcomes, 1),
            Cell::price_or_na(l.cost_per_outcome),
            Cell::Qty(l.rank.into(), 0),
            opt(x.median_unit_cost, 2),
            Cell::Money(l.saving_at_median),
            opt(l.sector_median_unit_cost, 2),
            Cell::Money(l.sector_saving_at_median),
        ]);
    }
    if t.rows.is_empty() {
        t.notes
            .push("It delivers no service in this scenario's horizon.".into());
    }
    t
}
