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

#[cfg(test)]
mod tests {
    use super::Pence;
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    fn checked(xs: &[Decimal]) -> Option<Decimal> {
        xs.iter().try_fold(Decimal::ZERO, |a, x| a.checked_add(*x))
    }

    #[test]
    fn by_hand() {
        let xs = [dec!(1.50), dec!(2), dec!(0.3), dec!(10.25)];
        let s = Pence::sum(&xs).unwrap();
        assert_eq!(s, dec!(14.05));
        assert_eq!(s.scale(), 2);
        assert_eq!(Pence::sum(&[dec!(1), dec!(2)]).unwrap().scale(), 0);
        assert_eq!(Pence::sum(&[dec!(1.0), dec!(2)]).unwrap().scale(), 1);
        assert_eq!(Pence::sum(&[]).unwrap().scale(), 0);
        assert_eq!(Pence::sum(&[dec!(1.005)]), None);
        assert_eq!(Pence::sum(&[dec!(-1)]), None);
        assert_eq!(Pence::sum(&[-Decimal::ZERO]), None);
        assert_eq!(Pence::sum(&[dec!(100000000000000000000000000)]), None);
    }

    fn money() -> impl Strategy<Value = Decimal> {
        (0u64..u64::MAX, 0u32..=2, 0u32..4).prop_map(|(m, s, shrink)| {
            Decimal::from_i128_with_scale((m >> (shrink * 16)) as i128, s)
        })
    }

    proptest! {
        #[test]
        fn it_is_the_checked_decimal_sum(xs in prop::collection::vec(money(), 0..60)) {
            let want = checked(&xs).unwrap();
            let got = Pence::sum(&xs).unwrap();
            prop_assert_eq!(got, want);
            prop_assert_eq!(got.scale(), want.scale());
            prop_assert_eq!(got.serialize(), want.serialize());
        }
    }
}
