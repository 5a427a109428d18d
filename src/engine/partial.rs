//! Parts of a projection, for analyses that re-project a scenario many times
//! after small changes (the bridge: one driver at a time). Each function is
//! the same code `project` runs for that part, so a figure built from parts
//! is the figure `project` gives: a caller that changes one service's levers
//! may re-project only that service's line (on a budget holding just the
//! services it needs) and settle the pools again from every line.

use super::arith::{products, R};
use super::{
    contributions, pools, services, ContributionLine, ExposureLine, PoolLine, ServiceLine,
};
use crate::model::{Budget, Scenario};

/// Every (pool, partner) contribution series after the scenario's growth
/// and contribution levers (SPEC §6.1).
pub fn contributions(b: &Budget, s: &Scenario) -> R<Vec<ContributionLine>> {
    contributions::project(b, s)
}

/// Every service line of the budget (and those the scenario commissions),
/// SPEC §6.2–6.4; warnings (volumes floored at 0) are dropped.
pub fn services(b: &Budget, s: &Scenario) -> R<Vec<ServiceLine>> {
    let deflator = products(&s.rates.deflator, b.base_year, s.years, "the deflator")?;
    services::project(b, s, &deflator, &mut vec![], super::parallel::cores(), true)
        .map(|(lines, _)| lines)
}

/// The pool accounts and partners' exposure from the contribution and
/// service lines (SPEC §6.5, §10.3–10.5); of the scenario only `years` and
/// its `saving` levers are read.
pub fn pools(
    b: &Budget,
    s: &Scenario,
    contributions: &[ContributionLine],
    services: &[ServiceLine],
) -> R<(Vec<PoolLine>, Vec<ExposureLine>)> {
    pools::project(b, s, contributions, services)
}
