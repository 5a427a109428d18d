//! The undo history: every edit is a new scenario text, checked by the
//! session (the files' own parser, resolver and engine) and applied at
//! once, recorded with the text before it. A reload from disk or a save as
//! starts a new history (`clear`), so undo never replays an edit made
//! against files that have since changed.

use super::app::{App, UndoEntry};
use super::strings as s;

/// Replace scenario `id`'s text, recording it for undo. Errors are the
/// parser's, resolver's or engine's message.
pub fn apply_text(app: &mut App, id: &str, text: String, label: String) -> Result<(), String> {
    let before = app.session.text(id).unwrap_or_default().to_string();
    if before == text {
        return Ok(());
    }
    let change = app.session.check(id, &text)?;
    let was = super::moved::headline(app.session.projection(id));
    app.session.apply(change);
    let now = super::moved::headline(app.session.projection(id));
    app.undo.push(UndoEntry {
        id: id.to_string(),
        before,
        after: text,
        label: label.clone(),
    });
    app.redo.clear();
    let moved = super::moved::line(was, now, app.unit);
    app.say(format!("{label}: {moved}"));
    Ok(())
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
