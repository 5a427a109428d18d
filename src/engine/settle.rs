//! Settling one year of every pool (SPEC §6.5, §10.4, §10.5): agreement
//! offsets between the pools of one agreement, then each pool's overspend
//! shared by its weights (penny-exact) with caps passing the excess to the
//! host, or its underspend carried or refunded by its rule.
//!
//! Pure: balances in, settlements out. Invariants: the shares of a pool sum
//! exactly to its overspend (or to minus its refunded underspend); the
//! offsets of an agreement sum to 0; caps never touch refunds.

use super::arith::{add, mul, sub, R};
use super::split::largest_remainder;
use super::{ContributionLine, EngineError, ServiceLine};
use crate::model::{round, Budget, Cap, RiskRule, Underspend};
use rust_decimal::Decimal;

/// How one pool's year was settled.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolSettlement {
    /// §10.5: + credited to this pool, − taken from it; 0 if not in an agreement.
    pub offset: Decimal,
    /// Overspend left after the offset, ≥ 0.
    pub overspend: Decimal,
    /// Carried into year t+1 (0 for `return` pools or overspends).
    pub carry_out: Decimal,
    /// Aligned with `Settler::sharers(p)`: + borne, − refund; after caps.
    pub shares: Vec<Decimal>,
    /// Aligned with `Settler::sharers(p)`; ≥ 0; what passed to the host.
    pub cap_excess: Vec<Decimal>,
}

/// One pool's fixed terms: who shares, by what rule, under which caps.
struct Terms<'a> {
    rule: RiskRule,
    underspend: Underspend,
    /// Partners that share, partners.csv order.
    sharers: Vec<String>,
    /// Index of the host in `sharers`.
    host: usize,
    /// Each sharer's contribution series to this pool, if it has one.
    contrib: Vec<Option<&'a [Decimal]>>,
    /// Each sharer's agreed share (agreed pools).
    agreed: Vec<Decimal>,
    /// Each sharer's cap, if any (never the host's).
    caps: Vec<Option<Cap>>,
    /// §11.3 each sharer's benefit weight by year (`benefit` pools only).
    benefit: Vec<Vec<Decimal>>,
}

/// Settles years of a projection; built once per projection.
pub struct Settler<'a> {
    budget: &'a Budget,
    terms: Vec<Terms<'a>>,
    /// Agreements with two or more pools: their pools' indices, pools.csv order.
    agreements: Vec<Vec<usize>>,
    #[allow(dead_code)] // §11.3 benefit weights will read them.
    services: &'a [ServiceLine],
}

impl<'a> Settler<'a> {
    pub fn new(
        budget: &'a Budget,
        contributions: &'a [ContributionLine],
        services: &'a [ServiceLine],
    ) -> Self {
        let order = budget.partner_index();
        let terms = budget
            .pools
            .iter()
            .map(|pool| {
                let lines: Vec<&ContributionLine> =
                    contributions.iter().filter(|c| c.pool == pool.id).collect();
                let mut ix: Vec<usize> = match pool.risk_share {
                    RiskRule::Agreed => budget
                        .risk_shares
                        .iter()
                        .filter(|r| r.pool == pool.id)
                        .filter_map(|r| order.get(r.partner.as_str()).copied())
                        .collect(),
                    RiskRule::Benefit => weights::fiscal_partners(services, &pool.id, &order),
                    _ => lines
                        .iter()
                        .filter_map(|c| order.get(c.partner.as_str()).copied())
                        .collect(),
                };
                ix.extend(order.get(pool.host.as_str()).copied());
                ix.sort_unstable();
                ix.dedup();
                let sharers: Vec<String> =
                    ix.iter().map(|&i| budget.partners[i].id.clone()).collect();
                let host = sharers.iter().position(|p| *p == pool.host).unwrap_or(0);
                let contrib = sharers
                    .iter()
                    .map(|p| {
                        lines
                            .iter()
                            .find(|c| c.partner == *p)
                            .map(|c| c.values.as_slice())
                    })
                    .collect();
                let agreed = sharers
                    .iter()
                    .map(|p| {
                        budget
                            .risk_shares
                            .iter()
                            .find(|r| r.pool == pool.id && r.partner == *p)
                            .map(|r| r.share)
                            .unwrap_or_default()
                    })
                    .collect();
                let caps = sharers
                    .iter()
                    .map(|p| {
                        budget
                            .risk_caps
                            .iter()
                            .find(|c| c.pool == pool.id && c.partner == *p && *p != pool.host)
                            .map(|c| c.cap)
                    })
                    .collect();
                Terms {
                    benefit: weights::benefit_weights(services, pool, &sharers),
                    rule: pool.risk_share,
                    underspend: pool.underspend,
                    sharers,
                    host,
                    contrib,
                    agreed,
                    caps,
                }
            })
            .collect();
        let mut groups: Vec<(&str, Vec<usize>)> = vec![];
        for (p, pool) in budget.pools.iter().enumerate() {
            if let Some(a) = pool.agreement.as_deref() {
                match groups.iter_mut().find(|(g, _)| *g == a) {
                    Some((_, v)) => v.push(p),
                    None => groups.push((a, vec![p])),
                }
            }
        }
        let agreements = groups
            .into_iter()
            .map(|(_, v)| v)
            .filter(|v| v.len() >= 2)
            .collect();
        Settler {
            budget,
            terms,
            agreements,
            services,
        }
    }

