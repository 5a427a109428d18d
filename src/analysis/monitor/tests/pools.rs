//! RAG, pool rows, the forecast risk share and the defaults.

use super::*;
use crate::analysis::fixture::{budget, flat, lever};
use crate::engine::project;
use crate::model::LeverKind;
use rust_decimal_macros::dec;

#[test]
fn rag_boundaries_are_exclusive_and_on_the_budget_magnitude() {
    let th = Thresholds::default();
    assert_eq!(th.rag(dec!(1000), dec!(10)), Rag::Green); // exactly 1%
    assert_eq!(th.rag(dec!(1000), dec!(10.01)), Rag::Amber);
    assert_eq!(th.rag(dec!(1000), dec!(50)), Rag::Amber); // exactly 5%
    assert_eq!(th.rag(dec!(1000), dec!(50.01)), Rag::Red);
    assert_eq!(th.rag(dec!(1000), dec!(-500)), Rag::Green);
    // A zero budget: red for any positive variance.
    assert_eq!(th.rag(dec!(0), dec!(0)), Rag::Green);
    assert_eq!(th.rag(dec!(0), dec!(0.01)), Rag::Red);
    assert_eq!(th.rag(dec!(0), dec!(-3)), Rag::Green);
    // A negative budget: thresholds of |budget|.
    assert_eq!(th.rag(dec!(-100), dec!(0)), Rag::Green);
    assert_eq!(th.rag(dec!(-100), dec!(1)), Rag::Green);
    assert_eq!(th.rag(dec!(-100), dec!(2)), Rag::Amber);
    assert_eq!(th.rag(dec!(-100), dec!(6)), Rag::Red);
}

#[test]
fn a_pool_whose_savings_exceed_its_costs_has_a_negative_budget_and_is_green_on_plan() {
    // Spend 1,200 − saving 2,000 = −800; s1 has no actuals in 2010-11: forecast at plan.
    let mut s = flat("s");
    s.levers.push(lever(
        LeverKind::Saving {
            pool: "p".into(),
            by: dec!(2000),
        },
        0,
    ));
    let mut b = with_actuals(budget(vec![s1()]));
    b.monitoring.actuals.push(actual("s1", 2010, 5, dec!(1)));
    let r = run(
        &b,
        &s,
        Choice {
            year: Some(Year(2010)),
            period: Period::new(3),
            ..Choice::default()
        },
    );
    let p = &r.pools[0];
    assert_eq!(
        (p.budget, p.saving, p.forecast, p.variance),
        (dec!(-800), dec!(2000), dec!(-800), dec!(0))
    );
    assert_eq!((p.rag, p.variance_pct), (Rag::Green, Some(dec!(0))));
}

#[test]
fn the_forecast_overspend_is_split_penny_exact_ties_to_the_first_partner() {
    // a and b put in 500 each; s1 is planned at 1,200: planned overspend 200, 100 each.
    // By March the actuals total 1,100.01: forecast balance −100.01, 50.005 each → a 50.01, b 50.00.
    let mut b = budget(vec![s1()]);
    b.contributions[0].amount = dec!(500);
    b.monitoring.actuals = vec![
        actual("s1", 2009, 1, dec!(1000)),
        actual("s1", 2009, 12, dec!(100.01)),
    ];
    let r = run(&b, &flat("s"), Choice::default());
    assert_eq!((r.year, r.period.number()), (Year(2009), 12));
    let p = &r.pools[0];
    assert_eq!(
        (p.income, p.budget, p.forecast),
        (dec!(1000), dec!(1200), dec!(1100.01))
    );
    assert_eq!(
        (p.forecast_balance, p.overspend),
        (dec!(-100.01), dec!(100.01))
    );
    let shares: Vec<_> = p
        .shares
        .iter()
        .map(|s| {
            (
                s.partner.as_str(),
                s.planned,
                s.forecast,
                s.variance,
                s.variance_pct,
            )
        })
        .collect();
    assert_eq!(
        shares,
        vec![
            (
                "a",
                dec!(100),
                dec!(50.01),
                dec!(-49.99),
                Some(dec!(-0.4999))
            ),
            ("b", dec!(100), dec!(50.00), dec!(-50), Some(dec!(-0.5))),
        ]
    );
    assert_eq!(r.partners, p.shares);
    assert_eq!(
        (r.total.budget, r.total.forecast, r.total.variance),
        (dec!(1200), dec!(1100.01), dec!(-99.99))
    );
}

