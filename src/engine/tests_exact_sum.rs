//! `exact_sum::ExactSum` against the checked `Decimal` fold.

use super::exact_sum::ExactSum;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// `Σ xs` by `ExactSum` (`None` where it refuses).
fn exact<'a>(xs: impl IntoIterator<Item = &'a Decimal>) -> Option<Decimal> {
    let mut p = ExactSum::default();
    xs.into_iter().for_each(|x| p.add(x));
    p.value()
}

fn checked(xs: &[Decimal]) -> Option<Decimal> {
    xs.iter().try_fold(Decimal::ZERO, |a, x| a.checked_add(*x))
}

#[test]
fn by_hand() {
    let xs = [dec!(1.50), dec!(2), dec!(0.3), dec!(10.25)];
    let s = exact(&xs).unwrap();
    assert_eq!(s, dec!(14.05));
    assert_eq!(s.scale(), 2);
    assert_eq!(exact(&[dec!(1), dec!(2)]).unwrap().scale(), 0);
    assert_eq!(exact(&[dec!(1.0), dec!(2)]).unwrap().scale(), 1);
    assert_eq!(exact(&[]).unwrap().scale(), 0);
    // Any scale: 1.005 + 0.0000000000000000000000000001 at scale 28.
    let tiny = Decimal::from_i128_with_scale(1, 28);
    let s = exact(&[dec!(1.005), tiny]).unwrap();
    assert_eq!(s.to_string(), "1.0050000000000000000000000001");
    // A zero adds nothing, not even its scale: 0.00 + 1.5 is 1.5.
    assert_eq!(exact(&[dec!(0.00), dec!(1.5)]).unwrap().to_string(), "1.5");
    assert_eq!(exact(&[dec!(1.5), dec!(0.000)]).unwrap().to_string(), "1.5");
    // Every value zero: the last one, its scale and sign included.
    assert_eq!(
        exact(&[dec!(0.0), dec!(0.000)]).unwrap().to_string(),
        "0.000"
    );
    assert!(exact(&[-Decimal::ZERO]).unwrap().is_sign_negative());
    assert_eq!(exact(&[dec!(-1)]), None);
    // 1.5 + 10^28 × 10: the total would need a 29th digit at scale 1.
    assert_eq!(
        exact(&[dec!(1.5), dec!(7922816251426433759354395033)]),
        None
    );
    // A value at a smaller scale than the sum's is raised to it: 2^64 − 1
    // raised 19 places is ≥ 2^96 (refused), and 20 places would not fit
    // in 128 bits either (refused, not wrapped round).
    let big = Decimal::from_i128_with_scale(u64::MAX as i128, 0);
    for k in [19, 20, 28] {
        let at = Decimal::from_i128_with_scale(1, k);
        assert_eq!(exact(&[at, big]), None, "{k}");
        if k < 28 {
            let want = (at + dec!(12.34)).serialize();
            assert_eq!(exact(&[at, dec!(12.34)]).unwrap().serialize(), want);
        }
    }
    for xs in [
        vec![dec!(0.00), dec!(1.5)],
        vec![dec!(0.0), dec!(0.000)],
        vec![-Decimal::ZERO],
        vec![dec!(1.005), tiny],
        vec![dec!(100000000000000000000000000), dec!(0.01)],
    ] {
        let want = checked(&xs).unwrap();
        assert_eq!(exact(&xs).unwrap().serialize(), want.serialize(), "{xs:?}");
    }
}

fn money() -> impl Strategy<Value = Decimal> {
    (0u64..u64::MAX, 0u32..=2, 0u32..4)
        .prop_map(|(m, s, shrink)| Decimal::from_i128_with_scale((m >> (shrink * 16)) as i128, s))
}

/// Any decimal ≥ 0 (and some < 0, some −0): every scale, mantissas of
/// every width up to 96 bits, many zeros.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    (any::<u128>(), 0u32..=28, 0u32..=96, 0u8..16).prop_map(|(m, s, bits, kind)| {
        let m = (m & ((1u128 << 96) - 1)) >> (96 - bits.min(96));
        let d = Decimal::from_i128_with_scale(m as i128, s);
        match kind {
            0 => -Decimal::from_i128_with_scale(0, s),
            1 | 2 => Decimal::from_i128_with_scale(0, s),
            3 => -d,
            _ => d,
        }
    })
}

