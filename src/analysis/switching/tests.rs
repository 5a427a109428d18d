//! The search on made-up functions, where the answer is known.

use super::*;
use rust_decimal_macros::dec;

#[test]
fn finds_a_linear_zero_to_the_precision() {
    // gap = 1,000,000 × (x − 0.0537): zero at 5.37%.
    let f = |x: Decimal| Some(dec!(1000000) * (x - dec!(0.0537)));
    let found = switching_value(dec!(0.03), &f).unwrap();
    assert!((found.value - dec!(0.0537)).abs() <= PRECISION);
    assert!(found.gap.abs() <= TOLERANCE);
}

#[test]
fn steep_gap_is_refined_until_within_a_pound() {
    // £1bn a unit of the input: 0.01 pp moves the gap by £100,000.
    let f = |x: Decimal| Some(dec!(1000000000) * (x - dec!(-0.123456789)));
    let found = switching_value(dec!(0.02), &f).unwrap();
    assert!(found.gap.abs() <= TOLERANCE, "{found:?}");
}

#[test]
fn nearest_zero_wins_when_there_are_two() {
    // gap = (x − 0.10)(x + 0.30) × 1e6: zeros at +10% and −30%; current 0.
    let f = |x: Decimal| Some(dec!(1000000) * (x - dec!(0.1)) * (x + dec!(0.3)));
    let found = switching_value(dec!(0), &f).unwrap();
    assert!((found.value - dec!(0.1)).abs() <= PRECISION, "{found:?}");
}

#[test]
fn none_within_fifty_points() {
    let f = |x: Decimal| Some(dec!(1000) + x);
    assert_eq!(switching_value(dec!(0.02), &f), None);
    // a zero just beyond the range is not found
    let f = |x: Decimal| Some(x - dec!(0.5201));
    assert_eq!(switching_value(dec!(0.02), &f), None);
}

#[test]
fn already_zero_is_the_current_value() {
    let f = |_x: Decimal| Some(Decimal::ZERO);
    let found = switching_value(dec!(0.02), &f).unwrap();
    assert_eq!(found.value, dec!(0.02));
}

#[test]
fn engine_failures_are_no_value_there() {
    // fails below 0; the only zero (−5%) lies in the failing region.
    let f = |x: Decimal| {
        if x < dec!(0) {
            None
        } else {
            Some(x + dec!(0.05))
        }
    };
    assert_eq!(switching_value(dec!(0.02), &f), None);
    // fails everywhere except the current value: no bracket, no panic.
    let f = |x: Decimal| if x == dec!(0.02) { Some(dec!(5)) } else { None };
    assert_eq!(switching_value(dec!(0.02), &f), None);
}

#[test]
fn a_step_function_crossing_is_found() {
    // gap jumps from −£3 to +£3 at 7%: the best end is within £3, not £1,
    // and the bracket is as narrow as the arithmetic allows.
    let f = |x: Decimal| Some(if x < dec!(0.07) { dec!(-3) } else { dec!(3) });
    let found = switching_value(dec!(0.02), &f).unwrap();
    assert!((found.value - dec!(0.07)).abs() <= PRECISION, "{found:?}");
}
