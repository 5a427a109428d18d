//! SPEC §11.5 "who pays, who benefits": one row per partner and per
//! outside agency — what it pays over the horizon (Σ exposure; 0 for an
//! agency), the fiscal benefit it receives (Σ fiscal_benefit_to), of which
//! cashable, and the net — in cash and in present values. For one pool the
//! same question reads the pool's own figures: a partner pays its
//! contributions to the pool and its risk shares there, and receives the
//! fiscal benefit of the pool's own services.
//!
//! Computed once here from the Projection (every view reads it); cash
//! figures reconcile with the tidy export to the penny.

use crate::engine::arith::{add, sub, R};
use crate::engine::vfm::pv;
use crate::engine::Projection;
use rust_decimal::Decimal;

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct WhoPays {
    pub id: String,
    /// False for an agency outside the partnership.
    pub partner: bool,
    /// Σ over the horizon, cash.
    pub pays: Decimal,
    pub receives: Decimal,
    pub cashable: Decimal,
    /// receives − pays.
    pub net: Decimal,
    /// The same in present values (base-year prices, discounted).
    pub pv_pays: Decimal,
    pub pv_receives: Decimal,
    pub pv_cashable: Decimal,
    pub pv_net: Decimal,
}

/// Partners (partners.csv order), then outside agencies (outcomes.csv order);
/// for the whole partnership (`pool = None`) or one pool.
pub fn who_pays(p: &Projection, pool: Option<&str>) -> R<Vec<WhoPays>> {
    let n = p.years;
    let what = "who pays, who benefits";
    let zero = vec![Decimal::ZERO; n];
    let mut ids: Vec<(String, bool)> = p
        .exposure
        .iter()
        .map(|e| (e.partner.clone(), true))
        .collect();
    ids.extend(
        p.beneficiaries
            .iter()
            .filter(|b| !b.partner)
            .map(|b| (b.id.clone(), false)),
    );
    let mut out = Vec::with_capacity(ids.len());
    for (id, partner) in ids {
        let (pays, fiscal, cashable) = match pool {
            None => (
                p.exposure
                    .iter()
                    .find(|e| e.partner == id)
                    .map_or(zero.clone(), |e| e.values.clone()),
                p.beneficiaries
                    .iter()
                    .find(|b| b.id == id)
                    .map_or(zero.clone(), |b| b.fiscal.clone()),
                p.beneficiaries
                    .iter()
                    .find(|b| b.id == id)
                    .map_or(zero.clone(), |b| b.cashable.clone()),
            ),
            Some(pool) => in_pool(p, pool, &id)?,
        };
        let total = |v: &[Decimal]| v.iter().try_fold(Decimal::ZERO, |a, x| add(a, *x, what));
        let pv_of = |v: &[Decimal]| pv(v, &p.deflator, p.rates.discount_rate);
        let (pays_t, receives_t) = (total(&pays)?, total(&fiscal)?);
        let (pv_pays, pv_receives) = (pv_of(&pays)?, pv_of(&fiscal)?);
        out.push(WhoPays {
            id,
            partner,
            pays: pays_t,
            receives: receives_t,
            cashable: total(&cashable)?,
            net: sub(receives_t, pays_t, what)?,
            pv_pays,
            pv_receives,
            pv_cashable: pv_of(&cashable)?,
            pv_net: sub(pv_receives, pv_pays, what)?,
        });
    }
    Ok(out)
}

/// A partner's payments into one pool (contributions + risk shares) and
/// the fiscal benefit it gets from the pool's services, by year.
type Series = (Vec<Decimal>, Vec<Decimal>, Vec<Decimal>);

fn in_pool(p: &Projection, pool: &str, id: &str) -> R<Series> {
    let n = p.years;
    let what = "who pays, who benefits";
    let mut pays = vec![Decimal::ZERO; n];
    let mut fiscal = vec![Decimal::ZERO; n];
    let mut cashable = vec![Decimal::ZERO; n];
    let contributions = p
        .contributions
        .iter()
        .filter(|c| c.pool == pool && c.partner == id);
    let shares = p
        .pools
        .iter()
        .filter(|l| l.id == pool)
        .flat_map(|l| &l.shares)
        .filter(|s| s.partner == id);
    for v in contributions
        .map(|c| &c.values)
        .chain(shares.map(|s| &s.values))
    {
        for t in 0..n {
            pays[t] = add(pays[t], v[t], what)?;
        }
    }
    let rows = p
        .services
        .iter()
        .filter(|s| s.pool == pool)
        .flat_map(|s| &s.value_rows);
    for r in rows.filter(|r| r.is_fiscal_to(id)) {
        for t in 0..n {
            fiscal[t] = add(fiscal[t], r.benefit[t], what)?;
            if r.cashable {
                cashable[t] = add(cashable[t], r.benefit[t], what)?;
            }
        }
    }
    Ok((pays, fiscal, cashable))
}

/// Each row's share of the table's total payments and of its total fiscal
/// benefit (fractions; `None` where the total is 0).
pub fn shares(rows: &[WhoPays]) -> Vec<(Option<Decimal>, Option<Decimal>)> {
    let total = |f: fn(&WhoPays) -> Decimal| {
        rows.iter()
            .try_fold(Decimal::ZERO, |a, r| a.checked_add(f(r)))
    };
    let (pays, receives) = (total(|r| r.pays), total(|r| r.receives));
    let frac = |x: Decimal, of: Option<Decimal>| {
        of.filter(|o| !o.is_zero()).and_then(|o| x.checked_div(o))
    };
    rows.iter()
        .map(|r| (frac(r.pays, pays), frac(r.receives, receives)))
        .collect()
}

/// Pools whose services yield any fiscal benefit, pools.csv order.
pub fn pools_with_fiscal_benefit(p: &Projection) -> Vec<&str> {
    // One pass over the services (not one per pool: 200 pools × 100,000
    // services was most of `summary`'s time on a national model).
    let with: std::collections::HashSet<&str> = p
        .services
        .iter()
        .filter(|s| {
            s.value_rows.iter().any(|r| {
                r.kind == crate::model::ValueKind::Fiscal && r.benefit.iter().any(|b| !b.is_zero())
            })
        })
        .map(|s| s.pool.as_str())
        .collect();
    p.pools
        .iter()
        .filter(|l| with.contains(l.id.as_str()))
        .map(|l| l.id.as_str())
        .collect()
}

#[cfg(test)]
mod tests;
