//! The undo history: every edit is a new scenario text, checked by the
//! session (the files' own parser, resolver and engine) and applied at
//! once, recorded with the text before it. A reload from disk or a save as
//! starts a new history (`clear`), so undo never replays an edit made
//! against files that have since changed.

use super::app::{App, UndoEntry};
use super::strings as s;
use super::work::{Done, Edit};

/// Replace scenario `id`'s text, recording it for undo. Errors are the
/// parser's, resolver's or engine's message.
pub fn apply_text(app: &mut App, id: &str, text: String, label: String) -> Result<(), String> {
    let before = app.session.text(id).unwrap_or_default().to_string();
    if before == text {
        return Ok(());
    }
    let edit = Edit {
        generation: app.session.generation,
        id: id.to_string(),
        before,
        after: text,
        label,
    };
    if app.work.threaded {
        app.work.start(&app.session, edit)?;
        app.say(app.work.status().unwrap_or_default());
        return Ok(());
    }
    let change = app.session.check(id, &edit.after)?;
    finish(
        app,
        Done {
            edit,
            result: Ok(change),
        },
    );
    Ok(())
}

/// Apply a checked edit (made here or on the worker thread) and record it.
pub fn finish(app: &mut App, done: Done) {
    let Done { edit, result } = done;
    let change = match result {
        Ok(c) if edit.generation == app.session.generation => c,
        // The session changed while it was computed: never shown.
        Ok(_) => {
            return app.complain(format!(
                "{}: not applied, the files changed meanwhile",
                edit.label
            ))
        }
        Err(e) => return app.complain(e),
    };
    let was = super::moved::headline(app.session.projection(&edit.id));
    let ranges_were = app.session.scenario(&edit.id).map(|s| s.ranges.clone());
    app.session.apply(change);
    let now = super::moved::headline(app.session.projection(&edit.id));
    let mut moved = super::moved::line(was, now, app.unit);
    if app.session.scenario(&edit.id).map(|s| &s.ranges) != ranges_were.as_ref() {
        moved.push_str(s::RANGES_MOVED);
    }
    app.say(format!("{}: {moved}", edit.label));
    app.undo.push(UndoEntry {
        id: edit.id,
        before: edit.before,
        after: edit.after,
        label: edit.label,
    });
    app.redo.clear();
}

fn step(app: &mut App, undo: bool) {
    let popped = if undo { app.undo.pop() } else { app.redo.pop() };
    let Some(e) = popped else {
        app.say(if undo {
            s::NOTHING_TO_UNDO
        } else {
            s::NOTHING_TO_REDO
        });
        return;
    };
    let target = if undo { &e.before } else { &e.after };
    match app.session.check(&e.id, target) {
        Ok(c) => {
            app.session.apply(c);
            app.say(format!(
                "{}: {}",
                if undo { "undone" } else { "redone" },
                e.label
            ));
            if undo {
                app.redo.push(e)
            } else {
                app.undo.push(e)
            }
        }
        Err(err) => {
            app.complain(err);
            if undo {
                app.undo.push(e)
            } else {
                app.redo.push(e)
            }
        }
    }
}

pub fn undo(app: &mut App) {
    step(app, true)
}

pub fn redo(app: &mut App) {
    step(app, false)
}

/// Forget the history (after a reload from disk or a save as).
pub fn clear(app: &mut App) {
    app.undo.clear();
    app.redo.clear();
}
