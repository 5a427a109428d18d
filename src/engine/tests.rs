//! Hand-worked tests of the engine, one behaviour each. Figures are worked
//! out in the comments.

use super::*;
use crate::model::*;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

pub(crate) fn partner(id: &str) -> Partner {
    Partner {
        id: id.into(),
        name: id.to_uppercase(),
        kind: PartnerKind::Other,
    }
}

pub(crate) fn svc(id: &str, pool: &str, unit_cost: Decimal, volume: Decimal) -> Service {
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
        benefit: BenefitTerms::default(),
        start: None,
        end: None,
    }
}

pub(crate) fn contrib(pool: &str, partner: &str, year: i32, amount: Decimal) -> Contribution {
    Contribution {
        pool: pool.into(),
        partner: partner.into(),
        year: Year(year),
        amount,
        note: String::new(),
    }
}

/// Pool `p`, hosted by `a`, pro rata, carry forward; partners a and b.
pub(crate) fn budget() -> Budget {
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
        outcomes: vec![],
        risk_caps: vec![],
        schedules: vec![],
        files: vec![],
        monitoring: Default::default(),
    }
}

pub(crate) fn scenario(years: usize) -> Scenario {
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
        ranges: Default::default(),
        levers: vec![],
        chain: vec![],
        extends: None,
    }
}

pub(crate) fn lever(kind: LeverKind, from: usize, to: Option<usize>) -> Lever {
    Lever {
        kind,
        from,
        to,
        origin: "scenarios/s.toml:1".into(),
        active: true,
    }
}

pub(crate) fn run(b: &Budget, s: &Scenario) -> Projection {
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
    assert_eq!(
        p.services[0].unit_cost,
        crate::engine::Series::from_vec(vec![dec!(100), dec!(105)])
    );
    assert_eq!(
        p.services[0].cost,
        crate::engine::Series::from_vec(vec![dec!(1000), dec!(1050)])
    );
    assert_eq!(
        p.services[1].cost,
        crate::engine::Series::from_vec(vec![dec!(200), dec!(200)])
    );
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
        crate::engine::Series::from_vec(vec![dec!(100), dec!(165), dec!(111)])
    );
    assert_eq!(
        p.services[0].cost,
        crate::engine::Series::from_vec(vec![dec!(200), dec!(330), dec!(222)])
    );
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
    assert_eq!(
        p.services[0].volume,
        crate::engine::Series::from_vec(vec![dec!(100), dec!(110), dec!(121)])
    );
    assert_eq!(
        p.services[1].volume,
        crate::engine::Series::from_vec(vec![dec!(100), dec!(50), dec!(25)])
    );
}
