//! Cost per outcome by outcome measure (SPEC §11 issue: never add unlike
//! outcomes together). Services are grouped by their outcome measure
//! (matched trimmed and case-insensitively, as outcomes.csv matches it);
//! each group's cost per outcome is Σ cost / Σ outcomes over its services,
//! by year and over the horizon ("n/a" where outcomes are 0). Services with
//! no outcome measure are left out. The grouping and the sums by year are
//! `outcome_measures`'.

use super::outcome_measures::{MeasureSums, Measures};
use crate::engine::arith::{add, R};
use crate::engine::vfm::cost_per_outcome;
use crate::engine::Projection;
use rust_decimal::Decimal;

/// One outcome measure's cost and outcomes.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeCost {
    /// As first written on a service.
    pub outcome: String,
    /// Indexes into `Projection::services` of the services with this
    /// measure, projection order.
    pub services: Vec<usize>,
    pub cost: Vec<Decimal>,
    /// Gross outcomes (unrounded).
    pub outcomes: Vec<Decimal>,
    pub cost_per_outcome: Vec<Option<Decimal>>,
    pub total_cost: Decimal,
    pub total_outcomes: Decimal,
    pub total_cost_per_outcome: Option<Decimal>,
}

/// Every outcome measure, in the order services first name it; services
/// limited to `pool` when given.
pub fn by_outcome(p: &Projection, pool: Option<&str>) -> R<Vec<OutcomeCost>> {
    let mut m = Measures::default();
    for (at, s) in p.services.iter().enumerate() {
        if pool.is_none_or(|x| x == s.pool) {
            m.add(at, s);
        }
    }
    m.values().iter().map(|g| outcome_cost(p, g)).collect()
}

fn outcome_cost(p: &Projection, g: &MeasureSums) -> R<OutcomeCost> {
    let what = "cost per outcome";
    // A sum that could not be taken exactly on integers is the checked fold
    // over the measure's services, in order.
    let fold = |of: &dyn Fn(usize, usize) -> Decimal| -> R<Vec<Decimal>> {
        (0..p.years)
            .map(|t| (g.services.iter()).try_fold(Decimal::ZERO, |a, &at| add(a, of(at, t), what)))
            .collect()
    };
    let cost = match &g.cost {
        Some(c) => c.clone(),
        None => fold(&|at, t| p.services[at].cost[t])?,
    };
    let outcomes = match &g.outcomes {
        Some(o) => o.clone(),
        None => fold(&|at, t| p.services[at].outcomes[t])?,
    };
    let total = |xs: &[Decimal]| xs.iter().try_fold(Decimal::ZERO, |a, x| add(a, *x, what));
    let (total_cost, total_outcomes) = (total(&cost)?, total(&outcomes)?);
    Ok(OutcomeCost {
        outcome: g.outcome.clone(),
        services: g.services.clone(),
        cost_per_outcome: (cost.iter().zip(&outcomes))
            .map(|(c, o)| cost_per_outcome(*c, *o))
            .collect(),
        cost,
        outcomes,
        total_cost,
        total_outcomes,
        total_cost_per_outcome: cost_per_outcome(total_cost, total_outcomes),
    })
}
