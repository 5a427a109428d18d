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

proptest! {
    #[test]
    fn merged_sums_are_the_sum_of_every_value(
        parts in prop::collection::vec(prop::collection::vec(money(), 0..20), 0..6),
        refuse in prop::option::of(0usize..6),
    ) {
        let mut parts = parts;
        if let Some(i) = refuse.filter(|i| *i < parts.len()) {
            parts[i].push(dec!(-0.01));
        }
        let mut all = Pence::default();
        for p in &parts {
            let mut x = Pence::default();
            p.iter().for_each(|v| x.add(v));
            all.merge(&x);
        }
        let flat: Vec<Decimal> = parts.concat();
        prop_assert_eq!(all.value().map(|v| v.serialize()), Pence::sum(&flat).map(|v| v.serialize()));
    }
}

#[test]
fn the_pools_service_cost_is_the_sum_over_every_line() {
    use crate::analysis::fixture::example;
    let (b, all) = example();
    for s in &all {
        let p = super::project(&b, s).unwrap();
        let c = super::contributions::project(&b, s).unwrap();
        let (_, _, cost) = super::pools::project_costed(&b, s, &c, &p.services).unwrap();
        let cost = cost.expect("every example line is in a pool, in pence");
        for t in 0..p.years {
            let want = checked(&p.services.iter().map(|l| l.cost[t]).collect::<Vec<_>>());
            assert_eq!(
                Some(cost[t].serialize()),
                want.map(|w| w.serialize()),
                "{} {t}",
                s.id
            );
        }
        // A line in no pool: no sum from the pools (the headline sums the lines).
        let mut lines = p.services.clone();
        lines[0].pool_at = None;
        let (_, _, cost) = super::pools::project_costed(&b, s, &c, &lines).unwrap();
        assert_eq!(cost, None);
    }
}
