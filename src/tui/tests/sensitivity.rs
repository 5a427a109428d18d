//! Compare `t`: the tornado and switching values, `analysis::sensitivity`
//! computed in `Derived` only while shown, and again after an edit.

use super::super::action::Action;
use super::super::app::Tab;
use super::{app, example, render, run, temp_example};
use crate::analysis::sensitivity::sensitivity;
use crate::report::table::{Cell, Unit};

#[test]
fn tornado_is_the_analysis_and_follows_edits() {
    let d = temp_example();
    let mut a = app(d.path(), 200, 50);
    run(
        &mut a,
        vec![Action::NextScenario, Action::GoTab(Tab::Compare)],
    );
    assert!(
        a.derived.sensitivity.result.is_none(),
        "not computed until shown"
    );
    run(&mut a, vec![Action::Tornado]);
    let want = |a: &super::super::app::App| {
        let s = &a.session;
        sensitivity(
            s.budget_of("central").unwrap(),
            s.scenario("central").unwrap(),
        )
        .unwrap()
    };
    let got = a.derived.sensitivity.result.clone().unwrap().unwrap();
    assert_eq!(got, want(&a));
    let screen = render(&a);
    let top = &got.rows[0];
    assert!(screen.contains(&top.input.name()), "{screen}");
    assert!(
        screen.contains(&Cell::Money(top.swing).display(Unit::Thousands)),
        "{screen}"
    );
    assert!(screen.contains("switching value"), "{screen}");
    insta::assert_snapshot!("sensitivity_central_200x50", screen);
    // An edit on Levers: the view is recomputed when shown again.
    run(
        &mut a,
        vec![Action::GoTab(Tab::Levers), Action::Top, Action::NudgeUp],
    );
    run(&mut a, vec![Action::GoTab(Tab::Compare)]);
    let again = a.derived.sensitivity.result.clone().unwrap().unwrap();
    assert_ne!(again.gap, got.gap);
    assert_eq!(again, want(&a));
    // j moves the selection; at 200 columns every column fits, so `}`
    // has nowhere to go; t goes back to the bridge.
    run(&mut a, vec![Action::Down, Action::ScrollRight]);
    assert_eq!(
        (a.derived.sensitivity.row, a.derived.sensitivity.left),
        (1, 0)
    );
    run(&mut a, vec![Action::Tornado]);
    assert!(render(&a).contains("Bridge:"));
}

#[test]
fn tornado_80x24() {
    let mut a = app(&example(), 80, 24);
    run(
        &mut a,
        vec![
            Action::NextScenario,
            Action::GoTab(Tab::Compare),
            Action::Tornado,
        ],
    );
    insta::assert_snapshot!("sensitivity_central_80x24", render(&a));
}

#[test]
fn the_table_scrolls_no_further_than_its_last_column() {
    let mut a = app(&example(), 80, 24);
    run(
        &mut a,
        vec![
            Action::NextScenario,
            Action::GoTab(Tab::Compare),
            Action::Tornado,
        ],
    );
    run(&mut a, (0..40).map(|_| Action::ScrollRight).collect());
    let most = a.derived.sensitivity.left;
    assert!(most > 0 && most < 12, "scrolled to {most}");
    let end = render(&a);
    // One press back shows another column at once.
    run(&mut a, vec![Action::ScrollLeft]);
    assert_ne!(render(&a), end);
}
