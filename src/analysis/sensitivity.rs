//! Sensitivity (SPEC §8): each input moved −1 and +1 percentage point, the
//! effect on the total of in-year gaps over the horizon and on NPV (a tornado, largest swing
//! first), and each input's switching value.
//!
//! Inputs: the four rates (pay and price inflation, deflator, discount
//! rate); the demand growth of every key in the scenario's `[demand]` and of
//! every category of its services (a category without a key is at 0 and
//! moving it creates the key); the contribution growth of every partner
//! that has contributions. An effect is the figure with the input moved
//! minus the figure as it stands. The swing is the larger absolute gap
//! effect; ties are ordered by name. A move the engine cannot project is
//! "n/a", never a failure of the whole report.
//!
//! A rate given by year (§10.1) is moved by the same amount in every year:
//! its `current` is 0 and its switching value is that uniform shift.

use super::switching::{switching_value, Found, STEP};
use super::{cumulative_gap, AnalysisError};
use crate::engine::project;
use crate::model::{Budget, Scenario, Year, YearRate};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// One input of the model that sensitivity moves.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    PayInflation,
    PriceInflation,
    Deflator,
    DiscountRate,
    /// Demand growth of a category or service id.
    Demand(String),
    /// Contribution growth of a partner.
    ContributionGrowth(String),
}

impl Input {
    /// True for inputs the cash gap never depends on (they only move NPV).
    pub fn npv_only(&self) -> bool {
        matches!(self, Input::Deflator | Input::DiscountRate)
    }

    /// The name shown and written: `pay_inflation`, `demand:residential-care`.
    pub fn name(&self) -> String {
        match self {
            Input::PayInflation => "pay_inflation".into(),
            Input::PriceInflation => "price_inflation".into(),
            Input::Deflator => "deflator".into(),
            Input::DiscountRate => "discount_rate".into(),
            Input::Demand(k) => format!("demand:{k}"),
            Input::ContributionGrowth(k) => format!("contribution_growth:{k}"),
        }
    }

    fn rate<'s>(&self, s: &'s Scenario) -> Option<&'s YearRate> {
        match self {
            Input::PayInflation => Some(&s.rates.pay_inflation),
            Input::PriceInflation => Some(&s.rates.price_inflation),
            Input::Deflator => Some(&s.rates.deflator),
            Input::DiscountRate => None,
            Input::Demand(k) => s.demand.get(k),
            Input::ContributionGrowth(k) => s.contribution_growth.get(k),
        }
    }

    /// The year table this input is given as, if it is one.
    pub fn by_year(&self, s: &Scenario) -> Option<YearRate> {
        self.rate(s).filter(|r| r.single().is_none()).cloned()
    }

    /// Its value in a scenario (0 where a key is absent, and 0 for a year
    /// table, which moves as a uniform shift).
    pub fn get(&self, s: &Scenario) -> Decimal {
        match self {
            Input::DiscountRate => s.rates.discount_rate,
            _ => self.rate(s).and_then(YearRate::single).unwrap_or_default(),
        }
    }

    /// A copy of the scenario with this input set to `x` (a year table is
    /// shifted by `x` in every year instead).
    pub fn with(&self, s: &Scenario, base: Year, x: Decimal) -> Scenario {
        let mut s = s.clone();
        let v = match self.rate(&s) {
            Some(r @ YearRate::ByYear(_)) => r.shifted(base, x),
            _ => YearRate::One(x),
        };
        match self {
            Input::PayInflation => s.rates.pay_inflation = v,
            Input::PriceInflation => s.rates.price_inflation = v,
            Input::Deflator => s.rates.deflator = v,
            Input::DiscountRate => s.rates.discount_rate = x,
            Input::Demand(k) => {
                s.demand.insert(k.clone(), v);
            }
            Input::ContributionGrowth(k) => {
                s.contribution_growth.insert(k.clone(), v);
            }
        }
        s
    }
}

/// The inputs of a scenario, in a fixed order (rates, demand, growth).
pub fn inputs(budget: &Budget, s: &Scenario) -> Vec<Input> {
    let mut out = vec![
        Input::PayInflation,
        Input::PriceInflation,
        Input::Deflator,
        Input::DiscountRate,
    ];
    let mut demand: BTreeSet<&str> = s.demand.keys().map(String::as_str).collect();
    demand.extend(budget.services.iter().map(|v| v.category.as_str()));
    for l in &s.levers {
        if let crate::model::LeverKind::Commission { service } = &l.kind {
            demand.insert(&service.category);
        }
    }
    out.extend(demand.into_iter().map(|k| Input::Demand(k.to_string())));
    let partners: BTreeSet<&str> = budget
        .contributions
        .iter()
        .map(|c| c.partner.as_str())
        .collect();
    out.extend(
        partners
            .into_iter()
            .map(|k| Input::ContributionGrowth(k.to_string())),
    );
    out
}

