//! Editing a rate given by year (SPEC §10.1) on the Levers tab: `+`/`-` or
//! Enter on one year's row, `y` adds the next year (a single rate becomes
//! a table), `d` removes a year. Each edit rewrites the scenario's text
//! with `session::rewrite_years` and goes through the history like any
//! other edit, so it is checked, undoable and saved the usual way.

use super::app::App;
use super::data::levers::{Row, RowKind};
use super::history::apply_text;
use crate::model::value::parse_rate;
use crate::model::{Year, YearRate};
use crate::session::rewrite::{nudge_rate, rate_text, Value};
use crate::session::rewrite_years::set_year;

/// The rate in force for `[table] key` of scenario `id` (after `extends`).
fn resolved(app: &App, id: &str, table: &str, key: &str) -> Option<YearRate> {
    let sc = app.session.scenario(id)?;
    match (table, key) {
        ("rates", "pay_inflation") => Some(sc.rates.pay_inflation.clone()),
        ("rates", "price_inflation") => Some(sc.rates.price_inflation.clone()),
        ("rates", "deflator") => Some(sc.rates.deflator.clone()),
        ("rates", _) => None,
        ("demand", k) => Some(sc.demand.get(k).cloned().unwrap_or_default()),
        (_, k) => Some(sc.contribution_growth.get(k).cloned().unwrap_or_default()),
    }
}

fn base(v: &YearRate) -> Vec<(String, Value)> {
    v.entries()
        .iter()
        .map(|(y, r)| (y.to_string(), Value::from(rate_text(*r))))
        .collect()
}

fn write(
    app: &mut App,
    id: &str,
    at: (&str, &str),
    year: Year,
    v: Option<String>,
) -> Result<(), String> {
    let (table, key) = at;
    let now = resolved(app, id, table, key).ok_or(super::strings::NOT_EDITABLE)?;
    let label = match &v {
        Some(x) => format!("{} {year} = {x}", key.replace('_', " ")),
        None => format!("{} {year} removed", key.replace('_', " ")),
    };
    let text = app.session.text(id).unwrap_or_default().to_string();
    let new = set_year(
        &text,
        table,
        key,
        &year.to_string(),
        v.map(Value::from),
        &base(&now),
    )?;
    apply_text(app, id, new, label)
}

/// The year's rate now in force.
fn rate_of(
    app: &App,
    id: &str,
    table: &str,
    key: &str,
    year: Year,
) -> Option<rust_decimal::Decimal> {
    let v = resolved(app, id, table, key)?;
    v.entries()
        .into_iter()
        .find(|(y, _)| *y == year)
        .map(|(_, r)| r)
}

/// `+`/`-` on one year: its rate by 0.5pp.
pub fn nudge(app: &mut App, id: &str, row: &Row, up: bool) -> Result<(), String> {
    let RowKind::YearEntry { table, key, year } = &row.kind else {
        return Err(super::strings::NOT_EDITABLE.into());
    };
    let r = rate_of(app, id, table, key, *year).ok_or(super::strings::NOT_EDITABLE)?;
    write(
        app,
        id,
        (table, key),
        *year,
        Some(rate_text(nudge_rate(r, up))),
    )
}

/// Enter on one year: the typed rate.
pub fn set(app: &mut App, id: &str, row: &Row, text: &str) -> Result<(), String> {
    let RowKind::YearEntry { table, key, year } = &row.kind else {
        return Err(super::strings::NOT_EDITABLE.into());
    };
    parse_rate(text).map_err(|e| e.to_string())?;
    write(app, id, (table, key), *year, Some(text.trim().to_string()))
}

/// `y`: add the year after the table's last (at the same rate, so nothing
/// moves until it is edited); a single rate `r` becomes `{base+1 r, base+2 r}`.
pub fn add(app: &mut App, id: &str, row: &Row) -> Result<(), String> {
    let (table, key) = match &row.kind {
        RowKind::YearEntry { table, key, .. } => (*table, key.clone()),
        k => match k.table_key() {
            Some((t, k)) => (t, k.to_string()),
            None => return Err(super::strings::NO_YEAR_TABLE.into()),
        },
    };
    let now = resolved(app, id, table, &key).ok_or(super::strings::NO_YEAR_TABLE)?;
    let p = app.session.projection(id).ok_or("no projection")?;
    let (first, last_year) = (p.base_year.plus(1), p.base_year.plus(p.years as i32 - 1));
    let (year, r) = match (now.single(), now.entries().last()) {
        (Some(r), _) => {
            // One rate: the table starts with it in the first year.
            let base = vec![(first.to_string(), Value::from(rate_text(r)))];
            let text = app.session.text(id).unwrap_or_default().to_string();
            let at = first.plus(1);
            let new = set_year(
                &text,
                table,
                &key,
                &at.to_string(),
                Some(rate_text(r).into()),
                &base,
            )?;
            let label = format!("{} by year from {first}", key.replace('_', " "));
            return apply_text(app, id, new, label);
        }
        (None, Some((y, r))) => (y.plus(1), *r),
        (None, None) => (first, rust_decimal::Decimal::ZERO),
    };
    if year > last_year {
        return Err(format!(
            "the table already reaches {last_year}, the horizon's last year"
        ));
    }
    write(app, id, (table, &key), year, Some(rate_text(r)))
}

/// `d` on one year: remove it (never the table's only year).
pub fn delete(app: &mut App, id: &str, row: &Row) -> Result<(), String> {
    let RowKind::YearEntry { table, key, year } = &row.kind else {
        return Err(super::strings::NOT_EDITABLE.into());
    };
    let now = resolved(app, id, table, key).ok_or(super::strings::NOT_EDITABLE)?;
    if now.entries().len() < 2 {
        return Err(super::strings::ONLY_YEAR.into());
    }
    write(app, id, (table, key), *year, None)
}
