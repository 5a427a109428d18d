//! A save that would overwrite a change made on disk since the file was
//! loaded (the edge compares the SHA-256 of the bytes loaded with the file
//! now). Nothing is dropped silently: the dialog shows what differs and
//! the user chooses — `o` writes their version over the file, `t` takes
//! the file's version (theirs stays undoable with `u`), Esc decides later
//! (nothing written, the edits kept).

use super::action::Action;
use super::app::{App, Conflict, Popup, UndoEntry, Written};

/// Lines only in `a` (in order), for showing what differs.
pub fn only_in<'a>(a: &'a str, b: &str) -> Vec<&'a str> {
    let theirs: std::collections::HashSet<&str> = b.lines().collect();
    a.lines()
        .filter(|l| !theirs.contains(l) && !l.trim().is_empty())
        .collect()
}

/// The edge refused a save: ask.
pub fn open(app: &mut App, c: Conflict) {
    app.popup = Some(Popup::Conflict(Box::new(c)));
}

/// Keys in the dialog.
pub fn update(app: &mut App, a: Action) {
    let Some(Popup::Conflict(c)) = app.popup.take() else {
        return;
    };
    let c = *c;
    match a {
        Action::KeepMine => {
            let mut e = c.effect;
            if let Written::Scenario { expect, .. } = &mut e.what {
                *expect = None;
            }
            app.effects.push(e);
        }
        Action::TakeTheirs => {
            let mine = app.session.text(&c.id).unwrap_or_default().to_string();
            match app.session.edit(&c.id, &c.theirs) {
                Ok(()) => {
                    app.session.saved(&c.id, c.theirs.clone());
                    app.undo.push(UndoEntry {
                        id: c.id.clone(),
                        before: mine,
                        after: c.theirs,
                        label: "took the version on disk".into(),
                    });
                    app.redo.clear();
                    app.say(format!(
                        "{}: the version on disk is loaded; u brings yours back",
                        c.id
                    ));
                }
                Err(e) => app.complain(format!("the version on disk has a problem: {e}")),
            }
        }
        Action::No | Action::Close => app.say("nothing written; your edits are kept"),
        _ => app.popup = Some(Popup::Conflict(Box::new(c))),
    }
}
