//! SPEC §6.5: each pool's account year by year (contributions, carry-in,
//! savings, spend, balance), the risk share of over/underspends by the pool's
//! rule with the penny-exact largest-remainder split, and partners' exposure.

use super::arith::{add, sub, sum, R};
use super::split::largest_remainder;
use super::{ContributionLine, ExposureLine, PoolLine, ServiceLine, ShareLine};
use crate::model::{Budget, LeverKind, RiskRule, Scenario, Underspend};
use rust_decimal::Decimal;
use std::collections::HashMap;

pub fn project(
    b: &Budget,
    s: &Scenario,
    contributions: &[ContributionLine],
    services: &[ServiceLine],
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
    let mut by_pool_contrib: HashMap<&str, Vec<&ContributionLine>> = HashMap::new();
    for c in contributions {
        by_pool_contrib.entry(c.pool.as_str()).or_default().push(c);
    }
    let mut by_pool_services: HashMap<&str, Vec<&ServiceLine>> = HashMap::new();
    for sv in services {
        by_pool_services
            .entry(sv.pool.as_str())
            .or_default()
            .push(sv);
    }
    let mut savings: HashMap<&str, Vec<(&crate::model::Lever, Decimal)>> = HashMap::new();
    for l in &s.levers {
        if let LeverKind::Saving { pool, by } = &l.kind {
            savings.entry(pool.as_str()).or_default().push((l, *by));
        }
    }
    let mut pools = Vec::with_capacity(b.pools.len());
    for pool in &b.pools {
        let what = format!("pool {}", pool.id);
        let contrib = by_pool_contrib
            .get(pool.id.as_str())
            .cloned()
            .unwrap_or_default();
        let svcs = by_pool_services
            .get(pool.id.as_str())
            .cloned()
            .unwrap_or_default();
        // Partners sharing risk, in partners.csv order, with their weights.
        let mut sharers: Vec<(usize, String)> = match pool.risk_share {
            RiskRule::Agreed => b
                .risk_shares
                .iter()
                .filter(|r| r.pool == pool.id)
                .filter_map(|r| {
                    partner_order
                        .get(r.partner.as_str())
                        .map(|&i| (i, r.partner.clone()))
                })
                .collect(),
            _ => contrib
                .iter()
                .filter_map(|c| {
                    partner_order
                        .get(c.partner.as_str())
                        .map(|&i| (i, c.partner.clone()))
                })
                .collect(),
        };
        if let Some(&h) = partner_order.get(pool.host.as_str()) {
            if !sharers.iter().any(|(i, _)| *i == h) {
                sharers.push((h, pool.host.clone()));
            }
        }
        sharers.sort();
        sharers.dedup();
        let mut shares: Vec<ShareLine> = sharers
            .iter()
            .map(|(_, p)| ShareLine {
                partner: p.clone(),
                values: vec![Decimal::ZERO; n],
            })
            .collect();
        let mut line = PoolLine {
            id: pool.id.clone(),
            name: pool.name.clone(),
            host: pool.host.clone(),
            contributions: vec![Decimal::ZERO; n],
            carry_in: vec![Decimal::ZERO; n],
            saving: vec![Decimal::ZERO; n],
            spend: vec![Decimal::ZERO; n],
            balance: vec![Decimal::ZERO; n],
            overspend: vec![Decimal::ZERO; n],
            closing_reserve: Decimal::ZERO,
            shares: vec![],
        };
        let mut carry = Decimal::ZERO;
        for t in 0..n {
            line.contributions[t] = sum(contrib.iter().map(|c| &c.values[t]), &what)?;
            line.carry_in[t] = carry;
            let saving = savings.get(pool.id.as_str()).into_iter().flatten();
            line.saving[t] = sum(saving.filter(|(l, _)| l.covers(t)).map(|(_, by)| by), &what)?;
            let cost = sum(svcs.iter().map(|sv| &sv.cost[t]), &what)?;
            line.spend[t] = sub(cost, line.saving[t], &what)?;
            let income = add(line.contributions[t], carry, &what)?;
            let balance = sub(income, line.spend[t], &what)?;
            line.balance[t] = balance;
            carry = Decimal::ZERO;
            let to_share = if balance < Decimal::ZERO {
                line.overspend[t] = -balance;
                Some(-balance)
            } else if balance > Decimal::ZERO && pool.underspend == Underspend::CarryForward {
                carry = balance;
                None
            } else if balance > Decimal::ZERO {
                Some(-balance)
            } else {
                None
            };
            if let Some(amount) = to_share {
                let weights: Vec<Decimal> = sharers
                    .iter()
                    .map(|(_, p)| weight(pool.risk_share, p, &pool.host, t, &contrib, b, &pool.id))
                    .collect();
                let all_zero = weights.iter().all(|w| w.is_zero());
                let weights = if all_zero {
                    sharers
                        .iter()
                        .map(|(_, p)| {
                            if *p == pool.host {
                                Decimal::ONE
                            } else {
                                Decimal::ZERO
                            }
                        })
                        .collect()
                } else {
                    weights
                };
                for (k, share) in largest_remainder(amount, &weights).into_iter().enumerate() {
                    shares[k].values[t] = share;
                    if let Some(&i) = partner_order.get(shares[k].partner.as_str()) {
                        exposure[i].values[t] = add(exposure[i].values[t], share, "exposure")?;
                    }
                }
            }
        }
        line.closing_reserve = carry;
        line.shares = shares;
        pools.push(line);
    }
    Ok((pools, exposure))
}

/// A partner's weight in year `t` under the pool's rule.
fn weight(
    rule: RiskRule,
    partner: &str,
    host: &str,
    t: usize,
    contrib: &[&ContributionLine],
    b: &Budget,
    pool: &str,
) -> Decimal {
    match rule {
        RiskRule::ProRata => contrib
            .iter()
            .filter(|c| c.partner == partner)
            .map(|c| c.values[t])
            .sum(),
        // §11.3 benefit weights live in the settler (s10); host until then.
        RiskRule::Host | RiskRule::Benefit => {
            if partner == host {
                Decimal::ONE
            } else {
                Decimal::ZERO
            }
        }
        RiskRule::Agreed => b
            .risk_shares
            .iter()
            .find(|r| r.pool == pool && r.partner == partner)
            .map(|r| r.share)
            .unwrap_or(Decimal::ZERO),
    }
}
