//! The bridge tables of `compare`: for reading (with the start and end
//! figures and the figure after each step) and raw (for the gap measure
//! exactly `step,driver,gap_change`, SPEC §8; for another measure
//! `step,driver,{measure}_change,gap_change,note`).

use super::table::{Cell, Table};
use crate::analysis::bridge::{Bridge, Measure};

/// The bridge as an aligned table: start, each step, end. For a measure
/// other than the gap each step also shows its gap change, and the steps'
/// notes (why the measure moved differently) are listed under the table.
pub fn bridge_text(b: &Bridge, a_id: &str, b_id: &str) -> Table {
    let gap = b.measure == Measure::Gap;
    let label = b.measure.title(b.years);
    let mut cols = vec!["step".to_string(), "driver".into()];
    if gap {
        cols.extend(["gap change".into(), "gap after".into()]);
    } else {
        cols.extend([
            format!("{} change", b.measure.id()),
            format!("{} after", b.measure.id()),
            "gap change".into(),
        ]);
    }
    let mut t = Table::new(
        "bridge",
        format!(
            "Bridge of {}{label}, {a_id} to {b_id} (positive = the {} grows)",
            if matches!(b.measure, Measure::Exposure(Some(_))) {
                ""
            } else {
                "the "
            },
            b.measure.id()
        ),
        cols,
    );
    let ends = |who: &str, change: Cell, value| {
        let mut r = vec![Cell::Empty, Cell::text(format!("{who}: {label}")), change];
        r.push(Cell::Money(value));
        if !gap {
            r.push(Cell::Empty);
        }
        r
    };
    let first = ends(a_id, Cell::Empty, b.start);
    let last = ends(b_id, Cell::Money(b.end.saturating_sub(b.start)), b.end);
    t.rows.push(first);
    for s in &b.steps {
        let mut r = vec![
            Cell::Qty(s.number.into(), 0),
            Cell::text(s.driver.clone()),
            Cell::Money(s.change),
            Cell::Money(s.after),
        ];
        if !gap {
            r.push(Cell::Money(s.gap_change));
        }
        t.rows.push(r);
        if let Some(n) = &s.note {
            t.notes.push(format!("step {}: {n}", s.number));
        }
    }
    t.rows.push(last);
    t.notes.extend(b.notes.iter().cloned());
    t
}

/// The bridge with raw figures: `step,driver,gap_change` for the gap;
/// `step,driver,{measure}_change,gap_change,note` otherwise.
pub fn bridge_raw(b: &Bridge) -> Table {
    let gap = b.measure == Measure::Gap;
    let mut cols = vec!["step".to_string(), "driver".into()];
    if gap {
        cols.push("gap_change".into());
    } else {
        cols.extend([
            format!("{}_change", b.measure.id()),
            "gap_change".into(),
            "note".into(),
        ]);
    }
    let mut t = Table::new("bridge", "bridge", cols);
    for s in &b.steps {
        let mut r = vec![
            Cell::Qty(s.number.into(), 0),
            Cell::text(s.driver.clone()),
            Cell::Money(s.change),
        ];
        if !gap {
            r.push(Cell::Money(s.gap_change));
            r.push(Cell::text(s.note.clone().unwrap_or_default()));
        }
        t.rows.push(r);
    }
    t
}
