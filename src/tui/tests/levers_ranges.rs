//! §14 ranges on the Levers tab (issue 19 item 1): shown as low ≤ mode ≤
//! high beside each ranged rate; `b` picks a bound, Enter types it and
//! `+`/`-` nudge it; the loader checks the new text; `w` writes `[ranges]`
//! keeping the file's formatting; the Risk view recomputes from the edit.

use super::super::action::Action;
use super::super::app::{App, Tab};
use super::super::risk_worker::RiskState;
use super::{app, example, render, run, temp_example, typed};
use crate::analysis::risk::{risk, Options, Risk};
use crate::model::{RangeKey, Section};
use rust_decimal_macros::dec;
use std::collections::HashMap;

fn on_worst_case_levers(root: &std::path::Path, w: u16, h: u16) -> App {
    let mut a = app(root, w, h);
    let i = a
        .session
        .ids
        .iter()
        .position(|x| x == "worst-case")
        .unwrap();
    a.set_current(i);
    a.risk.sync = true;
    run(&mut a, vec![Action::GoTab(Tab::Levers)]);
    a
}

fn pay() -> RangeKey {
    RangeKey::new(Section::Rates, "pay_inflation")
}

fn range_of(a: &App, id: &str, k: &RangeKey) -> crate::model::Range {
    a.session.scenario(id).unwrap().ranges[k].clone()
}

#[test]
fn ranges_beside_each_rate_and_a_picked_bound_marked() {
    let root = example();
    let mut a = on_worst_case_levers(&root, 200, 50);
    let screen = render(&a);
    let line = screen
        .lines()
        .find(|l| l.contains("pay inflation"))
        .unwrap();
    assert!(line.contains("1.5% ≤ 4.0% ≤ 5.5%"), "{line}");
    let line = screen.lines().find(|l| l.contains("nhs-haringey")).unwrap();
    assert!(line.contains("-5.0% ≤ 2.5% ≤ 5.0%"), "{line}");
    run(&mut a, vec![Action::RangeBound, Action::RangeBound]);
    let screen = render(&a);
    let line = screen
        .lines()
        .find(|l| l.contains("pay inflation"))
        .unwrap();
    assert!(line.contains("1.5% ≤ [4.0%] ≤ 5.5%"), "{line}");
    assert!(screen.contains("pay inflation range mode"), "{screen}");
    insta::assert_snapshot!("levers_ranges_200x50", screen);
    let mut a = on_worst_case_levers(&root, 80, 24);
    run(&mut a, vec![Action::RangeBound]);
    let screen = render(&a);
    let line = screen
        .lines()
        .find(|l| l.contains("pay inflation"))
        .unwrap();
    assert!(line.contains("[1.5%] ≤ 4.0% ≤ 5.5%"), "{line}");
    insta::assert_snapshot!("levers_ranges_80x24", screen);
}

#[test]
fn b_only_on_a_ranged_row_and_only_on_that_row() {
    let root = example();
    let mut a = on_worst_case_levers(&root, 120, 40);
    run(&mut a, vec![Action::RangeBound, Action::Down]);
    // The pick stays with its row: price inflation's value is nudged.
    run(&mut a, vec![Action::NudgeUp]);
    let text = a.session.text("worst-case").unwrap();
    assert!(text.contains("price_inflation = \"4%\""), "{text}");
    assert_eq!(range_of(&a, "worst-case", &pay()).low, dec!(0.015));
    // The deflator has no range: b says so.
    run(&mut a, vec![Action::Down, Action::RangeBound]);
    let st = a.status.clone().unwrap();
    assert!(st.error && st.text.contains("no range"), "{st:?}");
    // Four presses come back to the value (moving away dropped the pick).
    run(&mut a, vec![Action::Top]);
    assert_eq!(a.lever_row, 1, "g reaches the first rate");
    run(&mut a, (0..4).map(|_| Action::RangeBound).collect());
    run(&mut a, vec![Action::NudgeUp]);
    let text = a.session.text("worst-case").unwrap();
    assert!(text.contains("pay_inflation = \"4.5%\""), "{text}");
}

