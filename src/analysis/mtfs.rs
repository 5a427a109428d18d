//! The funding gap in the language of a medium-term financial strategy
//! (MTFS), computed once for `summary`, `compare`, the TUI Overview and the
//! Cabinet headline table (issue 12 item 4):
//!
//! - the **gap in year t** (an MTFS's "cumulative gap") is that year's
//!   in-year gap, spend − contributions: the shortfall against the base,
//!   since a saving that closes a gap is recurrent and stays closed;
//! - the **new gap arising in year t** (an MTFS's "annual gap") is
//!   gap[t] − gap[t−1]; in the base year (t = 0) it is gap[0] itself, the
//!   plan's first year measured against a balanced year before it, so the
//!   new gaps add up to the last year's gap (Gateshead's MTFS prints its
//!   first year's annual gap equal to its cumulative gap the same way);
//! - the **total of in-year gaps over N years** (Σ gap[t]) is what the
//!   bridge and sensitivity move; it is not an MTFS figure and is labelled
//!   for what it is.
//!
//! Each works on a series already in the view's terms (cash or real), so
//! real-terms new gaps are differences of real gaps.

use crate::engine::arith::{sub, sum, R};
use rust_decimal::Decimal;

const WHAT: &str = "the new gap arising in a year";

/// The new gap arising in each year: `gap[0]`, then `gap[t] − gap[t−1]`.
pub fn new_gaps(gap: &[Decimal]) -> R<Vec<Decimal>> {
    let mut prev = Decimal::ZERO;
    gap.iter()
        .map(|g| {
            let d = sub(*g, prev, WHAT)?;
            prev = *g;
            Ok(d)
        })
        .collect()
}

/// The total of in-year gaps over the horizon: Σ `gap[t]`.
pub fn total_of_gaps(gap: &[Decimal]) -> R<Decimal> {
    sum(gap, "the total of in-year gaps")
}

/// The label of [`total_of_gaps`] for a horizon of `years` years.
pub fn total_label(years: usize) -> String {
    match years {
        1 => "total of in-year gaps over 1 year".into(),
        n => format!("total of in-year gaps over {n} years"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// Gateshead's MTFS 2023/24–2027/28 (£m), minimum cumulative gap
    /// 10.657, 29.795, 45.912, 51.112, 55.191 gives the printed minimum
    /// annual gaps 10.657, 19.138 (printed 19.139: the paper rounds each
    /// figure on its own), 16.117, 5.200, 4.079.
    #[test]
    fn new_gaps_are_year_on_year_differences_from_a_balanced_start() {
        let gap = [
            dec!(10.657),
            dec!(29.795),
            dec!(45.912),
            dec!(51.112),
            dec!(55.191),
        ];
        let new = new_gaps(&gap).unwrap();
        assert_eq!(
            new,
            [
                dec!(10.657),
                dec!(19.138),
                dec!(16.117),
                dec!(5.200),
                dec!(4.079)
            ]
        );
        // The new gaps add up to the last year's gap.
        assert_eq!(sum(&new, "t").unwrap(), dec!(55.191));
        assert_eq!(total_of_gaps(&gap).unwrap(), dec!(192.667));
    }

    #[test]
    fn a_gap_closed_by_a_recurrent_saving_arises_as_a_negative_new_gap() {
        // -136,700 (an underspend), 781,364, then back to 500,000.
        let gap = [dec!(-136700), dec!(781364), dec!(500000)];
        assert_eq!(
            new_gaps(&gap).unwrap(),
            [dec!(-136700), dec!(918064), dec!(-281364)]
        );
        assert!(new_gaps(&[]).unwrap().is_empty());
    }

    #[test]
    fn the_total_is_labelled_with_its_horizon() {
        assert_eq!(total_label(3), "total of in-year gaps over 3 years");
        assert_eq!(total_label(1), "total of in-year gaps over 1 year");
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert!(new_gaps(&[Decimal::MIN, Decimal::MAX]).is_err());
    }
}
