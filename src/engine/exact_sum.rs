//! Exact sums of decimals on integers, standing in for a checked `Decimal`
//! fold (`Σ` from 0 in order) wherever that fold never rounds.
//!
//! rust_decimal adds two non-zero values ≥ 0 exactly, at the larger of
//! their scales, whenever the exact result fits in 96 bits at that scale;
//! a zero operand gives the other operand unchanged (its scale included).
//! So for values that are all ≥ 0, the fold from 0 is, in any order, the
//! exact total at the largest scale among the non-zero values — provided
//! that total's mantissa is below 2^96: every partial sum, and every value
//! raised to a partial sum's scale, is at most the total, so no step ever
//! rounds. When every value is zero the fold gives the last one. Both are
//! independent of grouping, so sums kept on several threads merge.
//!
//! Anything else — a negative value, or a total of 2^96 or more at that
//! scale — is refused (`value` is `None`) and the caller folds with
//! `Decimal` as before. Tested against the fold in `tests_exact_sum.rs`.

use rust_decimal::Decimal;

/// 2^96: the first mantissa a `Decimal` cannot hold.
const LIMIT: u128 = 1 << 96;

/// 10^k for k = 0..=28.
const POW10: [u128; 29] = {
    let mut p = [1u128; 29];
    let mut k = 1;
    while k < 29 {
        p[k] = p[k - 1] * 10;
        k += 1;
    }
    p
};

/// A running exact sum.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExactSum {
    /// Σ non-zero values, as a mantissa at `scale`.
    total: u128,
    /// The largest scale among the non-zero values.
    scale: u32,
    nonzero: bool,
    /// The last zero added (what the fold gives when every value is zero).
    last_zero: Option<Decimal>,
    refused: bool,
}

impl ExactSum {
    #[inline]
    pub fn add(&mut self, x: &Decimal) {
        if x.is_zero() {
            self.last_zero = Some(*x);
            return;
        }
        if x.is_sign_negative() {
            self.refused = true;
            return;
        }
        self.join(x.mantissa() as u128, x.scale());
    }

    /// Add the non-zero mantissa `m` at scale `s`.
    #[inline]
    fn join(&mut self, m: u128, s: u32) {
        if !self.nonzero {
            (self.total, self.scale, self.nonzero) = (m, s, true);
            return;
        }
        let (a, b) = if s == self.scale {
            (self.total, m)
        } else if s < self.scale {
            (self.total, raise(m, self.scale - s))
        } else {
            let a = raise(self.total, s - self.scale);
            self.scale = s;
            (a, m)
        };
        self.total = a.saturating_add(b);
        // Partial sums only grow: one past the limit refuses for good.
        self.refused |= self.total >= LIMIT;
    }

    /// Add another running sum (of values that come after this one's).
    #[inline]
    pub fn merge(&mut self, other: &ExactSum) {
        self.refused |= other.refused;
        if other.nonzero {
            self.join(other.total, other.scale);
        }
        if other.last_zero.is_some() {
            self.last_zero = other.last_zero;
        }
    }

    /// The sum, as the checked `Decimal` fold from 0 would give it; `None`
    /// when it cannot stand in for that fold.
    pub fn value(&self) -> Option<Decimal> {
        if self.refused || self.total >= LIMIT {
            return None;
        }
        if !self.nonzero {
            return Some(self.last_zero.unwrap_or(Decimal::ZERO));
        }
        Some(Decimal::from_i128_with_scale(
            self.total as i128,
            self.scale,
        ))
    }

    /// `Σ xs` (`None` as for `value`).
    pub fn sum<'a>(xs: impl IntoIterator<Item = &'a Decimal>) -> Option<Decimal> {
        let mut p = ExactSum::default();
        for x in xs {
            p.add(x);
        }
        p.value()
    }
}

/// `m × 10^k`, or `LIMIT` when that is `LIMIT` or more (`m < 2^96`, k ≤ 28).
#[inline]
fn raise(m: u128, k: u32) -> u128 {
    m.checked_mul(POW10[k as usize])
        .map_or(LIMIT, |x| x.min(LIMIT))
}
