//! STAND-IN (monitor branch): the settlement of one year's pool balances,
//! SPEC §6.5 only (no caps, no agreement offsets). The `s10` branch owns the
//! real `engine/settle.rs` with this same API (caps §10.4, offsets §10.5);
//! at merge its file replaces this one.

use super::split::largest_remainder;
use super::{ContributionLine, EngineError, ServiceLine};
use crate::model::{Budget, RiskRule, Underspend};
use rust_decimal::Decimal;

/// How one pool's balance in a year is settled.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolSettlement {
    /// Credited − taken by agreement offsets (always 0 in this stand-in).
    pub offset: Decimal,
    /// The overspend shared with partners (after offsets).
    pub overspend: Decimal,
    /// The underspend carried into the next year.
    pub carry_out: Decimal,
    /// Aligned with `sharers(p)`: + borne − refund, after caps.
    pub shares: Vec<Decimal>,
    /// Aligned with `sharers(p)`: the amount above each partner's cap.
    pub cap_excess: Vec<Decimal>,
}

/// Settles balances by each pool's rule.
pub struct Settler<'a> {
    budget: &'a Budget,
    /// Per pool (budget.pools order): the sharers in partners.csv order.
    sharers: Vec<Vec<String>>,
    /// Per pool: its contribution lines.
    contributions: Vec<Vec<&'a ContributionLine>>,
}

impl<'a> Settler<'a> {
    pub fn new(
        budget: &'a Budget,
        contributions: &'a [ContributionLine],
        _services: &'a [ServiceLine],
    ) -> Self {
        let order = budget.partner_index();
        let mut sharers = vec![];
        let mut by_pool = vec![];
        for pool in &budget.pools {
            let contrib: Vec<&ContributionLine> =
                contributions.iter().filter(|c| c.pool == pool.id).collect();
            let mut ids: Vec<(usize, String)> = match pool.risk_share {
                RiskRule::Agreed => budget
                    .risk_shares
                    .iter()
                    .filter(|r| r.pool == pool.id)
                    .filter_map(|r| {
                        order
                            .get(r.partner.as_str())
                            .map(|&i| (i, r.partner.clone()))
                    })
                    .collect(),
                _ => contrib
                    .iter()
                    .filter_map(|c| {
                        order
                            .get(c.partner.as_str())
                            .map(|&i| (i, c.partner.clone()))
                    })
                    .collect(),
            };
            if let Some(&h) = order.get(pool.host.as_str()) {
                ids.push((h, pool.host.clone()));
            }
            ids.sort();
            ids.dedup();
            sharers.push(ids.into_iter().map(|(_, p)| p).collect());
            by_pool.push(contrib);
        }
        Settler {
            budget,
            sharers,
            contributions: by_pool,
        }
    }

    /// The partners of pool `p` (budget.pools index), partners.csv order.
    pub fn sharers(&self, p: usize) -> &[String] {
        self.sharers.get(p).map_or(&[], Vec::as_slice)
    }

    /// Settle year `t` given every pool's balance (budget.pools order).
    pub fn settle_year(
        &self,
        t: usize,
        balances: &[Decimal],
    ) -> Result<Vec<PoolSettlement>, EngineError> {
        let mut out = Vec::with_capacity(balances.len());
        for (p, (pool, &balance)) in self.budget.pools.iter().zip(balances).enumerate() {
            let sharers = self.sharers(p);
            let zeros = vec![Decimal::ZERO; sharers.len()];
            let mut s = PoolSettlement {
                offset: Decimal::ZERO,
                overspend: Decimal::ZERO,
                carry_out: Decimal::ZERO,
                shares: zeros.clone(),
                cap_excess: zeros,
            };
            let to_share = if balance < Decimal::ZERO {
                s.overspend = -balance;
                Some(-balance)
            } else if balance > Decimal::ZERO && pool.underspend == Underspend::CarryForward {
                s.carry_out = balance;
                None
            } else if balance > Decimal::ZERO {
                Some(-balance)
            } else {
                None
            };
            if let Some(amount) = to_share {
                let mut weights: Vec<Decimal> = sharers
                    .iter()
                    .map(|partner| self.weight(p, partner, t))
                    .collect();
                if weights.iter().all(|w| w.is_zero()) {
                    weights = sharers
                        .iter()
                        .map(|q| {
                            if *q == pool.host {
                                Decimal::ONE
                            } else {
                                Decimal::ZERO
                            }
                        })
                        .collect();
                }
                s.shares = largest_remainder(amount, &weights);
            }
            out.push(s);
        }
        Ok(out)
    }

    fn weight(&self, p: usize, partner: &str, t: usize) -> Decimal {
        let pool = &self.budget.pools[p];
        match pool.risk_share {
            RiskRule::ProRata => self.contributions[p]
                .iter()
                .filter(|c| c.partner == partner)
                .filter_map(|c| c.values.get(t))
                .sum(),
            RiskRule::Host => {
                if partner == pool.host {
                    Decimal::ONE
                } else {
                    Decimal::ZERO
                }
            }
            RiskRule::Agreed => self
                .budget
                .risk_shares
                .iter()
                .find(|r| r.pool == pool.id && r.partner == partner)
                .map_or(Decimal::ZERO, |r| r.share),
        }
    }
}
