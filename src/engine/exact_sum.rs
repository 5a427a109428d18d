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
#[derive(Debug, Clone, Copy)]
pub struct ExactSum {
    /// Σ non-zero values, as a mantissa at `scale` (saturating: once at
    /// `LIMIT` or more it only grows, and `value` refuses).
    total: u128,
    /// The largest scale among the non-zero values; `NONE` before the first.
    scale: u32,
    /// The last zero added (what the fold gives when every value is zero).
    last_zero: Option<Decimal>,
    refused: bool,
}

/// The scale of a sum with no non-zero value yet (no value has it).
const NONE: u32 = u32::MAX;

impl Default for ExactSum {
    fn default() -> Self {
        ExactSum {
            total: 0,
            scale: NONE,
            last_zero: None,
            refused: false,
        }
    }
}

impl ExactSum {
    #[inline]
    pub fn add(&mut self, x: &Decimal) {
        let b = x.serialize();
        let word = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let (flags, m) = (
            word(0),
            word(4) as u128 | (word(8) as u128) << 32 | (word(12) as u128) << 64,
        );
        // The flags word holds the sign (bit 31) and the scale (bits 16–23).
        if flags == self.scale << 16 && m != 0 {
            // The common case: a positive value at the sum's scale.
            self.total = self.total.saturating_add(m);
            return;
        }
        let s = flags >> 16;
        if flags >> 31 == 0 && s < self.scale && self.scale - s <= 19 && m != 0 && m >> 64 == 0 {
            // A positive value at a smaller scale (a sum whose scale one
            // value raised): below 2^64 times 10^k ≤ 10^19 < 2^64, the raise
            // is one multiplication that cannot overflow. (`NONE` is never
            // within 19 of a scale.)
            self.total = (self.total).saturating_add(m * POW10[(self.scale - s) as usize]);
            return;
        }
        let m = x.mantissa();
        if m == 0 {
            self.last_zero = Some(*x);
        } else if m < 0 {
            self.refused = true;
        } else {
            self.join(m as u128, x.scale());
        }
    }

    /// Add the non-zero mantissa `m` at scale `s`.
    #[inline]
    fn join(&mut self, m: u128, s: u32) {
        if self.scale == NONE {
            (self.total, self.scale) = (m, s);
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
    }

    /// Add another running sum (of values that come after this one's).
    #[inline]
    pub fn merge(&mut self, other: &ExactSum) {
        self.refused |= other.refused;
        if other.scale != NONE {
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
        if self.scale == NONE {
            return Some(self.last_zero.unwrap_or(Decimal::ZERO));
        }
        Some(Decimal::from_i128_with_scale(
            self.total as i128,
            self.scale,
        ))
    }
}

/// `m × 10^k`, or `LIMIT` when that is `LIMIT` or more (k ≤ 28: a
/// difference of two scales; `m` at `LIMIT` or more stays there).
#[inline]
fn raise(m: u128, k: u32) -> u128 {
    m.checked_mul(POW10[k as usize])
        .map_or(LIMIT, |x| x.min(LIMIT))
}
