//! Per-lever effects: hand-worked on one service, and on every example
//! scenario equal to whole projections with and without each input.

use super::*;
use crate::analysis::fixture::*;
use crate::engine::project;
use crate::model::{LeverKind, Op};
use rust_decimal_macros::dec;

fn totals(budget: &Budget, s: &Scenario) -> Option<(Decimal, Decimal)> {
    let p = project(budget, s).ok()?;
    let gap = crate::analysis::cumulative_gap(&p).unwrap();
    Some((gap, p.totals.overspend.iter().sum()))
}

#[test]
fn hand_worked_effects() {
    // £100 × 10 a year, half pay; contributions 1,500; pay 10%; +2 units
    // from 2010-11; a saving of 50 a year.
    let mut s1 = svc("s1", "res", "x", dec!(100), dec!(10));
    s1.uplift = crate::model::Uplift::Index;
    s1.pay_share = dec!(0.5);
    let b = budget(vec![s1]);
    let mut s = flat("s");
    s.rates.pay_inflation = dec!(0.10).into();
    s.levers.push(lever(
        LeverKind::Volume {
            service: "s1".into(),
            op: Op::By(dec!(2)),
            reduces: None,
        },
        1,
    ));
    s.levers.push(lever(
        LeverKind::Saving {
            pool: "p".into(),
            by: dec!(50),
        },
        0,
    ));
    let r = effects(&b, &s).unwrap();
    // With everything: unit 100, 105, 110.50; volume 10, 12, 12; spend
    // 1,000 + 1,260 + 1,326 − 150 = 3,436 against 4,500: gap −1,064.
    assert_eq!(r.gap, dec!(-1064));
    assert_eq!(r.overspend, dec!(0));
    assert_eq!(r.effects[0].label, "pay inflation 10%");
    // Without pay: 1,000 + 1,200 + 1,200 − 150 = 3,250: effect +186.
    assert_eq!(r.effects[0].gap, Some(dec!(186)));
    assert_eq!(r.effects[1].gap, Some(dec!(0)), "price inflation is 0%");
    // The two units at 105 and 110.50: +431; the saving: −150.
    assert_eq!(r.effects[2].input, Input::Lever(0));
    assert_eq!(r.effects[2].gap, Some(dec!(431)));
    assert_eq!(r.effects[3].gap, Some(dec!(-150)));
    assert!(r.effects.iter().all(|e| e.overspend == Some(dec!(0))));
    assert!(r.notes.is_empty());
}

#[test]
fn example_effects_equal_whole_projections_without_each_input() {
    let (budget, scenarios) = example();
    for s in &scenarios {
        let r = effects(&budget, s).unwrap();
        let (gap, overspend) = totals(&budget, s).unwrap();
        assert_eq!((r.gap, r.overspend), (gap, overspend), "{}", s.id);
        assert_eq!(
            r.effects.len(),
            2 + s.demand.len() + s.contribution_growth.len() + s.levers.len()
        );
        for e in &r.effects {
            let mut w = s.clone();
            match &e.input {
                Input::PayInflation => w.rates.pay_inflation = YearRate::default(),
                Input::PriceInflation => w.rates.price_inflation = YearRate::default(),
                Input::Demand(k) => {
                    w.demand.remove(k);
                }
                Input::Growth(k) => {
                    w.contribution_growth.remove(k);
                }
                Input::Lever(i) => {
                    w.levers.remove(*i);
                }
            }
            let want = totals(&budget, &w).map(|(g, o)| (gap - g, overspend - o));
            let got = e.gap.zip(e.overspend);
            assert_eq!(got, want, "{}: {}", s.id, e.label);
        }
    }
}
