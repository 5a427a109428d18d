//! The Levers tab's effect column: `analysis::effects` of the current
//! scenario on every rate and lever row, updated after an edit.

use super::super::action::Action;
use super::super::app::{App, Tab};
use super::super::data::levers::{rows, RowKind};
use super::{app, render, run, temp_example};
use crate::analysis::effects::{effects, Input};
use crate::report::table::{Cell, Unit};

fn on(root: &std::path::Path, id: &str, w: u16, h: u16) -> App {
    let mut a = app(root, w, h);
    let at = a.session.ids.iter().position(|s| s == id).unwrap();
    a.set_current(at);
    run(&mut a, vec![Action::GoTab(Tab::Levers), Action::Top]);
    a
}

#[test]
fn each_row_shows_its_effect_and_edits_update_it() {
    let d = temp_example();
    let mut a = on(d.path(), "central", 200, 50);
    a.unit = Unit::Pounds;
    let want = |a: &App| {
        let s = &a.session;
        effects(
            s.budget_of("central").unwrap(),
            s.scenario("central").unwrap(),
        )
        .unwrap()
    };
    let e = want(&a);
    assert_eq!(a.derived.lever_effects.result.clone().unwrap().unwrap(), e);
    let all = rows(&a.session, "central");
    let n_levers = all
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Lever { .. }))
        .count();
    assert_eq!(
        n_levers,
        e.effects
            .iter()
            .filter(|x| matches!(x.input, Input::Lever(_)))
            .count()
    );
    let screen = render(&a);
    let pay = e
        .effects
        .iter()
        .find(|x| x.input == Input::PayInflation)
        .unwrap();
    let line = screen
        .lines()
        .find(|l| l.contains("pay inflation"))
        .unwrap();
    let g = Cell::Money(pay.gap.unwrap()).display(Unit::Pounds);
    assert!(line.contains(&g), "{g} not in {line}");
    // Every lever row's gap effect is on its own line.
    for (i, r) in all.iter().enumerate() {
        if let Some(x) = a.derived.lever_effects.of(&all, i) {
            if let (RowKind::Lever { .. }, Some(v)) = (&r.kind, x.gap) {
                let shown = Cell::Money(v).display(Unit::Pounds);
                assert!(screen.contains(&shown), "{} {shown}\n{screen}", r.label);
            }
        }
    }
    // `+` on pay inflation: the effect follows.
    let before = pay.gap;
    let pay_row = all
        .iter()
        .position(|r| r.kind == RowKind::Rate("pay_inflation"))
        .unwrap();
    a.lever_row = pay_row;
    run(&mut a, vec![Action::NudgeUp]);
    let after = a.derived.lever_effects.result.clone().unwrap().unwrap();
    assert_eq!(after, want(&a));
    let pay2 = after
        .effects
        .iter()
        .find(|x| x.input == Input::PayInflation)
        .unwrap();
    assert!(pay2.gap > before, "{:?} {:?}", pay2.gap, before);
}

#[test]
fn snapshots() {
    let d = temp_example();
    for (w, h) in [(80, 24), (200, 50)] {
        let a = on(d.path(), "worst-case", w, h);
        insta::assert_snapshot!(format!("levers_effects_worst_case_{w}x{h}"), render(&a));
    }
}
