//! The bridge: hand-worked on a small budget, and the example pairs.

use super::*;
use crate::analysis::cumulative_gap;
use crate::analysis::fixture::*;
use crate::engine::project;
use crate::model::{LeverKind, Op};
use rust_decimal_macros::dec;

fn total(b: &Bridge) -> Decimal {
    b.steps.iter().map(|s| s.gap_change).sum()
}

/// One service at £100 × 10 a year, 50% pay; contributions 1,500 flat.
fn small() -> Budget {
    let mut s = svc("s1", "res", "x", dec!(100), dec!(10));
    s.uplift = crate::model::Uplift::Index;
    s.pay_share = dec!(0.5);
    budget(vec![s])
}

#[test]
fn hand_worked_steps() {
    let b = small();
    let a = flat("a");
    let mut bb = flat("b");
    bb.rates.pay_inflation = dec!(0.10).into();
    bb.levers.push(lever(
        LeverKind::Volume {
            service: "s1".into(),
            op: Op::By(dec!(2)),
            reduces: None,
        },
        1,
    ));
    let r = bridge(&b, &a, &bb).unwrap();
    // A: spend 1,000 a year, contributions 1,500: gap −500 × 3 = −1,500.
    assert_eq!(r.start, dec!(-1500));
    // Pay 10% on half the cost: factor 0.5 × 1.1^t + 0.5 = 1.05, 1.105 →
    // unit 105, 110.50; spend 1,000 + 1,050 + 1,105 = 3,155: step +155.
    assert_eq!(r.steps[0].driver, "pay inflation 0% to 10%");
    assert_eq!(r.steps[0].gap_change, dec!(155));
    // Price inflation is unchanged: a step of 0 (always shown).
    assert_eq!(r.steps[1].gap_change, dec!(0));
    // +2 units from 2010-11: 2 × 105 + 2 × 110.50 = 431.
    assert_eq!(r.steps[2].gap_change, dec!(431));
    assert!(r.steps[2]
        .driver
        .starts_with("add volume s1 by 2 from 2010-11"));
    assert_eq!(r.steps.len(), 3);
    assert_eq!(r.end, dec!(-914));
    assert_eq!(total(&r), r.end - r.start);
    assert!(r.notes.is_empty());
}

#[test]
fn order_dependent_levers_get_an_interaction_step() {
    // A: +100 then ×2 on b's contribution; B: the same two levers, other order.
    let b = small();
    let by = lever(
        LeverKind::Contribution {
            partner: "b".into(),
            pool: "p".into(),
            op: Op::By(dec!(100)),
        },
        0,
    );
    let double = lever(
        LeverKind::Contribution {
            partner: "b".into(),
            pool: "p".into(),
            op: Op::Change(dec!(1)),
        },
        0,
    );
    let mut a = flat("a");
    a.levers = vec![by.clone(), double.clone()];
    let mut bb = flat("b");
    bb.levers = vec![double, by];
    let r = bridge(&b, &a, &bb).unwrap();
    // (500 + 100) × 2 = 1,200 against 500 × 2 + 100 = 1,100 a year: B's gap is 300 higher.
    assert_eq!(r.end - r.start, dec!(300));
    let last = r.steps.last().unwrap();
    assert!(last.driver.contains("interaction"), "{:?}", r.steps);
    assert_eq!(last.gap_change, dec!(300));
    assert_eq!(total(&r), dec!(300));
}

#[test]
fn a_step_the_engine_cannot_project_is_combined() {
    // A has −600 then +200 on b's 500: removing the +200 first leaves −100.
    let b = small();
    let cut = lever(
        LeverKind::Contribution {
            partner: "b".into(),
            pool: "p".into(),
            op: Op::By(dec!(-600)),
        },
        0,
    );
    let mut first = cut.clone();
    first.kind = LeverKind::Contribution {
        partner: "b".into(),
        pool: "p".into(),
        op: Op::By(dec!(200)),
    };
    let mut a = flat("a");
    a.levers = vec![first, cut];
    let bb = flat("b");
    let r = bridge(&b, &a, &bb).unwrap();
    assert_eq!(total(&r), r.end - r.start);
    assert!(
        r.steps.last().unwrap().driver.contains(" + "),
        "{:?}",
        r.steps
    );
    assert!(!r.notes.is_empty());
}

#[test]
fn different_budgets_and_horizons_are_errors() {
    let b = small();
    let a = flat("a");
    let mut other = flat("o");
    other.budget = "elsewhere".into();
    assert!(matches!(
        bridge(&b, &a, &other),
        Err(AnalysisError::DifferentBudgets { .. })
    ));
    let mut longer = flat("l");
    longer.years = 5;
    let e = bridge(&b, &a, &longer).unwrap_err();
    assert!(e.to_string().contains("same horizon"), "{e}");
}

#[test]
fn example_pairs_sum_exactly_and_land_on_b() {
    let (budget, scenarios) = example();
    for (a, b) in [
        ("baseline", "central"),
        ("central", "invest-to-save"),
        ("baseline", "nhs-cut"),
        ("baseline", "workforce"),
        ("worst-case", "baseline"),
        ("invest-to-save", "baseline"),
        ("nhs-cut", "workforce"),
    ] {
        let sa = example_scenario(&scenarios, a);
        let sb = example_scenario(&scenarios, b);
        let r = bridge(&budget, &sa, &sb).unwrap();
        let gap_a = cumulative_gap(&project(&budget, &sa).unwrap()).unwrap();
        let gap_b = cumulative_gap(&project(&budget, &sb).unwrap()).unwrap();
        assert_eq!((r.start, r.end), (gap_a, gap_b), "{a} → {b}");
        assert_eq!(total(&r), gap_b - gap_a, "{a} → {b}: {:?}", r.steps);
        assert_eq!(r.steps.last().unwrap().gap_after, gap_b, "{a} → {b}");
    }
}

#[test]
fn workforce_bridge_has_one_step_per_lever() {
    let (budget, scenarios) = example();
    let a = example_scenario(&scenarios, "baseline");
    let b = example_scenario(&scenarios, "workforce");
    let r = bridge(&budget, &a, &b).unwrap();
    // pay (workforce's two-year pay deal, a §10.1 year table), price (the
    // same: 0), then workforce's seven levers.
    assert_eq!(r.steps.len(), 9, "{:?}", r.steps);
    assert_eq!(
        r.steps[0].driver,
        "pay inflation 2.5% to {2010-11 3%, 2011-12 2%}"
    );
    assert!(r.steps[0].gap_change != Decimal::ZERO);
    assert_eq!(r.steps[1].gap_change, Decimal::ZERO);
    assert!(r.steps[2..].iter().all(|s| s.driver.starts_with("add ")));
}
