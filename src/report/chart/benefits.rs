//! `benefits`: who pays against who benefits (SPEC §11.5), from the Cabinet
//! who-pays table (`analysis::who_pays`): for each partner and outside
//! agency of the scenario, what it pays over the horizon (contributions +
//! risk shares) beside the fiscal benefit it receives, of which cashable,
//! all in cash. Rows whose three figures are all zero are left out (and
//! named in a note).

use super::hbar::{entry, Bar, HBars, LabelAt};
use super::style::{self, Mark};
use super::{body, cabinet, starts, Inputs};
use crate::report::cabinet::{CabTable, RowKind, Value};

/// The who-pays table's columns charted: pays, receives (fiscal), of
/// which cashable — cash, over the horizon.
const COLUMNS: [usize; 3] = [3, 4, 5];

/// Partner or agency × (pays, receives fiscal, of which cashable).
pub fn table(i: &Inputs<'_>) -> Result<CabTable, String> {
    let who = cabinet(i, "who-pays")?;
    let mut rows = vec![];
    let mut none = vec![];
    for r in who
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Body && starts(r, &[&i.scenario]))
    {
        let cells: Vec<Value> = COLUMNS.iter().map(|c| r.cells[*c].clone()).collect();
        let name = super::text(r, 1);
        if cells.iter().all(is_zero) {
            none.push(name);
            continue;
        }
        let outside = super::text(r, 2) == "Outside";
        let mut row = vec![Value::text(if outside {
            format!("{name} (outside)")
        } else {
            name
        })];
        row.extend(cells);
        rows.push(body(row));
    }
    if rows.is_empty() {
        return Err(format!(
            "the who-pays table has no partner or agency for scenario {}",
            i.scenario
        ));
    }
    let unit = i.scale.unit.label();
    let mut notes = vec![format!("{unit} (cash)")];
    if !none.is_empty() {
        notes.push(format!("Neither pays nor receives: {}.", none.join(", ")));
    }
    Ok(CabTable {
        slug: "chart-benefits",
        sheet: "Chart benefits",
        title: format!(
            "Who pays and who benefits over the horizon, {}, {unit} (cash)",
            i.scenario
        ),
        columns: vec![
            "Partner or agency".into(),
            format!("Pays {unit}"),
            format!("Receives, fiscal {unit}"),
            format!("Of which cashable {unit}"),
        ],
        rows,
        notes,
    })
}

/// The who-pays table's rows of the scenario (its partners and agencies,
/// not the total), for the workbook's native chart.
pub fn in_place(i: &Inputs<'_>) -> Result<super::InPlace, String> {
    let who = cabinet(i, "who-pays")?;
    let ks: Vec<usize> = (0..who.rows.len())
        .filter(|&k| {
            let r = &who.rows[k];
            r.kind == RowKind::Body && starts(r, &[&i.scenario])
        })
        .collect();
    let (Some(&first), Some(&last)) = (ks.first(), ks.last()) else {
        return Err("no rows".into());
    };
    Ok(super::InPlace::Columns {
        sheet: who.sheet,
        first,
        last,
        category: 1,
        values: COLUMNS.iter().map(|c| *c as u16).collect(),
    })
}

fn is_zero(v: &Value) -> bool {
    match v {
        Value::Num(x, _) => x.is_zero(),
        _ => true,
    }
}

/// Pays, receives and cashable side by side in each row.
pub fn svg(t: &CabTable) -> Result<String, String> {
    let bands = [(0.08, 0.36), (0.36, 0.64), (0.64, 0.92)];
    let mut bars = vec![];
    for (i, r) in t.rows.iter().enumerate() {
        for (series, band) in bands.iter().enumerate() {
            let cell = &r.cells[series + 1];
            if matches!(cell, Value::Num(..)) {
                bars.push(Bar {
                    row: i,
                    band: *band,
                    series,
                    from: 0.0,
                    to: style::coord(cell),
                    label: style::label(cell),
                    label_at: LabelAt::End,
                });
            }
        }
    }
    let unit = t.notes.first().cloned().unwrap_or_default();
    super::hbar::render(&HBars {
        title: "Who pays and who benefits".into(),
        subtitle: t.title.clone(),
        axis: unit,
        rows: t.rows.iter().map(|r| super::text(r, 0)).collect(),
        bars,
        words: vec![],
        rules: vec![],
        series: vec![
            entry("Pays (contributions + risk shares)", 0, Mark::Solid),
            entry("Receives (fiscal benefit)", 1, Mark::Hatched),
            entry("of which cashable", 2, Mark::Solid),
        ],
        notes: t.notes[1..].to_vec(),
    })
}
