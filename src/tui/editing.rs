//! Editing the current scenario: values typed in place, nudges, deletes,
//! undo/redo, save, save-as and export. Every edit is a new file text,
//! checked by the model (the files' own parser, resolver and engine) and
//! applied at once, so every tab shows the recomputed projection.

use super::action::Action;
use super::app::{App, Edit, Effect, Purpose, Written};
use super::data::levers::{lever, rows, Row, RowKind};
use super::edit as ed;
use super::form;
use super::strings as s;
use crate::model::value::{is_id, parse_money, parse_quantity, parse_rate, suggest_id};
use rust_decimal::Decimal;

/// Replace scenario `id`'s text, recording it for undo. Errors are the
/// parser's, resolver's or engine's message.
pub fn apply_text(app: &mut App, id: &str, text: String, label: String) -> Result<(), String> {
    let before = app.model.text(id).unwrap_or_default().to_string();
    if before == text {
        return Ok(());
    }
    let change = app.model.check(id, &text)?;
    app.model.apply(change);
    app.undo.push(Edit {
        id: id.to_string(),
        before,
        after: text,
        label: label.clone(),
    });
    app.redo.clear();
    app.say(format!("{label}: recomputed"));
    Ok(())
}

fn current_row(app: &App) -> Option<(String, Row)> {
    let id = app.current_id()?.to_string();
    let row = rows(&app.model, &id).into_iter().nth(app.lever_row)?;
    Some((id, row))
}

/// Enter on the Levers tab: type a new value, or open the lever form.
pub fn enter(app: &mut App) {
    let Some((id, row)) = current_row(app) else {
        return;
    };
    match &row.kind {
        RowKind::Section(_) => {}
        RowKind::Lever { file, index } if *file == id => form::open_edit(app, *index),
        RowKind::Lever { .. } => app.complain(format!("{}: {}", row.source, s::INHERITED)),
        _ => {
            app.input = Some(super::app::TextInput {
                purpose: Purpose::EditValue(app.lever_row),
                text: row.value.clone(),
                error: None,
            })
        }
    }
}

