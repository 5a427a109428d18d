//! SPEC §11.3 `benefit` weights: each partner's fiscal benefit in year t
//! from the pool's own services (`Σ benefit_r[t]` over those services' fiscal
//! rows for that partner, non-cashable rows, benefits continuing after a
//! service stops and commissioned services included), a negative sum
//! counted as 0. Agencies outside the partnership never share.

use crate::engine::ServiceLine;
use crate::model::{Pool, RiskRule, ValueKind};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Partners (indices into partners.csv) with a fiscal row in a service of `pool`.
pub(super) fn fiscal_partners(
    services: &[ServiceLine],
    pool: &str,
    order: &HashMap<&str, usize>,
) -> Vec<usize> {
    services
        .iter()
        .filter(|s| s.pool == pool)
        .flat_map(|s| &s.value_rows)
        .filter(|r| r.kind == ValueKind::Fiscal)
        .filter_map(|r| r.beneficiary.as_deref().and_then(|b| order.get(b).copied()))
        .collect()
}

/// Each sharer's weight by year (≥ 0), aligned with `sharers`; empty
/// unless the pool shares by `benefit`.
pub(super) fn benefit_weights(
    services: &[ServiceLine],
    pool: &Pool,
    sharers: &[String],
) -> Vec<Vec<Decimal>> {
    if pool.risk_share != RiskRule::Benefit {
        return vec![];
    }
    let pool = pool.id.as_str();
    sharers
        .iter()
        .map(|who| {
            let rows: Vec<&[Decimal]> = services
                .iter()
                .filter(|s| s.pool == pool)
                .flat_map(|s| &s.value_rows)
                .filter(|r| r.is_fiscal_to(who))
                .map(|r| r.benefit.as_slice())
                .collect();
            let n = rows.first().map_or(0, |r| r.len());
            (0..n)
                .map(|t| {
                    // Penny figures: their sum cannot leave Decimal's range
                    // before the engine's own checked sums would have failed.
                    let s: Decimal = rows.iter().map(|r| r[t]).sum();
                    s.max(Decimal::ZERO)
                })
                .collect()
        })
        .collect()
}

/// 1 for the host, 0 for everyone else.
pub(super) fn host_weight(k: usize, host: usize) -> Decimal {
    if k == host {
        Decimal::ONE
    } else {
        Decimal::ZERO
    }
}
