//! `pence::Pence` against the checked `Decimal` sum.

use super::pence::Pence;
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
    (0u64..u64::MAX, 0u32..=2, 0u32..4)
        .prop_map(|(m, s, shrink)| Decimal::from_i128_with_scale((m >> (shrink * 16)) as i128, s))
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