#[test]
fn a_forecast_underspend_carried_forward_gives_no_shares_but_the_planned_ones_stay() {
    // a 1,000 + b 500 = 1,500 against 1,200: planned underspend carried, no shares.
    let r = run(
        &with_actuals(budget(vec![s1()])),
        &flat("s"),
        at(3, Method::Straight),
    );
    let p = &r.pools[0];
    assert_eq!(
        (p.forecast_balance, p.carry_out, p.overspend),
        (dec!(180), dec!(180), dec!(0))
    );
    assert!(p.shares.is_empty());
}

#[test]
fn defaults_later_periods_and_errors() {
    let b = with_actuals(budget(vec![s1()]));
    let s = flat("s");
    let plan = project(&b, &s).unwrap();
    // Default: the latest year and period with actuals (period 4).
    let r = monitor(&b, &plan, &Choice::default()).unwrap();
    assert_eq!(
        (r.year, r.period.number(), service(&r, "s1").actual),
        (Year(2009), 4, dec!(1329))
    );
    // A year with rows, but none up to M: every service at plan, not an error.
    let mut late = b.clone();
    late.monitoring.actuals = vec![actual("s1", 2009, 6, dec!(5))];
    let r = monitor(&late, &plan, &at(2, Method::Straight)).unwrap();
    assert_eq!(
        (service(&r, "s1").method, service(&r, "s1").forecast),
        ("plan", dec!(1200))
    );
    // No actuals for the year chosen, a year outside the horizon, no actuals at all.
    let e = monitor(
        &b,
        &plan,
        &Choice {
            year: Some(Year(2010)),
            ..Choice::default()
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("no actuals for 2010-11"), "{e}");
    assert!(
        e.to_string().contains("the years with actuals are 2009-10"),
        "{e}"
    );
    let e = monitor(
        &b,
        &plan,
        &Choice {
            year: Some(Year(2012)),
            ..Choice::default()
        },
    )
    .unwrap_err();
    assert!(matches!(e, MonitorError::YearOutsideHorizon { .. }), "{e}");
    let none = budget(vec![s1()]);
    let e = monitor(&none, &plan, &Choice::default()).unwrap_err();
    assert!(matches!(e, MonitorError::NoActuals { .. }), "{e}");
    // A row outside the horizon does not set the default year.
    let mut outside = b.clone();
    outside
        .monitoring
        .actuals
        .push(actual("s1", 2015, 1, dec!(1)));
    assert_eq!(
        monitor(&outside, &plan, &Choice::default()).unwrap().year,
        Year(2009)
    );
    // A service no scenario has.
    let mut unknown = b;
    unknown
        .monitoring
        .actuals
        .push(actual("zz", 2009, 1, dec!(1)));
    let e = monitor(&unknown, &plan, &Choice::default()).unwrap_err();
    assert!(matches!(e, MonitorError::UnknownService { .. }), "{e}");
}

#[test]
fn worked_example_of_the_methodology() {
    // docs/methodology.md §12: a and b put in 500 each; S1 is planned at 1,200
    // (planned overspend 200: 100 each). April–June actuals 100, 100, 130.
    let mut b = with_actuals(budget(vec![s1()]));
    b.contributions[0].amount = dec!(500);
    let r = run(&b, &flat("s"), at(3, Method::Straight));
    let p = &r.pools[0];
    assert_eq!(
        (p.budget, p.actual, p.forecast, p.variance),
        (dec!(1200), dec!(330), dec!(1320), dec!(120))
    );
    assert_eq!((p.variance_pct, p.rag), (Some(dec!(0.1)), Rag::Red));
    assert_eq!((p.income, p.forecast_balance), (dec!(1000), dec!(-320)));
    let shares: Vec<_> = p
        .shares
        .iter()
        .map(|s| (s.planned, s.forecast, s.variance, s.variance_pct))
        .collect();
    assert_eq!(
        shares,
        vec![(dec!(100), dec!(160), dec!(60), Some(dec!(0.6))); 2]
    );
}
