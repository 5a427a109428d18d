//! The services table: one row per service running in the year, filtered
//! by text and sorted by any column.

use crate::engine::vfm::cost_per_outcome;
use crate::engine::{Projection, ServiceLine};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// The columns, in order; every one sorts.
pub const COLUMNS: [&str; 9] = [
    "service",
    "pool",
    "provider",
    "category",
    "unit cost",
    "volume",
    "cost",
    "outcomes",
    "cost/outcome",
];

/// One row: the service's index in the projection and its year's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'p> {
    pub index: usize,
    pub line: &'p ServiceLine,
    pub provider: &'p str,
    pub unit_cost: Decimal,
    pub volume: Decimal,
    pub cost: Decimal,
    pub outcomes: Decimal,
    pub cost_per_outcome: Option<Decimal>,
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

fn compare(a: &Row<'_>, b: &Row<'_>, col: usize) -> Ordering {
    let opt = |x: Option<Decimal>, y: Option<Decimal>| match (x, y) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match col {
        0 => a.line.name.cmp(&b.line.name),
        1 => a.line.pool.cmp(&b.line.pool),
        2 => a.provider.cmp(b.provider),
        3 => a.line.category.cmp(&b.line.category),
        4 => a.unit_cost.cmp(&b.unit_cost),
        5 => a.volume.cmp(&b.volume),
        6 => a.cost.cmp(&b.cost),
        7 => a.outcomes.cmp(&b.outcomes),
        _ => opt(a.cost_per_outcome, b.cost_per_outcome),
    }
}

/// The rows for year `t`: running services whose name, id, pool, provider
/// or category contains `filter` (any case), sorted by column `sort`
/// (ties by id, so the order is stable), reversed if `desc`.
pub fn rows<'p>(
    p: &'p Projection,
    t: usize,
    filter: &str,
    sort: usize,
    desc: bool,
) -> Vec<Row<'p>> {
    let needle = filter.trim().to_lowercase();
    let mut out: Vec<Row<'p>> = p
        .services
        .iter()
        .enumerate()
        .filter(|(_, s)| s.runs.get(t).copied().unwrap_or(false))
        .map(|(index, s)| Row {
            index,
            line: s,
            provider: s.provider.get(t).map(|p| &**p).unwrap_or(""),
            unit_cost: s.unit_cost[t],
            volume: s.volume[t],
            cost: s.cost[t],
            outcomes: s.outcomes[t],
            cost_per_outcome: cost_per_outcome(s.cost[t], s.outcomes[t]),
        })
        .filter(|r| matches(r, &needle))
        .collect();
    out.sort_by(|a, b| {
        let o = compare(a, b, sort);
        let o = if desc { o.reverse() } else { o };
        o.then_with(|| a.line.id.cmp(&b.line.id))
    });
    out
}
