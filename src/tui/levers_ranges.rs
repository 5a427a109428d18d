//! §14 ranges on the Levers tab: each ranged rate shows its low, mode and
//! high beside its value (the resolved scenario's, inherited through
//! `extends`); `b` picks one bound of the selected row, then Enter types it
//! (the value box) and `+`/`-` nudge it by 0.5pp. The new text is written
//! with `session::rewrite_ranges` and goes through the history like any
//! edit: the loader's parser and resolver check it (low ≤ mode ≤ high, the
//! growth grammar), it is undoable, and `w` saves it.

use super::app::{App, Purpose, TextInput};
use super::data::levers::{chain, rows, Row, RowKind};
use super::history::apply_text;
use crate::model::{Range, RangeKey, Scenario, Section};
use crate::session::rewrite::{nudge_rate, rate_text, Value};
use crate::session::rewrite_ranges::{set_bound, BOUNDS};

pub use super::state::Bound;

impl Bound {
    pub fn name(self) -> &'static str {
        BOUNDS[self as usize]
    }
}

fn pct(r: rust_decimal::Decimal) -> String {
    crate::report::table::Cell::Pct(r).display(crate::report::table::Unit::Pounds)
}

/// The range key of a row, if it is a rate, demand or growth row.
fn key_of(kind: &RowKind) -> Option<RangeKey> {
    match kind {
        RowKind::Rate(k) => Some(RangeKey::new(Section::Rates, k)),
        RowKind::Demand(k) => Some(RangeKey::new(Section::Demand, k)),
        RowKind::Growth(k) => Some(RangeKey::new(Section::ContributionGrowth, k)),
        _ => None,
    }
}

/// Give each ranged row its range: low, mode and high as shown.
pub fn annotate(sc: &Scenario, rows: &mut [Row]) {
    if sc.ranges.is_empty() {
        return;
    }
    for row in rows {
        if let Some(r) = key_of(&row.kind).and_then(|k| sc.ranges.get(&k)) {
            row.range = Some([pct(r.low), pct(r.mode), pct(r.high)]);
        }
    }
}

/// The selected row, its range key and the range in force.
fn selected(app: &App) -> Option<(String, Row, RangeKey, Range)> {
    let id = app.current_id()?.to_string();
    let row = rows(&app.session, &id).into_iter().nth(app.lever_row)?;
    let key = key_of(&row.kind)?;
    let range = app.session.scenario(&id)?.ranges.get(&key)?.clone();
    Some((id, row, key, range))
}

/// The bound picked on the selected row, if any.
pub fn picked(app: &App) -> Option<Bound> {
    app.range_bound
        .filter(|(n, _)| *n == app.lever_row)
        .map(|(_, b)| b)
}

/// `b`: the next bound of the selected row's range (low, mode, high, then
/// back to the value).
pub fn cycle(app: &mut App) {
    let Some((_, row, ..)) = selected(app) else {
        return app.complain(super::strings::NO_RANGE);
    };
    let next = match picked(app) {
        None => Some(Bound::Low),
        Some(Bound::Low) => Some(Bound::Mode),
        Some(Bound::Mode) => Some(Bound::High),
        Some(Bound::High) => None,
    };
    app.range_bound = next.map(|b| (app.lever_row, b));
    match next {
        Some(b) => app.say(format!(
            "{} range {}: {}",
            row.label,
            b.name(),
            super::strings::RANGE_KEYS
        )),
        None => app.say(format!("{}: {}", row.label, super::strings::RANGE_BACK)),
    }
}

/// Enter with a bound picked: type its new value. `false` if none is.
pub fn enter(app: &mut App) -> bool {
    let (Some(b), Some((.., r))) = (picked(app), selected(app)) else {
        return false;
    };
    let now = [r.low, r.mode, r.high][b as usize];
    app.input = Some(TextInput {
        purpose: Purpose::EditRange(app.lever_row, b),
        text: pct(now),
        error: None,
    });
    true
}

/// `+`/`-` with a bound picked: that bound by 0.5pp. `false` if none is.
pub fn nudge(app: &mut App, up: bool) -> bool {
    let (Some(b), Some((.., r))) = (picked(app), selected(app)) else {
        return false;
    };
    let now = [r.low, r.mode, r.high][b as usize];
    if let Err(e) = set(app, app.lever_row, b, &rate_text(nudge_rate(now, up))) {
        app.complain(e);
    }
    true
}

/// Set bound `b` of row `n`'s range to the typed `text` (checked by the
/// loader when the new text is parsed and resolved).
pub fn set(app: &mut App, n: usize, b: Bound, text: &str) -> Result<(), String> {
    let id = app.current_id().ok_or("no scenario")?.to_string();
    let row = rows(&app.session, &id)
        .into_iter()
        .nth(n)
        .ok_or("no such row")?;
    let key = key_of(&row.kind).ok_or(super::strings::NO_RANGE)?;
    // The range as written where it is in force (this file or a parent):
    // a mode left to default stays so when the range is copied down.
    let raw = chain(&app.session, &id).into_iter().find_map(|(_, raw)| {
        raw.ranges
            .iter()
            .find(|r| r.section == key.section && r.key == key.key)
            .cloned()
    });
    let base: Vec<(&str, Value)> = raw
        .iter()
        .flat_map(|r| {
            [
                ("low", Some(r.low)),
                ("mode", r.mode),
                ("high", Some(r.high)),
            ]
            .into_iter()
            .filter_map(|(n, x)| x.map(|x| (n, Value::from(rate_text(x)))))
        })
        .collect();
    let new = set_bound(
        app.session.text(&id).unwrap_or_default(),
        key.section.name(),
        &key.key,
        b.name(),
        Value::from(text.trim()),
        &base,
    )?;
    let label = format!("{} range {} = {}", row.label, b.name(), text.trim());
    apply_text(app, &id, new, label)
}
