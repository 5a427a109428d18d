//! Action sequences: edits recompute exactly what the engine gives, undo
//! restores, saves keep comments and pass `check`.

use super::super::action::Action;
use super::super::app::Tab;
use super::super::edge::perform_all;
use super::{app, render, run, temp_example, typed};
use crate::engine::project;
use crate::load::{check_all, load_for, Severity};
use crate::report::format::grouped;
use crate::report::table::Unit;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::path::Path;

/// The engine's projection of `id` on the files at `root`, with the pay
/// inflation rate replaced when given.
fn engine(root: &Path, id: &str, pay: Option<Decimal>) -> crate::engine::Projection {
    let (ws, mut ss) = load_for(root, &[id.to_string()]).unwrap();
    let s = &mut ss[0];
    if let Some(p) = pay {
        s.rates.pay_inflation = p.into();
    }
    project(&ws.budgets[&s.budget], s).unwrap()
}

/// Levers tab on baseline, first row (pay inflation): type a new value.
fn edit_pay(value: &str) -> Vec<Action> {
    let mut a = vec![Action::GoTab(Tab::Levers), Action::Top, Action::Enter];
    a.extend((0..8).map(|_| Action::Backspace));
    a.extend(typed(value));
    a.push(Action::Enter);
    a
}

#[test]
fn edit_rate_recomputes_exactly_and_undo_restores() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    let original = a.session.projection("baseline").unwrap().clone();
    run(&mut a, edit_pay("3%"));
    assert!(a.input.is_none(), "{:?}", a.input);
    let want = engine(d.path(), "baseline", Some(dec!(0.03)));
    let got = a.session.projection("baseline").unwrap();
    assert_eq!(got.totals.in_year_gap, want.totals.in_year_gap);
    assert_ne!(got.totals.in_year_gap, original.totals.in_year_gap);
    // Scenarios that extend baseline are recomputed too.
    let central = engine(d.path(), "central", Some(dec!(0.03)));
    assert_eq!(
        a.session.projection("central").unwrap().totals,
        central.totals
    );
    // The overview shows that gap, to the pound.
    a.unit = Unit::Pounds;
    run(&mut a, vec![Action::GoTab(Tab::Overview)]);
    let cum: Decimal = want.totals.in_year_gap.iter().copied().sum();
    let screen = render(&a);
    assert!(
        screen.contains(&grouped(cum, 0)),
        "{} not in\n{screen}",
        grouped(cum, 0)
    );
    run(&mut a, vec![Action::Undo]);
    assert_eq!(a.session.projection("baseline").unwrap(), &original);
    run(&mut a, vec![Action::Redo]);
    assert_eq!(
        a.session.projection("baseline").unwrap().totals,
        want.totals
    );
}

#[test]
fn invalid_value_is_refused_with_the_files_message() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    let before = a.session.projection("baseline").unwrap().clone();
    run(&mut a, edit_pay("2.5"));
    let err = a
        .input
        .as_ref()
        .and_then(|i| i.error.clone())
        .unwrap_or_default();
    assert!(err.contains("did you mean \"2.5%\"?"), "{err}");
    assert_eq!(a.session.projection("baseline").unwrap(), &before);
}

#[test]
fn save_keeps_comments_passes_check_and_reloads_the_same() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    run(&mut a, edit_pay("3%"));
    run(&mut a, vec![Action::Save]);
    perform_all(&mut a);
    assert!(a.session.dirty().is_empty(), "{:?}", a.status);
    let text = std::fs::read_to_string(d.path().join("scenarios/baseline.toml")).unwrap();
    assert!(
        text.contains("pay_inflation = \"3%\"     # a year, from 2010-11\n"),
        "{text}"
    );
    assert!(
        text.starts_with("# Baseline: the 2009-10 budget rolled forward"),
        "{text}"
    );
    assert!(text.contains("# Care applications rose sharply after the 2008 Baby Peter case."));
    assert!(text.contains("# dcsf-grants and yjb-grant: flat cash (growth 0)"));
    let (diags, _, _) = check_all(d.path());
    assert!(
        !diags.iter().any(|x| x.severity == Severity::Error),
        "{diags:?}"
    );
    let reloaded = engine(d.path(), "baseline", None);
    assert_eq!(&reloaded, a.session.projection("baseline").unwrap());
}

#[test]
fn nudge_add_and_delete_levers() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    // nhs-cut: its own levers are the last rows.
    let i = a.session.ids.iter().position(|x| x == "nhs-cut").unwrap();
    a.set_current(i);
    run(
        &mut a,
        vec![Action::GoTab(Tab::Levers), Action::Bottom, Action::NudgeUp],
    );
    let text = a.session.text("nhs-cut").unwrap().to_string();
    assert_eq!(text.matches("change = \"-9.5%\"").count(), 1, "{text}");
    // Add a saving lever through the form.
    run(
        &mut a,
        vec![Action::AddLever, Action::PrevField, Action::KindPrev],
    );
    let fields = ["pool", "from", "to", "by"];
    let mut acts = vec![];
    for f in fields {
        acts.push(Action::NextField);
        acts.extend(typed(match f {
            "pool" => "camhs-s75",
            "by" => "£100k",
            _ => "",
        }));
    }
    acts.push(Action::Enter);
    run(&mut a, acts);
    assert!(a.popup.is_none(), "{:?}", a.popup);
    let text = a.session.text("nhs-cut").unwrap().to_string();
    assert!(
        text.contains(
            "kind = \"saving\"\npool = \"camhs-s75\"\nfrom = \"2010-11\"\nby = \"£100k\"\n"
        ),
        "{text}"
    );
    run(&mut a, vec![Action::Bottom, Action::Delete]);
    assert!(!a.session.text("nhs-cut").unwrap().contains("saving"));
    run(&mut a, vec![Action::Undo, Action::Undo, Action::Undo]);
    assert!(a.session.dirty().is_empty());
}