#[test]
fn enter_types_a_bound_and_plus_nudges_one() {
    let d = temp_example();
    let mut a = on_worst_case_levers(d.path(), 120, 40);
    let before = a.session.text("worst-case").unwrap().to_string();
    let mut acts = vec![Action::RangeBound, Action::Enter];
    assert!(a.input.is_none());
    run(&mut a, std::mem::take(&mut acts));
    assert_eq!(a.input.as_ref().unwrap().text, "1.5%");
    acts.extend((0..4).map(|_| Action::Backspace));
    acts.extend(typed("2%"));
    acts.push(Action::Enter);
    run(&mut a, acts);
    assert!(a.input.is_none(), "{:?}", a.input);
    let text = a.session.text("worst-case").unwrap().to_string();
    assert_eq!(
        text,
        before.replace(
            "pay_inflation = { low = \"1.5%\", high",
            "pay_inflation = { low = \"2%\", high"
        )
    );
    assert_eq!(range_of(&a, "worst-case", &pay()).low, dec!(0.02));
    // The mode, not written, goes in its place; + is 0.5pp.
    run(&mut a, vec![Action::RangeBound, Action::NudgeUp]);
    let text = a.session.text("worst-case").unwrap().to_string();
    assert!(
        text.contains("pay_inflation = { low = \"2%\", mode = \"4.5%\", high = \"5.5%\" }"),
        "{text}"
    );
    assert_eq!(range_of(&a, "worst-case", &pay()).mode, dec!(0.045));
    // Undo takes both back.
    run(&mut a, vec![Action::Undo, Action::Undo]);
    assert_eq!(a.session.text("worst-case").unwrap(), before);
}

#[test]
fn the_loaders_checks_refuse_a_bad_bound() {
    let d = temp_example();
    let mut a = on_worst_case_levers(d.path(), 120, 40);
    let before = a.session.text("worst-case").unwrap().to_string();
    // low above high: the parser's message, the value box stays open.
    let mut acts = vec![Action::RangeBound, Action::Enter];
    acts.extend((0..4).map(|_| Action::Backspace));
    acts.extend(typed("6%"));
    acts.push(Action::Enter);
    run(&mut a, acts);
    let err = a.input.as_ref().and_then(|i| i.error.clone()).unwrap();
    assert!(err.contains("low 6% is above high 5.5%"), "{err}");
    assert!(err.contains("worst-case.toml:28"), "{err}");
    assert_eq!(a.session.text("worst-case").unwrap(), before);
    // Not a rate: the growth grammar's message.
    run(&mut a, vec![Action::Close, Action::Enter]);
    let mut acts: Vec<Action> = (0..4).map(|_| Action::Backspace).collect();
    acts.extend(typed("lots"));
    acts.push(Action::Enter);
    run(&mut a, acts);
    assert!(a.input.as_ref().unwrap().error.is_some());
    // A low above the defaulted mode (the rate, 4%): the resolver's check.
    run(&mut a, vec![Action::Close, Action::Enter]);
    let mut acts: Vec<Action> = (0..4).map(|_| Action::Backspace).collect();
    acts.extend(typed("4.5%"));
    acts.push(Action::Enter);
    run(&mut a, acts);
    let err = a.input.as_ref().and_then(|i| i.error.clone()).unwrap();
    assert!(err.contains("mode defaults to"), "{err}");
    assert_eq!(a.session.text("worst-case").unwrap(), before);
}

#[test]
fn an_inherited_range_is_written_whole_in_the_child() {
    let d = temp_example();
    std::fs::write(
        d.path().join("scenarios/worse.toml"),
        "name = \"Worse\"\nextends = \"worst-case\"\n",
    )
    .unwrap();
    let mut a = on_worst_case_levers(d.path(), 120, 40);
    let i = a.session.ids.iter().position(|x| x == "worse").unwrap();
    a.set_current(i);
    let fostering = RangeKey::new(Section::Demand, "fostering");
    let rows = crate::tui::data::levers::rows(&a.session, "worse");
    a.lever_row = rows.iter().position(|r| r.label == "fostering").unwrap();
    run(
        &mut a,
        vec![Action::RangeBound, Action::RangeBound, Action::RangeBound],
    );
    run(&mut a, vec![Action::NudgeUp]);
    assert_eq!(
        a.session.text("worse").unwrap(),
        "name = \"Worse\"\nextends = \"worst-case\"\n\n[ranges.demand]\nfostering = { low = \"2%\", high = \"9.5%\" }\n"
    );
    let r = range_of(&a, "worse", &fostering);
    assert_eq!(
        (r.low, r.mode, r.high),
        (dec!(0.02), dec!(0.05), dec!(0.095))
    );
    assert_eq!(range_of(&a, "worst-case", &fostering).high, dec!(0.09));
}

