//! The lever form: `a` adds a lever, Enter on one of this file's levers
//! edits it. The form is a list of the fields the chosen kind takes (as in
//! `load::scenario::lever_keys`); empty fields are left out of the file.
//! Submitting writes a `[[levers]]` block and is checked like any edit.

use super::action::Action;
use super::app::{App, Form, Popup, Tab};
use super::data::levers::lever;
use super::history::apply_text;
use super::strings as s;
use crate::load::scenario::{lever_keys, LEVER_KINDS};
use crate::session::rewrite as ed;

/// The field keys of a lever kind, in form order.
pub fn keys(kind: usize) -> Vec<&'static str> {
    let word = LEVER_KINDS.get(kind).copied().unwrap_or("contribution");
    let mut out = lever_keys(word).to_vec();
    out.splice(0..0, ["from", "to"]);
    // Targets first, then the window, then the value.
    let targets = ["partner", "pool", "service", "id"];
    out.sort_by_key(|k| match *k {
        k if targets.contains(&k) => 0,
        "from" | "to" => 1,
        _ => 2,
    });
    out
}

fn rebuild(form: &mut Form, kind: usize) {
    let old = std::mem::take(&mut form.fields);
    form.kind = kind;
    form.fields = keys(kind)
        .into_iter()
        .map(|k| {
            let v = old
                .iter()
                .find(|(o, _)| o == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            (k.to_string(), v)
        })
        .collect();
    form.focus = form.focus.min(form.fields.len());
}

/// `a`: an empty form for a new lever, starting from the second year.
pub fn open_add(app: &mut App) {
    if app.tab != Tab::Levers {
        return;
    }
    let mut f = Form::default();
    rebuild(&mut f, 0);
    if let (Some(p), true) = (
        app.current_id().and_then(|id| app.session.projection(id)),
        app.years() > 1,
    ) {
        let from = p.year_label(1);
        if let Some(v) = f.fields.iter_mut().find(|(k, _)| k == "from") {
            v.1 = from;
        }
    }
    f.focus = 1;
    app.popup = Some(Popup::Form(f));
}

/// Enter on lever `index` of the current scenario's own file.
pub fn open_edit(app: &mut App, index: usize) {
    let Some(id) = app.current_id() else { return };
    let Some(l) = lever(&app.session, id, index) else {
        return;
    };
    let kind = LEVER_KINDS.iter().position(|k| *k == l.kind).unwrap_or(0);
    let mut f = Form {
        editing: Some(index),
        ..Default::default()
    };
    rebuild(&mut f, kind);
    for (k, v) in f.fields.iter_mut() {
        if let Some(at) = l.get(k) {
            *v = at.v.clone();
        }
    }
    f.focus = f
        .fields
        .iter()
        .position(|(k, v)| ["change", "by", "set"].contains(&k.as_str()) && !v.is_empty())
        .map(|i| i + 1)
        .unwrap_or(1);
    app.popup = Some(Popup::Form(f));
}

fn submit(app: &mut App, f: &Form) -> Result<(), String> {
    let id = app.current_id().ok_or("no scenario")?.to_string();
    let word = LEVER_KINDS.get(f.kind).copied().unwrap_or("contribution");
    let mut fields = vec![("kind".to_string(), ed::Value::from(word))];
    fields.extend(
        f.fields
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (k.clone(), ed::value_for(v))),
    );
    let text = app.session.text(&id).unwrap_or_default();
    let (new, label) = match f.editing {
        Some(i) => (
            ed::set_lever(text, i, &fields)?,
            format!("edited {word} lever"),
        ),
        None => (ed::add_lever(text, &fields)?, format!("added {word} lever")),
    };
    apply_text(app, &id, new, label)
}

/// Keys while the form is open.
pub fn update(app: &mut App, a: Action) {
    let Some(Popup::Form(f)) = app.popup.as_mut() else {
        return;
    };
    let n = f.fields.len();
    match a {
        Action::Close => {
            app.popup = None;
            return;
        }
        Action::NextField => f.focus = (f.focus + 1) % (n + 1),
        Action::PrevField => f.focus = (f.focus + n) % (n + 1),
        Action::KindPrev | Action::KindNext if f.focus == 0 => {
            let k = LEVER_KINDS.len();
            let next = if matches!(a, Action::KindNext) {
                (f.kind + 1) % k
            } else {
                (f.kind + k - 1) % k
            };
            rebuild(f, next);
        }
        Action::Char(c) if f.focus > 0 => {
            if let Some(field) = f.fields.get_mut(f.focus - 1) {
                field.1.push(c);
            }
        }
        Action::Backspace if f.focus > 0 => {
            if let Some(field) = f.fields.get_mut(f.focus - 1) {
                field.1.pop();
            }
        }
        Action::Enter => {
            let form = f.clone();
            match submit(app, &form) {
                Ok(()) => {
                    app.popup = None;
                    if form.editing.is_none() {
                        if let Some(id) = app.current_id() {
                            let n = super::data::levers::rows(&app.session, id).len();
                            app.lever_row = n.saturating_sub(1);
                        }
                    }
                }
                Err(e) => {
                    if let Some(Popup::Form(f)) = app.popup.as_mut() {
                        f.error = Some(e);
                    }
                }
            }
            return;
        }
        _ => return,
    }
    f.error = None;
}

/// A hint for the focused field: what it takes.
pub fn hint(app: &App, key: &str) -> String {
    let b = app.current_id().and_then(|id| app.session.budget_of(id));
    let ids = |v: Vec<&str>| v.join(", ");
    match (key, b) {
        ("partner", Some(b)) => ids(b.partners.iter().map(|p| p.id.as_str()).collect()),
        ("pool", Some(b)) => ids(b.pools.iter().map(|p| p.id.as_str()).collect()),
        ("service" | "reduces", Some(b)) => ids(b.services.iter().map(|p| p.id.as_str()).collect()),
        ("provider", Some(b)) => ids(b.providers.iter().map(|p| p.id.as_str()).collect()),
        ("from" | "to", _) => "a financial year, e.g. 2010-11 (to: empty = end of horizon)".into(),
        ("change", _) => "a rate, e.g. -10% (give one of change, by, set)".into(),
        ("by", _) => "a signed amount, e.g. -£250k or 80 (give one of change, by, set)".into(),
        ("set", _) => "a value that replaces it (give one of change, by, set)".into(),
        ("kind", _) | ("", _) => format!("←/→ chooses: {}", LEVER_KINDS.join(", ")),
        _ => s::FORM_ADD.trim().to_string(),
    }
}
