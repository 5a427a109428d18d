//! Hand-worked tests of the engine, one behaviour each. Figures are worked
//! out in the comments.

use super::*;
use crate::model::*;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

fn partner(id: &str) -> Partner {
    Partner {
        id: id.into(),
        name: id.to_uppercase(),
        kind: PartnerKind::Other,
    }
}

fn svc(id: &str, pool: &str, unit_cost: Decimal, volume: Decimal) -> Service {
    Service {
        id: id.into(),
        name: id.into(),
        pool: pool.into(),
        provider: "prov".into(),
        category: "cat".into(),
        unit: "unit".into(),
        unit_cost,
        volume,
        pay_share: Decimal::ZERO,
        uplift: Uplift::None,
        outcome: String::new(),
        outcome_rate: Decimal::ZERO,
        outcome_value: Decimal::ZERO,
        start: None,
        end: None,
    }
}

fn contrib(pool: &str, partner: &str, year: i32, amount: Decimal) -> Contribution {
    Contribution {
        pool: pool.into(),
        partner: partner.into(),
        year: Year(year),
        amount,
        note: String::new(),
    }
}

/// Pool `p`, hosted by `a`, pro rata, carry forward; partners a and b.
fn budget() -> Budget {
    Budget {
        id: "b".into(),
        name: "B".into(),
        base_year: Year(2009),
        years: 2,
        currency: "GBP".into(),
        description: String::new(),
        partners: vec![partner("a"), partner("b"), partner("c")],
        pools: vec![Pool {
            id: "p".into(),
            name: "P".into(),
            host: "a".into(),
            basis: "s75",
            risk_share: RiskRule::ProRata,
            underspend: Underspend::CarryForward,
            opening_reserve: Decimal::ZERO,
            agreement: None,
        }],
        contributions: vec![
            contrib("p", "a", 2009, dec!(800)),
            contrib("p", "b", 2009, dec!(400)),
        ],
        providers: vec![Provider {
            id: "prov".into(),
            name: "Prov".into(),
            sector: "private",
            rating: String::new(),
        }],
        services: vec![],
        risk_shares: vec![],
        risk_caps: vec![],
        schedules: vec![],
        files: vec![],
        monitoring: Default::default(),
    }
}

fn scenario(years: usize) -> Scenario {
    Scenario {
        id: "s".into(),
        name: "S".into(),
        budget: "b".into(),
        years,
        description: String::new(),
        rates: Rates {
            discount_rate: Decimal::ZERO,
            ..Rates::default()
        },
        demand: BTreeMap::new(),
        contribution_growth: BTreeMap::new(),
        levers: vec![],
        chain: vec![],
        extends: None,
    }
}

fn lever(kind: LeverKind, from: usize, to: Option<usize>) -> Lever {
    Lever {
        kind,
        from,
        to,
        origin: "scenarios/s.toml:1".into(),
        active: true,
    }
}

fn run(b: &Budget, s: &Scenario) -> Projection {
    project(b, s).unwrap()
}

#[test]
fn worked_example_of_the_methodology() {
    // s1: £100 × 10, half pay, indexed; s2: £50 × 4 fixed price.
    // Pay inflation 10%, price 0%. Year 1 factor for s1 = 0.5×1.1 + 0.5×1 = 1.05.
    let mut b = budget();
    let mut s1 = svc("s1", "p", dec!(100), dec!(10));
    s1.pay_share = dec!(0.5);
    s1.uplift = Uplift::Index;
    b.services = vec![s1, svc("s2", "p", dec!(50), dec!(4))];
    let mut s = scenario(2);
    s.rates.pay_inflation = dec!(0.1).into();
    let p = run(&b, &s);
    assert_eq!(p.services[0].unit_cost, vec![dec!(100), dec!(105)]);
    assert_eq!(p.services[0].cost, vec![dec!(1000), dec!(1050)]);
    assert_eq!(p.services[1].cost, vec![dec!(200), dec!(200)]);
    let pool = &p.pools[0];
    // Contributions 1,200 both years (no growth); spend 1,200 then 1,250.
    assert_eq!(pool.contributions, vec![dec!(1200), dec!(1200)]);
    assert_eq!(pool.spend, vec![dec!(1200), dec!(1250)]);
    assert_eq!(pool.balance, vec![dec!(0), dec!(-50)]);
    // £50 split 800:400: exact 33.333… and 16.666…; truncated 33.33 + 16.66 = 49.99;
    // the last penny goes to b (remainder 0.00666… > 0.00333…).
    assert_eq!(pool.shares[0].values, vec![dec!(0), dec!(33.33)]);
    assert_eq!(pool.shares[1].values, vec![dec!(0), dec!(16.67)]);
    assert_eq!(p.exposure[0].values, vec![dec!(800), dec!(833.33)]);
    assert_eq!(p.exposure[1].values, vec![dec!(400), dec!(416.67)]);
    assert_eq!(p.exposure[2].values, vec![dec!(0), dec!(0)]);
    assert_eq!(p.totals.in_year_gap, vec![dec!(0), dec!(50)]);
    assert_eq!(p.totals.overspend, vec![dec!(0), dec!(50)]);
}

#[test]
fn uprating_factors() {
    let mut b = budget();
    let mut idx = svc("idx", "p", dec!(100), dec!(1));
    idx.pay_share = dec!(0.6);
    idx.uplift = Uplift::Index;
    let mut rate = svc("rate", "p", dec!(100), dec!(1));
    rate.uplift = Uplift::Rate(dec!(0.02));
    b.services = vec![idx, rate, svc("none", "p", dec!(100), dec!(1))];
    let mut s = scenario(3);
    s.rates.pay_inflation = dec!(0.03).into();
    s.rates.price_inflation = dec!(0.02).into();
    let p = run(&b, &s);
    // index, t=2: 0.6×1.0609 + 0.4×1.0404 = 0.63654 + 0.41616 = 1.0527
    assert_eq!(p.services[0].unit_cost[2], dec!(105.27));
    // rate 2%, t=2: 1.0404
    assert_eq!(p.services[1].unit_cost[2], dec!(104.04));
    assert_eq!(p.services[2].unit_cost[2], dec!(100));
}

