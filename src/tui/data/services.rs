//! The Services table: one row per service running in the year, filtered
//! by text and sorted by any column (`data::table`), with the cells as
//! drawn on the shared grid and the total row. Every figure is the
//! engine's (`ServiceLine`, `Totals`); the total of a filtered table is
//! the exact sum of the engine's figures shown.

use super::table::{order, Key};
use crate::engine::arith::sum;
use crate::engine::vfm::cost_per_outcome;
use crate::engine::{Projection, ServiceLine};
use rust_decimal::Decimal;

/// The columns, in order; every one sorts. The first stays when the table
/// scrolls sideways; the figures come before the longer texts so that an
/// 80-column screen shows cost and cost per outcome.
pub const COLUMNS: [&str; 11] = [
    "service",
    "provider",
    "unit cost £",
    "volume",
    "cost",
    "outcomes",
    "£/outcome",
    "unit",
    "outcome",
    "pool",
    "category",
];

/// Columns drawn right-aligned (figures).
pub fn numeric(c: usize) -> bool {
    (2..=6).contains(&c)
}

/// One running service: its index in the projection and its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'p> {
    pub index: usize,
    pub line: &'p ServiceLine,
    pub provider: &'p str,
}

fn matches(r: &Row<'_>, needle: &str) -> bool {
    needle.is_empty()
        || [
            r.line.name.as_str(),
            r.line.id.as_str(),
            r.line.pool.as_str(),
            r.provider,
            r.line.category.as_str(),
        ]
        .iter()
        .any(|h| h.to_lowercase().contains(needle))
}

/// Row `r`'s sort keys in year `t` (the cash figures: real terms divide
/// every row of a year by the same factor, so the order is the same).
pub fn keys(r: &Row<'_>, t: usize) -> Vec<Key> {
    let l = r.line;
    let n = |x: &[Decimal]| Key::Num(x.get(t).copied());
    let s = |x: &str| Key::Text(x.to_string());
    vec![
        s(&l.name),
        s(r.provider),
        n(&l.unit_cost),
        n(&l.volume),
        n(&l.cost),
        n(&l.outcomes),
        Key::Num(cost_per_outcome(l.cost[t], l.outcomes[t])),
        s(&l.unit),
        s(&l.outcome),
        s(&l.pool),
        s(&l.category),
    ]
}

/// The rows for year `t`: running services whose name, id, pool, provider
/// or category contains `filter` (any case), in services.csv order, then
/// sorted by column `sort` (ties in file order), reversed if `desc`.
pub fn rows<'p>(
    p: &'p Projection,
    t: usize,
    filter: &str,
    sort: usize,
    desc: bool,
) -> Vec<Row<'p>> {
    let needle = filter.trim().to_lowercase();
    let shown: Vec<Row<'p>> = p
        .services
        .iter()
        .enumerate()
        .filter(|(_, s)| s.runs.get(t).copied().unwrap_or(false))
        .map(|(index, s)| Row {
            index,
            line: s,
            provider: s.provider.get(t).map(|p| &**p).unwrap_or(""),
        })
        .filter(|r| matches(r, &needle))
        .collect();
    let ks: Vec<Vec<Key>> = shown.iter().map(|r| keys(r, t)).collect();
    order(&ks, sort + 1, desc)
        .into_iter()
        .map(|i| shown[i].clone())
        .collect()
}

/// The total row's figures (cash). Cost always: the engine's total service
/// cost of the year when every running service is shown, else the exact
/// sum of the rows. Volume and outcomes only when every row counts the
/// same unit (or outcome measure): placements and hours do not add up.
/// Unit costs are never summed.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
    pub cost: Decimal,
    /// The one unit every row counts, and the volume in it.
    pub volume: Option<(String, Decimal)>,
    /// The one outcome measure of every row, and the outcomes.
    pub outcomes: Option<(String, Decimal)>,
}

/// The one value every row has, if there is one.
fn same<'a>(rows: &[Row<'a>], f: impl Fn(&Row<'a>) -> &'a str) -> Option<String> {
    let first = f(rows.first()?);
    rows.iter()
        .all(|r| f(r) == first)
        .then(|| first.to_string())
}

/// The total of `rows` (as `rows` returns them) in year `t`; `all` when
/// no filter hides a running service. `None` if a sum overflows.
pub fn total(p: &Projection, t: usize, rows: &[Row<'_>], all: bool) -> Option<Total> {
    let what = "the services' total";
    let of = |f: fn(&ServiceLine) -> &[Decimal]| {
        sum(rows.iter().filter_map(|r| f(r.line).get(t)), what).ok()
    };
    let cost = if all {
        *p.totals.service_cost.get(t)?
    } else {
        of(|l| &l.cost)?
    };
    let volume = match same(rows, |r| r.line.unit.as_str()) {
        Some(u) => Some((u, of(|l| &l.volume)?)),
        None => None,
    };
    let outcomes = match same(rows, |r| r.line.outcome.as_str()).filter(|o| !o.is_empty()) {
        Some(o) => Some((o, of(|l| &l.outcomes)?)),
        None => None,
    };
    Some(Total {
        cost,
        volume,
        outcomes,
    })
}
