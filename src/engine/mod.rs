//! The projection engine: a validated budget and a resolved scenario in, a
//! `Projection` out. Pure and deterministic: no I/O, no clocks, no floats.
//! Arithmetic is exact `Decimal`; rounding happens only where SPEC §6 says,
//! through `model::round` (half away from zero). Overflow is an error.

// Year-indexed loops over several parallel series read best as `for t in 0..n`.
#![allow(clippy::needless_range_loop)]

pub mod arith;
mod beneficiaries;
pub mod benefit;
mod contributions;
pub mod exact_sum;
mod headline;
mod memory;
mod money;
pub use memory::recycle;
#[cfg(test)]
use money::money_only;
pub use money::project_money;
pub mod parallel;
pub mod partial;
mod pools;
mod services;
pub mod settle;
pub mod split;
mod totals;
pub use totals::HorizonTotals;
pub mod vfm;

use crate::model::{Budget, Rates, Scenario, Year};
use rust_decimal::Decimal;

pub use beneficiaries::{Beneficiary, Fiscal};
pub use headline::Totals;

/// Why a scenario cannot be projected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    /// A value became negative after the levers.
    #[error("{what} becomes negative ({value}) in {year} after the lever at {lever}; change the lever so it stays 0 or more")]
    Negative {
        what: String,
        value: Decimal,
        year: String,
        lever: String,
    },
    /// A figure left the range of exact decimal arithmetic.
    #[error("{0}: a figure is too large for exact arithmetic (beyond ±79,228,162,514,264,337,593,543,950,335); check the amounts and growth rates")]
    Overflow(String),
    /// A division by zero that the model cannot express as "n/a".
    #[error("{0}: division by zero")]
    DivisionByZero(String),
}

/// One (pool, partner) contribution series.
#[derive(Debug, Clone, PartialEq)]
pub struct ContributionLine {
    pub pool: String,
    pub partner: String,
    pub values: Vec<Decimal>,
}

/// A hash map for the engine's per-service lookups (service ids, pools,
/// factor keys): foldhash is several times faster than std's SipHash on
/// short keys, and nothing the engine computes depends on a map's order.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// Years a `Series` holds inline: a ten-year MTFS needs no allocation.
pub const SERIES_INLINE: usize = 10;

/// A year-indexed series of a service line, held inside the line up to
/// `SERIES_INLINE` years (longer horizons spill to the heap). A national
/// model has 10^5 lines per projection; one allocation per series was most
/// of a projection's memory traffic (docs/performance.md).
pub type Series<T> = smallvec::SmallVec<[T; SERIES_INLINE]>;

/// One service's projection, year by year. In a year the service does not
/// run, every figure is 0 and `runs[t]` is false.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceLine {
    pub id: String,
    pub name: String,
    pub pool: String,
    pub category: String,
    pub unit: String,
    pub outcome: String,
    /// The provider delivering it each year (a recommission changes it).
    /// (Shared strings: a year's entry is a reference count, not a copy.)
    pub provider: Series<std::sync::Arc<str>>,
    pub runs: Series<bool>,
    /// Unrounded.
    pub unit_cost: Series<Decimal>,
    /// Unrounded, floored at 0.
    pub volume: Series<Decimal>,
    /// Rounded to the penny.
    pub cost: Series<Decimal>,
    pub outcome_rate: Series<Decimal>,
    /// Unrounded.
    pub outcomes: Series<Decimal>,
    /// Rounded to the penny, cash terms: Σ of `value_rows` (§11.2).
    pub benefit: Series<Decimal>,
    /// §11.1 value rows (outcomes.csv rows, or one unallocated row).
    pub value_rows: Vec<benefit::ValueLine>,
    /// Benefit by beneficiary (every kind), first-row order.
    pub benefit_to: Vec<benefit::BenefitTo>,
    /// True for a service added by a `commission` lever.
    pub commissioned: bool,
    /// Where `pool` is in the projected budget's `pools` (`None` if it
    /// names none), so the pools group their lines without a string lookup.
    pub pool_at: Option<usize>,
}

/// A partner's signed share of a pool's over/underspend, by year.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareLine {
    pub partner: String,
    /// Positive = overspend borne, negative = refund.
    pub values: Vec<Decimal>,
}

