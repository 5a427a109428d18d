//! The monthly curve of actual to date against the profile, by hand.

use super::*;
use crate::analysis::fixture::{budget, flat};
use crate::analysis::monitor::curve::{curve, service_curve};
use rust_decimal_macros::dec;

#[test]
fn a_flat_profile_expects_a_twelfth_a_month() {
    let b = with_actuals(budget(vec![s1()]));
    let plan = project(&b, &flat("s")).unwrap();
    let r = monitor(&b, &plan, &at(3, Method::Straight)).unwrap();
    let c = curve(&b, &plan, &r, None).unwrap();
    // £1,200 a year, flat: £100 a month.
    let want: Vec<Decimal> = (1..=12).map(|k| Decimal::from(100 * k)).collect();
    assert_eq!(c.profile.to_vec(), want);
    // 100, 100, 130 to June; July's 999 is after the period monitored.
    assert_eq!(c.actual, [dec!(100), dec!(200), dec!(330)]);
    assert_eq!((c.budget, c.forecast), (dec!(1200), dec!(1320)));
    assert_eq!(c.pool, None);
}

#[test]
fn a_category_profile_shapes_the_expected_spend() {
    // April–June weigh 2, the rest 1 (total 15): 1,200 × 2/15 = 160 a month
    // to June, then 80.
    let mut b = with_actuals(budget(vec![s1()]));
    b.monitoring.profiles = (1..=12)
        .map(|m| weight("care", m, if m <= 3 { dec!(2) } else { dec!(1) }))
        .collect();
    let plan = project(&b, &flat("s")).unwrap();
    let r = monitor(&b, &plan, &at(3, Method::Profile)).unwrap();
    let c = curve(&b, &plan, &r, Some("p")).unwrap();
    assert_eq!(c.profile[..4], [dec!(160), dec!(320), dec!(480), dec!(560)]);
    assert_eq!(c.profile[11], dec!(1200));
    assert_eq!(c.forecast, dec!(825));
    assert!(c.pool.is_some());
    assert!(curve(&b, &plan, &r, Some("nope"))
        .unwrap_err()
        .contains("no pool"));
}

#[test]
fn one_services_curve_is_that_service_alone() {
    // s1 £1,200 a year with actuals 100, 100, 130; s2 £2,400 (£200 a
    // month, flat) with 250 in April only.
    let mut b = with_actuals(budget(vec![
        s1(),
        svc("s2", "care", "y", dec!(200), dec!(12)),
    ]));
    b.monitoring.actuals.push(actual("s2", 2009, 1, dec!(250)));
    let plan = project(&b, &flat("s")).unwrap();
    let r = monitor(&b, &plan, &at(3, Method::Straight)).unwrap();
    let c = service_curve(&b, &plan, &r, "s2").unwrap();
    let want: Vec<Decimal> = (1..=12).map(|k| Decimal::from(200 * k)).collect();
    assert_eq!(c.profile.to_vec(), want);
    assert_eq!(c.actual, [dec!(250), dec!(250), dec!(250)]);
    assert_eq!(c.budget, dec!(2400));
    assert_eq!(c.pool.as_deref(), Some("S2"));
    // Straight line: 250 / 3 × 12 = 1,000.
    assert_eq!(c.forecast, dec!(1000));
    // The pool's curve is the two together.
    let p = curve(&b, &plan, &r, Some("p")).unwrap();
    assert_eq!(p.actual, [dec!(350), dec!(450), dec!(580)]);
    assert_eq!(p.profile[0], dec!(300));
    assert!(service_curve(&b, &plan, &r, "nope")
        .unwrap_err()
        .contains("no service"));
}
