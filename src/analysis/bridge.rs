//! The bridge (waterfall) from scenario A's cumulative in-year gap to B's.
//!
//! Start from A and change one driver at a time towards B, re-projecting
//! after each, in this fixed order: pay inflation, price inflation, each
//! demand growth key that differs (sorted by key), each partner's
//! contribution growth that differs (sorted by partner id), each of B's
//! levers that A lacks (appended, in B's order), each of A's levers that B
//! lacks (removed, in A's order), then the deflator and the discount rate if
//! they differ (they never move the cash gap). A step's effect is the gap
//! after it minus the gap before it, so the steps telescope: they sum
//! exactly to B's gap minus A's.
//!
//! Invariant: the last step lands on B's own gap. If the steps above do not
//! (levers whose effect depends on their order), a final "interaction" step
//! takes up the difference. If a step leaves a scenario the engine cannot
//! project (e.g. a contribution turns negative until a later lever is
//! added), it is combined with the following step(s), and said so.

use super::drivers::{moves, Tag};
use super::{cumulative_gap, AnalysisError};
use crate::engine::arith::sub;
use crate::engine::project;
use crate::model::{Budget, Scenario};
use rust_decimal::Decimal;

/// One bar of the waterfall.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// 1, 2, 3, …
    pub number: usize,
    /// What changed, e.g. `pay inflation 2.5% to 4%`.
    pub driver: String,
    /// Gap after this step minus gap before it.
    pub gap_change: Decimal,
    /// The cumulative in-year gap after this step.
    pub gap_after: Decimal,
}

/// The whole bridge.
#[derive(Debug, Clone, PartialEq)]
pub struct Bridge {
    /// A's cumulative in-year gap.
    pub start: Decimal,
    /// B's cumulative in-year gap.
    pub end: Decimal,
    pub steps: Vec<Step>,
    /// Explanations (combined steps, interaction).
    pub notes: Vec<String>,
}

fn push_step(
    steps: &mut Vec<Step>,
    driver: String,
    after: Decimal,
    gap: &mut Decimal,
) -> Result<(), AnalysisError> {
    let gap_change = sub(after, *gap, "the bridge").map_err(AnalysisError::engine("bridge"))?;
    steps.push(Step {
        number: steps.len() + 1,
        driver,
        gap_change,
        gap_after: after,
    });
    *gap = after;
    Ok(())
}

/// Check that A and B can be compared: same budget, same horizon.
pub fn comparable(a: &Scenario, b: &Scenario) -> Result<(), AnalysisError> {
    if a.budget != b.budget {
        return Err(AnalysisError::DifferentBudgets {
            a: a.id.clone(),
            budget_a: a.budget.clone(),
            b: b.id.clone(),
            budget_b: b.budget.clone(),
        });
    }
    if a.years != b.years {
        return Err(AnalysisError::DifferentHorizons {
            a: a.id.clone(),
            years_a: a.years,
            b: b.id.clone(),
            years_b: b.years,
        });
    }
    Ok(())
}

/// The bridge from A's cumulative in-year gap to B's.
pub fn bridge(budget: &Budget, a: &Scenario, b: &Scenario) -> Result<Bridge, AnalysisError> {
    comparable(a, b)?;
    let pa = project(budget, a).map_err(AnalysisError::engine(&a.id))?;
    let pb = project(budget, b).map_err(AnalysisError::engine(&b.id))?;
    let start = cumulative_gap(&pa).map_err(AnalysisError::engine(&a.id))?;
    let end = cumulative_gap(&pb).map_err(AnalysisError::engine(&b.id))?;
    let mut work = a.clone();
    let mut tags: Vec<Tag> = (0..a.levers.len()).map(Tag::A).collect();
    let mut gap = start;
    let mut pending: Vec<String> = vec![];
    let mut steps: Vec<Step> = vec![];
    let mut notes = vec![];
    for (label, mv) in moves(budget, a, b) {
        mv.apply(&mut work, &mut tags);
        pending.push(label);
        match project(budget, &work) {
            Ok(p) => {
                let after = cumulative_gap(&p).map_err(AnalysisError::engine(&b.id))?;
                if pending.len() > 1 {
                    notes.push(format!(
                        "step {}: {} drivers are combined because the scenario between them cannot be projected on its own",
                        steps.len() + 1,
                        pending.len()
                    ));
                }
                push_step(&mut steps, pending.join(" + "), after, &mut gap)?;
                pending.clear();
            }
            Err(e) => notes.push(format!("after \"{}\": {e}", pending.join(" + "))),
        }
    }
    if !pending.is_empty() || gap != end {
        let mut label = pending;
        label.push("interaction: the levers' effects depend on their order".into());
        notes.push(format!(
            "step {}: the drivers one at a time do not land exactly on {}'s gap, so a final interaction step takes up the difference",
            steps.len() + 1,
            b.id
        ));
        push_step(&mut steps, label.join(" + "), end, &mut gap)?;
    }
    Ok(Bridge {
        start,
        end,
        steps,
        notes,
    })
}

#[cfg(test)]
mod tests;
