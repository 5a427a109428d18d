//! The Providers table: one row per service line of the year's comparison
//! (`analysis::providers`, computed in `Derived`), across and within
//! sector, for every category or one; cells as shown and sort keys.

use super::table::Key;
use crate::analysis::providers::{Category, Line};
use crate::report::table::{Cell, Unit};
use rust_decimal::Decimal;

/// The columns, in order (the first stays when the table scrolls sideways).
pub const COLUMNS: [&str; 17] = [
    "service",
    "rank",
    "provider",
    "sector",
    "rating",
    "unit cost £",
    "volume",
    "cost",
    "median £",
    "saving",
    "sector rank",
    "sector median £",
    "sector saving",
    "£/outcome",
    "outcome",
    "vs median",
    "category",
];

/// Columns drawn right-aligned.
pub fn numeric(c: usize) -> bool {
    matches!(c, 1 | 5..=13 | 15)
}

/// The categories shown: all, or the `pick`-th (1-based; 0 = all).
pub fn chosen(cats: &[Category], pick: usize) -> Vec<&Category> {
    match pick {
        0 => cats.iter().collect(),
        k => cats.get(k - 1).into_iter().collect(),
    }
}

fn pct(x: Option<Decimal>) -> String {
    match x.and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED)) {
        Some(p) => {
            let sign = if p > Decimal::ZERO { "+" } else { "" };
            format!("{sign}{}%", Cell::Qty(p, 0).display(Unit::Pounds))
        }
        None => "n/a".into(),
    }
}

/// One line's cells (money in `unit`) and sort keys.
pub fn row(c: &Category, l: &Line, unit: Unit) -> (Vec<String>, Vec<Key>) {
    let m = |x: Decimal| Cell::Money(x).display(unit);
    let q = |x: Decimal, dp| Cell::Qty(x, dp).display(Unit::Pounds);
    let opt = |x: Option<Decimal>, dp| x.map_or_else(|| "n/a".to_string(), |v| q(v, dp));
    let n = |x: Decimal| Key::Num(Some(x));
    let t = |x: &str| Key::Text(x.to_string());
    let cells = vec![
        l.service_name.clone(),
        l.rank.to_string(),
        l.provider_name.clone(),
        l.sector.clone(),
        l.rating.clone(),
        q(l.unit_cost, 2),
        q(l.volume, 0),
        m(l.cost),
        opt(c.median_unit_cost, 2),
        m(l.saving_at_median),
        l.sector_rank.to_string(),
        opt(l.sector_median_unit_cost, 2),
        m(l.sector_saving_at_median),
        opt(l.cost_per_outcome, 0),
        l.outcome.clone(),
        pct(l.diff_from_median),
        c.category.clone(),
    ];
    let keys = vec![
        t(&l.service_name),
        n(Decimal::from(l.rank)),
        t(&l.provider_name),
        t(&l.sector),
        t(&l.rating),
        n(l.unit_cost),
        n(l.volume),
        n(l.cost),
        Key::Num(c.median_unit_cost),
        n(l.saving_at_median),
        n(Decimal::from(l.sector_rank)),
        Key::Num(l.sector_median_unit_cost),
        n(l.sector_saving_at_median),
        Key::Num(l.cost_per_outcome),
        t(&l.outcome),
        Key::Num(l.diff_from_median),
        t(&c.category),
    ];
    (cells, keys)
}

/// Every shown line: (category, line) in the comparison's order.
pub fn lines<'c>(cats: &[&'c Category]) -> Vec<(&'c Category, &'c Line)> {
    cats.iter()
        .flat_map(|c| c.lines.iter().map(move |l| (*c, l)))
        .collect()
}

/// The table as drawn: the shown lines in order, with their cells.
pub fn table<'c>(
    cats: &'c [Category],
    v: &super::super::state::ProvidersView,
    unit: Unit,
) -> Vec<(&'c Category, &'c Line, Vec<String>)> {
    let shown = lines(&chosen(cats, v.category));
    let (cells, keys): (Vec<_>, Vec<_>) = shown.iter().map(|(c, l)| row(c, l, unit)).unzip();
    let mut cells: Vec<Option<Vec<String>>> = cells.into_iter().map(Some).collect();
    super::table::order(&keys, v.sort, v.desc)
        .into_iter()
        .filter_map(|i| Some((shown[i].0, shown[i].1, cells[i].take()?)))
        .collect()
}
