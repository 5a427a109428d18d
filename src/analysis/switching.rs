//! The switching-value search: the value of one input at which a figure
//! (the total of in-year gaps) becomes zero, within ±50 percentage points of
//! the input's current value.
//!
//! The gap need not move monotonically with an input, so the search does
//! not assume it does. It first walks outwards from the current value in
//! 1 pp steps (up and down alternately) until two neighbouring points have
//! gaps of opposite sign (or one is exactly zero); the nearest such bracket
//! wins, the lower one on a tie. It then halves that bracket until it is no
//! wider than 0.01 pp and the gap at the better end is within 10p of zero (or
//! 200 halvings, whichever comes first). A point where the engine fails
//! (`None`) is "no value there": it never brackets a zero, and a failure
//! inside a bracket ends the halving at the best point so far.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// How far either side of the current value to look (50 pp).
pub const RANGE: Decimal = dec!(0.5);
/// The coarse grid step (1 pp).
pub const STEP: Decimal = dec!(0.01);
/// The bracket width to reach (0.01 pp).
pub const PRECISION: Decimal = dec!(0.0001);
/// How close to zero the gap must come (10p, well inside the £1 promised,
/// so a value rounded to 10 decimal places for CSV still re-runs within £1).
pub const TOLERANCE: Decimal = dec!(0.10);
const MAX_HALVINGS: usize = 200;
/// RANGE / STEP grid points each side.
const GRID_STEPS: i64 = 50;

/// A value of the input where the gap is (about) zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub value: Decimal,
    /// The gap there (within £1 of zero unless the search was cut short).
    pub gap: Decimal,
}

fn crosses(a: Decimal, b: Decimal) -> bool {
    a.is_zero() || b.is_zero() || (a.is_sign_negative() != b.is_sign_negative())
}

/// Halve `[lo, hi]` (gaps `glo`, `ghi` of opposite sign) towards the zero.
fn bisect(
    f: &dyn Fn(Decimal) -> Option<Decimal>,
    (mut lo, mut glo): (Decimal, Decimal),
    (mut hi, mut ghi): (Decimal, Decimal),
) -> Found {
    let best = |lo: Decimal, glo: Decimal, hi: Decimal, ghi: Decimal| {
        if glo.abs() <= ghi.abs() {
            Found {
                value: lo,
                gap: glo,
            }
        } else {
            Found {
                value: hi,
                gap: ghi,
            }
        }
    };
    for _ in 0..MAX_HALVINGS {
        let b = best(lo, glo, hi, ghi);
        if b.gap.is_zero() || (hi.saturating_sub(lo) <= PRECISION && b.gap.abs() <= TOLERANCE) {
            return b;
        }
        let Some(mid) = lo.checked_add(hi).and_then(|s| s.checked_div(Decimal::TWO)) else {
            return b;
        };
        if mid == lo || mid == hi {
            return b;
        }
        let Some(gm) = f(mid) else {
            return b;
        };
        if crosses(glo, gm) {
            (hi, ghi) = (mid, gm);
        } else {
            (lo, glo) = (mid, gm);
        }
    }
    best(lo, glo, hi, ghi)
}

/// Search for the switching value around `current`, where `f(x)` is the gap
/// with the input set to `x` (or `None` where the engine fails).
pub fn switching_value(current: Decimal, f: &dyn Fn(Decimal) -> Option<Decimal>) -> Option<Found> {
    let g0 = f(current)?;
    if g0.is_zero() {
        return Some(Found {
            value: current,
            gap: g0,
        });
    }
    let (mut up, mut down) = (Some((current, g0)), Some((current, g0)));
    for d in 1..=GRID_STEPS {
        let offset = STEP.saturating_mul(Decimal::from(d));
        let mut found: Vec<Found> = vec![];
        for (side, sign) in [(&mut down, -Decimal::ONE), (&mut up, Decimal::ONE)] {
            let x = current.checked_add(offset.saturating_mul(sign))?;
            let next = f(x).map(|g| (x, g));
            if let (Some(prev), Some(now)) = (*side, next) {
                if crosses(prev.1, now.1) {
                    let (lo, hi) = if sign.is_sign_negative() {
                        (now, prev)
                    } else {
                        (prev, now)
                    };
                    found.push(bisect(f, lo, hi));
                }
            }
            *side = next;
        }
        if !found.is_empty() {
            found.sort_by(|a, b| {
                let da = a.value.saturating_sub(current).abs();
                let db = b.value.saturating_sub(current).abs();
                da.cmp(&db).then(a.value.cmp(&b.value))
            });
            return found.first().copied();
        }
    }
    None
}

#[cfg(test)]
mod tests;
