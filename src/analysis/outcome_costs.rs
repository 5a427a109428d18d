//! Cost per outcome by outcome measure (SPEC §11 issue: never add unlike
//! outcomes together). Services are grouped by their outcome measure
//! (matched trimmed and case-insensitively, as outcomes.csv matches it);
//! each group's cost per outcome is Σ cost / Σ outcomes over its services,
//! by year and over the horizon ("n/a" where outcomes are 0). Services with
//! no outcome measure are left out.

use crate::engine::arith::{add, R};
use crate::engine::exact_sum::ExactSum;
use crate::engine::vfm::cost_per_outcome;
use crate::engine::{FastMap, Projection};
use crate::model::OutcomeValue;
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
    let n = p.years;
    let what = "cost per outcome";
    let mut out: Vec<OutcomeCost> = vec![];
    // Each group's Σ cost and Σ outcomes by year, exact on integers; a
    // group whose sums refuse is folded over its services, in order.
    let mut sums: Vec<(Vec<ExactSum>, Vec<ExactSum>)> = vec![];
    // Measure as written → group, and matching key → group: most services
    // repeat a spelling already seen, which then costs one lookup.
    let mut by_text: FastMap<&str, usize> = FastMap::default();
    let mut by_key: FastMap<String, usize> = FastMap::default();
    for (at, s) in p.services.iter().enumerate() {
        if pool.is_some_and(|x| x != s.pool) {
            continue;
        }
        let i = match by_text.get(s.outcome.as_str()) {
            Some(&i) => i,
            None => {
                if s.outcome.trim().is_empty() {
                    continue;
                }
                let next = out.len();
                let i = *by_key.entry(OutcomeValue::key(&s.outcome)).or_insert(next);
                if i == next {
                    out.push(OutcomeCost {
                        outcome: s.outcome.trim().to_string(),
                        services: vec![],
                        cost: vec![Decimal::ZERO; n],
                        outcomes: vec![Decimal::ZERO; n],
                        cost_per_outcome: vec![],
                        total_cost: Decimal::ZERO,
                        total_outcomes: Decimal::ZERO,
                        total_cost_per_outcome: None,
                    });
                    sums.push((vec![ExactSum::default(); n], vec![ExactSum::default(); n]));
                }
                by_text.insert(s.outcome.as_str(), i);
                i
            }
        };
        out[i].services.push(at);
        let (cost, outcomes) = &mut sums[i];
        cost.iter_mut().zip(&s.cost).for_each(|(a, x)| a.add(x));
        (outcomes.iter_mut().zip(&s.outcomes)).for_each(|(a, x)| a.add(x));
    }
    out.into_iter()
        .zip(sums)
        .map(|(mut o, (cost, outcomes))| {
            let exact = |xs: &[ExactSum]| xs.iter().map(ExactSum::value).collect::<Option<_>>();
            match (exact(&cost), exact(&outcomes)) {
                (Some(c), Some(x)) => (o.cost, o.outcomes) = (c, x),
                _ => {
                    for &at in &o.services {
                        let s = &p.services[at];
                        for t in 0..n {
                            o.cost[t] = add(o.cost[t], s.cost[t], what)?;
                            o.outcomes[t] = add(o.outcomes[t], s.outcomes[t], what)?;
                        }
                    }
                }
            }
            o.cost_per_outcome = (0..n)
                .map(|t| cost_per_outcome(o.cost[t], o.outcomes[t]))
                .collect();
            o.total_cost = o
                .cost
                .iter()
                .try_fold(Decimal::ZERO, |a, x| add(a, *x, what))?;
            o.total_outcomes = o
                .outcomes
                .iter()
                .try_fold(Decimal::ZERO, |a, x| add(a, *x, what))?;
            o.total_cost_per_outcome = cost_per_outcome(o.total_cost, o.total_outcomes);
            Ok(o)
        })
        .collect()
}
