//! Hand-worked tests of the engine, continued: recommissioning, risk rules,
//! levers' windows, real terms and errors. Figures are worked in the comments.

use super::tests::*;
use super::*;
use crate::model::*;
use rust_decimal_macros::dec;

fn ser<T: Copy>(xs: &[T]) -> crate::engine::Series<T> {
    crate::engine::Series::from_slice(xs)
}

#[test]
fn invest_to_save_with_lag_and_floor() {
    let mut b = budget();
    b.services = vec![
        svc("early", "p", dec!(10), dec!(10)),
        svc("resi", "p", dec!(100), dec!(5)),
    ];
    let mut s = scenario(4);
    s.levers = vec![lever(
        LeverKind::Volume {
            service: "early".into(),
            op: Op::By(dec!(20)),
            reduces: Some(Reduces {
                service: "resi".into(),
                per_unit: dec!(0.1),
                lag: 1,
            }),
        },
        1,
        Some(2),
    )];
    let p = run(&b, &s);
    // early: 10, 30, 30, 10; added = 0, 20, 20, 0
    assert_eq!(
        p.services[0].volume,
        ser(&[dec!(10), dec!(30), dec!(30), dec!(10)])
    );
    // resi: t1 −0.1×added[0]=0; t2 −2; t3 −2 → 5, 5, 3, 3
    assert_eq!(
        p.services[1].volume,
        ser(&[dec!(5), dec!(5), dec!(3), dec!(3)])
    );
    // A bigger per_unit floors resi at zero with a warning.
    if let LeverKind::Volume {
        reduces: Some(r), ..
    } = &mut s.levers[0].kind
    {
        r.per_unit = dec!(1);
    }
    let p = run(&b, &s);
    assert_eq!(
        p.services[1].volume,
        ser(&[dec!(5), dec!(5), dec!(0), dec!(0)])
    );
    assert_eq!(p.warnings.len(), 2);
}

#[test]
fn reductions_do_not_cascade() {
    // a adds to itself and reduces b; b's own lever reduces c. The reduction
    // of b by a does not change what b's lever "added".
    let mut b = budget();
    b.services = vec![
        svc("a", "p", dec!(1), dec!(10)),
        svc("b", "p", dec!(1), dec!(10)),
        svc("c", "p", dec!(1), dec!(10)),
    ];
    let mut s = scenario(2);
    let vol = |sv: &str, by, red: &str| LeverKind::Volume {
        service: sv.into(),
        op: Op::By(by),
        reduces: Some(Reduces {
            service: red.into(),
            per_unit: dec!(1),
            lag: 0,
        }),
    };
    s.levers = vec![
        lever(vol("a", dec!(2), "b"), 0, None),
        lever(vol("b", dec!(1), "c"), 0, None),
    ];
    let p = run(&b, &s);
    assert_eq!(p.services[0].volume, ser(&[dec!(12), dec!(12)]));
    assert_eq!(p.services[1].volume, ser(&[dec!(9), dec!(9)])); // 10 + 1 − 2
    assert_eq!(p.services[2].volume, ser(&[dec!(9), dec!(9)])); // 10 − 1
}

#[test]
fn commission_decommission_recommission_windows() {
    let mut b = budget();
    b.providers.push(Provider {
        id: "new".into(),
        name: "New".into(),
        sector: "voluntary",
        rating: String::new(),
    });
    b.services = vec![
        svc("old", "p", dec!(100), dec!(1)),
        svc("swap", "p", dec!(100), dec!(1)),
    ];
    let mut s = scenario(4);
    s.levers = vec![
        lever(
            LeverKind::Commission {
                service: Box::new(svc("mst", "p", dec!(10), dec!(3))),
            },
            2,
            None,
        ),
        lever(
            LeverKind::Decommission {
                service: "old".into(),
            },
            1,
            Some(2),
        ),
        lever(
            LeverKind::Recommission {
                service: "swap".into(),
                provider: "new".into(),
                unit_cost: Some(dec!(80)),
                outcome_rate: None,
            },
            1,
            Some(1),
        ),
        lever(
            LeverKind::Recommission {
                service: "swap".into(),
                provider: "prov".into(),
                unit_cost: Some(dec!(70)),
                outcome_rate: None,
            },
            1,
            Some(2),
        ),
    ];
    let p = run(&b, &s);
    let old = &p.services[0];
    assert_eq!(old.runs, ser(&[true, false, false, true]));
    assert_eq!(old.cost, ser(&[dec!(100), dec!(0), dec!(0), dec!(100)]));
    let swap = &p.services[1];
    // The later recommission wins where they overlap; after `to` the original returns.
    assert_eq!(
        swap.unit_cost,
        ser(&[dec!(100), dec!(70), dec!(70), dec!(100)])
    );
    assert!(swap.provider.iter().all(|p| &**p == "prov"));
    let mst = &p.services[2];
    assert!(mst.commissioned);
    assert_eq!(mst.cost, ser(&[dec!(0), dec!(0), dec!(30), dec!(30)]));
}

