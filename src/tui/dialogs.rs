//! The yes/no dialogs: quit with unsaved edits (y quits, w saves then
//! quits, n goes back), a save over a change on disk (`conflict`), and
//! the recovery file's edits at start.

use super::action::Action;
use super::app::{App, Popup};
use super::files;
use super::strings as s;

pub fn confirm(app: &mut App, a: Action) {
    if matches!(app.popup, Some(Popup::Conflict(_))) {
        return super::conflict::update(app, a);
    }
    if let Some(Popup::Recover(edits)) = &app.popup {
        match a {
            Action::Yes => {
                let edits = edits.clone();
                app.popup = None;
                let problems = app.session.restore(&edits);
                app.effects.push(super::app::Effect {
                    path: crate::session::recovery::path(&app.session.root),
                    bytes: vec![],
                    what: super::app::Written::ClearRecovery,
                });
                if problems.is_empty() {
                    app.say(s::RECOVERED);
                } else {
                    app.complain(format!(
                        "{}; not restored: {}",
                        s::RECOVERED,
                        problems.join("; ")
                    ));
                }
            }
            Action::No | Action::Close => {
                app.popup = None;
                app.say(s::RECOVERY_KEPT);
            }
            _ => {}
        }
        return;
    }
    match a {
        Action::Yes => app.quit = true,
        Action::SaveAndQuit => {
            app.popup = None;
            files::save_all(app);
            app.quit_when_saved = !app.effects.is_empty();
        }
        Action::No | Action::Close => app.popup = None,
        _ => {}
    }
}
