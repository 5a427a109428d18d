//! `project_money` against `project_on`: the same money, warnings and
//! errors, with the benefit passes skipped only when they are proved safe.

use super::tests::{budget, scenario, svc};
use super::*;
use crate::analysis::fixture::example;
use crate::model::{RiskRule, ValueKind};
use rust_decimal_macros::dec;

/// Every figure `project_money` promises equal to the whole projection's.
fn same_money(a: &Projection, b: &Projection) {
    assert_eq!(a.contributions, b.contributions);
    assert_eq!(a.pools, b.pools);
    assert_eq!(a.exposure, b.exposure);
    assert_eq!(a.warnings, b.warnings);
    assert_eq!(a.deflator, b.deflator);
    assert_eq!(a.services.len(), b.services.len());
    for (x, y) in a.services.iter().zip(&b.services) {
        assert_eq!(
            (&x.id, &x.runs, &x.unit_cost, &x.volume, &x.cost),
            (&y.id, &y.runs, &y.unit_cost, &y.volume, &y.cost)
        );
        assert_eq!(
            (&x.outcome_rate, &x.outcomes),
            (&y.outcome_rate, &y.outcomes)
        );
    }
    let (t, u) = (&a.totals, &b.totals);
    assert_eq!(t.contributions, u.contributions);
    assert_eq!(t.spend, u.spend);
    assert_eq!(t.in_year_gap, u.in_year_gap);
    assert_eq!(t.overspend, u.overspend);
    assert_eq!(t.service_cost, u.service_cost);
    assert_eq!(t.closing_reserve, u.closing_reserve);
    assert_eq!(t.real_spend, u.real_spend);
    assert_eq!(t.pv_cost, u.pv_cost);
}

#[test]
fn every_example_scenario_skips_the_benefit_and_keeps_the_money() {
    let (b, all) = example();
    for s in &all {
        let full = project_on(&b, s, 1).unwrap();
        let money = money_only(&b, s, 1).expect("the bound holds on the example");
        same_money(&money, &full);
        assert!(money.beneficiaries.is_empty());
        assert_eq!(project_money(&b, s, 2).unwrap(), money);
    }
}

#[test]
fn a_benefit_that_overflows_gives_the_whole_projections_error() {
    let mut b = budget();
    let mut s = svc("s", "p", dec!(1), dec!(10));
    s.outcome_rate = dec!(1);
    s.outcome_value = Decimal::MAX / dec!(4);
    b.services = vec![s];
    let sc = scenario(3);
    let full = project_on(&b, &sc, 1);
    assert!(matches!(full, Err(EngineError::Overflow(_))), "{full:?}");
    assert!(money_only(&b, &sc, 1).is_none(), "the bound must refuse");
    assert_eq!(project_money(&b, &sc, 1), full);
}

#[test]
fn a_large_but_safe_benefit_is_skipped() {
    let mut b = budget();
    let mut s = svc("s", "p", dec!(1), dec!(10));
    s.outcome_rate = dec!(1);
    s.outcome_value = dec!(1_000_000_000);
    b.services = vec![s];
    let sc = scenario(3);
    let full = project_on(&b, &sc, 1).unwrap();
    same_money(&money_only(&b, &sc, 1).unwrap(), &full);
}

#[test]
fn a_pool_sharing_by_benefit_keeps_its_value_rows_and_shares() {
    use super::tests_s11::{row, valued};
    use ValueKind::*;
    let mut b = valued();
    b.services[0].unit_cost = dec!(130);
    b.services[0].outcome_rate = dec!(0.1);
    b.pools[0].risk_share = RiskRule::Benefit;
    b.outcomes = vec![
        row("o", "a", dec!(300), Fiscal, false),
        row("o", "b", dec!(100), Fiscal, true),
    ];
    let sc = scenario(2);
    let full = project_on(&b, &sc, 1).unwrap();
    let money = money_only(&b, &sc, 1).unwrap();
    same_money(&money, &full);
    assert!(full.pools[0].shares.iter().any(|s| !s.values[0].is_zero()));
    assert_eq!(money.services[0].value_rows, full.services[0].value_rows);
}
