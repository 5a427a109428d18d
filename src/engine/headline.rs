//! SPEC §6.6: the scenario's headlines by year, real terms, present values,
//! NPV, BCR and payback.

use super::arith::{sub, sum, R};
use super::exact_sum::ExactSum;
use super::services::LineSums;
use super::vfm::{payback, pv, real_series};
use super::{PoolLine, ServiceLine};
use crate::model::Scenario;
use rust_decimal::Decimal;

/// The scenario's headline figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    pub contributions: Vec<Decimal>,
    pub spend: Vec<Decimal>,
    /// spend − contributions (positive = shortfall).
    pub in_year_gap: Vec<Decimal>,
    /// Σ pools' overspends after reserves.
    pub overspend: Vec<Decimal>,
    /// Σ services' benefit (cash).
    pub benefit_total: Vec<Decimal>,
    /// real(spend).
    pub real_spend: Vec<Decimal>,
    /// Σ services' outcomes (unrounded).
    pub outcomes: Vec<Decimal>,
    /// Σ services' cost (before savings), for cost per outcome.
    pub service_cost: Vec<Decimal>,
    /// Σ pools' carry into the year after the last.
    pub closing_reserve: Decimal,
    pub pv_cost: Decimal,
    pub pv_benefit: Decimal,
    pub npv: Decimal,
    /// pv_benefit / pv_cost, unrounded; `None` when pv_cost is 0.
    pub bcr: Option<Decimal>,
    /// First year index whose cumulative real (benefit − cost) is ≥ 0.
    pub payback: Option<usize>,
}

/// The headline totals; Σ services' cost, benefit and outcomes by year
/// come from `sums` (taken as the lines were built) where their exact sums
/// stand in for the checked fold, else the lines are folded here.
pub fn totals(
    s: &Scenario,
    deflator: &[Decimal],
    pools: &[PoolLine],
    services: &[ServiceLine],
    sums: &LineSums,
    n: usize,
) -> R<Totals> {
    totals_of(s, deflator, pools, services, sums, n, true)
}

/// `totals`; with `benefit` false the benefit and outcomes totals and what
/// is built on them (PV of benefit, NPV, BCR, payback) are left 0 / `None`
/// (`engine::project_money`, after `services::bound` proved they cannot fail).
pub fn totals_of(
    s: &Scenario,
    deflator: &[Decimal],
    pools: &[PoolLine],
    services: &[ServiceLine],
    sums: &LineSums,
    n: usize,
    benefit: bool,
) -> R<Totals> {
    let col = |f: &dyn Fn(&PoolLine) -> &Vec<Decimal>, t: usize| {
        sum(pools.iter().map(|p| &f(p)[t]), "the headline totals")
    };
    let cost = || fold(services, n, &sums.cost, |l| &l.cost);
    let series = if benefit {
        let b = fold(services, n, &sums.benefit, |l| &l.benefit);
        let o = fold(services, n, &sums.outcomes, |l| &l.outcomes);
        b.zip(o).and_then(|(b, o)| Some((b, o, cost()?)))
    } else {
        cost().map(|c| (vec![Decimal::ZERO; n], vec![Decimal::ZERO; n], c))
    };
    let full = benefit;
    let Some((benefit, outcomes, service_cost)) = series else {
        if !full {
            // `project_money` projects in full on any error.
            return Err(super::EngineError::Overflow("the headline totals".into()));
        }
        // An overflow: year by year, as the figures are defined, so the
        // first to overflow is the one reported.
        for t in 0..n {
            let c = col(&|p| &p.contributions, t)?;
            sub(col(&|p| &p.spend, t)?, c, "the in-year gap")?;
            col(&|p| &p.overspend, t)?;
            sum(services.iter().map(|sv| &sv.benefit[t]), "total benefit")?;
            sum(services.iter().map(|sv| &sv.outcomes[t]), "total outcomes")?;
            sum(services.iter().map(|sv| &sv.cost[t]), "total cost")?;
        }
        // (Not reached: the same sums overflow again.)
        return Err(super::EngineError::Overflow("the headline totals".into()));
    };
    let mut contributions = Vec::with_capacity(n);
    let mut spend = Vec::with_capacity(n);
    let mut overspend = Vec::with_capacity(n);
    let mut gap = Vec::with_capacity(n);
    for t in 0..n {
        let c = col(&|p| &p.contributions, t)?;
        let sp = col(&|p| &p.spend, t)?;
        contributions.push(c);
        spend.push(sp);
        gap.push(sub(sp, c, "the in-year gap")?);
        overspend.push(col(&|p| &p.overspend, t)?);
    }
    let closing_reserve = sum(
        pools.iter().map(|p| &p.closing_reserve),
        "the closing reserve",
    )?;
    let r = &s.rates;
    let real_spend = real_series(&spend, deflator)?;
    let pv_cost = pv(&spend, deflator, r.discount_rate)?;
    let (pv_benefit, npv, bcr, pb) = if full {
        let pv_benefit = pv(&benefit, deflator, r.discount_rate)?;
        let npv = sub(pv_benefit, pv_cost, "NPV")?;
        let bcr = if pv_cost.is_zero() {
            None
        } else {
            pv_benefit.checked_div(pv_cost)
        };
        (pv_benefit, npv, bcr, payback(&benefit, &spend, deflator)?)
    } else {
        (Decimal::ZERO, Decimal::ZERO, None, None)
    };
    Ok(Totals {
        contributions,
        spend,
        in_year_gap: gap,
        overspend,
        benefit_total: benefit,
        real_spend,
        outcomes,
        service_cost,
        closing_reserve,
        pv_cost,
        pv_benefit,
        npv,
        bcr,
        payback: pb,
    })
}

/// Σ over the lines of one series by year: the exact sums where they
/// stand in for the checked fold, else the fold in service order. `None`
/// on overflow: then the year-by-year sums name the figure.
fn fold(
    services: &[ServiceLine],
    n: usize,
    exact: &[ExactSum],
    f: impl Fn(&ServiceLine) -> &[Decimal],
) -> Option<Vec<Decimal>> {
    if let Some(v) = LineSums::values(exact).filter(|v| v.len() == n) {
        return Some(v);
    }
    let mut c = vec![Decimal::ZERO; n];
    for sv in services {
        for (c, x) in c.iter_mut().zip(f(sv)) {
            *c = c.checked_add(*x)?;
        }
    }
    Some(c)
}
