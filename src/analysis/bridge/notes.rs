//! Why a bridge step moves its measure by a different amount from the gap
//! (issue 18 item 2), read from the engine's pool accounts before and after
//! the step. Over the horizon, for every pool (SPEC §6.5, §10.3–10.5):
//!
//! gap = overspend − underspend returned + opening reserve − closing reserve
//!       + offset received within its agreement,
//!
//! and the offsets of an agreement sum to 0. So a step's change in the gap
//! minus its change in the overspend is exactly −Δ(returned) − Δ(closing
//! reserve); an offset moves the change between pools of one agreement. A
//! partner's exposure is its contributions plus its shares (borne − refunds,
//! after caps); every partner's together is contributions + gap − opening +
//! closing reserve.

use super::measure::Measure;
use crate::engine::arith::{add, sub, sum, R};
use crate::engine::{ExposureLine, PoolLine};
use crate::model::numtext::grouped;
use crate::model::{Budget, Underspend};
use rust_decimal::Decimal;

/// One projection's pool accounts and exposure.
pub type State<'a> = (&'a [PoolLine], &'a [ExposureLine]);

const WHAT: &str = "a bridge note";

/// A pool's figures over the horizon.
struct PoolSums {
    returned: Decimal,
    closing: Decimal,
    offset: Decimal,
}

fn pool_sums(p: &PoolLine) -> R<PoolSums> {
    let n = p.balance.len();
    let mut returned = Decimal::ZERO;
    for t in 0..n {
        let after = add(p.balance[t], p.offset[t], WHAT)?.max(Decimal::ZERO);
        let carry_out = p.carry_in.get(t + 1).copied().unwrap_or(p.closing_reserve);
        returned = add(returned, sub(after, carry_out, WHAT)?, WHAT)?;
    }
    Ok(PoolSums {
        returned,
        closing: p.closing_reserve,
        offset: sum(&p.offset, WHAT)?,
    })
}

/// Σ pools Σ years contributions.
fn contributions(pools: &[PoolLine]) -> R<Decimal> {
    let per: Vec<Decimal> = pools
        .iter()
        .map(|p| sum(&p.contributions, WHAT))
        .collect::<R<_>>()?;
    sum(&per, WHAT)
}

/// Money for notes: whole pounds without decimals, else two places.
fn money(x: Decimal) -> String {
    let r = crate::model::round_dp(x, 2);
    grouped(r, if r.fract().is_zero() { 0 } else { 2 })
}

/// Signed money for notes: `+268,012.34`, `-1,000`, `0`.
pub fn signed(x: Decimal) -> String {
    let s = money(x);
    if x > Decimal::ZERO {
        format!("+{s}")
    } else {
        s
    }
}

fn names(ids: &[&str]) -> String {
    match ids.len() {
        0 => String::new(),
        1..=3 => format!(" ({})", ids.join(", ")),
        n => format!(" ({} and {} more)", ids[..3].join(", "), n - 3),
    }
}

/// Per-pool changes of one figure, the pools where it moved, and the total.
fn moved(
    pairs: &[(&PoolLine, PoolSums, PoolSums)],
    f: fn(&PoolSums) -> Decimal,
) -> R<(Decimal, Vec<String>)> {
    let mut total = Decimal::ZERO;
    let mut ids = vec![];
    for (p, a, b) in pairs {
        let d = sub(f(b), f(a), WHAT)?;
        if !d.is_zero() {
            total = add(total, d, WHAT)?;
            ids.push(p.id.clone());
        }
    }
    Ok((total, ids))
}

/// Why the step from `before` to `after` moves `measure` by `change` while
/// the gap moves by `gap_change`; `None` when they are equal.
pub fn explain(
    budget: &Budget,
    measure: &Measure,
    (before, after): (State<'_>, State<'_>),
    (change, gap_change): (Decimal, Decimal),
) -> R<Option<String>> {
    if change == gap_change && !matches!(measure, Measure::Exposure(Some(_))) {
        return Ok(None);
    }
    let mut pairs = vec![];
    for (pa, pb) in before.0.iter().zip(after.0) {
        pairs.push((pb, pool_sums(pa)?, pool_sums(pb)?));
    }
    let (returned, r_ids) = moved(&pairs, |s| s.returned)?;
    let (closing, c_ids) = moved(&pairs, |s| s.closing)?;
    let (_, o_ids) = moved(&pairs, |s| s.offset)?;
    let mut offset_moved = Decimal::ZERO;
    for (_, a, b) in &pairs {
        offset_moved = add(offset_moved, sub(b.offset, a.offset, WHAT)?.abs(), WHAT)?;
    }
    let ids = |v: &[String]| {
        let r: Vec<&str> = v.iter().map(String::as_str).collect();
        names(&r)
    };
    let reserve = |parts: &mut Vec<String>| {
        if closing < Decimal::ZERO {
            parts.push(format!(
                "absorbed by reserve: closing reserve {}{}",
                signed(closing),
                ids(&c_ids)
            ));
        } else if closing > Decimal::ZERO {
            parts.push(format!(
                "carried forward in reserve: closing reserve {}{}",
                signed(closing),
                ids(&c_ids)
            ));
        }
    };
    let mut parts = vec![];
    let head = match measure {
        Measure::Gap => return Ok(None),
        Measure::Overspend => {
            if !returned.is_zero() {
                let returning: Vec<&str> = r_ids
                    .iter()
                    .filter(|id| {
                        budget
                            .pool(id)
                            .is_some_and(|p| p.underspend == Underspend::Return)
                    })
                    .map(String::as_str)
                    .collect();
                let why = match (returning.len() == r_ids.len(), r_ids.len()) {
                    (true, 1) => ", which returns underspends to its partners",
                    (true, _) => ", which return underspends to their partners",
                    _ => "",
                };
                parts.push(format!(
                    "underspend returned to partners {} ({}{why})",
                    signed(returned),
                    r_ids.join(", ")
                ));
            }
            reserve(&mut parts);
            format!(
                "the gap moves {} but the overspend {}",
                signed(gap_change),
                signed(change)
            )
        }
        Measure::Exposure(None) => {
            let contrib = sub(contributions(after.0)?, contributions(before.0)?, WHAT)?;
            if !contrib.is_zero() {
                parts.push(format!("partners' contributions {}", signed(contrib)));
            }
            reserve(&mut parts);
            format!(
                "all partners' exposure moves {} against a gap move of {}",
                signed(change),
                signed(gap_change)
            )
        }
        Measure::Exposure(Some(who)) => {
            parts = super::notes_partner::parts(who, before, after)?;
            if parts.is_empty() && change == gap_change {
                return Ok(None);
            }
            format!(
                "{who}'s exposure moves {} against a gap move of {}",
                signed(change),
                signed(gap_change)
            )
        }
    };
    if !offset_moved.is_zero() {
        parts.push(format!(
            "offset within the agreement: {} moved between pools{}",
            money(offset_moved / Decimal::TWO),
            ids(&o_ids)
        ));
    }
    if parts.is_empty() {
        return Ok(None);
    }
    Ok(Some(format!("{head}: {}", parts.join("; "))))
}
