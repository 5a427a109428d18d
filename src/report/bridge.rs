//! The bridge tables of `compare`: for reading (with the start and end gaps
//! and the gap after each step) and raw (exactly `step,driver,gap_change`,
//! SPEC §8).

use super::table::{Cell, Table};
use crate::analysis::bridge::Bridge;

/// The bridge as an aligned table: start, each step, end.
pub fn bridge_text(b: &Bridge, a_id: &str, b_id: &str) -> Table {
    let cols = ["step", "driver", "gap change", "gap after"];
    let mut t = Table::new(
        "bridge",
        format!(
            "Bridge of the cumulative in-year gap, {a_id} to {b_id} (positive = the gap grows)"
        ),
        cols.iter().map(|c| c.to_string()).collect(),
    );
    t.rows.push(vec![
        Cell::Empty,
        Cell::text(format!("{a_id}: cumulative in-year gap")),
        Cell::Empty,
        Cell::Money(b.start),
    ]);
    for s in &b.steps {
        t.rows.push(vec![
            Cell::Qty(s.number.into(), 0),
            Cell::text(s.driver.clone()),
            Cell::Money(s.gap_change),
            Cell::Money(s.gap_after),
        ]);
    }
    t.rows.push(vec![
        Cell::Empty,
        Cell::text(format!("{b_id}: cumulative in-year gap")),
        Cell::Money(b.end.saturating_sub(b.start)),
        Cell::Money(b.end),
    ]);
    t.notes.extend(b.notes.iter().cloned());
    t
}

/// The bridge with exactly the columns `step,driver,gap_change`.
pub fn bridge_raw(b: &Bridge) -> Table {
    let mut t = Table::new(
        "bridge",
        "bridge",
        ["step", "driver", "gap_change"]
            .iter()
            .map(|c| c.to_string())
            .collect(),
    );
    for s in &b.steps {
        t.rows.push(vec![
            Cell::Qty(s.number.into(), 0),
            Cell::text(s.driver.clone()),
            Cell::Money(s.gap_change),
        ]);
    }
    t
}
