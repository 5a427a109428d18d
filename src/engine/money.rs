//! `project_money`: a projection without its benefit passes, for commands
//! that report none of the benefit figures (`check`, every `risk` draw).

use super::{arith, contributions, headline, pools, services, Fiscal, Projection};
use super::{project_on, EngineError};
use crate::model::{Budget, Scenario};
use rust_decimal::Decimal;

/// The projection's money without its benefit: contributions, service
/// lines (cost, volume, outcomes by service), pools, exposure and the cost
/// side of the headlines are exactly `project_on`'s, and so are the result
/// (Ok or the error) and the warnings; benefit, value rows, `benefit_to`,
/// the outcomes and benefit totals, PV of benefit, NPV, BCR, paybacks,
/// beneficiaries and fiscal headlines are left 0 / empty (the value rows of
/// services in pools that share risk by benefit are kept: their
/// settlement reads them; the other lines have no name, category, unit,
/// outcome, provider or benefit series). For `check` and
/// `risk`, which report none of those. The skipped passes run only when
/// `services::bound` cannot prove they would not fail; on any error the
/// whole projection runs, so the error reported is always `project_on`'s.
pub fn project_money(
    budget: &Budget,
    scenario: &Scenario,
    threads: usize,
) -> Result<Projection, EngineError> {
    match money_only(budget, scenario, threads) {
        Some(p) => Ok(p),
        None => project_on(budget, scenario, threads),
    }
}

pub(super) fn money_only(
    budget: &Budget,
    scenario: &Scenario,
    threads: usize,
) -> Option<Projection> {
    let n = scenario.years;
    let mut warnings = vec![];
    let contributions = contributions::project(budget, scenario).ok()?;
    let deflator = arith::products(
        &scenario.rates.deflator,
        budget.base_year,
        n,
        "the deflator",
    )
    .ok()?;
    let (services, sums) =
        services::project(budget, scenario, &deflator, &mut warnings, threads, false).ok()?;
    let (pools, exposure) =
        pools::project_summed(budget, scenario, &contributions, &services, &sums).ok()?;
    let totals =
        headline::totals_of(scenario, &deflator, &pools, &services, &sums, n, false).ok()?;
    if !services::bound::benefit_cannot_fail(budget, scenario, &services, &deflator, &totals.spend)
    {
        return None;
    }
    Some(Projection {
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
        beneficiaries: vec![],
        fiscal: Fiscal {
            benefit_fiscal: vec![Decimal::ZERO; n],
            benefit_cashable: vec![Decimal::ZERO; n],
            pv_fiscal_benefit: Decimal::ZERO,
            pv_cashable_benefit: Decimal::ZERO,
            financial_roi: None,
            payback: None,
        },
        warnings,
    })
}
