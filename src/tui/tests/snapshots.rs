//! Snapshots of every tab at 120×40 and 80×24, the help popup, the errors
//! panel after a bad reload, and a filtered, sorted services table.

use super::super::action::Action;
use super::super::app::Tab;
use super::super::edge;
use super::{app, example, render, run, temp_example, typed};

fn tab_snapshots(w: u16, h: u16) {
    let root = example();
    for t in Tab::ALL {
        let mut a = app(&root, w, h);
        // central: the scenario with levers of its own and a parent.
        run(
            &mut a,
            vec![Action::NextScenario, Action::GoTab(t), Action::NextYear],
        );
        let name = format!("tab_{}_{w}x{h}", t.title().replace(' ', "_").to_lowercase());
        insta::assert_snapshot!(name, render(&a));
    }
}

#[test]
fn tabs_120x40() {
    tab_snapshots(120, 40);
}

#[test]
fn tabs_80x24() {
    tab_snapshots(80, 24);
}

#[test]
fn too_small() {
    let a = app(&example(), 79, 24);
    assert!(render(&a).contains("Terminal too small"));
}

#[test]
fn help_popup() {
    let mut a = app(&example(), 120, 40);
    run(&mut a, vec![Action::GoTab(Tab::Levers), Action::Help]);
    insta::assert_snapshot!("help_levers_120x40", render(&a));
}

#[test]
fn services_filtered_sorted() {
    let mut a = app(&example(), 120, 40);
    let mut acts = vec![Action::GoTab(Tab::Services), Action::Filter];
    acts.extend(typed("residential"));
    acts.push(Action::Enter);
    // Sort by cost per outcome (the seventh column): a figure, so the most
    // expensive first.
    acts.extend((0..6).map(|_| Action::SortNext));
    run(&mut a, acts);
    let screen = render(&a);
    assert!(screen.contains("filter \"residential\""), "{screen}");
    assert!(screen.contains("£/outcome▼"), "{screen}");
    insta::assert_snapshot!("services_filtered_sorted_120x40", screen);
}

#[test]
fn errors_panel_after_bad_reload() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    let p = d.path().join("scenarios/worst-case.toml");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(
        &p,
        text.replace("pay_inflation = \"4%\"", "pay_inflaton = \"4%\""),
    )
    .unwrap();
    let before = a.session.projection("worst-case").unwrap().totals.clone();
    run(
        &mut a,
        vec![Action::Reloaded(Box::new(edge::load(d.path())))],
    );
    assert_eq!(
        a.session.projection("worst-case").unwrap().totals,
        before,
        "the last good model stays"
    );
    let screen = render(&a);
    assert!(screen.contains("scenarios/worst-case.toml:9:1"), "{screen}");
    insta::assert_snapshot!("errors_panel_120x40", screen);
    // Fixed on disk: the panel goes.
    std::fs::write(&p, text).unwrap();
    run(
        &mut a,
        vec![Action::Reloaded(Box::new(edge::load(d.path())))],
    );
    assert!(a.errors.is_empty());
    assert!(!render(&a).contains("Errors:"));
}

#[test]
fn wide_200x50() {
    for t in [Tab::Services, Tab::Providers, Tab::Compare, Tab::Overview] {
        let mut a = app(&example(), 200, 50);
        run(&mut a, vec![Action::NextScenario, Action::GoTab(t)]);
        let name = format!("wide_{}_200x50", t.title().replace(' ', "_").to_lowercase());
        insta::assert_snapshot!(name, render(&a));
    }
}
