//! Files changed on disk: the watcher's new workspace replaces the
//! session (unsaved edits kept, orphans kept), or, with errors, the errors
//! panel shows and the last good figures stay (none if there never were).

use super::app::App;
use super::history;
use super::strings as s;
use crate::session::Session;

/// Rebuild, keeping unsaved edits. If the new files
/// have errors, keep the last good figures (or none, if there never were
/// any) and show the errors. A reload of files changed by someone else
/// starts a new undo history.
pub fn reloaded(app: &mut App, loaded: crate::load::Workspace) {
    let edited = app.session.edited();
    let (session, errors) = Session::build(loaded, &edited);
    if !errors.is_empty() {
        let session = session.without_figures();
        app.errors = errors;
        app.errors_scroll = 0;
        app.status = None;
        let mut probe = session;
        probe.keep_orphans(&app.session);
        say_gone(app, &probe);
        if !app.session.has_figures() {
            app.session = probe;
        }
        return;
    }
    let was_broken = !app.errors.is_empty();
    // Our own save shows up as a change on disk: nothing new to say then.
    let ours = !was_broken
        && session.budgets == app.session.budgets
        && session.docs.len() == app.session.docs.len()
        && session
            .docs
            .iter()
            .all(|(k, d)| app.session.docs.get(k).is_some_and(|o| o.disk == d.disk));
    let keep = app.current_id().map(str::to_string);
    let keep_a = app.compare_a_id().map(str::to_string);
    let had = app.session.has_figures();
    let mut session = session;
    session.keep_orphans(&app.session);
    let gone = gone(app, &session);
    app.session = session;
    app.errors.clear();
    let find = |id: Option<String>, m: &Session| {
        id.and_then(|i| m.ids.iter().position(|x| *x == i))
            .unwrap_or(0)
    };
    app.current = find(keep, &app.session);
    app.compare_a = find(keep_a, &app.session);
    app.year = app.year.min(app.years().saturating_sub(1));
    if !had {
        app.lever_row = app.first_lever_row();
    }
    if !ours {
        history::clear(app);
        let mut msg = if was_broken {
            s::FIXED.to_string()
        } else {
            s::RELOADED.to_string()
        };
        if !edited.is_empty() {
            msg.push_str("; ");
            msg.push_str(s::KEPT_EDITS);
        }
        msg.push_str("; ");
        msg.push_str(s::NEW_HISTORY);
        app.say(msg);
        if !gone.is_empty() {
            app.complain(gone_message(&gone));
        }
    }
}

/// Files of edited scenarios that went in this reload.
fn gone(app: &App, new: &Session) -> Vec<String> {
    new.orphans
        .iter()
        .filter(|o| !app.session.orphans.iter().any(|x| x.id == o.id))
        .map(|o| o.shown.clone())
        .collect()
}

fn gone_message(gone: &[String]) -> String {
    format!(
        "{} was renamed or deleted on disk; your edits are kept: w writes them back there, W saves them as a new scenario",
        gone.join(", ")
    )
}

fn say_gone(app: &mut App, new: &Session) {
    let g = gone(app, new);
    if !g.is_empty() {
        app.complain(gone_message(&g));
    }
}
