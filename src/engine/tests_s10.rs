//! Hand-worked tests of SPEC §10 in the whole engine: rates by year,
//! schedules and their precedence, opening reserves, caps and offsets seen
//! through the projection. Figures are worked in the comments.

use super::tests::{budget, lever, run, scenario, svc};
use super::*;
use crate::model::*;
use rust_decimal_macros::dec;

fn recommission(unit_cost: Option<Decimal>, from: usize, to: Option<usize>) -> Lever {
    lever(
        LeverKind::Recommission {
            service: "x".into(),
            provider: "prov".into(),
            unit_cost,
            outcome_rate: None,
        },
        from,
        to,
    )
}

fn sched(year: i32, unit_cost: Option<Decimal>, volume: Option<Decimal>) -> Schedule {
    Schedule {
        service: "x".into(),
        year: Year(year),
        unit_cost,
        volume,
    }
}

/// Service x: £100 × 10, uplift 10% a year, demand 50% a year; 4 years.
fn with_schedule() -> (Budget, Scenario) {
    let mut b = budget();
    let mut x = svc("x", "p", dec!(100), dec!(10));
    x.uplift = Uplift::Rate(dec!(0.1));
    b.services = vec![x];
    b.schedules = vec![
        sched(2010, Some(dec!(150)), None),
        sched(2011, Some(dec!(160)), Some(dec!(12))),
    ];
    let mut s = scenario(4);
    s.demand.insert("x".into(), dec!(0.5).into());
    (b, s)
}

#[test]
fn a_schedule_replaces_uprating_and_demand_in_its_years_only() {
    // t0: 100 × 10; t1 scheduled cost 150 (not 110), volume 10 × 1.5 = 15;
    // t2 scheduled 160 and 12 (not 121 and 22.5); t3 unscheduled: 133.1 × 33.75.
    let (b, s) = with_schedule();
    let x = &run(&b, &s).services[0];
    assert_eq!(
        x.unit_cost,
        crate::engine::Series::from_vec(vec![dec!(100), dec!(150), dec!(160), dec!(133.1)])
    );
    assert_eq!(
        x.volume,
        crate::engine::Series::from_vec(vec![dec!(10), dec!(15), dec!(12), dec!(33.75)])
    );
    assert_eq!(x.cost[3], dec!(4492.13)); // 133.1 × 33.75 = 4492.125
}

#[test]
fn a_recommission_with_a_unit_cost_beats_the_schedule_then_gives_it_back() {
    // Recommissioned at £90 (base-year prices) in t1 only: t1 = 90 × 1.1 = 99;
    // after its `to` the schedule returns: t2 = 160.
    let (b, mut s) = with_schedule();
    s.levers = vec![recommission(Some(dec!(90)), 1, Some(1))];
    let x = &run(&b, &s).services[0];
    assert_eq!(x.unit_cost[1], dec!(99.0));
    assert_eq!(x.unit_cost[2], dec!(160));
}

#[test]
fn a_provider_only_recommission_keeps_the_schedule_and_an_earlier_unit_cost() {
    // A provider-only recommission from t1 keeps the schedule (150, 160);
    // over an earlier recommission at £90 from t3 it keeps £90 × 1.331.
    let (b, mut s) = with_schedule();
    s.levers = vec![recommission(None, 1, None)];
    let x = &run(&b, &s).services[0];
    assert_eq!(&x.unit_cost[1..3], &[dec!(150), dec!(160)]);
    s.levers = vec![
        recommission(Some(dec!(90)), 3, None),
        recommission(None, 3, None),
    ];
    let x = &run(&b, &s).services[0];
    assert_eq!(x.unit_cost[3], dec!(119.790));
}

#[test]
fn levers_apply_on_top_of_a_scheduled_year() {
    // A unit-cost lever of −10% in t1: 150 × 0.9 = 135.
    let (b, mut s) = with_schedule();
    s.levers = vec![lever(
        LeverKind::UnitCost {
            service: "x".into(),
            op: Op::Change(dec!(-0.1)),
        },
        1,
        Some(1),
    )];
    assert_eq!(run(&b, &s).services[0].unit_cost[1], dec!(135.0));
}

