//! Writes from the TUI: the export dialog, provenance of the bytes loaded,
//! and saves over a change made on disk. Each test failed before its fix.

use super::super::action::Action;
use super::super::app::Tab;
use super::super::edge;
use super::defects::{break_files, edit_pay};
use super::{app, render, run, temp_example};

#[test]
fn export_dialog_uses_the_compare_pair_asks_before_replacing_and_marks_edits() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    super::super::run::choose(&mut a, &["baseline".into(), "central".into()]).unwrap();
    run(&mut a, edit_pay("3%"));
    run(&mut a, vec![Action::GoTab(Tab::Compare), Action::Export]);
    let screen = render(&a);
    assert!(screen.contains("Compare's A and B: baseline"), "{screen}");
    run(&mut a, vec![Action::Enter]);
    edge::perform_all(&mut a);
    let p = d.path().join("exports/baseline-vs-central-cabinet.csv");
    let text = std::fs::read_to_string(&p).unwrap();
    // Both scenarios, the comparison filled, the edit marked in titles.
    assert!(!text.contains("Name two or more scenarios"), "{text}");
    assert!(
        text.contains("with unsaved edits, not in the files"),
        "{text}"
    );
    assert!(text.contains("(as edited, not saved)"), "{text}");
    // The same dialog again: the file exists, so it asks; n keeps it.
    std::fs::write(&p, "hand edited").unwrap();
    run(&mut a, vec![Action::Export, Action::Enter]);
    edge::perform_all(&mut a);
    assert!(render(&a).contains("exists: replace it?"), "{}", render(&a));
    run(&mut a, vec![Action::Char('n'), Action::Close]);
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "hand edited");
    run(&mut a, vec![Action::Export, Action::Enter]);
    edge::perform_all(&mut a);
    run(&mut a, vec![Action::Char('y')]);
    edge::perform_all(&mut a);
    assert_ne!(std::fs::read_to_string(&p).unwrap(), "hand edited");
    assert!(a.popup.is_none());
}

#[test]
fn export_with_errors_on_disk_exports_nothing_and_says_why() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    break_files(d.path());
    run(
        &mut a,
        vec![Action::Reloaded(Box::new(edge::load(d.path())))],
    );
    run(&mut a, vec![Action::Export]);
    assert!(a.popup.is_none());
    assert!(a.effects.is_empty());
    let st = a.status.clone().unwrap();
    assert!(
        st.error && st.text.starts_with("nothing exported"),
        "{st:?}"
    );
}

#[test]
fn provenance_hashes_the_bytes_the_figures_came_from() {
    let d = temp_example();
    let a = app(d.path(), 120, 40);
    let bytes = std::fs::read(d.path().join("scenarios/baseline.toml")).unwrap();
    // The file changes after loading: the hash stays the one loaded.
    std::fs::write(d.path().join("scenarios/baseline.toml"), "changed").unwrap();
    let inputs = a.session.inputs(&["baseline"]).unwrap();
    let f = inputs
        .iter()
        .find(|f| f.path == "scenarios/baseline.toml")
        .unwrap();
    assert_eq!(f.sha256, crate::load::provenance::sha256_hex(&bytes));
}

#[test]
fn a_save_over_a_change_made_on_disk_asks_and_drops_nothing() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    run(&mut a, edit_pay("3%"));
    let p = d.path().join("scenarios/baseline.toml");
    let t = std::fs::read_to_string(&p).unwrap();
    let theirs = t.replace("[demand]", "[demand]\ncamhs = \"7%\"");
    std::fs::write(&p, &theirs).unwrap();
    run(&mut a, vec![Action::Save]);
    edge::perform_all(&mut a);
    assert_eq!(std::fs::read_to_string(&p).unwrap(), theirs, "overwritten");
    let screen = render(&a);
    assert!(
        screen.contains("changed on disk since poolplan read it"),
        "{screen}"
    );
    assert!(screen.contains("camhs = \"7%\""), "{screen}");
    // Take theirs: loaded; u brings the edit back.
    run(&mut a, vec![Action::TakeTheirs]);
    assert!(a
        .session
        .text("baseline")
        .unwrap()
        .contains("camhs = \"7%\""));
    run(&mut a, vec![Action::Undo]);
    assert!(a
        .session
        .text("baseline")
        .unwrap()
        .contains("pay_inflation = \"3%\""));
    // Another change on disk, then save: asked again; o writes mine.
    std::fs::write(&p, theirs.replace("7%", "8%")).unwrap();
    run(&mut a, vec![Action::Save]);
    edge::perform_all(&mut a);
    assert!(matches!(
        a.popup,
        Some(super::super::app::Popup::Conflict(_))
    ));
    run(&mut a, vec![Action::KeepMine]);
    edge::perform_all(&mut a);
    let now = std::fs::read_to_string(&p).unwrap();
    assert!(now.contains("pay_inflation = \"3%\""), "{now}");
}

#[test]
fn renaming_the_edited_file_keeps_the_edits_and_w_writes_them_back() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    run(&mut a, edit_pay("3%"));
    let p = d.path().join("scenarios/baseline.toml");
    let moved = d.path().join("baseline.toml.bak");
    std::fs::rename(&p, &moved).unwrap();
    run(
        &mut a,
        vec![Action::Reloaded(Box::new(edge::load(d.path())))],
    );
    let st = a.status.clone().unwrap().text;
    assert!(st.contains("renamed or deleted"), "{st}");
    assert_eq!(a.session.dirty(), vec!["baseline".to_string()]);
    // q asks: the edits are not lost by quitting.
    run(&mut a, vec![Action::Quit]);
    assert!(!a.quit);
    run(&mut a, vec![Action::No, Action::Save]);
    edge::perform_all(&mut a);
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains("pay_inflation = \"3%\""), "{text}");
    assert!(a.session.orphans.is_empty());
}

#[test]
fn edits_kept_by_a_signal_are_offered_at_the_next_start() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    assert!(
        super::super::edge::write_recovery(&a).is_none(),
        "nothing to keep"
    );
    run(&mut a, edit_pay("3%"));
    let p = edge::write_recovery(&a).unwrap().unwrap();
    assert!(p.ends_with(".poolplan-recovery.json"));
    // The next start asks; y restores the edit as unsaved and removes the file.
    let mut b = app(d.path(), 120, 40);
    let screen = render(&b);
    assert!(
        screen.contains("stopped with unsaved edits to: baseline"),
        "{screen}"
    );
    run(&mut b, vec![Action::Yes]);
    edge::perform_all(&mut b);
    assert_eq!(b.session.dirty(), vec!["baseline".to_string()]);
    assert!(b
        .session
        .text("baseline")
        .unwrap()
        .contains("pay_inflation = \"3%\""));
    assert!(!p.exists());
    let _ = Tab::Overview;
}
