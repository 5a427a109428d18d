//! Editing on the Levers tab: Enter (type a value, or open the lever form),
//! `+`/`-` nudges and `d` deletes. Each makes a new scenario text with
//! `session::rewrite` and hands it to the history.

use super::app::{App, Purpose, TextInput};
use super::data::levers::{lever, rows, Row, RowKind};
use super::form;
use super::history::apply_text;
use super::strings as s;
use crate::model::lever_grammar::{grammar, Grammar};
use crate::model::value::{parse_money, parse_rate};
use crate::model::Op;
use crate::session::rewrite as ed;
use rust_decimal::Decimal;

fn current_row(app: &App) -> Option<(String, Row)> {
    let id = app.current_id()?.to_string();
    let row = rows(&app.session, &id).into_iter().nth(app.lever_row)?;
    Some((id, row))
}

/// Enter on the Levers tab: type a new value (or the range bound picked
/// with `b`), or open the lever form.
pub fn enter(app: &mut App) {
    if super::levers_ranges::enter(app) {
        return;
    }
    let Some((id, row)) = current_row(app) else {
        return;
    };
    match &row.kind {
        RowKind::Section(_) => {}
        RowKind::Lever { file, index } if *file == id => form::open_edit(app, *index),
        RowKind::Lever { .. } => app.complain(format!("{}: {}", row.source, s::INHERITED)),
        _ => {
            app.input = Some(TextInput {
                purpose: Purpose::EditValue(app.lever_row),
                text: row.value.clone(),
                error: None,
            })
        }
    }
}

/// Set the value of row `n` of the Levers tab to the typed `text`.
pub fn set_value(app: &mut App, n: usize, text: &str) -> Result<(), String> {
    let id = app.current_id().ok_or("no scenario")?.to_string();
    let row = rows(&app.session, &id)
        .into_iter()
        .nth(n)
        .ok_or("no such row")?;
    if let RowKind::YearEntry { .. } = row.kind {
        return super::year_edits::set(app, &id, &row, text);
    }
    let (table, key) = row.kind.table_key().ok_or(s::NOT_EDITABLE)?;
    let new = ed::set_in_table(
        app.session.text(&id).unwrap_or_default(),
        table,
        key,
        ed::value_for(text),
    )?;
    apply_text(app, &id, new, format!("{} = {}", row.label, text.trim()))
}

fn nudge_lever(app: &mut App, id: &str, index: usize, up: bool) -> Result<(), String> {
    let l = lever(&app.session, id, index)
        .ok_or("no such lever")?
        .clone();
    // The value as the loader parsed it (change/by/set), else the one
    // numeric key of the kind; its grammar from the loader's own table.
    let (key, at) = ["change", "by", "set", "unit_cost"]
        .iter()
        .find_map(|k| l.get(k).map(|a| (*k, a.v.clone())))
        .ok_or(s::NOT_EDITABLE)?;
    let g = grammar(&l.kind, key).ok_or(s::NOT_EDITABLE)?;
    let x: Decimal = match l.op.as_ref().map(|o| o.v) {
        Some(Op::Change(x) | Op::By(x) | Op::Set(x)) => x,
        None => parse_money(&at)?,
    };
    let written_as_rate = at.trim().ends_with('%');
    let value = match g {
        Grammar::Growth => ed::Value::from(ed::rate_text(ed::nudge_rate(x, up))),
        Grammar::OutcomeRate | Grammar::SignedOutcomeRate if written_as_rate => {
            let y = ed::nudge_rate(x, up);
            if g == Grammar::OutcomeRate && y < Decimal::ZERO {
                return Err(format!("{} {key} cannot go below 0", l.kind));
            }
            ed::Value::from(ed::rate_text(y))
        }
        _ => {
            let integer = at
                .trim()
                .trim_start_matches('-')
                .bytes()
                .all(|b| b.is_ascii_digit());
            ed::amount_value(ed::nudge_amount(x, up, g.is_money()), integer, g.is_money())
        }
    };
    let shown = value.to_string();
    // Only `key` is replaced; every other field stays exactly as written.
    let new = ed::set_lever_key(app.session.text(id).unwrap_or_default(), index, key, value)?;
    apply_text(app, id, new, format!("{} {key} → {}", l.kind, shown.trim()))
}

/// `+`/`-`: a rate (or the range bound picked with `b`) by 0.5pp, an
/// amount by 1%.
pub fn nudge(app: &mut App, up: bool) {
    if super::levers_ranges::nudge(app, up) {
        return;
    }
    let Some((id, row)) = current_row(app) else {
        return;
    };
    let r = match &row.kind {
        RowKind::Lever { file, index } if *file == id => nudge_lever(app, &id, *index, up),
        RowKind::Lever { .. } => Err(format!("{}: {}", row.source, s::INHERITED)),
        RowKind::Section(_) => Err(s::NOT_EDITABLE.into()),
        RowKind::YearEntry { .. } => super::year_edits::nudge(app, &id, &row, up),
        k if row.value.ends_with(s::BY_YEAR) => Err(format!(
            "{}: {}",
            k.table_key().map_or("", |t| t.1),
            s::NUDGE_A_YEAR
        )),
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

/// `y`: add a year to the rate's table (a single rate becomes a table).
pub fn add_year(app: &mut App) {
    let Some((id, row)) = current_row(app) else {
        return;
    };
    if let Err(e) = super::year_edits::add(app, &id, &row) {
        app.complain(e);
    }
}

/// `d`: delete an own lever, or clear a value set in this file.
pub fn delete(app: &mut App) {
    let Some((id, row)) = current_row(app) else {
        return;
    };
    let text = app.session.text(&id).unwrap_or_default().to_string();
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
        RowKind::YearEntry { .. } => super::year_edits::delete(app, &id, &row),
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
        .map(|id| rows(&app.session, id).len())
        .unwrap_or(0)
}

/// Move the Levers tab's selection by `d` rows, skipping headings.
pub fn move_by(app: &mut App, id: &str, d: i64) {
    let rows = rows(&app.session, id);
    let mut i = clamp_add(app.lever_row, d, rows.len());
    let step: i64 = if d < 0 { -1 } else { 1 };
    while rows
        .get(i)
        .is_some_and(|r| matches!(r.kind, RowKind::Section(_)))
    {
        let j = clamp_add(i, step, rows.len());
        if j == i {
            break;
        }
        i = j;
    }
    let section = |i: usize| {
        rows.get(i)
            .is_some_and(|r| matches!(r.kind, RowKind::Section(_)))
    };
    if section(i) {
        // At the top (a heading): the first row below it.
        i = (i..rows.len())
            .find(|&j| !section(j))
            .unwrap_or(app.lever_row);
    }
    app.lever_row = i;
}

fn clamp_add(x: usize, d: i64, len: usize) -> usize {
    let v = (x as i64 + d).max(0) as usize;
    v.min(len.saturating_sub(1))
}