#[test]
fn contributions_roll_forward_with_growth_and_rounding() {
    let mut b = budget();
    b.contributions = vec![
        contrib("p", "a", 2009, dec!(333.33)),
        contrib("p", "a", 2011, dec!(500)),
        contrib("p", "b", 2010, dec!(10)),
    ];
    let mut s = scenario(4);
    s.contribution_growth.insert("a".into(), dec!(0.015).into());
    let p = run(&b, &s);
    // 333.33 × 1.015 = 338.32995 → 338.33; 2011 row 500; 500 × 1.015 = 507.50
    assert_eq!(
        p.contributions[0].values,
        vec![dec!(333.33), dec!(338.33), dec!(500), dec!(507.50)]
    );
    // b has no base-year row: 0, then its 2010 row, then rolled flat.
    assert_eq!(
        p.contributions[1].values,
        vec![dec!(0), dec!(10), dec!(10), dec!(10)]
    );
}

#[test]
fn contribution_levers_change_by_set_in_window() {
    let b = budget();
    let mut s = scenario(3);
    let op = |op| LeverKind::Contribution {
        partner: "b".into(),
        pool: "p".into(),
        op,
    };
    s.levers = vec![
        lever(op(Op::Change(dec!(-0.1))), 1, None), // 400 → 360 in years 1, 2
        lever(op(Op::By(dec!(0.005))), 2, Some(2)), // 360.005 → 360.01 (half away from zero)
        lever(op(Op::Set(dec!(123.456))), 0, Some(0)), // 123.46
    ];
    let p = run(&b, &s);
    assert_eq!(
        p.contributions[1].values,
        vec![dec!(123.46), dec!(360), dec!(360.01)]
    );
}

#[test]
fn negative_contribution_is_an_error_naming_the_lever() {
    let b = budget();
    let mut s = scenario(2);
    s.levers = vec![lever(
        LeverKind::Contribution {
            partner: "b".into(),
            pool: "p".into(),
            op: Op::By(dec!(-500)),
        },
        1,
        None,
    )];
    let e = project(&b, &s).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the contribution of b to p becomes negative (-100) in 2010-11 after the lever at scenarios/s.toml:1; change the lever so it stays 0 or more"
    );
}

#[test]
fn unit_cost_levers_apply_on_uprated_cost() {
    let mut b = budget();
    let mut x = svc("x", "p", dec!(100), dec!(2));
    x.uplift = Uplift::Rate(dec!(0.1));
    b.services = vec![x];
    let mut s = scenario(3);
    let uc = |op| LeverKind::UnitCost {
        service: "x".into(),
        op,
    };
    s.levers = vec![
        lever(uc(Op::Change(dec!(0.5))), 1, Some(1)),
        lever(uc(Op::By(dec!(-10))), 2, None),
    ];
    let p = run(&b, &s);
    // t1: 110 × 1.5 = 165; t2: 121 − 10 = 111
    assert_eq!(
        p.services[0].unit_cost,
        vec![dec!(100), dec!(165), dec!(111)]
    );
    assert_eq!(p.services[0].cost, vec![dec!(200), dec!(330), dec!(222)]);
}

#[test]
fn demand_growth_by_service_beats_category() {
    let mut b = budget();
    b.services = vec![
        svc("x", "p", dec!(1), dec!(100)),
        svc("y", "p", dec!(1), dec!(100)),
    ];
    let mut s = scenario(3);
    s.demand.insert("cat".into(), dec!(0.1).into());
    s.demand.insert("y".into(), dec!(-0.5).into());
    let p = run(&b, &s);
    assert_eq!(p.services[0].volume, vec![dec!(100), dec!(110), dec!(121)]);
    assert_eq!(p.services[1].volume, vec![dec!(100), dec!(50), dec!(25)]);
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
        vec![dec!(10), dec!(30), dec!(30), dec!(10)]
    );
    // resi: t1 −0.1×added[0]=0; t2 −2; t3 −2 → 5, 5, 3, 3
    assert_eq!(
        p.services[1].volume,
        vec![dec!(5), dec!(5), dec!(3), dec!(3)]
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
        vec![dec!(5), dec!(5), dec!(0), dec!(0)]
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
    assert_eq!(p.services[0].volume, vec![dec!(12), dec!(12)]);
    assert_eq!(p.services[1].volume, vec![dec!(9), dec!(9)]); // 10 + 1 − 2
    assert_eq!(p.services[2].volume, vec![dec!(9), dec!(9)]); // 10 − 1
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
    assert_eq!(old.runs, vec![true, false, false, true]);
    assert_eq!(old.cost, vec![dec!(100), dec!(0), dec!(0), dec!(100)]);
    let swap = &p.services[1];
    // The later recommission wins where they overlap; after `to` the original returns.
    assert_eq!(
        swap.unit_cost,
        vec![dec!(100), dec!(70), dec!(70), dec!(100)]
    );
    assert!(swap.provider.iter().all(|p| &**p == "prov"));
    let mst = &p.services[2];
    assert!(mst.commissioned);
    assert_eq!(mst.cost, vec![dec!(0), dec!(0), dec!(30), dec!(30)]);
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
    assert_eq!(p.services[0].outcomes, vec![dec!(2.5), dec!(3.0)]);
    assert_eq!(p.services[0].benefit, vec![dec!(2500), dec!(3075)]);
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
