//! SPEC §14 sampling: the only random and the only floating-point part of
//! `risk`. Everything after the sampled rate is an exact projection.
//!
//! The algorithm (fixed; documented in docs/methodology.md §14):
//! 1. Draw `i` (0-based) uses its own generator: `ChaCha8Rng::seed_from_u64(S)`
//!    (rand_chacha 0.9; rand_core's documented PCG32 expansion of the u64
//!    seed into the 32-byte key), then `set_stream(i)`. So a draw's inputs do
//!    not depend on how many threads run or in which order draws finish.
//! 2. The ranged inputs are drawn in `Ranges` order — `[rates]` keys, then
//!    `[demand]`, then `[contribution_growth]`, each sorted by key — one
//!    uniform per input, consumed even when the range is degenerate.
//! 3. A uniform in [0, 1) is `(next_u64() >> 11) × 2⁻⁵³` (53 random bits).
//! 4. The rate is the triangular inverse CDF in f64: with `c = (m − a)/(b − a)`,
//!    `x = a + √(u (b − a)(m − a))` when `u < c`, else
//!    `x = b − √((1 − u)(b − a)(b − m))`; then converted to Decimal exactly
//!    (`from_f64_retain`), rounded to 6 places half away from zero
//!    (`model::round_dp`) and kept within [a, b]. A degenerate range
//!    (a = b) gives `a` exactly, with no float.

use crate::model::{round_dp, Range};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The generator of draw `i` under seed `seed`.
pub fn generator(seed: u64, i: usize) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(i as u64);
    rng
}

/// A uniform in [0, 1) from 53 random bits.
pub fn uniform(rng: &mut impl RngCore) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// The triangular inverse CDF in f64 (a ≤ m ≤ b, a < b).
pub fn triangular(a: f64, m: f64, b: f64, u: f64) -> f64 {
    let c = (m - a) / (b - a);
    if u < c {
        a + (u * (b - a) * (m - a)).sqrt()
    } else {
        b - ((1.0 - u) * (b - a) * (b - m)).sqrt()
    }
}

/// The sampled rate for uniform `u`: exact for a degenerate range, else the
/// inverse CDF rounded to 6 places and kept within [low, high].
pub fn sample(r: &Range, u: f64) -> Decimal {
    if r.low == r.high {
        return r.low;
    }
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    let x = triangular(f(r.low), f(r.mode), f(r.high), u);
    let d = Decimal::from_f64_retain(x).unwrap_or(r.mode);
    round_dp(d, 6).clamp(r.low, r.high)
}

/// The rates of draw `i`, one per range, in the ranges' order.
pub fn draw_rates<'a>(
    ranges: impl IntoIterator<Item = &'a Range>,
    seed: u64,
    i: usize,
) -> Vec<Decimal> {
    let mut rng = generator(seed, i);
    ranges
        .into_iter()
        .map(|r| {
            let u = uniform(&mut rng);
            sample(r, u)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn range(low: Decimal, mode: Decimal, high: Decimal) -> Range {
        Range {
            low,
            mode,
            high,
            origin: String::new(),
        }
    }

    #[test]
    fn inverse_cdf_by_hand() {
        // a = 0, m = 1, b = 4: c = 1/4.
        // u = 0.04 < c: x = √(0.04 × 4 × 1) = √0.16 = 0.4.
        assert!((triangular(0.0, 1.0, 4.0, 0.04) - 0.4).abs() < 1e-12);
        // u = 0.25 = c: x = 4 − √(0.75 × 4 × 3) = 4 − 3 = 1 (the mode).
        assert!((triangular(0.0, 1.0, 4.0, 0.25) - 1.0).abs() < 1e-12);
        // u = 0.91: x = 4 − √(0.09 × 12) = 4 − √1.08 = 2.960769…
        assert!((triangular(0.0, 1.0, 4.0, 0.91) - (4.0 - 1.08f64.sqrt())).abs() < 1e-12);
        // u = 0 gives the low end.
        assert_eq!(triangular(0.0, 1.0, 4.0, 0.0), 0.0);
    }

    #[test]
    fn sampled_rates_have_six_places_within_the_range() {
        // a = 1%, m = 2%, b = 4%, u = 0.04 < c = 1/3:
        // x = 0.01 + √(0.04 × 0.03 × 0.01) = 0.01 + √0.000012 = 0.013464101…
        let r = range(dec!(0.01), dec!(0.02), dec!(0.04));
        assert_eq!(sample(&r, 0.04), dec!(0.013464));
        assert_eq!(sample(&r, 0.0), dec!(0.01));
        assert_eq!(sample(&r, 0.999_999_999), dec!(0.039999));
        assert_eq!(sample(&r, 0.999_999_999_999_9), dec!(0.04));
        let d = range(dec!(0.0123456789), dec!(0.0123456789), dec!(0.0123456789));
        assert_eq!(sample(&d, 0.7), dec!(0.0123456789), "degenerate: exact");
    }

    #[test]
    fn a_draw_depends_only_on_seed_and_index() {
        let r = [
            range(dec!(0), dec!(0.02), dec!(0.05)),
            range(dec!(-0.01), dec!(0), dec!(0.01)),
        ];
        let a = draw_rates(&r, 1, 7);
        assert_eq!(a, draw_rates(&r, 1, 7));
        assert_ne!(a, draw_rates(&r, 1, 8));
        assert_ne!(a, draw_rates(&r, 2, 7));
        let u = uniform(&mut generator(1, 0));
        assert!((0.0..1.0).contains(&u));
    }
}