#[test]
fn save_as_writes_a_new_scenario_and_leaves_the_original() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    run(&mut a, vec![Action::NextScenario]);
    run(&mut a, edit_pay("4%"));
    assert!(a.input.is_none(), "{:?}", a.input);
    // Three questions: id, display name, description (central's offered).
    let mut acts = vec![Action::SaveAs];
    acts.extend(typed("high-pay"));
    acts.push(Action::Enter);
    acts.extend(typed("Central, high pay"));
    acts.push(Action::Enter);
    acts.extend((0..200).map(|_| Action::Backspace));
    acts.extend(typed("Central with pay at 4%"));
    acts.push(Action::Enter);
    run(&mut a, acts);
    assert!(a.input.is_none(), "{:?} {:?}", a.input, a.status);
    perform_all(&mut a);
    let p = d.path().join("scenarios/high-pay.toml");
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(
        text.starts_with("# Central, high pay (high-pay): saved from poolplan's interactive model, starting from central.\n# It extends baseline"),
        "{text}"
    );
    assert!(
        !text.contains("# Central: the JAR improvement plan"),
        "{text}"
    );
    assert!(text.contains("name = \"Central, high pay\""), "{text}");
    assert!(
        text.contains("description = \"Central with pay at 4%\""),
        "{text}"
    );
    assert!(text.contains("pay_inflation = \"4%\""), "{text}");
    assert_eq!(a.current_id(), Some("high-pay"));
    assert!(a.session.dirty().is_empty());
    let orig = std::fs::read_to_string(d.path().join("scenarios/central.toml")).unwrap();
    assert!(!orig.contains("pay_inflation = \"4%\""));
    assert_eq!(
        a.session.projection("high-pay").unwrap().totals,
        engine(d.path(), "high-pay", None).totals
    );
}

#[test]
fn quit_asks_when_unsaved() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    run(&mut a, edit_pay("3%"));
    run(&mut a, vec![Action::Close, Action::Quit]);
    assert!(!a.quit);
    run(&mut a, vec![Action::No, Action::Quit, Action::Yes]);
    assert!(a.quit);
}

#[test]
fn export_writes_the_tidy_figures_through_the_dialog() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    // x, then the format row ← (wraps to tidy CSV), Enter.
    run(
        &mut a,
        vec![Action::Export, Action::KindPrev, Action::Enter],
    );
    perform_all(&mut a);
    let p = d.path().join("exports/baseline-tidy.csv");
    let text = std::fs::read_to_string(p).unwrap();
    assert!(text.starts_with("scenario,year,pool,partner,service,measure,value\n"));
    assert!(a
        .status
        .as_ref()
        .is_some_and(|s| s.text.contains("exports/baseline-tidy.csv")));
}

#[test]
fn edits_survive_a_reload() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    run(&mut a, edit_pay("3%"));
    let p = d.path().join("budgets/haringey-ct-2009/budget.toml");
    let t = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, t.replace("years = 3 ", "years = 4 ")).unwrap();
    run(
        &mut a,
        vec![Action::Reloaded(Box::new(super::super::edge::load(
            d.path(),
        )))],
    );
    assert_eq!(a.session.projection("baseline").unwrap().years, 4);
    assert!(a
        .session
        .text("baseline")
        .unwrap()
        .contains("pay_inflation = \"3%\""));
    assert_eq!(a.session.dirty(), vec!["baseline".to_string()]);
}

/// Issue 11: the nudge reads a lever's value as the loader parsed it, with
/// the loader's grammar table, so an outcome-rate change written as a
/// percentage (`by = "-5%"`) moves by half a point and stays a percentage;
/// one written as a number moves by 1% of itself.
#[test]
fn nudging_an_outcome_rate_lever_uses_the_loaders_grammar() {
    let d = temp_example();
    let path = d.path().join("scenarios/nhs-cut.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(
        "\n[[levers]]\nkind = \"outcome_rate\"\nservice = \"fs-inhouse-team\"\nfrom = \"2010-11\"\nby = \"-5%\"\n",
    );
    std::fs::write(&path, text).unwrap();
    let mut a = app(d.path(), 120, 40);
    let i = a.session.ids.iter().position(|x| x == "nhs-cut").unwrap();
    a.set_current(i);
    run(
        &mut a,
        vec![Action::GoTab(Tab::Levers), Action::Bottom, Action::NudgeUp],
    );
    let text = a.session.text("nhs-cut").unwrap().to_string();
    assert!(text.contains("by = \"-4.5%\""), "{:?}\n{text}", a.status);
    let text = text.replace("by = \"-4.5%\"", "by = 2");
    std::fs::write(&path, &text).unwrap();
    let mut a = app(d.path(), 120, 40);
    a.set_current(i);
    run(
        &mut a,
        vec![
            Action::GoTab(Tab::Levers),
            Action::Bottom,
            Action::NudgeDown,
        ],
    );
    let text = a.session.text("nhs-cut").unwrap().to_string();
    assert!(
        text.contains("by = \"1.98\"") || text.contains("by = 1.98"),
        "{text}"
    );
}
