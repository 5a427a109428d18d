//! SPEC §14: the distribution of a scenario's outcomes under ranges on its
//! inputs, and the reserve that would cover its overspends at a confidence.
//!
//! Each draw samples every ranged input (see `sample` for the exact,
//! documented algorithm), sets it as a single rate on a copy of the scenario
//! and projects that copy with `engine::project` — every figure of a draw is
//! an exact projection. Draws run on every core (`engine::parallel`) in
//! chunks, each reduced at once to its `Figures`; results do not depend on
//! the number of threads because draw i's inputs depend only on (seed, i).

pub mod figures;
pub mod paper;
pub mod sample;
pub mod stats;

pub use figures::Figures;
pub use stats::Stat;

use crate::engine::{parallel::project_each_with, project, project_money, EngineError};
use crate::model::{Budget, Range, RangeKey, Scenario, Year};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many draws, from which seed, at what confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub draws: usize,
    pub seed: u64,
    /// A fraction, 0 < confidence ≤ 1 (default 0.9).
    pub confidence: Decimal,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            draws: 2_000,
            seed: 1,
            confidence: Decimal::new(9, 1),
        }
    }
}

/// A pool or partner with its figure's distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub id: String,
    pub name: String,
    pub stat: Stat,
}

/// The result of `risk`.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub scenario_id: String,
    pub scenario_name: String,
    pub base_year: Year,
    pub years: usize,
    pub options: Options,
    /// The ranged inputs, in draw order.
    pub inputs: Vec<(RangeKey, Range)>,
    /// The scenario's own (deterministic) projection, reduced.
    pub deterministic: Figures,
    /// The total of in-year gaps over the horizon.
    pub gap: Stat,
    /// The in-year gap of each year.
    pub gap_by_year: Vec<Stat>,
    /// The total overspend; its value at the confidence is the
    /// partnership's reserve needed.
    pub overspend: Stat,
    /// The total overspend's histogram over the draws (12 bars).
    pub overspend_bins: Vec<stats::Bin>,
    /// Each pool's total overspend; at the confidence, its reserve needed.
    pub pools: Vec<Named>,
    /// Each partner's total exposure.
    pub partners: Vec<Named>,
}

/// Why a risk run could not finish.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RiskError {
    #[error("scenario {scenario}: {source}")]
    Deterministic {
        scenario: String,
        source: Box<EngineError>,
    },
    #[error("scenario {scenario}, draw {draw} ({inputs}): {source}")]
    Draw {
        scenario: String,
        draw: usize,
        inputs: String,
        source: Box<EngineError>,
    },
    #[error("scenario {0}: a total is too large for exact arithmetic over the draws")]
    Overflow(String),
    #[error("stopped before the last draw")]
    Cancelled,
}

/// The scenario of draw `i`: every ranged input set to its sampled rate.
pub fn draw_scenario(s: &Scenario, seed: u64, i: usize) -> Scenario {
    let mut d = s.clone();
    let rates = sample::draw_rates(s.ranges.values(), seed, i);
    for (k, r) in s.ranges.keys().zip(rates) {
        d.set_rate(k, r);
    }
    d
}

/// Draws per chunk handed to the workers (progress and cancellation are
/// checked between chunks).
const CHUNK: usize = 100;

