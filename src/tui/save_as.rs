//! `W`, save as a new scenario: three questions in the status line — the
//! id (the file's stem), the display name and the description — then a new
//! file with the current text (or the edits of a scenario whose file went),
//! its `name` and `description` set, and a fresh header comment that says
//! where it came from and what it extends (the old header described the
//! old scenario).

use super::app::{App, Effect, Purpose, TextInput, Written};
use super::strings as s;
use crate::model::value::{is_id, suggest_id};
use crate::session::rewrite as ed;

/// The prompt of each step.
pub const PROMPTS: [&str; 3] = [
    "save as, id (letters, digits, -): ",
    "display name: ",
    "description: ",
];

/// The scenario whose text is saved, and that text.
fn base(app: &App) -> Option<(String, String)> {
    if let Some(o) = app.session.orphans.first() {
        return Some((o.id.clone(), o.text.clone()));
    }
    let id = app.current_id()?.to_string();
    let text = app.session.text(&id)?.to_string();
    Some((id, text))
}

/// `W`: the first question.
pub fn open(app: &mut App) {
    app.input = Some(TextInput {
        purpose: Purpose::SaveAs {
            step: 0,
            answers: vec![],
        },
        text: String::new(),
        error: None,
    });
}

/// One answer typed: check it and ask the next, or write the file.
pub fn answer(app: &mut App, step: usize, answers: &[String], typed: &str) -> Result<(), String> {
    let typed = typed.trim().to_string();
    let (from, _) = base(app).ok_or("no scenario")?;
    if step == 0 {
        if typed.is_empty() {
            return Err("type an id, e.g. central-high-demand".into());
        }
        let id = if is_id(&typed) {
            typed
        } else {
            suggest_id(&typed)
        };
        if app.session.sources.contains_key(&id) {
            return Err(format!("{}: {id}", s::SAVE_AS_CLASH));
        }
        return next(app, 1, vec![id], String::new());
    }
    if step == 1 {
        if typed.is_empty() {
            return Err("type a display name, e.g. Central, high demand".into());
        }
        let desc = app
            .session
            .sources
            .get(&from)
            .and_then(|s| s.raw.as_ref())
            .map(|r| r.description.clone())
            .unwrap_or_default();
        return next(app, 2, vec![answers[0].clone(), typed], desc);
    }
    write(app, &answers[0], &answers[1], &typed)
}

fn next(app: &mut App, step: usize, answers: Vec<String>, text: String) -> Result<(), String> {
    app.input = Some(TextInput {
        purpose: Purpose::SaveAs { step, answers },
        text,
        error: None,
    });
    Ok(())
}

/// The text without its header comment (the comment lines at the top).
fn without_header(text: &str) -> &str {
    let mut rest = text;
    while let Some(line) = rest.lines().next() {
        let t = line.trim();
        if !(t.starts_with('#') || t.is_empty()) {
            break;
        }
        rest = &rest[(line.len() + 1).min(rest.len())..];
    }
    rest
}

fn write(app: &mut App, id: &str, name: &str, description: &str) -> Result<(), String> {
    let (from, text) = base(app).ok_or("no scenario")?;
    let parent = app
        .session
        .sources
        .get(&from)
        .and_then(|s| s.parent.clone());
    let extends = match &parent {
        Some(p) => format!("# It extends {p}: what is not set here comes from there."),
        None => "# It extends no other scenario.".to_string(),
    };
    let header = format!(
        "# {name} ({id}): saved from poolplan's interactive model, starting from {from}.\n{extends}\n"
    );
    let body = ed::set_top(without_header(&text), "name", ed::Value::from(name))?;
    let body = ed::set_top(&body, "description", ed::Value::from(description))?;
    let text = format!("{header}{body}");
    let path = app
        .session
        .root
        .join("scenarios")
        .join(format!("{id}.toml"));
    app.effects.push(Effect {
        path,
        bytes: text.clone().into_bytes(),
        what: Written::NewScenario {
            id: id.to_string(),
            from,
            text,
        },
    });
    app.input = None;
    Ok(())
}
