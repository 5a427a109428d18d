//! A rate given by year (SPEC §10.1) on the Levers tab: shown compactly and
//! read-only; `+` on it complains instead of rewriting the table.

use super::super::action::Action;
use super::super::app::Tab;
use super::{app, render, run, temp_example};

#[test]
fn a_year_table_is_shown_compactly_and_not_nudged() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    let at = a.session.ids.iter().position(|s| s == "workforce").unwrap();
    a.current = at;
    run(&mut a, vec![Action::GoTab(Tab::Levers), Action::Top]);
    let screen = render(&a);
    // `3%/2% by year` (the digits as the tab formats rates; the cell may clip).
    assert!(
        screen.contains("%/2") && screen.contains("% by"),
        "{screen}"
    );
    let before = std::fs::read_to_string(d.path().join("scenarios/workforce.toml")).unwrap();
    run(&mut a, vec![Action::NudgeUp]);
    let after = std::fs::read_to_string(d.path().join("scenarios/workforce.toml")).unwrap();
    assert_eq!(before, after);
    assert!(a.session.projection("workforce").is_some());
}