fn set_value(app: &mut App, n: usize, text: &str) -> Result<(), String> {
    let id = app.current_id().ok_or("no scenario")?.to_string();
    let row = rows(&app.model, &id)
        .into_iter()
        .nth(n)
        .ok_or("no such row")?;
    let (table, key) = row.kind.table_key().ok_or(s::NOT_EDITABLE)?;
    let new = ed::set_in_table(
        app.model.text(&id).unwrap_or_default(),
        table,
        key,
        ed::value_for(text),
    )?;
    apply_text(app, &id, new, format!("{} = {}", row.label, text.trim()))
}

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
            let r = match purpose {
                Purpose::Filter => Ok(()),
                Purpose::EditValue(n) => set_value(app, n, &t),
                Purpose::SaveAs => save_as(app, &t),
            };
            match r {
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

fn nudge_lever(app: &mut App, id: &str, index: usize, up: bool) -> Result<(), String> {
    let l = lever(&app.model, id, index).ok_or("no such lever")?.clone();
    let money = matches!(
        l.kind.as_str(),
        "contribution" | "unit_cost" | "saving" | "recommission"
    );
    let (key, at) = ["change", "by", "set", "unit_cost"]
        .iter()
        .find_map(|k| l.get(k).map(|a| (*k, a.v.clone())))
        .ok_or(s::NOT_EDITABLE)?;
    let value = if key == "change" {
        ed::Value::from(ed::rate_text(ed::nudge_rate(parse_rate(&at)?, up)))
    } else {
        let x: Decimal = if money {
            parse_money(&at)?
        } else {
            parse_quantity(&at)?
        };
        let integer = at
            .trim()
            .trim_start_matches('-')
            .bytes()
            .all(|b| b.is_ascii_digit());
        ed::amount_value(ed::nudge_amount(x, up, money), integer, money)
    };
    let shown = value.to_string();
    // Only `key` is replaced; every other field stays exactly as written.
    let new = ed::set_lever_key(app.model.text(id).unwrap_or_default(), index, key, value)?;
    apply_text(app, id, new, format!("{} {key} → {}", l.kind, shown.trim()))
}

/// `+`/`-`: a rate by 0.5pp, an amount by 1%.
pub fn nudge(app: &mut App, up: bool) {
    let Some((id, row)) = current_row(app) else {
        return;
    };
    let r = match &row.kind {
        RowKind::Lever { file, index } if *file == id => nudge_lever(app, &id, *index, up),
        RowKind::Lever { .. } => Err(format!("{}: {}", row.source, s::INHERITED)),
        RowKind::Section(_) => Err(s::NOT_EDITABLE.into()),
        k => {
            let v = parse_rate(&row.value).map_err(|e| e.to_string());
            match (k.table_key(), v) {
                (Some(_), Ok(v)) => {
                    set_value(app, app.lever_row, &ed::rate_text(ed::nudge_rate(v, up)))
                }
                (_, Err(e)) => Err(e),
                _ => Err(s::NOT_EDITABLE.into()),
            }
        }
    };
    if let Err(e) = r {
        app.complain(e);
    }
}

/// `d`: delete an own lever, or clear a value set in this file.
pub fn delete(app: &mut App) {
    let Some((id, row)) = current_row(app) else {
        return;
    };
    let text = app.model.text(&id).unwrap_or_default().to_string();
    let r = match &row.kind {
        RowKind::Lever { file, index } if *file == id => {
            ed::delete_lever(&text, *index).and_then(|t| {
                apply_text(
                    app,
                    &id,
                    t,
                    format!(
                        "deleted lever: {}",
                        row.label.split_whitespace().collect::<Vec<_>>().join(" ")
                    ),
                )
            })
        }
        RowKind::Lever { .. } => Err(format!("{}: {}", row.source, s::INHERITED)),
        k => match k.table_key() {
            Some((table, key)) if row.own => ed::remove_from_table(&text, table, key)
                .and_then(|t| apply_text(app, &id, t, format!("cleared {}", row.label))),
            _ => Err(s::NOT_IN_FILE.into()),
        },
    };
    match r {
        Ok(()) => {
            let n = current_row_count(app);
            app.lever_row = app.lever_row.min(n.saturating_sub(1));
        }
        Err(e) => app.complain(e),
    }
}

fn current_row_count(app: &App) -> usize {
    app.current_id()
        .map(|id| rows(&app.model, id).len())
        .unwrap_or(0)
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
    match app.model.check(&e.id, target) {
        Ok(c) => {
            app.model.apply(c);
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

/// `w`: queue the scenario's text to be written over its own file.
pub fn save(app: &mut App) {
    let Some(id) = app.current_id().map(str::to_string) else {
        return;
    };
    let (Some(doc), Some(src)) = (app.model.docs.get(&id), app.model.sources.get(&id)) else {
        return;
    };
    if !doc.dirty() {
        app.say(s::NOTHING_SAVED);
        return;
    }
    if src.path.starts_with(app.model.root.join("budgets")) {
        app.complain("poolplan never writes under budgets/");
        return;
    }
    app.effects.push(Effect {
        path: src.path.clone(),
        bytes: doc.text.clone().into_bytes(),
        what: Written::Scenario {
            id,
            text: doc.text.clone(),
        },
    });
}

fn save_as(app: &mut App, name: &str) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("type a name".into());
    }
    let new_id = if is_id(name) {
        name.to_string()
    } else {
        suggest_id(name)
    };
    if app.model.sources.contains_key(&new_id) {
        return Err(format!("{}: {new_id}", s::SAVE_AS_CLASH));
    }
    let id = app.current_id().ok_or("no scenario")?.to_string();
    let text = ed::set_top(
        app.model.text(&id).unwrap_or_default(),
        "name",
        ed::Value::from(name),
    )?;
    let path = app
        .model
        .root
        .join("scenarios")
        .join(format!("{new_id}.toml"));
    app.effects.push(Effect {
        path,
        bytes: text.clone().into_bytes(),
        what: Written::NewScenario {
            id: new_id,
            from: id,
            text,
        },
    });
    Ok(())
}

/// `x`: the current scenario's Cabinet tables (as `poolplan export`, in the
/// units and terms on screen) to exports/<id>-cabinet.csv, and its tidy
/// figures to exports/<id>-tidy.csv. Input files are hashed for the
/// provenance block (the scenario as edited, if it has unsaved edits, is
/// marked so).
pub fn export(app: &mut App) {
    let Some(id) = app.current_id().map(str::to_string) else {
        return;
    };
    let Some(p) = app.model.projection(&id) else {
        return;
    };
    let dir = app.model.root.join("exports");
    let mut effects = vec![Effect {
        path: dir.join(format!("{id}-tidy.csv")),
        bytes: crate::report::tidy::tidy_bytes(&[p]),
        what: Written::Export,
    }];
    match cabinet_bytes(app, &id) {
        Ok(bytes) => effects.insert(
            0,
            Effect {
                path: dir.join(format!("{id}-cabinet.csv")),
                bytes,
                what: Written::Export,
            },
        ),
        Err(e) => app.complain(format!("cannot build the Cabinet tables: {e}")),
    }
    app.effects.extend(effects);
}

fn cabinet_bytes(app: &App, id: &str) -> Result<Vec<u8>, String> {
    use crate::report::cabinet::{self, InputFile, Provenance, Source};
    let m = &app.model;
    let p = m.projection(id).ok_or("no projection")?;
    let budget = m.budgets.get(&p.budget_id).ok_or("the budget is missing")?;
    let scenario = m.scenarios.get(id).ok_or("the scenario is missing")?;
    let files = budget
        .files
        .iter()
        .chain(&scenario.chain)
        .map(|f| f.as_path());
    let hashes = crate::load::provenance::hash_files(&m.root, files)?;
    let edited = m.docs.get(id).is_some_and(|d| d.text != d.disk);
    let mut name = p.scenario_name.clone();
    if edited {
        name.push_str(" (with unsaved edits)");
    }
    let provenance = Provenance::new(
        env!("CARGO_PKG_VERSION"),
        vec![(p.scenario_id.clone(), name)],
        hashes
            .into_iter()
            .map(|(path, sha256)| InputFile { path, sha256 })
            .collect(),
    );
    let sources = [Source {
        projection: p,
        budget,
    }];
    let tables = cabinet::build_tables(&sources, app.unit, app.real).map_err(|e| e.to_string())?;
    let scale = cabinet::Scale::new(app.unit, app.real, &[p]).map_err(|e| e.to_string())?;
    Ok(cabinet::csv::single_file(
        &tables,
        &provenance.table(&scale),
        false,
    ))
}

/// A queued write finished.
pub fn wrote(app: &mut App, r: Result<(Written, String), String>) {
    match r {
        Err(e) => app.complain(e),
        Ok((Written::Export, shown)) => {
            // `x` writes two files; say both in one line.
            let text = match &app.status {
                Some(st) if !st.error && st.text.starts_with("exported ") => {
                    format!("{} and {shown}", st.text)
                }
                _ => format!("exported {shown}"),
            };
            app.say(text);
        }
        Ok((Written::Scenario { id, text }, shown)) => {
            if let Some(d) = app.model.docs.get_mut(&id) {
                d.disk = text;
            }
            app.say(format!("saved {shown}"));
        }
        Ok((Written::NewScenario { id, from, text }, shown)) => {
            let path = app.model.root.join("scenarios").join(format!("{id}.toml"));
            match app.model.add(&id, path, &shown, &text) {
                Ok(()) => {
                    if let Some(disk) = app.model.docs.get(&from).map(|d| d.disk.clone()) {
                        if let Ok(c) = app.model.check(&from, &disk) {
                            app.model.apply(c);
                        }
                    }
                    app.undo.clear();
                    app.redo.clear();
                    if let Some(i) = app.model.ids.iter().position(|x| *x == id) {
                        super::update::set_current(app, i);
                    }
                    app.say(format!("saved as {shown}; {from} is back as it is on disk"));
                }
                Err(e) => app.complain(e),
            }
        }
    }
}
