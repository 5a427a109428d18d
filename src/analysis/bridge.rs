//! The bridge (waterfall) from scenario A's total of in-year gaps (or
//! overspend, or a partner's exposure: `measure`) to B's.
//!
//! Start from A and change one driver at a time towards B, re-projecting
//! after each, in this fixed order: pay inflation, price inflation, each
//! demand growth key that differs (sorted by key), each partner's
//! contribution growth that differs (sorted by partner id), each of B's
//! levers that A lacks (appended, in B's order), each of A's levers that B
//! lacks (removed, in A's order), then the deflator and the discount rate if
//! they differ (they never move the cash gap). A step's effect is the
//! measure after it minus the measure before it, so the steps telescope:
//! they sum exactly to B's figure minus A's. Every step also carries its
//! effect on the gap, and where the measure moves differently from the gap,
//! a note that says why (`notes`).
//!
//! Invariant: the last step lands on B's own gap. If the steps above do not
//! (levers whose effect depends on their order), a final "interaction" step
//! takes up the difference. If a step leaves a scenario the engine cannot
//! project (e.g. a contribution turns negative until a later lever is
//! added), it is combined with the following step(s), and said so.

use super::drivers::moves;
use super::AnalysisError;
use crate::engine::arith::sub;
use crate::model::{Budget, Scenario};
use rust_decimal::Decimal;

pub(crate) mod book;
pub mod measure;
mod notes;
mod notes_partner;
pub(crate) mod work;
pub use measure::Measure;
use work::{Snapshot, Work};

/// One bar of the waterfall.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// 1, 2, 3, …
    pub number: usize,
    /// What changed, e.g. `pay inflation 2.5% to 4%`.
    pub driver: String,
    /// The measure after this step minus before it.
    pub change: Decimal,
    /// The measure after this step.
    pub after: Decimal,
    /// The total of in-year gaps after this step minus before it (for the
    /// gap measure, the same as `change`).
    pub gap_change: Decimal,
    /// The total of in-year gaps after this step.
    pub gap_after: Decimal,
    /// Why the measure moved by a different amount from the gap, from the
    /// engine's pool accounts before and after the step (e.g. "underspend
    /// returned to partners"); `None` when it moved with the gap.
    pub note: Option<String>,
}

/// The whole bridge.
#[derive(Debug, Clone, PartialEq)]
pub struct Bridge {
    /// What the bridge explains.
    pub measure: Measure,
    /// The horizon both scenarios cover, in years (for the labels).
    pub years: usize,
    /// A's figure (for the gap measure, A's total of in-year gaps).
    pub start: Decimal,
    /// B's figure.
    pub end: Decimal,
    pub steps: Vec<Step>,
    /// Explanations of the bridge as a whole (combined steps, interaction).
    pub notes: Vec<String>,
}

/// Where the walk from A to B has got to.
struct Walk<'a> {
    budget: &'a Budget,
    measure: &'a Measure,
    value: Decimal,
    gap: Decimal,
    state: Snapshot,
    steps: Vec<Step>,
}

impl Walk<'_> {
    fn push(&mut self, driver: String, next: Snapshot) -> Result<(), AnalysisError> {
        let e = AnalysisError::engine("the bridge");
        let value = next.value(self.measure).map_err(&e)?;
        let gap = next.value(&Measure::Gap).map_err(&e)?;
        let change = sub(value, self.value, "the bridge").map_err(&e)?;
        let gap_change = sub(gap, self.gap, "the bridge").map_err(&e)?;
        let note = notes::explain(
            self.budget,
            self.measure,
            (self.state.view(), next.view()),
            (change, gap_change),
        )
        .map_err(&e)?;
        self.steps.push(Step {
            number: self.steps.len() + 1,
            driver,
            change,
            after: value,
            gap_change,
            gap_after: gap,
            note,
        });
        (self.value, self.gap, self.state) = (value, gap, next);
        Ok(())
    }
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

/// The bridge of the total of in-year gaps from A to B.
pub fn bridge(budget: &Budget, a: &Scenario, b: &Scenario) -> Result<Bridge, AnalysisError> {
    bridge_of(budget, a, b, &Measure::Gap)
}

/// The bridge of `measure` from A to B: the same drivers in the same order
/// whatever the measure; the steps sum exactly to B's figure minus A's.
pub fn bridge_of(
    budget: &Budget,
    a: &Scenario,
    b: &Scenario,
    measure: &Measure,
) -> Result<Bridge, AnalysisError> {
    comparable(a, b)?;
    measure.check(budget)?;
    let mut work = Work::new(budget, a, b);
    let first = work.full(a).map_err(AnalysisError::engine(&a.id))?;
    let last = work.full(b).map_err(AnalysisError::engine(&b.id))?;
    let start = first.value(measure).map_err(AnalysisError::engine(&a.id))?;
    let end = last.value(measure).map_err(AnalysisError::engine(&b.id))?;
    let end_gap = last
        .value(&Measure::Gap)
        .map_err(AnalysisError::engine(&b.id))?;
    let mut walk = Walk {
        budget,
        measure,
        value: start,
        gap: first
            .value(&Measure::Gap)
            .map_err(AnalysisError::engine(&a.id))?,
        state: first,
        steps: vec![],
    };
    let mut pending: Vec<String> = vec![];
    let mut notes = vec![];
    for (label, mv) in moves(budget, a, b) {
        work.apply(&mv);
        pending.push(label);
        match work.project() {
            Ok(next) => {
                if pending.len() > 1 {
                    notes.push(format!(
                        "step {}: {} drivers are combined because the scenario between them cannot be projected on its own",
                        walk.steps.len() + 1,
                        pending.len()
                    ));
                }
                walk.push(pending.join(" + "), next)?;
                pending.clear();
            }
            Err(e) => notes.push(format!("after \"{}\": {e}", pending.join(" + "))),
        }
    }
    if !pending.is_empty() || walk.value != end || walk.gap != end_gap {
        let mut label = pending;
        label.push("interaction: the levers' effects depend on their order".into());
        notes.push(format!(
            "step {}: the drivers one at a time do not land exactly on {}'s figure, so a final interaction step takes up the difference",
            walk.steps.len() + 1,
            b.id
        ));
        walk.push(label.join(" + "), last)?;
    }
    Ok(Bridge {
        measure: measure.clone(),
        years: a.years,
        start,
        end,
        steps: walk.steps,
        notes,
    })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_measure;
#[cfg(test)]
mod tests_work;