    /// Partners that share in pool p (index into budget.pools), partners.csv order.
    pub fn sharers(&self, p: usize) -> &[String] {
        self.terms.get(p).map_or(&[], |t| t.sharers.as_slice())
    }

    /// Settle year t for every pool (budget.pools order) from each pool's
    /// balance (income − spend, before offsets).
    pub fn settle_year(&self, t: usize, balances: &[Decimal]) -> R<Vec<PoolSettlement>> {
        let offsets = self.offsets(balances)?;
        self.terms
            .iter()
            .enumerate()
            .map(|(p, terms)| {
                let what = format!("pool {}", self.budget.pools[p].id);
                let b = balances.get(p).copied().unwrap_or_default();
                let after = add(b, offsets[p], &what)?;
                self.settle_pool(terms, t, after, offsets[p], &what)
            })
            .collect()
    }

    /// §10.5: each pool's offset within its agreement.
    fn offsets(&self, balances: &[Decimal]) -> R<Vec<Decimal>> {
        let mut out = vec![Decimal::ZERO; self.terms.len()];
        let bal = |p: usize| balances.get(p).copied().unwrap_or_default();
        for pools in &self.agreements {
            let over: Vec<Decimal> = pools
                .iter()
                .map(|&p| (-bal(p)).max(Decimal::ZERO))
                .collect();
            let under: Vec<Decimal> = pools.iter().map(|&p| bal(p).max(Decimal::ZERO)).collect();
            let what = "an agreement's offsets";
            let o = over
                .iter()
                .try_fold(Decimal::ZERO, |a, x| add(a, *x, what))?;
            let u = under
                .iter()
                .try_fold(Decimal::ZERO, |a, x| add(a, *x, what))?;
            let x = o.min(u);
            if x.is_zero() {
                continue;
            }
            let credited = largest_remainder(x, &over);
            let taken = largest_remainder(x, &under);
            for (k, &p) in pools.iter().enumerate() {
                out[p] = sub(credited[k], taken[k], what)?;
            }
        }
        Ok(out)
    }

    fn settle_pool(
        &self,
        terms: &Terms<'_>,
        t: usize,
        balance: Decimal,
        offset: Decimal,
        what: &str,
    ) -> R<PoolSettlement> {
        let n = terms.sharers.len();
        let mut s = PoolSettlement {
            offset,
            overspend: Decimal::ZERO,
            carry_out: Decimal::ZERO,
            shares: vec![Decimal::ZERO; n],
            cap_excess: vec![Decimal::ZERO; n],
        };
        let amount = if balance < Decimal::ZERO {
            s.overspend = -balance;
            -balance
        } else if balance > Decimal::ZERO && terms.underspend == Underspend::CarryForward {
            s.carry_out = balance;
            return Ok(s);
        } else if balance > Decimal::ZERO {
            -balance
        } else {
            return Ok(s);
        };
        if n == 0 {
            return Err(EngineError::Overflow(format!(
                "{what}: no partner to share"
            )));
        }
        let weights = self.weights(terms, t);
        s.shares = largest_remainder(amount, &weights);
        if amount > Decimal::ZERO {
            self.cap(terms, t, &mut s, what)?;
        }
        Ok(s)
    }

    /// Weights in year t under the pool's rule; the host takes all when they sum to 0.
    fn weights(&self, terms: &Terms<'_>, t: usize) -> Vec<Decimal> {
        let w: Vec<Decimal> = (0..terms.sharers.len())
            .map(|k| match terms.rule {
                RiskRule::ProRata => terms.contrib[k]
                    .and_then(|v| v.get(t).copied())
                    .unwrap_or_default(),
                RiskRule::Host => host_weight(k, terms.host),
                RiskRule::Agreed => terms.agreed[k],
                RiskRule::Benefit => terms.benefit[k].get(t).copied().unwrap_or_default(),
            })
            .collect();
        if w.iter().all(|x| x.is_zero()) {
            (0..w.len()).map(|k| host_weight(k, terms.host)).collect()
        } else {
            w
        }
    }

    /// §10.4: cut each capped share to its limit; the host bears the excess.
    fn cap(&self, terms: &Terms<'_>, t: usize, s: &mut PoolSettlement, what: &str) -> R<()> {
        let mut total = Decimal::ZERO;
        for k in 0..terms.sharers.len() {
            let Some(cap) = terms.caps[k] else { continue };
            let limit = match cap {
                Cap::Money(m) => round(m),
                Cap::Share(r) => {
                    let c = terms.contrib[k]
                        .and_then(|v| v.get(t).copied())
                        .unwrap_or_default();
                    round(mul(r, c, what)?)
                }
            };
            let excess = sub(s.shares[k], limit, what)?.max(Decimal::ZERO);
            if excess > Decimal::ZERO {
                s.shares[k] = sub(s.shares[k], excess, what)?;
                s.cap_excess[k] = excess;
                total = add(total, excess, what)?;
            }
        }
        let h = terms.host;
        s.shares[h] = add(s.shares[h], total, what)?;
        Ok(())
    }
}

mod weights;
use weights::host_weight;

#[cfg(test)]
mod tests;