#[test]
fn host_rule_and_return_of_underspend() {
    let mut b = budget();
    b.pools[0].risk_share = RiskRule::Host;
    b.services = vec![svc("x", "p", dec!(1300), dec!(1))];
    let p = run(&b, &scenario(1));
    // Overspend 100 borne by the host alone.
    assert_eq!(p.pools[0].shares[0].values, vec![dec!(100)]);
    assert_eq!(p.pools[0].shares[1].values, vec![dec!(0)]);
    // An underspend of 200 returned pro rata 800:400 → refunds of 133.33 and 66.67.
    b.pools[0].risk_share = RiskRule::ProRata;
    b.pools[0].underspend = Underspend::Return;
    b.services = vec![svc("x", "p", dec!(1000), dec!(1))];
    let p = run(&b, &scenario(2));
    assert_eq!(
        p.pools[0].shares[0].values,
        vec![dec!(-133.33), dec!(-133.33)]
    );
    assert_eq!(
        p.pools[0].shares[1].values,
        vec![dec!(-66.67), dec!(-66.67)]
    );
    assert_eq!(p.pools[0].carry_in, vec![dec!(0), dec!(0)]);
    assert_eq!(p.exposure[0].values[0], dec!(666.67));
}

#[test]
fn carry_forward_then_overspend() {
    let mut b = budget();
    b.contributions = vec![
        contrib("p", "a", 2009, dec!(1000)),
        contrib("p", "a", 2010, dec!(500)),
    ];
    b.services = vec![svc("x", "p", dec!(800), dec!(1))];
    let p = run(&b, &scenario(3));
    let pool = &p.pools[0];
    // t0: 1000 − 800 = +200 carried; t1: 500 + 200 − 800 = −100 overspend; t2: 500 − 800 = −300.
    assert_eq!(pool.carry_in, vec![dec!(0), dec!(200), dec!(0)]);
    assert_eq!(pool.balance, vec![dec!(200), dec!(-100), dec!(-300)]);
    assert_eq!(p.totals.overspend, vec![dec!(0), dec!(100), dec!(300)]);
    assert_eq!(p.totals.closing_reserve, dec!(0));
}

#[test]
fn agreed_shares_split_overspend() {
    let mut b = budget();
    b.pools[0].risk_share = RiskRule::Agreed;
    b.risk_shares = vec![
        RiskShare {
            pool: "p".into(),
            partner: "c".into(),
            share: dec!(0.25),
        },
        RiskShare {
            pool: "p".into(),
            partner: "a".into(),
            share: dec!(0.75),
        },
    ];
    b.services = vec![svc("x", "p", dec!(1200.03), dec!(1))];
    let p = run(&b, &scenario(1));
    // 0.03 overspend: a 0.0225 → 0.02, c 0.0075 → 0.00, penny to c (remainder .0075 > .0025).
    let shares: Vec<(&str, Decimal)> = p.pools[0]
        .shares
        .iter()
        .map(|s| (s.partner.as_str(), s.values[0]))
        .collect();
    assert_eq!(shares, vec![("a", dec!(0.02)), ("c", dec!(0.01))]);
}

#[test]
fn pro_rata_with_zero_contributions_falls_to_host() {
    let mut b = budget();
    b.contributions = vec![contrib("p", "b", 2009, dec!(0))];
    b.services = vec![svc("x", "p", dec!(10), dec!(1))];
    let p = run(&b, &scenario(1));
    let a = p.pools[0].shares.iter().find(|s| s.partner == "a").unwrap();
    assert_eq!(a.values, vec![dec!(10)]);
}

#[test]
fn savings_reduce_spend() {
    let mut b = budget();
    b.services = vec![svc("x", "p", dec!(1000), dec!(1))];
    let mut s = scenario(2);
    s.levers = vec![lever(
        LeverKind::Saving {
            pool: "p".into(),
            by: dec!(50),
        },
        1,
        None,
    )];
    let p = run(&b, &s);
    assert_eq!(p.pools[0].saving, vec![dec!(0), dec!(50)]);
    assert_eq!(p.pools[0].spend, vec![dec!(1000), dec!(950)]);
}

#[test]
fn outcomes_benefit_and_cost_per_outcome() {
    let mut b = budget();
    let mut x = svc("x", "p", dec!(100), dec!(10));
    x.outcome_rate = dec!(0.25);
    x.outcome_value = dec!(1000);
    b.services = vec![x];
    let mut s = scenario(2);
    s.rates.deflator = dec!(0.025).into();
    s.levers = vec![lever(
        LeverKind::OutcomeRate {
            service: "x".into(),
            op: Op::Set(dec!(0.3)),
        },
        1,
        None,
    )];
    let p = run(&b, &s);
    // outcomes 2.5 then 3; benefit 2,500 then 3 × 1000 × 1.025 = 3,075
    assert_eq!(p.services[0].outcomes, ser(&[dec!(2.5), dec!(3.0)]));
    assert_eq!(p.services[0].benefit, ser(&[dec!(2500), dec!(3075)]));
    // real spend 1000, 1000/1.025 = 975.609… → 975.61
    assert_eq!(p.totals.real_spend, vec![dec!(1000), dec!(975.61)]);
    // discount 0: pv_cost = 1975.61; pv_benefit = 2500 + 3000 = 5500
    assert_eq!(p.totals.pv_cost, dec!(1975.61));
    assert_eq!(p.totals.pv_benefit, dec!(5500));
    assert_eq!(p.totals.npv, dec!(3524.39));
}

#[test]
fn huge_growth_is_an_overflow_error_not_a_panic() {
    let mut b = budget();
    b.services = vec![svc("x", "p", dec!(1000000), dec!(1000000))];
    let mut s = scenario(50);
    s.demand.insert("x".into(), dec!(10).into());
    assert!(matches!(project(&b, &s), Err(EngineError::Overflow(_))));
}
