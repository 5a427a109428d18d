//! Hand-worked tests of SPEC §11.3 (the `benefit` risk rule: weights,
//! refunds, caps, all-zero weights) and the worked example of
//! docs/methodology.md §11.6.

use super::tests::{lever, run, scenario};
use super::tests_s11::{row, valued};
use super::*;
use crate::model::*;
use rust_decimal_macros::dec;

/// Pool p (host a) shares by benefit; s costs `cost` against 1,200 of contributions.
fn benefit_pool(cost: Decimal, rows: Vec<OutcomeValue>) -> Budget {
    let mut b = valued();
    b.services[0].unit_cost = cost / dec!(10);
    b.services[0].outcome_rate = dec!(0.1); // one outcome
    b.pools[0].risk_share = RiskRule::Benefit;
    b.outcomes = rows;
    b
}

fn shares(p: &Projection) -> Vec<(String, Decimal)> {
    p.pools[0]
        .shares
        .iter()
        .map(|s| (s.partner.clone(), s.values[0]))
        .filter(|(_, v)| !v.is_zero())
        .collect()
}

#[test]
fn benefit_weights_share_an_overspend_by_fiscal_benefit() {
    use ValueKind::*;
    let rows = vec![
        row("o", "a", dec!(300), Fiscal, false),
        row("o", "b", dec!(60), Fiscal, true),
        row("o", "b", dec!(40), Fiscal, false),
        row("o", "b", dec!(5000), Social, false), // not fiscal: no weight
        row("o", "c", dec!(-50), Fiscal, false),  // negative: weight 0
        row("o", "dwp", dec!(1000), Fiscal, false), // outside agency: never shares
    ];
    // Spend 1,300 against 1,200: overspend 100, weights a 300 : b 100 → 75 : 25.
    let p = run(&benefit_pool(dec!(1300), rows.clone()), &scenario(1));
    assert_eq!(
        shares(&p),
        vec![("a".into(), dec!(75)), ("b".into(), dec!(25))]
    );
    // Pro rata would have been 800 : 400.
    // A refund (underspend returned) uses the same weights: 100 back, −75 and −25.
    let mut b = benefit_pool(dec!(1100), rows.clone());
    b.pools[0].underspend = Underspend::Return;
    let p = run(&b, &scenario(1));
    assert_eq!(
        shares(&p),
        vec![("a".into(), dec!(-75)), ("b".into(), dec!(-25))]
    );
    // Caps apply: b capped at £10 → the host a bears 90.
    let mut b = benefit_pool(dec!(1300), rows);
    b.risk_caps = vec![RiskCap {
        pool: "p".into(),
        partner: "b".into(),
        cap: Cap::Money(dec!(10)),
    }];
    let p = run(&b, &scenario(1));
    assert_eq!(
        shares(&p),
        vec![("a".into(), dec!(90)), ("b".into(), dec!(10))]
    );
}

#[test]
fn benefit_weights_that_sum_to_zero_leave_the_host_bearing_all() {
    use ValueKind::*;
    let rows = vec![
        row("o", "b", dec!(-40), Fiscal, false),
        row("o", "c", dec!(0), Fiscal, false),
        row("o", "dwp", dec!(1000), Fiscal, false),
    ];
    let p = run(&benefit_pool(dec!(1300), rows), &scenario(1));
    assert_eq!(shares(&p), vec![("a".into(), dec!(100))]);
}

#[test]
fn the_worked_example_of_the_methodology() {
    use ValueKind::*;
    // docs/methodology.md §11: 100 outcomes a year, net 64.8; council (a)
    // £3,500 fiscal cashable, NHS (b) £1,200 fiscal, DWP £1,500 fiscal,
    // society £1,500 economic; 3 years, 10% drop-off; stops after year 1;
    // deflator 2.5%; the pool (host a) shares by benefit.
    let mut b = valued();
    let s = &mut b.services[0];
    s.unit_cost = dec!(112);
    s.volume = dec!(100);
    s.outcome_rate = dec!(1);
    s.benefit.deadweight = dec!(0.2);
    s.benefit.attribution = dec!(0.9);
    s.benefit.optimism_bias = dec!(0.1);
    s.benefit.benefit_years = 3;
    s.benefit.drop_off = dec!(0.1);
    b.pools[0].risk_share = RiskRule::Benefit;
    b.outcomes = vec![
        row("o", "a", dec!(3500), Fiscal, true),
        row("o", "b", dec!(1200), Fiscal, false),
        row("o", "dwp", dec!(1500), Fiscal, false),
        row("o", "society", dec!(1500), Economic, false),
    ];
    let mut sc = scenario(4);
    sc.rates.deflator = dec!(0.025).into();
    let stop = LeverKind::Decommission {
        service: "s".into(),
    };
    sc.levers = vec![lever(stop, 2, None)];
    let p = run(&b, &sc);
    let to = |who: &str| {
        let s = &p.services[0];
        s.benefit_to
            .iter()
            .find(|x| &*x.beneficiary == who)
            .unwrap()
            .values
            .clone()
    };
    assert_eq!(
        to("a"),
        crate::engine::Series::from_vec(vec![
            dec!(226800),
            dec!(441693),
            dec!(407461.79),
            dec!(197833.42)
        ])
    );
    assert_eq!(
        to("b"),
        crate::engine::Series::from_vec(vec![
            dec!(77760),
            dec!(151437.60),
            dec!(139701.19),
            dec!(67828.60)
        ])
    );
    assert_eq!(
        to("dwp"),
        crate::engine::Series::from_vec(vec![
            dec!(97200),
            dec!(189297),
            dec!(174626.48),
            dec!(84785.75)
        ])
    );
    // Year 0: spend 11,200 against 1,200 → overspend 10,000, weights 226,800 : 77,760.
    assert_eq!(
        shares(&p),
        vec![("a".into(), dec!(7446.81)), ("b".into(), dec!(2553.19))]
    );
}
