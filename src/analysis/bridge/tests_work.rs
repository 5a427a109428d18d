//! The incremental re-projection of the bridge gives, after every move, the
//! pool accounts and exposure a whole projection of the working scenario
//! gives, on every ordered pair of the example's scenarios (invest-to-save
//! reductions, recommissions, savings, contribution levers, a commission)
//! and on a budget where levers reduce one another's services.

use super::work::Work;
use super::*;
use crate::analysis::fixture::*;
use crate::model::{LeverKind, Op, Reduces};
use rust_decimal_macros::dec;

fn walk_and_compare(budget: &Budget, a: &Scenario, b: &Scenario) -> usize {
    let mut work = Work::new(budget, a, b);
    let mut compared = 0;
    for (label, mv) in moves(budget, a, b) {
        work.apply(&mv);
        let whole = crate::engine::project(budget, &work.scenario());
        match (work.project(), whole) {
            (Ok(part), Ok(whole)) => {
                assert_eq!(part.pools, whole.pools, "{} → {}: {label}", a.id, b.id);
                assert_eq!(
                    part.exposure, whole.exposure,
                    "{} → {}: {label}",
                    a.id, b.id
                );
                compared += 1;
            }
            (Err(_), Err(_)) => {}
            (p, w) => panic!("{label}: incremental {:?} but whole {:?}", p.err(), w.err()),
        }
    }
    compared
}

#[test]
fn every_example_pair_matches_whole_projections() {
    let (budget, scenarios) = example();
    let mut n = 0;
    for a in &scenarios {
        for b in &scenarios {
            if a.id != b.id {
                n += walk_and_compare(&budget, a, b);
            }
        }
    }
    assert!(n > 100, "{n}");
}

#[test]
fn chained_reductions_match_whole_projections() {
    // s1 reduces s2, s2 reduces s3; a percentage lever on s1 after a fixed
    // one: removing the fixed one changes what the percentage one adds.
    let mut svcs = vec![];
    for id in ["s1", "s2", "s3"] {
        svcs.push(svc(id, "res", "x", dec!(100), dec!(10)));
    }
    let b = budget(svcs);
    let vol = |service: &str, op: Op, target: Option<&str>| {
        lever(
            LeverKind::Volume {
                service: service.into(),
                op,
                reduces: target.map(|t| Reduces {
                    service: t.into(),
                    per_unit: dec!(0.5),
                    lag: 1,
                }),
            },
            0,
        )
    };
    let mut a = flat("a");
    a.levers = vec![
        vol("s1", Op::By(dec!(4)), Some("s2")),
        vol("s1", Op::Change(dec!(0.5)), Some("s2")),
        vol("s2", Op::By(dec!(2)), Some("s3")),
    ];
    let mut bb = flat("b");
    bb.levers = vec![
        vol("s1", Op::Change(dec!(0.5)), Some("s2")),
        vol("s3", Op::By(dec!(1)), None),
        vol("s2", Op::By(dec!(3)), Some("s3")),
    ];
    assert!(walk_and_compare(&b, &a, &bb) >= 4);
    assert!(walk_and_compare(&b, &bb, &a) >= 4);
}
