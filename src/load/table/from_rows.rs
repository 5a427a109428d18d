//! A table from a workbook sheet's rows (already split into cells).

use super::store::{Row, Store};
use super::{finish, Table};
use crate::load::columns::extra_cells;
use crate::load::diag::Sink;
use crate::load::header::match_header;

/// A table from rows already split into cells (a workbook sheet): the
/// header is the first non-blank row; blank rows are skipped; every cell
/// is trimmed. `empty` is the message for a table with no header.
pub fn from_rows(
    rows: Vec<(usize, Vec<String>)>,
    sink: &mut Sink<'_>,
    required: &[&'static str],
    optional: &[&'static str],
    empty: &str,
) -> Option<Table> {
    // A byte-order mark pasted into a cell is no part of its text.
    let clean = |c: &str| c.trim().trim_start_matches('\u{feff}').trim().to_string();
    let mut rows = rows.into_iter().filter_map(|(line, cells)| {
        let cells: Vec<String> = cells.iter().map(|c| clean(c)).collect();
        (!cells.iter().all(String::is_empty)).then_some((line, cells))
    });
    let Some((header_line, header)) = rows.next() else {
        sink.error(
            Some(1),
            None,
            format!(
                "{empty}; it needs a header row with the columns {}",
                required.join(", ")
            ),
        );
        return None;
    };
    let head = match_header(&header, header_line, sink, required, optional)?;
    let mut store = Store::default();
    let rows: Vec<Row> = rows
        .map(|(line, cells)| {
            extra_cells(&cells, line, head.width, sink);
            let mut r = store.push(line, cells.iter().map(String::as_str));
            // A sheet's row ends at its last filled cell: it is never short.
            store.pad_last(&mut r, head.width.saturating_sub(cells.len()));
            r
        })
        .collect();
    let mut t = finish(store, rows, false, head, header_line, sink, required);
    t.sheet = true;
    Some(t)
}
