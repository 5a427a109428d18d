//! The arithmetic of the provider comparison: rank by unit cost, the
//! volume-weighted median unit cost, and the saving at the median.
//!
//! - Rank: 1 = cheapest; equal unit costs share a rank and the next rank
//!   skips (1, 2, 2, 4), as in a league table.
//! - Weighted median: sort by unit cost ascending; the median is the unit
//!   cost of the first line at which the cumulative volume reaches half the
//!   total (cumulative ≥ total / 2). With an even split this is the lower of
//!   the two middle costs. With no volume at all there is no median.
//! - Saving at median: `round(max(0, unit_cost − median) × volume)` per line.

use crate::engine::arith::{add, div, mul, sub, R};
use crate::model::round;
use rust_decimal::Decimal;

/// Competition ranks by unit cost, cheapest first, in the input's order.
pub fn ranks(unit_costs: &[Decimal]) -> Vec<usize> {
    let mut sorted = unit_costs.to_vec();
    sorted.sort_unstable();
    unit_costs
        .iter()
        .map(|u| 1 + sorted.partition_point(|v| v < u))
        .collect()
}

/// The volume-weighted median unit cost of `(unit_cost, volume)` lines;
/// `None` when the total volume is 0.
pub fn weighted_median(lines: &[(Decimal, Decimal)]) -> R<Option<Decimal>> {
    let mut sorted: Vec<(Decimal, Decimal)> = lines.to_vec();
    sorted.sort_by_key(|l| l.0);
    let total = sorted
        .iter()
        .try_fold(Decimal::ZERO, |a, l| add(a, l.1, "the category's volume"))?;
    if total <= Decimal::ZERO {
        return Ok(None);
    }
    let half = div(total, Decimal::TWO, "the category's volume")?;
    let mut cum = Decimal::ZERO;
    for (u, v) in &sorted {
        cum = add(cum, *v, "the category's volume")?;
        if cum >= half {
            return Ok(Some(*u));
        }
    }
    Ok(sorted.last().map(|l| l.0))
}

/// What paying the median would save on one line (never negative).
pub fn saving_at_median(unit_cost: Decimal, volume: Decimal, median: Decimal) -> R<Decimal> {
    let over = sub(unit_cost, median, "the saving at median")?;
    if over <= Decimal::ZERO {
        return Ok(Decimal::ZERO);
    }
    Ok(round(mul(over, volume, "the saving at median")?))
}

/// (unit_cost − median) / median; `None` when the median is 0.
pub fn diff_from_median(unit_cost: Decimal, median: Decimal) -> Option<Decimal> {
    if median.is_zero() {
        return None;
    }
    unit_cost.checked_sub(median)?.checked_div(median)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn ties_share_a_rank() {
        assert_eq!(
            ranks(&[dec!(30), dec!(10), dec!(20), dec!(20)]),
            vec![4, 1, 2, 2]
        );
        assert_eq!(ranks(&[dec!(5)]), vec![1]);
    }

    #[test]
    fn median_odd_total_volume() {
        // volumes 3, 4, 2 at 10, 20, 30: total 9, half 4.5; cumulative 3, 7 → 20.
        let m = weighted_median(&[
            (dec!(30), dec!(2)),
            (dec!(10), dec!(3)),
            (dec!(20), dec!(4)),
        ]);
        assert_eq!(m.unwrap(), Some(dec!(20)));
    }

    #[test]
    fn median_even_split_takes_the_lower() {
        // 10 at £100 and 10 at £200: half is 10, reached by the first → £100.
        let m = weighted_median(&[(dec!(200), dec!(10)), (dec!(100), dec!(10))]);
        assert_eq!(m.unwrap(), Some(dec!(100)));
    }

    #[test]
    fn median_is_weighted_not_by_count() {
        // One big cheap contract outweighs three small dear ones.
        let m = weighted_median(&[
            (dec!(50), dec!(100)),
            (dec!(90), dec!(1)),
            (dec!(95), dec!(1)),
            (dec!(99), dec!(1)),
        ]);
        assert_eq!(m.unwrap(), Some(dec!(50)));
    }

    #[test]
    fn median_single_and_zero_volume() {
        assert_eq!(
            weighted_median(&[(dec!(7), dec!(3))]).unwrap(),
            Some(dec!(7))
        );
        assert_eq!(weighted_median(&[(dec!(7), dec!(0))]).unwrap(), None);
        assert_eq!(weighted_median(&[]).unwrap(), None);
        // a zero-volume line never becomes the median
        let m = weighted_median(&[(dec!(1), dec!(0)), (dec!(9), dec!(5))]);
        assert_eq!(m.unwrap(), Some(dec!(9)));
    }

    #[test]
    fn saving_is_rounded_per_line_and_never_negative() {
        // (12.345 − 10) × 3 = 7.035 → 7.04
        assert_eq!(
            saving_at_median(dec!(12.345), dec!(3), dec!(10)).unwrap(),
            dec!(7.04)
        );
        assert_eq!(
            saving_at_median(dec!(8), dec!(3), dec!(10)).unwrap(),
            dec!(0)
        );
        assert_eq!(
            saving_at_median(dec!(10), dec!(3), dec!(10)).unwrap(),
            dec!(0)
        );
    }

    #[test]
    fn difference_from_median() {
        assert_eq!(diff_from_median(dec!(110), dec!(100)), Some(dec!(0.1)));
        assert_eq!(diff_from_median(dec!(1), dec!(0)), None);
    }
}
