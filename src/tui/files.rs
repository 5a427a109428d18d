//! Writes the TUI asks for: save, save as and export are queued as
//! `Effect`s for the edge to perform (no file I/O here), and each result
//! comes back through `wrote`.

use super::app::{App, Effect, Written};
use super::strings as s;

/// The quit dialog's `w`: queue every edited scenario's save.
pub fn save_all(app: &mut App) {
    restore_orphans(app);
    for id in app.session.dirty() {
        queue_save(app, &id);
    }
}

/// Write the edits of scenarios whose file went back to where it was
/// (never over a file that has appeared there since: that asks).
fn restore_orphans(app: &mut App) {
    for o in app.session.orphans.clone() {
        app.effects.push(Effect {
            path: o.path.clone(),
            bytes: o.text.clone().into_bytes(),
            what: Written::Restored { id: o.id },
        });
    }
}

/// `w`: queue the scenario's text to be written over its own file.
pub fn save(app: &mut App) {
    if !app.session.orphans.is_empty() {
        restore_orphans(app);
        return;
    }
    let Some(id) = app.current_id().map(str::to_string) else {
        return;
    };
    if !app.session.docs.get(&id).is_some_and(|d| d.dirty()) {
        app.say(s::NOTHING_SAVED);
        return;
    }
    queue_save(app, &id);
}

/// Queue scenario `id`'s edited text for its own file, with the digest of
/// the bytes it was loaded from (the edge refuses to write over a file
/// changed on disk since).
fn queue_save(app: &mut App, id: &str) {
    let (Some(doc), Some(src)) = (app.session.docs.get(id), app.session.sources.get(id)) else {
        return;
    };
    if src.path.starts_with(app.session.root.join("budgets")) {
        app.complain("poolplan never writes under budgets/");
        return;
    }
    let expect = app.session.digests.get(&src.path).cloned();
    app.effects.push(Effect {
        path: src.path.clone(),
        bytes: doc.text.clone().into_bytes(),
        what: Written::Scenario {
            id: id.to_string(),
            text: doc.text.clone(),
            expect,
        },
    });
}

/// The edge would not replace an existing file without asking.
pub fn would_replace(app: &mut App, e: Effect) {
    let shown = e
        .path
        .strip_prefix(&app.session.root)
        .unwrap_or(&e.path)
        .display()
        .to_string();
    match (&e.what, app.popup.as_mut()) {
        (Written::Export { .. }, Some(super::app::Popup::Export(f))) => {
            f.replace = Some(Box::new(e))
        }
        (Written::NewScenario { .. }, _) => app.complain(format!(
            "{shown} already exists; W again and choose another id"
        )),
        _ => app.complain(format!("{shown} exists; nothing was written")),
    }
}

/// A queued write finished.
pub fn wrote(app: &mut App, r: Result<(Written, String), String>) {
    match r {
        Err(e) => {
            // A failed save cancels quitting: the edits are still here.
            app.quit_when_saved = false;
            app.complain(e)
        }
        Ok((Written::Restored { id }, shown)) => {
            app.session.orphans.retain(|o| o.id != id);
            app.say(format!(
                "wrote your edits back to {shown}; it loads on the next reload"
            ));
            if app.quit_when_saved && app.session.dirty().is_empty() {
                app.quit = true;
            }
        }
        Ok((Written::ClearRecovery, _)) => {}
        Ok((Written::Export { .. }, shown)) => {
            if matches!(app.popup, Some(super::app::Popup::Export(_))) {
                app.popup = None;
            }
            let marked = if app
                .session
                .edited_in_chain(app.current_id().unwrap_or_default())
            {
                " (marked: with unsaved edits)"
            } else {
                ""
            };
            app.say(format!("exported {shown}{marked}"));
        }
        Ok((Written::Scenario { id, text, .. }, shown)) => {
            app.session.saved(&id, text);
            app.say(format!("saved {shown}"));
            if app.quit_when_saved && app.session.dirty().is_empty() {
                app.quit = true;
            }
        }
        Ok((Written::NewScenario { id, from, text }, shown)) => {
            let path = app
                .session
                .root
                .join("scenarios")
                .join(format!("{id}.toml"));
            match app.session.add(&id, path, &shown, &text) {
                Ok(()) => {
                    if let Some(disk) = app.session.docs.get(&from).map(|d| d.disk.clone()) {
                        if let Ok(c) = app.session.check(&from, &disk) {
                            app.session.apply(c);
                        }
                    }
                    app.undo.clear();
                    app.redo.clear();
                    if let Some(i) = app.session.ids.iter().position(|x| *x == id) {
                        app.set_current(i);
                    }
                    app.say(format!("saved as {shown}; {from} is back as it is on disk"));
                }
                Err(e) => app.complain(e),
            }
        }
    }
}
