//! Compare `M`: the bridge of the overspend or a partner's exposure, each
//! step's note on screen; the steps are `analysis::bridge::bridge_of`.

use super::super::action::Action;
use super::super::app::{App, Tab};
use super::{app, example, render, run};
use crate::analysis::bridge::{bridge_of, Measure};

/// Compare A = baseline, B = workforce (the gap falls, the overspend rises).
fn baseline_workforce(w: u16, h: u16) -> App {
    let mut a = app(&example(), w, h);
    let ix = |a: &App, id: &str| a.session.ids.iter().position(|s| s == id).unwrap();
    a.compare_a = ix(&a, "baseline");
    let b = ix(&a, "workforce");
    a.set_current(b);
    run(&mut a, vec![Action::GoTab(Tab::Compare)]);
    a
}

#[test]
fn the_overspend_bridge_and_its_notes() {
    let mut a = baseline_workforce(200, 50);
    run(&mut a, vec![Action::CycleMeasure]);
    assert_eq!(a.derived.measure, Measure::Overspend);
    let s = &a.session;
    let want = bridge_of(
        s.budget_of("workforce").unwrap(),
        s.scenario("baseline").unwrap(),
        s.scenario("workforce").unwrap(),
        &Measure::Overspend,
    )
    .unwrap();
    assert_eq!(a.derived.bridge.as_ref().unwrap().as_ref().unwrap(), &want);
    let sum: rust_decimal::Decimal = want.steps.iter().map(|s| s.change).sum();
    assert_eq!(sum, want.end - want.start);
    let screen = render(&a);
    assert!(screen.contains("cumulative overspend"), "{screen}");
    let notes: Vec<&String> = want.steps.iter().filter_map(|s| s.note.as_ref()).collect();
    assert!(!notes.is_empty());
    for n in notes {
        let head: String = n.chars().take(40).collect();
        assert!(screen.contains(&head), "{head} not in\n{screen}");
    }
    insta::assert_snapshot!("compare_overspend_200x50", screen);
    let mut a = baseline_workforce(80, 24);
    run(&mut a, vec![Action::CycleMeasure]);
    insta::assert_snapshot!("compare_overspend_80x24", render(&a));
}

#[test]
fn a_partners_exposure_then_back_to_the_gap() {
    let mut a = baseline_workforce(120, 40);
    run(
        &mut a,
        vec![
            Action::CycleMeasure,
            Action::CycleMeasure,
            Action::CycleMeasure,
        ],
    );
    let first = a.session.budget_of("workforce").unwrap().partners[0]
        .id
        .clone();
    assert_eq!(a.derived.measure, Measure::Exposure(Some(first.clone())));
    assert!(render(&a).contains(&format!("{first}'s cumulative exposure")));
    let n = a.session.budget_of("workforce").unwrap().partners.len();
    run(&mut a, (0..n).map(|_| Action::CycleMeasure).collect());
    assert_eq!(a.derived.measure, Measure::Gap);
}