#[test]
fn a_rate_table_drives_uprating_and_contributions() {
    // Pay 100% of cost: pay inflation {2011-12 10%} (first year after base+1).
    // f = 1, 1, 1.1; cost 1000, 1000, 1100. Contribution growth of a
    // {2010-11 5%, 2011-12 0%}: 800, 840, 840.
    let mut b = budget();
    let mut x = svc("x", "p", dec!(100), dec!(10));
    x.uplift = Uplift::Index;
    x.pay_share = dec!(1);
    b.services = vec![x];
    let mut s = scenario(3);
    s.rates.pay_inflation = YearRate::ByYear([(Year(2011), dec!(0.1))].into_iter().collect());
    s.contribution_growth.insert(
        "a".into(),
        YearRate::ByYear(
            [(Year(2010), dec!(0.05)), (Year(2011), dec!(0))]
                .into_iter()
                .collect(),
        ),
    );
    let p = run(&b, &s);
    assert_eq!(
        p.services[0].cost,
        crate::engine::Series::from_vec(vec![dec!(1000.00), dec!(1000.00), dec!(1100.00)])
    );
    assert_eq!(
        p.contributions[0].values,
        vec![dec!(800), dec!(840.00), dec!(840.00)]
    );
}

#[test]
fn an_opening_reserve_absorbs_a_year_zero_overspend() {
    // Income 1,200 + reserve 300 = 1,500; spend 1,400 → carry 100, no overspend.
    let mut b = budget();
    b.services = vec![svc("x", "p", dec!(140), dec!(10))];
    b.pools[0].opening_reserve = dec!(300);
    let p = run(&b, &scenario(1));
    let pool = &p.pools[0];
    assert_eq!(pool.carry_in[0], dec!(300));
    assert_eq!(pool.balance[0], dec!(100));
    assert_eq!(pool.overspend[0], dec!(0));
    assert_eq!(pool.closing_reserve, dec!(100));
    assert!(pool.shares.iter().all(|s| s.values[0].is_zero()));
}

#[test]
fn offsets_move_money_between_pools_not_partners() {
    // Pools p (overspends 200: income 1,200, spend 1,400) and q (underspends
    // 500: income 500, spend 0) under one agreement: q gives p 200; nobody
    // pays; exposure = contributions only. Headline overspend 0.
    let mut b = budget();
    b.pools[0].agreement = Some("s75".into());
    let mut q = b.pools[0].clone();
    q.id = "q".into();
    b.pools.push(q);
    b.contributions
        .push(super::tests::contrib("q", "b", 2009, dec!(500)));
    b.services = vec![svc("x", "p", dec!(140), dec!(10))];
    let p = run(&b, &scenario(1));
    assert_eq!(
        (p.pools[0].offset[0], p.pools[1].offset[0]),
        (dec!(200), dec!(-200))
    );
    assert_eq!(p.pools[0].balance[0], dec!(-200));
    assert_eq!(p.totals.overspend[0], dec!(0));
    assert_eq!(p.pools[1].closing_reserve, dec!(300));
    let e: Vec<Decimal> = p.exposure.iter().map(|e| e.values[0]).collect();
    assert_eq!(e, vec![dec!(800), dec!(900), dec!(0)]);
}

#[test]
fn demand_of_minus_150_percent_stops_the_service_for_good() {
    // SPEC §9: 100, then max(0, 100 × −0.5) = 0, and 0 from then on (not
    // 25 and 6.25 on alternate years); a lever still applies on top.
    let mut b = budget();
    b.services = vec![svc("x", "p", dec!(10), dec!(100))];
    let mut s = scenario(5);
    s.demand.insert("x".into(), dec!(-1.5).into());
    let x = &run(&b, &s).services[0];
    assert_eq!(
        x.volume,
        crate::engine::Series::from_vec(vec![dec!(100), dec!(0), dec!(0), dec!(0), dec!(0)])
    );
    s.levers = vec![lever(
        LeverKind::Volume {
            service: "x".into(),
            op: Op::By(dec!(5)),
            reduces: None,
        },
        3,
        Some(3),
    )];
    assert_eq!(run(&b, &s).services[0].volume[3], dec!(5));
}
