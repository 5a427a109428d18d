//! The four forecast methods, plan, rounding and stopped services.

use super::*;
use crate::analysis::fixture::{budget, flat, svc};
use rust_decimal_macros::dec;

#[test]
fn straight_line_scales_the_months_to_date() {
    // actual 330 to June (period 4 ignored); 330 × 12 / 3 = 1,320; +120 is 10% of 1,200: red.
    let r = run(
        &with_actuals(budget(vec![s1()])),
        &flat("s"),
        at(3, Method::Straight),
    );
    let s = service(&r, "s1");
    assert_eq!(
        (s.budget, s.actual, s.last),
        (dec!(1200), dec!(330), dec!(130))
    );
    assert_eq!((s.forecast, s.variance), (dec!(1320), dec!(120)));
    assert_eq!(s.variance_pct, Some(dec!(0.1)));
    assert_eq!((s.rag, s.method), (Rag::Red, "straight"));
}

#[test]
fn profile_divides_by_the_share_expected_by_now() {
    // Category profile: April–June weigh 2, the other nine months 1: 6 / 15 = 0.4 by June.
    // 330 / 0.4 = 825; variance −375 = −31.25%: green.
    let mut b = with_actuals(budget(vec![s1()]));
    b.monitoring.profiles = (1..=12)
        .map(|m| weight("care", m, if m <= 3 { dec!(2) } else { dec!(1) }))
        .collect();
    let r = run(&b, &flat("s"), at(3, Method::Profile));
    let s = service(&r, "s1");
    assert_eq!((s.p, s.profile), (dec!(0.4), ProfileSource::Category));
    assert_eq!((s.forecast, s.variance), (dec!(825), dec!(-375)));
    assert_eq!(s.variance_pct, Some(dec!(-0.3125)));
    assert_eq!(s.rag, Rag::Green);
}

#[test]
fn profile_share_zero_forecasts_the_budget_and_keeps_the_method() {
    // The service's own profile: nothing expected before July.
    let mut b = with_actuals(budget(vec![s1()]));
    b.monitoring.profiles = (4..=12).map(|m| weight("s1", m, dec!(1))).collect();
    let r = run(&b, &flat("s"), at(3, Method::Profile));
    let s = service(&r, "s1");
    assert_eq!((s.p, s.profile), (dec!(0), ProfileSource::Service));
    assert_eq!(
        (s.forecast, s.variance, s.method),
        (dec!(1200), dec!(0), "profile")
    );
}

#[test]
fn run_rate_continues_the_last_month() {
    // 330 + 130 × 9 = 1,500.
    let r = run(
        &with_actuals(budget(vec![s1()])),
        &flat("s"),
        at(3, Method::RunRate),
    );
    assert_eq!(service(&r, "s1").forecast, dec!(1500));
}

#[test]
fn remaining_runs_the_rest_of_the_year_to_plan() {
    // Flat profile: p = 3/12; 330 + 1,200 × 0.75 = 1,230; +30 is 2.5%: amber.
    let r = run(
        &with_actuals(budget(vec![s1()])),
        &flat("s"),
        at(3, Method::Remaining),
    );
    let s = service(&r, "s1");
    assert_eq!((s.p, s.forecast), (dec!(0.25), dec!(1230)));
    assert_eq!((s.variance_pct, s.rag), (Some(dec!(0.025)), Rag::Amber));
}

#[test]
fn forecasts_round_to_the_penny_half_away_from_zero() {
    // 100.01 × 12 / 7 = 171.4457…; run-rate 100.01 + 0.05 × 5 = 100.26.
    let mut b = budget(vec![s1()]);
    b.monitoring.actuals = vec![
        actual("s1", 2009, 1, dec!(99.96)),
        actual("s1", 2009, 7, dec!(0.05)),
    ];
    let r = run(&b, &flat("s"), at(7, Method::Straight));
    assert_eq!(service(&r, "s1").forecast, dec!(171.45));
    let r = run(&b, &flat("s"), at(7, Method::RunRate));
    assert_eq!(service(&r, "s1").forecast, dec!(100.26));
}

#[test]
fn a_service_without_actuals_is_forecast_at_plan() {
    let s2 = svc("s2", "care", "y", dec!(50), dec!(10));
    let r = run(
        &with_actuals(budget(vec![s1(), s2])),
        &flat("s"),
        at(3, Method::Straight),
    );
    let s = service(&r, "s2");
    assert_eq!(
        (s.budget, s.actual, s.forecast, s.variance),
        (dec!(500), dec!(0), dec!(500), dec!(0))
    );
    assert_eq!(
        (s.method, s.rag, s.variance_pct),
        ("plan", Rag::Green, Some(dec!(0)))
    );
}

#[test]
fn a_stopped_service_still_paid_is_listed_red_with_no_percentage() {
    // s2 ended in 2009-10 but is paid £40 in April 2010: budget 0, forecast 40 × 12.
    let mut s2 = svc("s2", "care", "y", dec!(50), dec!(10));
    s2.end = Some(Year(2009));
    let mut b = budget(vec![s1(), s2]);
    b.monitoring.actuals = vec![
        actual("s2", 2010, 1, dec!(40)),
        actual("s2", 2010, 2, dec!(7)),
    ];
    let r = run(
        &b,
        &flat("s"),
        Choice {
            year: Some(Year(2010)),
            period: Period::new(1),
            ..Choice::default()
        },
    );
    let s = service(&r, "s2");
    assert!(!s.runs);
    assert_eq!(
        (s.budget, s.actual, s.forecast, s.variance),
        (dec!(0), dec!(40), dec!(480), dec!(480))
    );
    assert_eq!((s.variance_pct, s.rag), (None, Rag::Red));
    // A stopped service whose only rows lie after the period is not listed.
    b.monitoring.actuals.remove(0);
    let r = run(
        &b,
        &flat("s"),
        Choice {
            year: Some(Year(2010)),
            period: Period::new(1),
            ..Choice::default()
        },
    );
    assert!(r.pools[0].services.iter().all(|s| s.id != "s2"));
}
