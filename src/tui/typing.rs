//! A line of typed text: the filter, a value on the Levers tab, or the
//! name for save as. Enter hands it on; Esc cancels.

use super::action::Action;
use super::app::{App, Purpose};
use super::lever_edits;

/// Keys while typing a line (filter, value, save-as name).
pub fn text(app: &mut App, a: Action) {
    let Some(input) = app.input.as_mut() else {
        return;
    };
    match a {
        Action::Char(c) => input.text.push(c),
        Action::Backspace => {
            input.text.pop();
        }
        Action::Close => {
            if input.purpose == Purpose::Filter {
                app.services.filter.clear();
            }
            app.input = None;
            return;
        }
        Action::Enter => {
            let (purpose, t) = (input.purpose.clone(), input.text.clone());
            // Save as asks its next question itself.
            let asks_on = matches!(purpose, Purpose::SaveAs { .. });
            let r = match purpose {
                Purpose::Filter => Ok(()),
                Purpose::Find => {
                    app.find = t.clone();
                    super::find::step(app, true, true);
                    Ok(())
                }
                Purpose::EditValue(n) => lever_edits::set_value(app, n, &t),
                Purpose::EditRange(n, b) => super::levers_ranges::set(app, n, b, &t),
                Purpose::SaveAs { step, answers } => {
                    super::save_as::answer(app, step, &answers, &t)
                }
            };
            match r {
                Ok(()) if asks_on => {}
                Ok(()) => app.input = None,
                Err(e) => {
                    if let Some(i) = app.input.as_mut() {
                        i.error = Some(e);
                    }
                }
            }
            return;
        }
        _ => return,
    }
    if input.purpose == Purpose::Filter {
        app.services.filter = input.text.clone();
        app.services.selected = 0;
    }
    input.error = None;
}
