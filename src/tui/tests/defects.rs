//! The TUI defects of the "one truth per figure" issue, each as it was
//! reproduced: every test here failed before its fix.

use super::super::action::Action;
use super::super::app::Tab;
use super::super::edge;
use super::{app, render, run, temp_example, typed};
use std::path::Path;

/// The example with a bad unit cost and a misspelt key in baseline.toml.
pub fn break_files(root: &Path) {
    let b = root.join("budgets/haringey-ct-2009/services.csv");
    let t = std::fs::read_to_string(&b).unwrap();
    std::fs::write(&b, t.replacen(",family,3200,", ",family,\"£3,5O0\",", 1)).unwrap();
    let s = root.join("scenarios/baseline.toml");
    let t = std::fs::read_to_string(&s).unwrap();
    std::fs::write(&s, t.replace("pay_inflation =", "pay_inflaton =")).unwrap();
}

#[test]
fn start_up_with_errors_shows_no_figures_until_fixed() {
    let d = temp_example();
    let good_b = std::fs::read(d.path().join("budgets/haringey-ct-2009/services.csv")).unwrap();
    let good_s = std::fs::read(d.path().join("scenarios/baseline.toml")).unwrap();
    break_files(d.path());
    let mut a = app(d.path(), 120, 40);
    assert!(
        a.session.projections.is_empty(),
        "figures from broken files"
    );
    let screen = render(&a);
    assert!(!screen.contains("All scenarios"), "{screen}");
    assert!(!screen.contains("-5,469"), "{screen}");
    assert!(!screen.contains("last good model"), "{screen}");
    assert!(screen.contains("services.csv:2"), "{screen}");
    assert!(screen.contains("scenarios/baseline.toml:9"), "{screen}");
    insta::assert_snapshot!("errors_at_start_up_120x40", screen);
    // Other tabs show no figures either.
    run(&mut a, vec![Action::GoTab(Tab::Compare)]);
    assert!(!render(&a).contains("Bridge"));
    // Fixed: the figures load, with a message that says so.
    std::fs::write(
        d.path().join("budgets/haringey-ct-2009/services.csv"),
        good_b,
    )
    .unwrap();
    std::fs::write(d.path().join("scenarios/baseline.toml"), good_s).unwrap();
    run(
        &mut a,
        vec![Action::Reloaded(Box::new(edge::load(d.path())))],
    );
    assert!(a.errors.is_empty());
    assert!(a.session.projection("baseline").is_some());
    assert!(render(&a).contains("Bridge"));
    let st = a.status.clone().unwrap().text;
    assert!(st.starts_with("the files are fixed"), "{st}");
}

#[test]
fn a_bad_reload_says_no_stale_reloaded() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    a.say("reloaded: the files changed on disk");
    break_files(d.path());
    run(
        &mut a,
        vec![Action::Reloaded(Box::new(edge::load(d.path())))],
    );
    assert!(a.status.is_none(), "{:?}", a.status);
    assert!(a.session.projection("baseline").is_some(), "last good kept");
}

/// Levers tab, first row (pay inflation): type a value.
pub fn edit_pay(value: &str) -> Vec<Action> {
    let mut a = vec![Action::GoTab(Tab::Levers), Action::Top, Action::Enter];
    a.extend((0..8).map(|_| Action::Backspace));
    a.extend(typed(value));
    a.push(Action::Enter);
    a
}

#[test]
fn a_reload_from_disk_starts_a_new_undo_history() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    run(&mut a, edit_pay("3%"));
    run(&mut a, vec![Action::Save]);
    edge::perform_all(&mut a);
    // Someone else replaces the file on disk.
    let p = d.path().join("scenarios/baseline.toml");
    let t = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, t.replace("\"3%\"", "\"3.5%\"")).unwrap();
    run(
        &mut a,
        vec![Action::Reloaded(Box::new(edge::load(d.path())))],
    );
    run(&mut a, edit_pay("4%"));
    run(&mut a, edit_pay("5%"));
    run(&mut a, vec![Action::Undo, Action::Undo, Action::Undo]);
    // The third undo has nothing to undo: it must not replay the edit made
    // before the reload (back to 2.5%, the text before "3%").
    let text = a.session.text("baseline").unwrap();
    assert!(text.contains("pay_inflation = \"3.5%\""), "{text}");
    assert!(!a.session.docs["baseline"].dirty());
}

#[test]
fn scenarios_named_on_the_command_line() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    let e = super::super::run::choose(&mut a, &["nosuch".into()]).unwrap_err();
    assert!(e.contains("no scenario \"nosuch\""), "{e}");
    assert!(e.contains("baseline, central"), "{e}");
    // Two names: Compare's A and B.
    super::super::run::choose(&mut a, &["nhs-cut".into(), "central".into()]).unwrap();
    assert_eq!(a.compare_a_id(), Some("nhs-cut"));
    assert_eq!(a.current_id(), Some("central"));
    // It opens on Compare (before, on Overview: the pair was set but not shown).
    assert_eq!(a.tab, Tab::Compare);
    let screen = render(&a);
    assert!(screen.contains("A = nhs-cut  B = central"), "{screen}");
    assert!(screen.contains("Bridge:"), "{screen}");
}

fn key(c: char, ctrl: bool) -> crossterm::event::KeyEvent {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let m = if ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), m)
}

/// Keys as the terminal sends them, through the keymap.
fn press(a: &mut super::super::app::App, keys: &str) {
    for c in keys.chars() {
        if let Some(act) = super::super::keymap::key_action(a.mode(), key(c, false)) {
            super::super::update::update(a, act);
        }
    }
}

