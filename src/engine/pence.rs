//! Exact sums of money in whole pence on integers.
//!
//! A checked `Decimal` sum of values that are all ≥ 0 with at most two
//! decimal places, whose total is below 10^26, never rounds: every partial
//! sum is at most the total, so at two places its mantissa stays below
//! 10^28 < 2^96. Its value is then the exact total and its scale the
//! largest scale among 0 and the values — in any order. An integer sum of
//! pence gives that very `Decimal` (value and scale), several times faster
//! than `Decimal` additions. Anything else (a negative value, even −0, a
//! third decimal place, a total of 10^26 or more) is refused, and the
//! caller sums with `Decimal` as before.

use rust_decimal::Decimal;

/// 10^28 pence = 10^26 pounds.
const LIMIT: u128 = 10_000_000_000_000_000_000_000_000_000;

/// A running sum of pence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pence {
    total: u128,
    scale: u32,
    refused: bool,
}

impl Pence {
    #[inline]
    pub fn add(&mut self, x: &Decimal) {
        let s = x.scale();
        if x.is_sign_negative() || s > 2 {
            self.refused = true;
            return;
        }
        let m = x.mantissa() as u128
            * if s == 2 {
                1
            } else if s == 1 {
                10
            } else {
                100
            };
        self.total = self.total.saturating_add(m);
        self.scale = self.scale.max(s);
    }

    /// Add another running sum: the same as adding its values here, in
    /// any order (an integer sum; the scale is the larger).
    #[inline]
    pub fn merge(&mut self, other: &Pence) {
        self.total = self.total.saturating_add(other.total);
        self.scale = self.scale.max(other.scale);
        self.refused |= other.refused;
    }

    /// The sum, as the checked `Decimal` sum would give it; `None` when it
    /// cannot stand in for that sum.
    pub fn value(&self) -> Option<Decimal> {
        if self.refused || self.total >= LIMIT {
            return None;
        }
        let m = self.total / 10u128.pow(2 - self.scale);
        Some(Decimal::from_i128_with_scale(m as i128, self.scale))
    }

    /// `Σ xs` in pence (`None` as for `value`).
    pub fn sum<'a>(xs: impl IntoIterator<Item = &'a Decimal>) -> Option<Decimal> {
        let mut p = Pence::default();
        for x in xs {
            p.add(x);
        }
        p.value()
    }
}
