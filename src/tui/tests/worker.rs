//! The worker thread (`tui::work`): an edit projected on it gives the same
//! session as the edit made in place; while it runs the figures shown are
//! the old ones, marked as such; a result for a session that changed since
//! is dropped. Deterministic: the tests wait for the result.

use super::{app, render, run, temp_example};
use crate::tui::action::Action;
use crate::tui::app::{App, Tab};
use crate::tui::update::update;

fn nudged(threaded: bool) -> App {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    a.work.threaded = threaded;
    let i = a.session.ids.iter().position(|x| x == "nhs-cut").unwrap();
    a.set_current(i);
    run(
        &mut a,
        vec![Action::GoTab(Tab::Levers), Action::Bottom, Action::NudgeUp],
    );
    a
}

#[test]
fn a_threaded_edit_equals_the_edit_in_place() {
    let sync = nudged(false);
    let mut a = nudged(true);
    assert!(a.work.busy());
    // Until the result is in: the old text and figures, said to be old.
    assert_eq!(
        a.session
            .text("nhs-cut")
            .unwrap()
            .matches("change = \"-9.5%\"")
            .count(),
        0
    );
    let status = a
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("computing…"), "{status}");
    assert!(render(&a).contains("computing…"));
    let done = a.work.take_done(true).expect("a result");
    update(&mut a, Action::Computed(Box::new(done)));
    assert!(!a.work.busy());
    assert_eq!(a.session.text("nhs-cut"), sync.session.text("nhs-cut"));
    for id in &sync.session.ids {
        assert_eq!(
            a.session.projection(id),
            sync.session.projection(id),
            "{id}"
        );
    }
    assert_eq!(a.undo.len(), sync.undo.len());
    assert_eq!(render(&a), render(&sync));
}

#[test]
fn a_result_for_a_changed_session_is_never_shown() {
    let mut a = nudged(true);
    let done = a.work.take_done(true).expect("a result");
    let before = a.session.projection("nhs-cut").cloned();
    // The files were reloaded meanwhile: a new session generation.
    a.session.generation += 1;
    update(&mut a, Action::Computed(Box::new(done)));
    assert_eq!(a.session.projection("nhs-cut").cloned(), before);
    assert!(a.undo.is_empty());
    let status = a
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("not applied"), "{status}");
}