#[test]
fn the_quit_dialogs_w_saves_then_quits() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    run(&mut a, edit_pay("3%"));
    press(&mut a, "q");
    assert!(!a.quit, "asks first");
    press(&mut a, "w");
    edge::perform_all(&mut a);
    assert!(a.quit, "{:?}", a.status);
    let t = std::fs::read_to_string(d.path().join("scenarios/baseline.toml")).unwrap();
    assert!(t.contains("pay_inflation = \"3%\""), "{t}");
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    press(&mut a, "?");
    let act = super::super::keymap::key_action(a.mode(), key('c', true)).unwrap();
    super::super::update::update(&mut a, act);
    assert!(a.quit);
}

#[test]
fn status_messages_clear_on_the_next_action_or_after_a_few_seconds() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    run(&mut a, vec![Action::Undo]);
    assert!(a.status.is_some());
    run(&mut a, vec![Action::NextTab]);
    assert!(a.status.is_none(), "stale: {:?}", a.status);
    run(&mut a, vec![Action::Undo]);
    run(&mut a, (0..10).map(|_| Action::Tick).collect());
    assert!(a.status.is_none(), "still there: {:?}", a.status);
}

#[test]
fn help_lists_each_action_once_and_explains_the_overspend_mark() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    press(&mut a, "?");
    let screen = render(&a);
    assert_eq!(screen.matches("Go to a tab").count(), 1, "{screen}");
    assert!(screen.contains("1 2 3 4 5 6"), "{screen}");
    assert!(screen.contains("! beside a pool"), "{screen}");
}

#[test]
fn find_on_providers_does_not_toggle_real_terms() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    a.providers_view.bars = true; // the bar chart scrolls by lines
    press(&mut a, "4/residential");
    run(&mut a, vec![Action::Enter]);
    assert!(!a.real, "typing 'r' toggled real terms");
    assert!(
        a.provider_scroll > 0,
        "did not move to the match: {:?} {} {:?}",
        a.status,
        a.derived.providers_lines(),
        a.input
    );
    let at = a.provider_scroll;
    press(&mut a, "n");
    assert!(a.provider_scroll >= at);
    assert!(render(&a).contains("Residential placements"));
}

#[test]
fn the_overspend_mark_is_never_cut_and_the_pool_list_widens() {
    let d = temp_example();
    let p = d.path().join("budgets/haringey-ct-2009/pools.csv");
    let t = std::fs::read_to_string(&p).unwrap();
    let long = "Safeguarding and looked-after children in residential and fostering placements";
    std::fs::write(
        &p,
        t.replace("Safeguarding and looked-after children", long),
    )
    .unwrap();
    let mut a = app(d.path(), 80, 24);
    a.pools.detail = true; // one pool's detail, not the glance
    run(&mut a, vec![Action::GoTab(Tab::Pools)]);
    let screen = render(&a);
    let line = screen
        .lines()
        .find(|l| l.contains("Safeguarding"))
        .unwrap_or_default();
    assert!(line.contains("… !"), "{screen}");
    // Wide: the whole name shows, and the rule words read as English.
    let mut a = app(d.path(), 200, 50);
    a.pools.detail = true; // one pool's detail, not the glance
    run(&mut a, vec![Action::GoTab(Tab::Pools)]);
    let screen = render(&a);
    assert!(
        screen.contains("Safeguarding and looked-after children in residential and f… !"),
        "{screen}"
    );
    assert!(screen.contains("risk share pro rata"), "{screen}");
    assert!(screen.contains("underspend carried forward"), "{screen}");
    assert!(!screen.contains("pro_rata"), "{screen}");
}

#[test]
fn layout_columns_size_to_content() {
    let root = super::example();
    // Overview at 80 columns: every scenario's column is told apart.
    let a = app(&root, 80, 24);
    let s = render(&a);
    assert_eq!(s.matches("worst-…").count(), 0, "{s}");
    assert!(s.contains("nhs-cut") && s.contains("to-save"), "{s}");
    // Services at 200 columns: category and every header in full.
    let mut a = app(&root, 200, 50);
    run(&mut a, vec![Action::GoTab(Tab::Services)]);
    let s = render(&a);
    assert!(s.contains("childrens-centres "), "{s}");
    assert!(s.contains("£/outcome") && s.contains("category"), "{s}");
    // Compare at 80×24: G reaches the last step and B's total.
    let mut a = app(&root, 80, 24);
    run(
        &mut a,
        vec![Action::NextScenario, Action::GoTab(Tab::Compare)],
    );
    assert!(!render(&a).contains("B: central total of gaps, 3 years"));
    run(&mut a, vec![Action::Bottom]);
    let s = render(&a);
    assert!(s.contains("B: central total of gaps, 3 years"), "{s}");
    assert!(s.contains("add saving safeguarding-lac"), "{s}");
    // A £0 step draws no bar.
    let zero = s
        .lines()
        .find(|l| l.contains("pay inflation 2.5% to 2.5%"))
        .unwrap();
    assert!(!zero.contains('▆') && !zero.contains('█'), "{zero}");
}

#[test]
fn without_colour_the_chart_legend_shows_each_marker() {
    let a = app(&super::example(), 120, 40);
    let s = render(&a);
    for m in ["⣿ baseline", "• central", "█ invest-to-save", "▄ nhs-cut"] {
        assert!(s.contains(m), "{m} not in\n{s}");
    }
}
