//! The one rounding rule of the product: to the penny (or n places), half away
//! from zero, as Excel's `ROUND(x, 2)`. rust_decimal's `round_dp` is banker's
//! rounding, so nothing else in the crate may call it.

use rust_decimal::{Decimal, RoundingStrategy};

/// 10^k and 5^k for k = 0 … 28.
const POW10: [u128; 29] = powers(10);
const POW5: [u128; 29] = powers(5);

const fn powers(b: u128) -> [u128; 29] {
    let mut p = [1u128; 29];
    let mut k = 1;
    while k < 29 {
        p[k] = p[k - 1] * b;
        k += 1;
    }
    p
}

/// Round to `dp` places, half away from zero.
#[inline]
pub fn round_dp(x: Decimal, dp: u32) -> Decimal {
    let scale = x.scale();
    if scale <= dp {
        // Already exact at this precision (fast path: most money is).
        return if x.is_zero() { Decimal::ZERO } else { x };
    }
    // Integer rounding of the mantissa's magnitude `a` (below 2^96): the
    // quotient by 10^k, k = scale − dp ≤ 28, is ⌊⌊a / 2^k⌋ / 5^k⌋ (a shift,
    // then one division by 5^k < 2^64 for k ≤ 27, the cheap kind), and the
    // remainder is a − q × 10^k; half away from zero rounds the magnitude up
    // when 2 × remainder ≥ 10^k. Much cheaper than the general routine, and
    // its result is that routine's (the tests compare them).
    let a = x.mantissa().unsigned_abs();
    let k = (scale - dp) as usize;
    let mut q = if k <= 27 {
        (a >> k) / POW5[k]
    } else {
        a / POW10[k]
    };
    if 2 * (a - q * POW10[k]) >= POW10[k] {
        q += 1;
    }
    if q == 0 {
        return Decimal::ZERO;
    }
    // q ≤ a / 10 + 1 < 2^96: it always fits.
    from_magnitude(q, x.is_sign_negative(), dp)
}

/// The decimal with mantissa magnitude `m` (below 2^96), sign and scale.
fn from_magnitude(m: u128, negative: bool, scale: u32) -> Decimal {
    Decimal::from_parts(
        m as u32,
        (m >> 32) as u32,
        (m >> 64) as u32,
        negative,
        scale,
    )
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

    /// The integer rounding this module had before (two `i128` divisions).
    fn reference(x: Decimal, dp: u32) -> Decimal {
        let scale = x.scale();
        if scale <= dp {
            return if x.is_zero() { Decimal::ZERO } else { x };
        }
        let m = x.mantissa();
        let p = 10i128.pow(scale - dp);
        let (q, r) = (m / p, m % p);
        let q = if r.abs() * 2 >= p { q + m.signum() } else { q };
        if q == 0 {
            return Decimal::ZERO;
        }
        Decimal::try_from_i128_with_scale(q, dp).unwrap()
    }

    #[test]
    fn the_shift_and_divide_path_is_the_integer_rounding_bit_for_bit() {
        let mut k: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            k ^= k << 13;
            k ^= k >> 7;
            k ^= k << 17;
            k
        };
        let mut xs = vec![
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(5, 1),
            Decimal::new(-5, 3),
        ];
        for _ in 0..300_000 {
            let bits = (next() % 96) as u32 + 1;
            let m = ((next() as u128) << 64 | next() as u128) & ((1u128 << bits) - 1);
            let scale = (next() % 29) as u32;
            let neg = next() % 2 == 0;
            xs.push(from_magnitude(m, neg, scale));
            // An exact half at 0 … 3 places, and one unit either side of it.
            let dp = (next() % 4) as u32;
            if scale > dp {
                let p = 10u128.pow(scale - dp);
                let h = (m % (1u128 << 90) / p) * p + p / 2;
                for m in [h - 1, h, h + 1] {
                    xs.push(from_magnitude(m, neg, scale));
                }
            }
        }
        for x in xs {
            for dp in 0..=4 {
                assert_eq!(
                    round_dp(x, dp).serialize(),
                    reference(x, dp).serialize(),
                    "{x:?} to {dp}"
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