#[test]
fn saving_writes_ranges_and_the_reloaded_scenario_is_the_edited_one() {
    let d = temp_example();
    let mut a = on_worst_case_levers(d.path(), 120, 40);
    let p = d.path().join("scenarios/worst-case.toml");
    let before = std::fs::read_to_string(&p).unwrap();
    run(&mut a, vec![Action::Down, Action::RangeBound]);
    run(&mut a, vec![Action::RangeBound, Action::RangeBound]);
    run(&mut a, vec![Action::NudgeDown, Action::Save]);
    super::super::edge::perform_all(&mut a);
    let after = std::fs::read_to_string(&p).unwrap();
    let want = before.replace(
        "price_inflation = { low = \"1.5%\", high = \"5%\" }",
        "price_inflation = { low = \"1.5%\", high = \"4.5%\" }",
    );
    assert_ne!(want, before);
    assert_eq!(after, want, "only the bound changes, byte for byte");
    let b = on_worst_case_levers(d.path(), 120, 40);
    assert!(b.errors.is_empty(), "{:?}", b.errors);
    assert_eq!(
        b.session.scenario("worst-case"),
        a.session.scenario("worst-case")
    );
    let k = RangeKey::new(Section::Rates, "price_inflation");
    assert_eq!(range_of(&b, "worst-case", &k).high, dec!(0.045));
}

fn ready(a: &App) -> Risk {
    match &a.risk.state {
        RiskState::Ready(Ok(r)) => (**r).clone(),
        s => panic!("not ready: {s:?}"),
    }
}

#[test]
fn the_risk_view_recomputes_when_a_range_changes() {
    let d = temp_example();
    let mut a = on_worst_case_levers(d.path(), 120, 40);
    run(&mut a, vec![Action::Risk]);
    let first = ready(&a);
    run(
        &mut a,
        vec![Action::Close, Action::RangeBound, Action::RangeBound],
    );
    run(
        &mut a,
        vec![Action::RangeBound, Action::NudgeUp, Action::Risk],
    );
    let again = ready(&a);
    let b = a.session.budget_of("worst-case").unwrap().clone();
    let s = a.session.scenario("worst-case").unwrap();
    assert_eq!(s.ranges[&pay()].high, dec!(0.06));
    let want = risk(
        &HashMap::from([(b.id.clone(), b)]),
        s,
        &Options::default(),
        &|_| true,
    )
    .unwrap();
    assert_eq!(again, want);
    assert_ne!(again, first);
}

/// A ranged rate (§14) shows its range beside the value, and `+` still
/// nudges the value (the range was once appended to the edited text, so
/// the nudge read "3.5% [1.5%, 3.5%, 5.0%]" as a rate and refused).
#[test]
fn a_ranged_rate_shows_its_range_and_still_nudges() {
    let d = temp_example();
    let mut a = on_worst_case_levers(d.path(), 120, 40);
    run(&mut a, vec![Action::Down]);
    let row = crate::tui::data::levers::rows(&a.session, "worst-case")
        .into_iter()
        .nth(a.lever_row)
        .unwrap();
    assert_eq!(row.label, "price inflation");
    assert_eq!(row.value, "3.5%");
    let shown = row.range.unwrap();
    assert_eq!(shown, ["1.5%", "3.5%", "5.0%"].map(String::from));
    run(&mut a, vec![Action::NudgeUp]);
    let text = a.session.text("worst-case").unwrap();
    assert!(
        text.contains("price_inflation = \"4%\""),
        "{:?}\n{text}",
        a.status
    );
}
