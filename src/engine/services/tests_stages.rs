//! `stages::fused` against `staged` (SPEC's order): the same lines,
//! warnings and sums wherever both succeed, and SPEC's error where any
//! line fails, whatever the number of threads.

use super::order::{RAN, STAGED_ONLY};
use crate::engine::tests::{budget, lever, scenario, svc};
use crate::engine::{project_on, EngineError, Projection};
use crate::model::*;
use rust_decimal_macros::dec;

fn both(
    b: &Budget,
    s: &Scenario,
    threads: usize,
) -> [(Result<Projection, EngineError>, &'static str); 2] {
    [false, true].map(|staged| {
        STAGED_ONLY.set(staged);
        let p = project_on(b, s, threads);
        STAGED_ONLY.set(false);
        (p, RAN.get())
    })
}

fn volume(service: &str, by: rust_decimal::Decimal, cut: Option<&str>) -> LeverKind {
    LeverKind::Volume {
        service: service.into(),
        op: Op::By(by),
        reduces: cut.map(|c| Reduces {
            service: c.into(),
            per_unit: dec!(1),
            lag: 0,
        }),
    }
}

/// 5,000 services (two parts on two threads); volume levers on lines in
/// both parts, one cutting another's volume below 0 (floored, with a
/// warning), between lines no lever touches.
fn national() -> (Budget, Scenario) {
    let mut b = budget();
    b.services = (0..5000)
        .map(|i| {
            let mut x = svc(&format!("s{i:04}"), "p", dec!(10.25), dec!(3));
            (x.outcome, x.outcome_rate, x.outcome_value) = ("o".into(), dec!(0.5), dec!(7));
            x
        })
        .collect();
    let mut s = scenario(3);
    s.levers = vec![
        lever(volume("s0010", dec!(4), Some("s4999")), 1, None),
        lever(volume("s3000", dec!(-5), None), 0, Some(1)),
        lever(volume("s0007", dec!(2), Some("s0008")), 0, None),
    ];
    (b, s)
}

#[test]
fn fused_gives_the_staged_lines_warnings_and_sums() {
    let (b, s) = national();
    for threads in [1, 2] {
        let [(fused, f), (staged, g)] = both(&b, &s, threads);
        assert_eq!((f, g), ("fused", "staged"));
        let (fused, staged) = (fused.unwrap(), staged.unwrap());
        assert_eq!(fused.warnings, staged.warnings);
        // s4999 is cut by 4 from the second year, s3000 loses 5 in two.
        assert_eq!(fused.warnings.len(), 2 + 2, "{:?}", fused.warnings);
        assert!(fused.warnings[0].contains("s3000"));
        assert!(fused.warnings[3].contains("s4999"));
        assert_eq!(fused.services, staged.services);
        assert_eq!(
            fused.services[4999].volume.to_vec(),
            [dec!(3), dec!(0), dec!(0)]
        );
        assert_eq!(fused.totals, staged.totals);
        assert_eq!(fused.pools, staged.pools);
    }
}

#[test]
fn fused_gives_the_staged_projection_of_every_example_scenario() {
    let (b, all) = crate::analysis::fixture::example();
    for s in &all {
        let [(fused, f), (staged, _)] = both(&b, s, 2);
        assert_eq!(f, "fused", "{}", s.id);
        assert_eq!(fused.unwrap(), staged.unwrap(), "{}", s.id);
    }
}

/// A line no volume lever touches fails to build (a negative unit cost),
/// after a touched line whose cost overflows: the build error wins, as in
/// SPEC's order, and a later failure leaves the earlier one to win.
#[test]
fn an_error_is_the_one_spec_s_order_reports() {
    let (mut b, mut s) = national();
    b.services[10].unit_cost = dec!(1e15);
    s.levers
        .push(lever(volume("s0010", dec!(1e15), None), 0, None));
    let cut = LeverKind::UnitCost {
        service: "s4000".into(),
        op: Op::Change(dec!(-2)),
    };
    s.levers.push(lever(cut, 1, None));
    for threads in [1, 2] {
        let [(fused, f), (staged, _)] = both(&b, &s, threads);
        assert_eq!(f, "staged");
        let e = fused.unwrap_err();
        assert_eq!(e, staged.unwrap_err());
        assert!(
            matches!(&e, EngineError::Negative { what, .. } if what.contains("s4000")),
            "{e}"
        );
    }
    s.levers.pop();
    let [(fused, f), (staged, _)] = both(&b, &s, 2);
    assert_eq!(f, "staged");
    let e = fused.unwrap_err();
    assert_eq!(e, staged.unwrap_err());
    assert!(e.to_string().contains("the cost of service s0010"), "{e}");
}