/// One pool's account, year by year.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolLine {
    pub id: String,
    pub name: String,
    pub host: String,
    /// §10.3: the reserve brought into the base year (= `carry_in[0]`).
    pub opening_reserve: Decimal,
    pub contributions: Vec<Decimal>,
    pub carry_in: Vec<Decimal>,
    pub saving: Vec<Decimal>,
    pub spend: Vec<Decimal>,
    /// income − spend, before any agreement offset.
    pub balance: Vec<Decimal>,
    /// §10.5: + credited from other pools of its agreement, − given to them.
    pub offset: Vec<Decimal>,
    /// The overspend left after the offset (≥ 0).
    pub overspend: Vec<Decimal>,
    /// The carry into the year after the last.
    pub closing_reserve: Decimal,
    /// Shares in partners.csv order (only partners that share in this pool),
    /// after caps.
    pub shares: Vec<ShareLine>,
    /// §10.4: aligned with `shares`; the amount above each partner's cap
    /// that passed to the host (≥ 0).
    pub cap_excess: Vec<ShareLine>,
}

/// A partner's exposure (contributions + signed risk shares), by year.
#[derive(Debug, Clone, PartialEq)]
pub struct ExposureLine {
    pub partner: String,
    pub values: Vec<Decimal>,
}

/// Everything the views need about one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub scenario_id: String,
    pub scenario_name: String,
    pub budget_id: String,
    pub base_year: Year,
    pub years: usize,
    pub rates: Rates,
    /// The deflator factor `P_deflator[t]` (§10.1), one per year: real terms
    /// divide by it.
    pub deflator: Vec<Decimal>,
    pub contributions: Vec<ContributionLine>,
    pub services: Vec<ServiceLine>,
    pub pools: Vec<PoolLine>,
    pub exposure: Vec<ExposureLine>,
    pub totals: Totals,
    /// §11.4: every beneficiary of outcomes.csv (partners.csv order, then
    /// outside agencies in first-row order) with its fiscal benefit by year.
    pub beneficiaries: Vec<Beneficiary>,
    /// §11.4–11.5: fiscal and cashable benefit, their PV, financial ROI.
    pub fiscal: Fiscal,
    /// Notes such as volumes floored at zero.
    pub warnings: Vec<String>,
}

impl Projection {
    /// The label of year index `t`, e.g. `2010-11`.
    pub fn year_label(&self, t: usize) -> String {
        self.base_year.plus(t as i32).to_string()
    }

    /// All year labels of the horizon.
    pub fn year_labels(&self) -> Vec<String> {
        (0..self.years).map(|t| self.year_label(t)).collect()
    }
}

/// Project a scenario on its budget (the service loop on every core).
pub fn project(budget: &Budget, scenario: &Scenario) -> Result<Projection, EngineError> {
    project_on(budget, scenario, parallel::cores())
}

/// `project` with the service loop on at most `threads` threads; the
/// result is the same for any number.
pub fn project_on(
    budget: &Budget,
    scenario: &Scenario,
    threads: usize,
) -> Result<Projection, EngineError> {
    let n = scenario.years;
    let mut warnings = vec![];
    let contributions = contributions::project(budget, scenario)?;
    let deflator = arith::products(
        &scenario.rates.deflator,
        budget.base_year,
        n,
        "the deflator",
    )?;
    let (services, sums) =
        services::project(budget, scenario, &deflator, &mut warnings, threads, true)?;
    let (pools, exposure) =
        pools::project_summed(budget, scenario, &contributions, &services, &sums)?;
    let totals = headline::totals(scenario, &deflator, &pools, &services, &sums, n)?;
    let beneficiaries = beneficiaries::project(budget, &services, n)?;
    let fiscal = beneficiaries::fiscal(scenario, &deflator, &services, &totals, n)?;
    Ok(Projection {
        scenario_id: scenario.id.clone(),
        scenario_name: scenario.name.clone(),
        budget_id: budget.id.clone(),
        base_year: budget.base_year,
        years: n,
        rates: scenario.rates.clone(),
        deflator,
        contributions,
        services,
        pools,
        exposure,
        totals,
        beneficiaries,
        fiscal,
        warnings,
    })
}

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_exact_sum;
#[cfg(test)]
mod tests_money;
#[cfg(test)]
mod tests_more;
#[cfg(test)]
mod tests_parallel;
#[cfg(test)]
mod tests_s10;
#[cfg(test)]
pub(crate) mod tests_s11;
#[cfg(test)]
mod tests_s11_shares;
