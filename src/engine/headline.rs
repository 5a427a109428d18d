//! SPEC §6.6: the scenario's headlines by year, real terms, present values,
//! NPV, BCR and payback.

use super::arith::{sub, sum, R};
use super::pence::Pence;
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

/// The headline totals; `cost` is Σ services' cost by year when the pools
/// already gave it (`pools::project_costed`), else it is summed here.
pub fn totals(
    s: &Scenario,
    deflator: &[Decimal],
    pools: &[PoolLine],
    services: &[ServiceLine],
    cost: Option<Vec<Decimal>>,
    n: usize,
) -> R<Totals> {
    totals_of(s, deflator, pools, services, cost, n, true)
}

/// `totals`; with `benefit` false the benefit and outcomes totals and what
/// is built on them (PV of benefit, NPV, BCR, payback) are left 0 / `None`
/// (`engine::project_money`, after `services::bound` proved they cannot fail).
pub fn totals_of(
    s: &Scenario,
    deflator: &[Decimal],
    pools: &[PoolLine],
    services: &[ServiceLine],
    cost: Option<Vec<Decimal>>,
    n: usize,
    benefit: bool,
) -> R<Totals> {
    let col = |f: &dyn Fn(&PoolLine) -> &Vec<Decimal>, t: usize| {
        sum(pools.iter().map(|p| &f(p)[t]), "the headline totals")
    };
    let cost = || cost.or_else(|| cost_sums(services, n));
    let sums = if benefit {
        service_sums(services, n).and_then(|(b, o)| Some((b, o, cost()?)))
    } else {
        cost().map(|c| (vec![Decimal::ZERO; n], vec![Decimal::ZERO; n], c))
    };
    let full = benefit;
    let Some((benefit, outcomes, service_cost)) = sums else {
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

/// Σ services' benefit and outcomes by year, in one pass over the
/// services (each year's sum in service order, as the checked version).
/// `None` on overflow: then the year-by-year sums name the figure.
fn service_sums(services: &[ServiceLine], n: usize) -> Option<Sums> {
    let mut b = vec![Pence::default(); n];
    let mut o = vec![Decimal::ZERO; n];
    for sv in services {
        for t in 0..n {
            b[t].add(&sv.benefit[t]);
            o[t] = o[t].checked_add(sv.outcomes[t])?;
        }
    }
    let b = match b.iter().map(Pence::value).collect::<Option<Vec<_>>>() {
        Some(b) => b,
        None => {
            let mut b = vec![Decimal::ZERO; n];
            for sv in services {
                for t in 0..n {
                    b[t] = b[t].checked_add(sv.benefit[t])?;
                }
            }
            b
        }
    };
    Some((b, o))
}

/// Σ services' cost by year: in pence
/// where `Pence` stands in for the `Decimal` sum (always, unless a cost is
/// negative or the total reaches 10^26).
fn cost_sums(services: &[ServiceLine], n: usize) -> Option<Vec<Decimal>> {
    let mut p = vec![Pence::default(); n];
    for sv in services {
        for t in 0..n {
            p[t].add(&sv.cost[t]);
        }
    }
    if let Some(c) = p.iter().map(Pence::value).collect::<Option<Vec<_>>>() {
        return Some(c);
    }
    let mut c = vec![Decimal::ZERO; n];
    for sv in services {
        for t in 0..n {
            c[t] = c[t].checked_add(sv.cost[t])?;
        }
    }
    Some(c)
}

type Sums = (Vec<Decimal>, Vec<Decimal>);
