//! Commissioning analysis: the bridge between two scenarios, the provider
//! comparison within a category, and the sensitivity of the gap to each input.
//!
//! Pure like the engine: a validated budget and resolved scenarios in, plain
//! results out; no I/O. Anything that re-projects a scenario calls
//! `engine::project`, so every figure here is one the engine itself would
//! give. Money stays exact `Decimal`; overflow and engine failures are errors,
//! never panics.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod bridge;
pub mod drivers;
pub mod effects;
#[cfg(test)]
pub mod fixture;
pub mod glance;
pub mod levers;
pub mod median;
pub mod monitor;
pub mod mtfs;
pub mod outcome_costs;
pub mod outcome_measures;
pub mod providers;
pub mod risk;
pub mod sensitivity;
pub mod switching;
pub mod who_pays;

use crate::engine::arith::sum;
use crate::engine::{EngineError, Projection};
use crate::model::numtext::plain;
use rust_decimal::Decimal;

/// Why an analysis cannot be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnalysisError {
    /// Two scenarios on different budgets cannot be compared.
    #[error("scenario {a} is on budget {budget_a} but scenario {b} is on budget {budget_b}; compare needs two scenarios on the same budget")]
    DifferentBudgets {
        a: String,
        budget_a: String,
        b: String,
        budget_b: String,
    },
    /// Totals of in-year gaps over different horizons are not comparable.
    #[error("scenario {a} covers {years_a} years but scenario {b} covers {years_b}; the total of in-year gaps is only comparable over the same horizon: give both the same `years`")]
    DifferentHorizons {
        a: String,
        years_a: usize,
        b: String,
        years_b: usize,
    },
    /// The engine could not project a scenario the analysis needs.
    #[error("scenario {scenario}: {source}")]
    Engine {
        scenario: String,
        source: EngineError,
    },
    /// A category no service has.
    #[error("no service has category \"{category}\"; the categories are: {known}")]
    UnknownCategory { category: String, known: String },
    /// A partner the budget does not have (e.g. `--measure exposure:X`).
    #[error("no partner \"{partner}\" in the budget; the partners are: {known}")]
    UnknownPartner { partner: String, known: String },
    /// A provider neither providers.csv nor any service names.
    #[error(
        "no provider \"{provider}\" in providers.csv or on any service; the providers are: {known}"
    )]
    UnknownProvider { provider: String, known: String },
}

impl AnalysisError {
    /// Wrap an engine error with the scenario it came from.
    pub fn engine(scenario: &str) -> impl Fn(EngineError) -> AnalysisError + '_ {
        move |source| AnalysisError::Engine {
            scenario: scenario.to_string(),
            source,
        }
    }
}

/// The total of in-year gaps over the horizon: Σ `totals.in_year_gap`
/// (SPEC §8's "cumulative in-year gap"; not an MTFS cumulative gap, which is
/// one year's gap, methodology §7a).
pub fn cumulative_gap(p: &Projection) -> Result<Decimal, EngineError> {
    sum(&p.totals.in_year_gap, "the total of in-year gaps")
}

/// A rate as a percentage for labels: `0.025` → `2.5%`.
pub fn pct(x: Decimal) -> String {
    match x.checked_mul(Decimal::ONE_HUNDRED) {
        Some(p) => format!("{}%", plain(p, 6)),
        None => x.to_string(),
    }
}

/// A signed rate for labels: `0.2` → `+20%`, `-0.1` → `-10%`.
pub fn signed_pct(x: Decimal) -> String {
    if x > Decimal::ZERO {
        format!("+{}", pct(x))
    } else {
        pct(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn percentages_read_naturally() {
        assert_eq!(pct(dec!(0.025)), "2.5%");
        assert_eq!(pct(dec!(0)), "0%");
        assert_eq!(signed_pct(dec!(0.2)), "+20%");
        assert_eq!(signed_pct(dec!(-0.1)), "-10%");
    }
}
