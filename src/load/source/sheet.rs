//! A sheet of `budget.xlsx` as a table, and one error per cell.

use super::super::diag::{column_letter, Diagnostic, Severity, Sink};
use super::super::table::{from_rows, Table};
use super::super::xlsx::Book;
use std::collections::HashSet;

/// A sheet as a table: the shared row rules, then the cells that could not
/// be read (in the columns poolplan reads) and merged ranges over data.
pub(super) fn sheet_table(
    book: &mut Book,
    i: usize,
    sink: &mut Sink<'_>,
    required: &[&'static str],
    optional: &[&'static str],
) -> Option<Table> {
    let rows = match book.rows(i) {
        Ok(r) => r,
        Err(e) => {
            sink.error(None, None, e);
            return None;
        }
    };
    let header_line = rows
        .rows
        .iter()
        .find(|(_, c)| c.iter().any(|c| !c.trim().is_empty()))
        .map(|(l, _)| *l);
    let t = from_rows(rows.rows, sink, required, optional, "the sheet is empty")?;
    for p in &rows.problems {
        if let Some(col) = t.column_at(p.col).filter(|_| Some(p.row) != header_line) {
            sink.error(Some(p.row), Some(t.field(col)), p.message.clone());
        }
    }
    for &(r1, c1, r2, c2) in &rows.merges {
        let data = header_line.is_some_and(|h| r2 > h);
        let known = (c1..=c2).find_map(|c| t.column_at(c));
        if let (true, Some(col)) = (data, known) {
            let (a, b) = (cell_ref(r1, c1), cell_ref(r2, c2));
            sink.warn(Some(r1), Some(t.field(col)), format!("cells {a}:{b} are merged: poolplan reads the value of {a} and takes the other cells as empty; unmerge them (Home › Merge & Center) and fill in each cell"));
        }
    }
    Some(t)
}

fn cell_ref(row: usize, col: usize) -> String {
    format!("{}{row}", column_letter(col))
}

/// Keep one error per cell of a sheet: a cell that could not be read at all
/// (a date, an error value) is reported once, not again as empty. Applies
/// to `diags[from..]`, and only to sheets (CSV messages are left alone).
pub fn one_error_per_cell(diags: &mut Vec<Diagnostic>, from: usize) {
    let mut seen: HashSet<(String, usize, String)> = HashSet::new();
    let mut i = 0;
    diags.retain(|d| {
        i += 1;
        if i <= from || d.severity != Severity::Error || !d.file.ends_with(']') {
            return true;
        }
        match (d.line, &d.field) {
            (Some(l), Some(f)) => seen.insert((d.file.clone(), l, f.clone())),
            _ => true,
        }
    });
}
