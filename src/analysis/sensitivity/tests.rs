//! Sensitivity checked against direct re-runs of the engine.

use super::*;
use crate::analysis::fixture::*;
use crate::engine::project;
use rust_decimal_macros::dec;

fn gap(budget: &Budget, s: &Scenario) -> Decimal {
    cumulative_gap(&project(budget, s).unwrap()).unwrap()
}

#[test]
fn pay_inflation_effect_equals_a_direct_rerun() {
    let (budget, scenarios) = example();
    let s = example_scenario(&scenarios, "baseline");
    let r = sensitivity(&budget, &s).unwrap();
    let row = r
        .rows
        .iter()
        .find(|r| r.input == Input::PayInflation)
        .unwrap();
    let base = gap(&budget, &s);
    let mut up = s.clone();
    up.rates.pay_inflation = dec!(0.035).into();
    let mut down = s.clone();
    down.rates.pay_inflation = dec!(0.015).into();
    assert_eq!(row.up.gap, Some(gap(&budget, &up) - base));
    assert_eq!(row.down.gap, Some(gap(&budget, &down) - base));
    let npv = project(&budget, &s).unwrap().totals.npv;
    assert_eq!(
        row.up.npv,
        Some(project(&budget, &up).unwrap().totals.npv - npv)
    );
    assert!(row.up.gap.unwrap() > Decimal::ZERO);
}

#[test]
fn switching_values_rerun_to_within_a_pound() {
    let (budget, scenarios) = example();
    let s = example_scenario(&scenarios, "baseline");
    let r = sensitivity(&budget, &s).unwrap();
    let mut found = 0;
    for row in &r.rows {
        if let Some(f) = row.switching {
            let g = gap(&budget, &row.input.with(&s, budget.base_year, f.value));
            assert_eq!(g, f.gap, "{}", row.input.name());
            assert!(g.abs() <= dec!(1), "{}: {g}", row.input.name());
            assert!((f.value - row.current).abs() <= dec!(0.5));
            found += 1;
        }
    }
    assert!(found >= 3, "{:?}", r.rows);
    let rc = r
        .rows
        .iter()
        .find(|r| r.input == Input::Demand("residential-care".into()))
        .unwrap();
    assert!(rc.switching.is_some());
}

#[test]
fn tornado_is_sorted_and_covers_every_input() {
    let (budget, scenarios) = example();
    let s = example_scenario(&scenarios, "baseline");
    let r = sensitivity(&budget, &s).unwrap();
    for w in r.rows.windows(2) {
        assert!(
            w[0].swing > w[1].swing
                || (w[0].swing == w[1].swing && w[0].input.name() < w[1].input.name())
        );
    }
    let names: Vec<String> = r.rows.iter().map(|r| r.input.name()).collect();
    for n in [
        "pay_inflation",
        "deflator",
        "demand:camhs",
        "contribution_growth:yjb-grant",
    ] {
        assert!(names.contains(&n.to_string()), "{n} missing from {names:?}");
    }
    // the deflator and discount rate never move the cash gap
    let d = r.rows.iter().find(|r| r.input == Input::Deflator).unwrap();
    assert_eq!(d.swing, Decimal::ZERO);
    assert!(d.switching.is_none());
    assert_ne!(d.up.npv, Some(Decimal::ZERO));
}

#[test]
fn a_missing_key_is_created_at_zero() {
    let b = budget(vec![svc("s", "res", "x", dec!(100), dec!(10))]);
    let s = flat("s");
    let input = Input::Demand("res".into());
    assert_eq!(input.get(&s), Decimal::ZERO);
    let moved = input.with(&s, crate::model::Year(2009), dec!(0.01));
    assert_eq!(moved.demand.get("res"), Some(&dec!(0.01).into()));
    let r = sensitivity(&b, &s).unwrap();
    let row = r.rows.iter().find(|r| r.input == input).unwrap();
    // +1%: volume 10, 10.1, 10.201 at £100: +10 + 20.10 = +30.10
    assert_eq!(row.up.gap, Some(dec!(30.10)));
}

#[test]
fn engine_failures_are_na_not_panics() {
    // Contribution growth of −100% leaves contributions of 0, never negative;
    // a discount rate of −100% cannot be projected: n/a.
    let b = budget(vec![svc("s", "res", "x", dec!(100), dec!(10))]);
    let mut s = flat("s");
    s.rates.discount_rate = dec!(-0.99);
    let r = sensitivity(&b, &s).unwrap();
    let row = r
        .rows
        .iter()
        .find(|r| r.input == Input::DiscountRate)
        .unwrap();
    assert_eq!(row.down.npv, None);
    assert_eq!(row.down.gap, None);
}

#[test]
fn a_year_table_moves_as_a_uniform_shift_and_switches_as_one() {
    // workforce's pay deal {2010-11 3%, 2011-12 2%}: +1 pp means
    // {2010-11 4%, 2011-12 3%}; its switching value is a shift.
    let (budget, scenarios) = example();
    let s = example_scenario(&scenarios, "workforce");
    let r = sensitivity(&budget, &s).unwrap();
    let row = r
        .rows
        .iter()
        .find(|r| r.input == Input::PayInflation)
        .unwrap();
    assert!(row.by_year.is_some());
    assert_eq!(row.current, Decimal::ZERO);
    let mut up = s.clone();
    up.rates.pay_inflation = crate::model::YearRate::ByYear(
        [
            (crate::model::Year(2010), dec!(0.04)),
            (crate::model::Year(2011), dec!(0.03)),
        ]
        .into_iter()
        .collect(),
    );
    assert_eq!(row.up.gap, Some(gap(&budget, &up) - gap(&budget, &s)));
    let f = row.switching.unwrap();
    let at = Input::PayInflation.with(&s, budget.base_year, f.value);
    assert!(gap(&budget, &at).abs() <= dec!(1), "{}", gap(&budget, &at));
}

/// The small-budget path (`demand::Probe`) gives exactly the whole
/// budget's gap and NPV for every demand key of every example scenario
/// (levers that reduce other services and commissioned services included),
/// at moves both ways, small and large.
#[test]
fn a_demand_move_on_the_services_it_drives_equals_the_whole_budget() {
    let (budget, scenarios) = example();
    let mut checked = 0;
    for s in &scenarios {
        let whole = project(&budget, s).unwrap();
        let ix = super::demand::Index::new(&budget, s);
        let mut shell = super::demand::shell(&budget);
        for input in inputs(&budget, s) {
            let Input::Demand(k) = &input else { continue };
            let probe = super::demand::Probe::new(&ix, (&budget, s), &whole, &mut shell, k)
                .unwrap_or_else(|| panic!("{}: {k} projects alone", s.id));
            for d in [dec!(-0.3), dec!(-0.01), dec!(0), dec!(0.01), dec!(0.25)] {
                let x = input.get(s) + d;
                let full = gap_and_npv(&budget, &input.with(s, budget.base_year, x));
                assert_eq!(probe.at(&input, x), full, "{} {k} at {x}", s.id);
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}
