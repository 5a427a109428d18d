//! The one rounding rule of the product: to the penny (or n places), half away
//! from zero, as Excel's `ROUND(x, 2)`. rust_decimal's `round_dp` is banker's
//! rounding, so nothing else in the crate may call it.

use rust_decimal::{Decimal, RoundingStrategy};

/// Round to `dp` places, half away from zero.
#[inline]
pub fn round_dp(x: Decimal, dp: u32) -> Decimal {
    let scale = x.scale();
    if scale <= dp {
        // Already exact at this precision (fast path: most money is).
        return if x.is_zero() { Decimal::ZERO } else { x };
    }
    // Integer rounding of the mantissa: m / 10^(scale−dp), half away from
    // zero. The mantissa is at most 96 bits and the divisor at most 10^28,
    // so this is exact in i128 and much cheaper than the general routine.
    let m = x.mantissa();
    let p = 10i128.pow(scale - dp);
    let (q, r) = (m / p, m % p);
    let q = if r.abs() * 2 >= p { q + m.signum() } else { q };
    if q == 0 {
        return Decimal::ZERO;
    }
    Decimal::try_from_i128_with_scale(q, dp)
        .unwrap_or_else(|_| x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
}

/// Round to the penny, half away from zero.
#[inline]
pub fn round(x: Decimal) -> Decimal {
    round_dp(x, 2)
}

/// Truncate to the penny toward zero.
pub fn trunc_penny(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::ToZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn half_away_from_zero() {
        assert_eq!(round(dec!(0.125)), dec!(0.13));
        assert_eq!(round(dec!(0.135)), dec!(0.14));
        assert_eq!(round(dec!(-0.125)), dec!(-0.13));
        assert_eq!(round(dec!(2.5)), dec!(2.5));
        assert_eq!(round_dp(dec!(2.5), 0), dec!(3));
        assert_eq!(round_dp(dec!(-2.5), 0), dec!(-3));
        assert_eq!(round(dec!(1.004999)), dec!(1.00));
    }

    #[test]
    fn integer_path_matches_the_library_rule() {
        let cases = [
            dec!(1.005),
            dec!(-1.005),
            dec!(2.675),
            dec!(0.0049999999999999999999999999),
            dec!(123456789.125000000000000001),
            dec!(-0.5),
            dec!(7.9228162514264337593543950335),
            dec!(-99999999999999999999.995),
            dec!(0.9999999999999999999999999999),
        ];
        for x in cases {
            for dp in 0..4 {
                assert_eq!(
                    round_dp(x, dp),
                    x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero),
                    "{x} to {dp} places"
                );
            }
        }
    }

    #[test]
    fn no_negative_zero() {
        let r = round(dec!(-0.001));
        assert_eq!(r.to_string(), "0");
    }

    #[test]
    fn truncation_is_toward_zero() {
        assert_eq!(trunc_penny(dec!(1.239)), dec!(1.23));
        assert_eq!(trunc_penny(dec!(-1.239)), dec!(-1.23));
    }
}
