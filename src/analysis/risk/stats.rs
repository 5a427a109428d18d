//! SPEC §14 statistics of one figure over the draws: the mean (rounded to
//! the penny), percentiles by nearest rank (the ⌈q × N⌉-th smallest draw,
//! an exact projected figure, with the draw it came from), and the share of
//! draws above zero (for overspends).

use crate::model::round;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// One figure's distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Stat {
    pub mean: Decimal,
    pub p10: Decimal,
    pub p50: Decimal,
    pub p90: Decimal,
    /// The value at the chosen confidence.
    pub at_confidence: Decimal,
    /// The share of draws with a value above zero (0 to 1).
    pub share_positive: Decimal,
    /// The draw (0-based) each of p10, p50, p90 and at_confidence came from.
    pub draws: [usize; 4],
}

/// The 1-based nearest rank of quantile `q` (0 < q ≤ 1) among `n` values:
/// ⌈q × n⌉, at least 1 and at most n.
pub fn nearest_rank(q: Decimal, n: usize) -> usize {
    let k = (q * Decimal::from(n)).ceil();
    let k = k.to_usize().unwrap_or(n);
    k.clamp(1, n.max(1))
}

/// The distribution of `values` (draw i's value at index i); `None` when
/// there are none or the sum overflows.
pub fn stat(values: &[Decimal], confidence: Decimal) -> Option<Stat> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    // Sorted by value, ties by draw, so a percentile names one draw.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| values[a].cmp(&values[b]).then(a.cmp(&b)));
    let at = |q: Decimal| order[nearest_rank(q, n) - 1];
    let qs = [
        Decimal::new(1, 1),
        Decimal::new(5, 1),
        Decimal::new(9, 1),
        confidence,
    ];
    let draws = qs.map(at);
    let mut sum = Decimal::ZERO;
    for v in values {
        sum = sum.checked_add(*v)?;
    }
    let positive = values.iter().filter(|v| **v > Decimal::ZERO).count();
    Some(Stat {
        mean: round(sum / Decimal::from(n)),
        p10: values[draws[0]],
        p50: values[draws[1]],
        p90: values[draws[2]],
        at_confidence: values[draws[3]],
        share_positive: Decimal::from(positive) / Decimal::from(n),
        draws,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn nearest_rank_by_hand() {
        // N = 10: P10 is the 1st, P50 the 5th, P90 the 9th smallest.
        assert_eq!(nearest_rank(dec!(0.1), 10), 1);
        assert_eq!(nearest_rank(dec!(0.5), 10), 5);
        assert_eq!(nearest_rank(dec!(0.9), 10), 9);
        // N = 2,000: ⌈0.9 × 2000⌉ = 1800; ⌈0.95 × 2000⌉ = 1900.
        assert_eq!(nearest_rank(dec!(0.9), 2000), 1800);
        assert_eq!(nearest_rank(dec!(0.95), 2000), 1900);
        // N = 7: ⌈0.1 × 7⌉ = ⌈0.7⌉ = 1; ⌈0.5 × 7⌉ = 4; ⌈0.9 × 7⌉ = ⌈6.3⌉ = 7.
        assert_eq!(nearest_rank(dec!(0.1), 7), 1);
        assert_eq!(nearest_rank(dec!(0.5), 7), 4);
        assert_eq!(nearest_rank(dec!(0.9), 7), 7);
        assert_eq!(nearest_rank(dec!(1), 7), 7);
        assert_eq!(nearest_rank(dec!(0.001), 7), 1);
    }

    #[test]
    fn stat_by_hand() {
        // Values of draws 0..5: 30, 10, 0, 50, 20; sorted 0, 10, 20, 30, 50.
        let v = [dec!(30), dec!(10), dec!(0), dec!(50), dec!(20)];
        let s = stat(&v, dec!(0.8)).unwrap();
        // ⌈0.5⌉ = 1st → 0 (draw 2); ⌈2.5⌉ = 3rd → 20 (draw 4);
        // ⌈4.5⌉ = 5th → 50 (draw 3); ⌈4⌉ = 4th → 30 (draw 0).
        assert_eq!(
            (s.p10, s.p50, s.p90, s.at_confidence),
            (dec!(0), dec!(20), dec!(50), dec!(30))
        );
        assert_eq!(s.draws, [2, 4, 3, 0]);
        assert_eq!(s.mean, dec!(22));
        assert_eq!(s.share_positive, dec!(0.8));
        // The mean is rounded to the penny: (1 + 0 + 0) / 3 = 0.333… → 0.33.
        let s = stat(&[dec!(1), dec!(0), dec!(0)], dec!(0.9)).unwrap();
        assert_eq!(s.mean, dec!(0.33));
        assert!(stat(&[], dec!(0.9)).is_none());
    }

    #[test]
    fn ties_name_the_first_draw() {
        let s = stat(&[dec!(5), dec!(5), dec!(5)], dec!(0.9)).unwrap();
        assert_eq!(s.draws, [0, 1, 2, 2]);
    }
}
