//! SPEC §6.5 and §10.3–10.5: each pool's account year by year
//! (contributions, carry-in from the opening reserve on, savings, spend,
//! balance), every pool of a year settled together by `settle` (agreement
//! offsets, shares by rule, caps), and partners' exposure.

use super::arith::{add, sub, sum, R};
use super::services::LineSums;
use super::settle::Settler;
use super::FastMap;
use super::{ContributionLine, ExposureLine, PoolLine, ServiceLine, ShareLine};
use crate::model::{Budget, LeverKind, Scenario};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The pool accounts and partners' exposure, each pool's cost summed from
/// the lines.
pub fn project(
    b: &Budget,
    s: &Scenario,
    contributions: &[ContributionLine],
    services: &[ServiceLine],
) -> R<(Vec<PoolLine>, Vec<ExposureLine>)> {
    let sums = LineSums::of(services, s.years, b.pools.len());
    project_summed(b, s, contributions, services, &sums)
}

/// `project` with each pool's cost by year from `sums` (taken as the lines
/// were built); a pool-year whose exact sum refuses folds its lines.
pub fn project_summed(
    b: &Budget,
    s: &Scenario,
    contributions: &[ContributionLine],
    services: &[ServiceLine],
    sums: &LineSums,
) -> R<(Vec<PoolLine>, Vec<ExposureLine>)> {
    let n = s.years;
    let partner_order = b.partner_index();
    let mut exposure: Vec<ExposureLine> = b
        .partners
        .iter()
        .map(|p| ExposureLine {
            partner: p.id.clone(),
            values: vec![Decimal::ZERO; n],
        })
        .collect();
    for c in contributions {
        if let Some(&i) = partner_order.get(c.partner.as_str()) {
            for t in 0..n {
                exposure[i].values[t] = add(exposure[i].values[t], c.values[t], "exposure")?;
            }
        }
    }
    let mut by_pool_contrib: FastMap<&str, Vec<&ContributionLine>> = FastMap::default();
    for c in contributions {
        by_pool_contrib.entry(c.pool.as_str()).or_default().push(c);
    }
    // Each pool's lines, in service order: only for a pool-year whose exact
    // sum refused (10^5 lines in a national model: no pass when none does).
    let exact = |p: usize, t: usize| sums.pool_cost.get(p).and_then(|x| x[t].value());
    let refused = (0..b.pools.len()).any(|p| (0..n).any(|t| exact(p, t).is_none()));
    let mut by_pool_services: Vec<Vec<&ServiceLine>> = vec![vec![]; b.pools.len()];
    if refused {
        for sv in services {
            if let Some(p) = sv.pool_at.filter(|p| *p < b.pools.len()) {
                debug_assert_eq!(b.pools[p].id, sv.pool, "lines built on another budget");
                by_pool_services[p].push(sv);
            }
        }
    }
    let mut savings: HashMap<&str, Vec<(&crate::model::Lever, Decimal)>> = HashMap::new();
    for l in &s.levers {
        if let LeverKind::Saving { pool, by } = &l.kind {
            savings.entry(pool.as_str()).or_default().push((l, *by));
        }
    }
    let settler = Settler::new(b, contributions, services);
    // What does not depend on the carry: contributions, savings, spend.
    let mut pools = Vec::with_capacity(b.pools.len());
    for (p, pool) in b.pools.iter().enumerate() {
        let what = format!("pool {}", pool.id);
        let contrib = by_pool_contrib.get(pool.id.as_str());
        let svcs = &by_pool_services[p];
        let share_lines = || -> Vec<ShareLine> {
            settler
                .sharers(p)
                .iter()
                .map(|id| ShareLine {
                    partner: id.clone(),
                    values: vec![Decimal::ZERO; n],
                })
                .collect()
        };
        let mut line = PoolLine {
            id: pool.id.clone(),
            name: pool.name.clone(),
            host: pool.host.clone(),
            opening_reserve: pool.opening_reserve,
            contributions: vec![Decimal::ZERO; n],
            carry_in: vec![Decimal::ZERO; n],
            saving: vec![Decimal::ZERO; n],
            spend: vec![Decimal::ZERO; n],
            balance: vec![Decimal::ZERO; n],
            offset: vec![Decimal::ZERO; n],
            overspend: vec![Decimal::ZERO; n],
            closing_reserve: Decimal::ZERO,
            shares: share_lines(),
            cap_excess: share_lines(),
        };
        for t in 0..n {
            let cs = contrib.into_iter().flatten().map(|c| &c.values[t]);
            line.contributions[t] = sum(cs, &what)?;
            let saving = savings.get(pool.id.as_str()).into_iter().flatten();
            line.saving[t] = sum(saving.filter(|(l, _)| l.covers(t)).map(|(_, by)| by), &what)?;
            let costs = || svcs.iter().map(|sv| &sv.cost[t]);
            let cost = match exact(p, t) {
                Some(c) => c,
                None => sum(costs(), &what)?,
            };
            line.spend[t] = sub(cost, line.saving[t], &what)?;
        }
        pools.push(line);
    }
    // Year by year, every pool together (offsets cross pools).
    let mut carry: Vec<Decimal> = b.pools.iter().map(|p| p.opening_reserve).collect();
    for t in 0..n {
        let mut balances = Vec::with_capacity(pools.len());
        for (line, c) in pools.iter_mut().zip(&carry) {
            let what = format!("pool {}", line.id);
            line.carry_in[t] = *c;
            let income = add(line.contributions[t], *c, &what)?;
            line.balance[t] = sub(income, line.spend[t], &what)?;
            balances.push(line.balance[t]);
        }
        let settled = settler.settle_year(t, &balances)?;
        for ((line, st), c) in pools.iter_mut().zip(settled).zip(carry.iter_mut()) {
            line.offset[t] = st.offset;
            line.overspend[t] = st.overspend;
            *c = st.carry_out;
            for (k, share) in st.shares.into_iter().enumerate() {
                line.shares[k].values[t] = share;
                line.cap_excess[k].values[t] = st.cap_excess[k];
                if let Some(&i) = partner_order.get(line.shares[k].partner.as_str()) {
                    exposure[i].values[t] = add(exposure[i].values[t], share, "exposure")?;
                }
            }
        }
    }
    for (line, c) in pools.iter_mut().zip(carry) {
        line.closing_reserve = c;
    }
    Ok((pools, exposure))
}