/// Run `o.draws` draws. `progress(done)` is called after each chunk; when it
/// returns false the run stops with `Cancelled`.
pub fn risk(
    budgets: &HashMap<String, Budget>,
    s: &Scenario,
    o: &Options,
    progress: &(dyn Fn(usize) -> bool + Sync),
) -> Result<Risk, RiskError> {
    let base = budgets.get(&s.budget);
    let det_err = |source| RiskError::Deterministic {
        scenario: s.id.clone(),
        source: Box::new(source),
    };
    let budget = base.ok_or_else(|| {
        det_err(EngineError::Overflow(format!(
            "budget {} is not loaded",
            s.budget
        )))
    })?;
    let p = project(budget, s).map_err(det_err)?;
    let deterministic = Figures::of(&p).map_err(det_err)?;
    let mut draws: Vec<Figures> = Vec::with_capacity(o.draws);
    let done = AtomicUsize::new(0);
    for start in (0..o.draws).step_by(CHUNK) {
        let end = (start + CHUNK).min(o.draws);
        let scenarios: Vec<Scenario> = (start..end).map(|i| draw_scenario(s, o.seed, i)).collect();
        let reduce = |p: crate::engine::Projection| {
            done.fetch_add(1, Ordering::Relaxed);
            let f = Figures::of(&p);
            crate::engine::recycle(p);
            f
        };
        // Draws report no benefit figure: `project_money` (same money, same
        // errors as the whole projection, without the benefit passes).
        for (k, r) in project_each_with(budgets, &scenarios, project_money, &reduce)
            .into_iter()
            .enumerate()
        {
            let fail = |source| RiskError::Draw {
                scenario: s.id.clone(),
                draw: start + k,
                inputs: inputs_label(s, &scenarios[k]),
                source: Box::new(source),
            };
            draws.push(r.map_err(fail)?.0.map_err(fail)?);
        }
        if !progress(done.load(Ordering::Relaxed)) {
            return Err(RiskError::Cancelled);
        }
    }
    summarise(s, &p, o, deterministic, &draws, budget)
}

/// The sampled inputs of a draw, for messages: `rates.pay_inflation 3.1%, …`.
fn inputs_label(s: &Scenario, d: &Scenario) -> String {
    let parts: Vec<String> = s
        .ranges
        .keys()
        .map(|k| {
            let v = d.rate_of(k).map(|r| r.label()).unwrap_or_default();
            format!("{} {v}", k.label())
        })
        .collect();
    parts.join(", ")
}

fn summarise(
    s: &Scenario,
    p: &crate::engine::Projection,
    o: &Options,
    deterministic: Figures,
    draws: &[Figures],
    budget: &Budget,
) -> Result<Risk, RiskError> {
    let overflow = || RiskError::Overflow(s.id.clone());
    let c = o.confidence;
    let of = |f: &dyn Fn(&Figures) -> Decimal| {
        let v: Vec<Decimal> = draws.iter().map(f).collect();
        stats::stat(&v, c).ok_or_else(overflow)
    };
    let gap = of(&|d| d.gap)?;
    let overspend = of(&|d| d.overspend)?;
    let gap_by_year = (0..p.years)
        .map(|t| of(&|d| d.gap_by_year[t]))
        .collect::<Result<_, _>>()?;
    let pools = p
        .pools
        .iter()
        .enumerate()
        .map(|(i, l)| {
            Ok(Named {
                id: l.id.clone(),
                name: l.name.clone(),
                stat: of(&|d| d.pools[i])?,
            })
        })
        .collect::<Result<_, RiskError>>()?;
    let partners = p
        .exposure
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let name = budget.partners.iter().find(|x| x.id == e.partner);
            Ok(Named {
                id: e.partner.clone(),
                name: name
                    .map(|x| x.name.clone())
                    .unwrap_or_else(|| e.partner.clone()),
                stat: of(&|d| d.exposure[i])?,
            })
        })
        .collect::<Result<_, RiskError>>()?;
    Ok(Risk {
        scenario_id: s.id.clone(),
        scenario_name: s.name.clone(),
        base_year: p.base_year,
        years: p.years,
        options: *o,
        inputs: s
            .ranges
            .iter()
            .map(|(k, r)| (k.clone(), r.clone()))
            .collect(),
        deterministic,
        gap,
        gap_by_year,
        overspend,
        overspend_bins: stats::histogram(
            &draws.iter().map(|d| d.overspend).collect::<Vec<_>>(),
            12,
        ),
        pools,
        partners,
    })
}

#[cfg(test)]
mod tests;
