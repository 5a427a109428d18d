//! Per-lever effects (issue 18 item 3): what each rate and lever of a
//! scenario contributes to its total of in-year gaps and cumulative overspend.
//!
//! An input's effect is the figure with everything minus the figure without
//! that one input, holding the rest: a lever is taken out; pay or price
//! inflation is set to 0%; a demand or contribution growth key is removed
//! (0%). The deflator and the discount rate never move these cash figures
//! and are not listed. Because inputs interact (a percentage lever on a
//! volume another lever raised, a pool that tips from underspend into
//! overspend), the effects need not sum to the scenario's figure or to its
//! change from any other scenario; the bridge (`analysis::bridge`) is the
//! decomposition that sums exactly.
//!
//! Each "without" is one incremental re-projection (the bridge's): a lever
//! re-projects only the services it touches, so the whole list costs about
//! two projections of the scenario plus one per rate.

use super::bridge::work::Work;
use super::bridge::Measure;
use super::drivers::{rate, Move};
use super::levers::describe;
use super::AnalysisError;
use crate::engine::arith::sub;
use crate::model::{Budget, Scenario, YearRate};
use rust_decimal::Decimal;

/// Which input an effect belongs to.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    PayInflation,
    PriceInflation,
    /// A `[demand]` key (category or service id).
    Demand(String),
    /// A `[contribution_growth]` key (partner id).
    Growth(String),
    /// The lever at this index of `scenario.levers`.
    Lever(usize),
}

/// One input's effect on the scenario's cumulative figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    pub input: Input,
    /// What it is, e.g. `pay inflation 2.5%` or a lever's description.
    pub label: String,
    /// Gap with it minus gap without it; `None` if the scenario without it
    /// cannot be projected (the reason is in `Effects::notes`).
    pub gap: Option<Decimal>,
    /// Overspend with it minus overspend without it.
    pub overspend: Option<Decimal>,
}

/// Every input's effect, rates first then levers in the scenario's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Effects {
    /// The scenario's total of in-year gaps.
    pub gap: Decimal,
    /// The scenario's cumulative overspend.
    pub overspend: Decimal,
    pub effects: Vec<Effect>,
    pub notes: Vec<String>,
}

/// Each rate's and lever's effect on `s`'s cumulative gap and overspend.
pub fn effects(budget: &Budget, s: &Scenario) -> Result<Effects, AnalysisError> {
    let e = AnalysisError::engine(&s.id);
    let mut work = Work::new(budget, s, s);
    let with = work.project().map_err(&e)?;
    let gap = with.value(&Measure::Gap).map_err(&e)?;
    let overspend = with.value(&Measure::Overspend).map_err(&e)?;
    let mut out = Effects {
        gap,
        overspend,
        effects: vec![],
        notes: vec![],
    };
    let mut one = |work: &mut Work<'_>, input: Input, label: String| -> Result<(), AnalysisError> {
        let (mut g, mut o) = (None, None);
        match work.project() {
            Ok(without) => {
                let gw = without.value(&Measure::Gap).map_err(&e)?;
                let ow = without.value(&Measure::Overspend).map_err(&e)?;
                g = Some(sub(gap, gw, "an effect").map_err(&e)?);
                o = Some(sub(overspend, ow, "an effect").map_err(&e)?);
            }
            Err(err) => out.notes.push(format!("without {label}: {err}")),
        }
        out.effects.push(Effect {
            input,
            label,
            gap: g,
            overspend: o,
        });
        Ok(())
    };
    let r = &s.rates;
    let zero = YearRate::default();
    for (input, v, set) in [
        (
            Input::PayInflation,
            &r.pay_inflation,
            Move::Pay as fn(YearRate) -> Move,
        ),
        (Input::PriceInflation, &r.price_inflation, Move::Price),
    ] {
        let name = if input == Input::PayInflation {
            "pay"
        } else {
            "price"
        };
        work.apply(&set(zero.clone()));
        one(&mut work, input, format!("{name} inflation {}", rate(v)))?;
        work.apply(&set(v.clone()));
    }
    for (k, v) in &s.demand {
        work.apply(&Move::Demand(k.clone(), None));
        one(
            &mut work,
            Input::Demand(k.clone()),
            format!("demand growth {k} {}", rate(v)),
        )?;
        work.apply(&Move::Demand(k.clone(), Some(v.clone())));
    }
    for (k, v) in &s.contribution_growth {
        work.apply(&Move::Growth(k.clone(), None));
        let label = format!("contribution growth {k} {}", rate(v));
        one(&mut work, Input::Growth(k.clone()), label)?;
        work.apply(&Move::Growth(k.clone(), Some(v.clone())));
    }
    for (i, l) in s.levers.iter().enumerate() {
        work.apply(&Move::Remove(i));
        one(&mut work, Input::Lever(i), describe(l, budget.base_year))?;
        work.restore(i, l);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