proptest! {
    #[test]
    fn it_is_the_checked_decimal_sum(xs in prop::collection::vec(money(), 0..60)) {
        let want = checked(&xs).unwrap();
        let got = exact(&xs).unwrap();
        prop_assert_eq!(got, want);
        prop_assert_eq!(got.scale(), want.scale());
        prop_assert_eq!(got.serialize(), want.serialize());
    }

    /// Whenever it gives a sum, it is the fold's, bit for bit; it refuses
    /// only a negative value or a fold that rounds (or overflows).
    #[test]
    fn any_sum_it_gives_is_the_fold_bit_for_bit(xs in prop::collection::vec(any_decimal(), 0..40)) {
        let got = exact(&xs);
        let want = checked(&xs);
        if let Some(g) = got {
            prop_assert_eq!(Some(g.serialize()), want.map(|w| w.serialize()));
        } else {
            let negative = xs.iter().any(|x| x.is_sign_negative() && !x.is_zero());
            // Refused without a negative value: the exact total at the largest
            // scale does not fit 96 bits, so the fold rounded or overflowed.
            let exact = want.is_some_and(|w| {
                let s = xs.iter().filter(|x| !x.is_zero()).map(|x| x.scale()).max().unwrap_or(0);
                let total = xs.iter().filter(|x| !x.is_zero()).try_fold(0i128, |a, x| {
                    a.checked_add(x.mantissa().checked_mul(10i128.checked_pow(s - x.scale())?)?)
                });
                w.scale() == s && total == Some(w.mantissa())
            });
            prop_assert!(negative || !exact, "refused an exact sum: {:?}", xs);
        }
    }

    /// Small values at many scales: sums that fit, so each is given.
    #[test]
    fn small_values_at_any_scale_are_summed(xs in prop::collection::vec((0u64..1_000_000, 0u32..=20), 0..50)) {
        let xs: Vec<Decimal> = xs.iter().map(|(m, s)| Decimal::from_i128_with_scale(*m as i128, *s)).collect();
        let got = exact(&xs).map(|g| g.serialize());
        prop_assert_eq!(got, checked(&xs).map(|w| w.serialize()));
    }
}

proptest! {
    /// `benefit::apply_rows` takes a sum's first term as it is, not added
    /// to 0: that is the same value, bit for bit, for any decimal.
    #[test]
    fn zero_plus_any_decimal_is_that_decimal(x in any_decimal()) {
        let y = Decimal::ZERO.checked_add(x).unwrap();
        prop_assert_eq!(y.serialize(), x.serialize());
    }
}

proptest! {
    #[test]
    fn merged_sums_are_the_sum_of_every_value(
        parts in prop::collection::vec(prop::collection::vec(any_decimal(), 0..20), 0..6),
    ) {
        let mut all = ExactSum::default();
        for p in &parts {
            let mut x = ExactSum::default();
            p.iter().for_each(|v| x.add(v));
            all.merge(&x);
        }
        let flat: Vec<Decimal> = parts.concat();
        prop_assert_eq!(all.value().map(|v| v.serialize()), exact(&flat).map(|v| v.serialize()));
    }
}

/// The sums the service loop takes on two threads are the checked folds
/// over the lines, in service order: every series, every pool, every
/// example scenario; and the pools and headlines built on them are those
/// built on sums taken afterwards in one pass.
#[test]
fn the_line_sums_are_the_folds_over_every_line() {
    use super::services::LineSums;
    use crate::analysis::fixture::example;
    let (b, all) = example();
    for s in &all {
        let d = super::arith::products(&s.rates.deflator, b.base_year, s.years, "").unwrap();
        let (lines, sums) = super::services::project(&b, s, &d, &mut vec![], 2, true).unwrap();
        let fold = |f: &dyn Fn(&super::ServiceLine) -> Option<Decimal>| {
            lines
                .iter()
                .filter_map(f)
                .try_fold(Decimal::ZERO, |a, x| a.checked_add(x))
        };
        for t in 0..s.years {
            let cases: [(&str, &[ExactSum], Option<Decimal>); 3] = [
                ("cost", &sums.cost, fold(&|l| Some(l.cost[t]))),
                ("benefit", &sums.benefit, fold(&|l| Some(l.benefit[t]))),
                ("outcomes", &sums.outcomes, fold(&|l| Some(l.outcomes[t]))),
            ];
            for (what, got, want) in cases {
                let got = got[t].value();
                assert!(
                    got.is_some(),
                    "{} {what} {t}: the example's sums are exact",
                    s.id
                );
                assert_eq!(
                    got.map(|g| g.serialize()),
                    want.map(|w| w.serialize()),
                    "{} {what} {t}",
                    s.id
                );
            }
            for (p, pool) in sums.pool_cost.iter().enumerate() {
                let want = fold(&|l| (l.pool_at == Some(p)).then_some(l.cost[t]));
                assert_eq!(
                    pool[t].value().map(|g| g.serialize()),
                    want.map(|w| w.serialize())
                );
            }
        }
        let again = LineSums::of(&lines, s.years, b.pools.len());
        let c = super::contributions::project(&b, s).unwrap();
        let one = super::pools::project_summed(&b, s, &c, &lines, &sums).unwrap();
        assert_eq!(
            one,
            super::pools::project_summed(&b, s, &c, &lines, &again).unwrap()
        );
        // Sums that refuse: the pools fold their lines, to the same accounts.
        let mut refused = LineSums::new(s.years, b.pools.len(), true);
        refused
            .pool_cost
            .iter_mut()
            .flatten()
            .for_each(|x| x.add(&dec!(-1)));
        assert_eq!(
            one,
            super::pools::project_summed(&b, s, &c, &lines, &refused).unwrap()
        );
    }
}