/// Effects of one move (`None` = the engine cannot project it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effect {
    pub gap: Option<Decimal>,
    pub npv: Option<Decimal>,
}

/// One row of the tornado, with the input's switching value.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub input: Input,
    /// The current value; 0 for a year table (whose moves are shifts).
    pub current: Decimal,
    /// The year table, when the input is given by year: `current` and the
    /// switching value are then a uniform shift in percentage points.
    pub by_year: Option<YearRate>,
    pub down: Effect,
    pub up: Effect,
    /// The larger absolute gap effect.
    pub swing: Decimal,
    /// Where the total of in-year gaps is zero, if within ±50 pp.
    pub switching: Option<Found>,
}

/// The whole sensitivity report.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    pub scenario: String,
    /// The scenario's horizon, in years (for the labels).
    pub years: usize,
    /// The total of in-year gaps over the horizon.
    pub gap: Decimal,
    pub npv: Decimal,
    /// Sorted by swing, largest first; ties by name.
    pub rows: Vec<Row>,
}

/// (total of in-year gaps, NPV) of a scenario, or `None` if it cannot be projected.
pub fn gap_and_npv(budget: &Budget, s: &Scenario) -> Option<(Decimal, Decimal)> {
    let p = project(budget, s).ok()?;
    Some((cumulative_gap(&p).ok()?, p.totals.npv))
}

fn effect(moved: Option<(Decimal, Decimal)>, base: (Decimal, Decimal)) -> Effect {
    match moved {
        Some((g, n)) => Effect {
            gap: g.checked_sub(base.0),
            npv: n.checked_sub(base.1),
        },
        None => Effect {
            gap: None,
            npv: None,
        },
    }
}

/// The tornado and switching values of a scenario.
pub fn sensitivity(budget: &Budget, s: &Scenario) -> Result<Sensitivity, AnalysisError> {
    let p = project(budget, s).map_err(AnalysisError::engine(&s.id))?;
    let base = (
        cumulative_gap(&p).map_err(AnalysisError::engine(&s.id))?,
        p.totals.npv,
    );
    let ix = demand::Index::new(budget, s);
    let mut shell = demand::shell(budget);
    let by = budget.base_year;
    let mut rows = vec![];
    for input in inputs(budget, s) {
        let current = input.get(s);
        let probe = match &input {
            Input::Demand(k) => demand::Probe::new(&ix, (budget, s), &p, &mut shell, k),
            _ => None,
        };
        // The small budget where the input only drives some services; the
        // whole budget otherwise, or where the small one cannot say.
        let figures = |x: Decimal| {
            probe
                .as_ref()
                .and_then(|pr| pr.at(&input, x))
                .or_else(|| gap_and_npv(budget, &input.with(s, by, x)))
        };
        let at = |x: Decimal| effect(figures(x), base);
        let (down, up) = match (current.checked_sub(STEP), current.checked_add(STEP)) {
            (Some(d), Some(u)) => (at(d), at(u)),
            _ => (
                Effect {
                    gap: None,
                    npv: None,
                },
                Effect {
                    gap: None,
                    npv: None,
                },
            ),
        };
        let swing = [down.gap, up.gap]
            .iter()
            .flatten()
            .map(|g| g.abs())
            .max()
            .unwrap_or_default();
        let gap_at = |x: Decimal| figures(x).map(|r| r.0);
        let switching = switching_value(current, &gap_at);
        rows.push(Row {
            by_year: input.by_year(s),
            input,
            current,
            down,
            up,
            swing,
            switching,
        });
    }
    rows.sort_by(|a, b| {
        b.swing
            .cmp(&a.swing)
            .then_with(|| a.input.name().cmp(&b.input.name()))
    });
    Ok(Sensitivity {
        scenario: s.id.clone(),
        years: s.years,
        gap: base.0,
        npv: base.1,
        rows,
    })
}

mod demand;
#[cfg(test)]
mod tests;
