//! Reading one CSV table: header matched by name (case-insensitive, trimmed,
//! any order), required columns checked, unknown columns warned about,
//! blank lines skipped, every cell trimmed, every row numbered as a
//! spreadsheet shows it. The header rules (`header.rs`) and the row rules
//! after the CSV text is split ([`from_rows`]) are shared with the sheets
//! of a workbook (`xlsx/`), so both give the same messages.

use super::columns::{check_cells, extra_cells, ColumnKinds, Thousands};
use super::diag::{column_letter, Sink};
use super::header::{match_header, ColMap, Header};
use super::text::{binary_line, decode};

mod from_rows;
mod store;
pub use from_rows::from_rows;
use store::Store;
pub use store::{Cells, Row, RowCells};

/// The warning for a file read as Windows-1252.
pub const WINDOWS_1252_WARNING: &str = "the file is not UTF-8; read it as Windows-1252 (Excel's \"CSV\" on Windows). Save as \"CSV UTF-8\" to be sure £ signs and accents are right";

/// A table whose known columns have been located.
#[derive(Debug)]
pub struct Table {
    pub rows: Vec<Row>,
    /// A quote was never closed: rows after it were lost (an error says so).
    pub truncated: bool,
    /// Rows too short to hold every required column (an error says so,
    /// once per row); kept so the ids they name are known to exist.
    pub short: Vec<Row>,
    cols: ColMap,
    /// Read from a workbook sheet: its cells were typed, not split from CSV
    /// text (so rules about CSV text shifting cells do not apply).
    sheet: bool,
    /// Every row's trimmed cells, in one buffer.
    store: Store,
}

impl Table {
    /// The trimmed cell of a known column, "" when absent or empty.
    pub fn cell(&self, row: &Row, name: &str) -> &str {
        self.cols
            .get(name)
            .and_then(|&i| self.store.row(row).cell(i))
            .unwrap_or("")
    }

    /// Every trimmed cell of a row.
    pub fn cells(&self, row: &Row) -> RowCells<'_> {
        self.store.row(row)
    }

    /// Whether the table is a workbook sheet rather than a CSV file.
    pub fn from_sheet(&self) -> bool {
        self.sheet
    }

    /// The known column at index `i` (0 = column A), if any.
    pub fn column_at(&self, i: usize) -> Option<&'static str> {
        self.cols.name_at(i)
    }

    /// How a column is named in messages: `column D "amount"`.
    pub fn field(&self, name: &str) -> String {
        match self.cols.get(name) {
            Some(&i) => format!("column {} \"{name}\"", column_letter(i)),
            None => format!("column \"{name}\""),
        }
    }
}

/// Read a CSV file's bytes into a table. Returns `None` when the file cannot
/// be used at all (no header, missing required columns, binary data); the
/// reasons are in the sink. Money and text columns: `ColumnKinds::STANDARD`.
pub fn read_table(
    bytes: &[u8],
    sink: &mut Sink<'_>,
    required: &[&'static str],
    optional: &[&'static str],
) -> Option<Table> {
    read_table_with(bytes, sink, required, optional, &ColumnKinds::STANDARD)
}

/// `read_table` with the table's own money and free-text columns.
pub fn read_table_with(
    bytes: &[u8],
    sink: &mut Sink<'_>,
    required: &[&'static str],
    optional: &[&'static str],
    kinds: &ColumnKinds,
) -> Option<Table> {
    let (text, was_1252) = decode(bytes);
    if let Some(line) = binary_line(&text) {
        sink.error(
            Some(line),
            None,
            "the file holds binary data or control characters, not CSV text; save it from your spreadsheet as CSV",
        );
        return None;
    }
    if was_1252 {
        sink.warn(None, None, WINDOWS_1252_WARNING);
    }
    // The csv crate numbers CRLF records one line early (it counts the LF
    // ending a record as part of the next), so lines are made LF-only (a bare
    // CR, old Mac files, ends a line too); a file without CR is not copied.
    let text = match text.contains('\r') {
        true => text.replace("\r\n", "\n").replace('\r', "\n"),
        false => text,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // One record reused for every row (a million-row file is expected).
    let mut r = csv::StringRecord::new();
    let mut next = |r: &mut _| rdr.read_record(r).map(|m| m.then_some(())).transpose();
    // The header: the first non-blank record.
    let header = loop {
        match next(&mut r) {
            None => {
                let expected = required.join(", ");
                let m =
                    format!("the file is empty; it needs a header row with the columns {expected}");
                sink.error(Some(1), None, m);
                return None;
            }
            Some(Err(e)) => {
                let line = e.position().map(|p| p.line() as usize);
                sink.error(line, None, format!("cannot read the CSV header: {e}"));
                return None;
            }
            Some(Ok(())) if r.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(())) => break r.iter().map(str::to_string).collect::<Vec<_>>(),
        }
    };
    let header_line = r.position().map(|p| p.line() as usize).unwrap_or(1);
    let head = match_header(&header, header_line, sink, required, optional)?;
    let width = head.width;
    // An unquoted thousands comma shifts CSV cells (SPEC §9 "Settled later").
    let names: Vec<String> = header
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let money: Vec<usize> = kinds
        .money
        .iter()
        .filter_map(|m| head.cols.get(m).copied())
        .collect();
    let thousands = Thousands::new(kinds, &names, money);
    let (mut rows, mut last_start, mut store) = (Vec::new(), 0, Store::default());
    while let Some(rec) = next(&mut r) {
        match rec {
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                sink.error(line, None, format!("cannot read this CSV row: {e}"));
            }
            Ok(()) => {
                if r.iter().all(|c| crate::model::text::trim(c).is_empty()) {
                    continue;
                }
                let line = r.position().map(|p| p.line() as usize).unwrap_or(0);
                last_start = r.position().map(|p| p.byte() as usize).unwrap_or(0);
                let row = store.push(line, r.iter().map(crate::model::text::trim));
                let cells = store.row(&row);
                if !thousands.check(&cells, line, sink) {
                    extra_cells(&cells, line, width, sink);
                }
                rows.push(row);
            }
        }
    }
    // A quote that is never closed swallows the rest of the file into one
    // cell of the last row.
    let unclosed = rows.last().is_some_and(|r| {
        store.row(r).iter().any(|c| c.contains('\n'))
            && text
                .get(last_start..)
                .is_some_and(|t| t.matches('"').count() % 2 == 1)
    });
    if unclosed {
        if let Some(r) = rows.pop() {
            sink.error(
                Some(r.line),
                None,
                "a quote (\") opened on this line is never closed, so everything after it to the end of the file was read as one cell; close the quote or remove it",
            );
        }
    }
    Some(finish(
        store,
        rows,
        unclosed,
        head,
        header_line,
        sink,
        required,
    ))
}

/// The checks shared by CSV files and sheets once rows are split: rows too
/// short for the required columns, and unnamed columns that hold values.
fn finish(
    store: Store,
    rows: Vec<Row>,
    truncated: bool,
    head: Header,
    header_line: usize,
    sink: &mut Sink<'_>,
    required: &[&'static str],
) -> Table {
    let Header {
        cols,
        width,
        unnamed,
    } = head;
    for r in &rows {
        check_cells(&store.row(r), cols.entries(), r.line, sink);
    }
    // A row that stops before a required column gets one message, not one
    // per empty cell.
    let needed = required
        .iter()
        .filter_map(|r| cols.get(r))
        .max()
        .map_or(0, |&i| i + 1);
    let (rows, short): (Vec<Row>, Vec<Row>) =
        rows.into_iter().partition(|r| store.row(r).len() >= needed);
    for r in &short {
        let mut absent: Vec<(usize, &str)> = required
            .iter()
            .filter_map(|name| cols.get(name).map(|&i| (i, *name)))
            .filter(|(i, _)| *i >= store.row(r).len())
            .collect();
        absent.sort_unstable();
        let names: Vec<&str> = absent.iter().map(|(_, n)| *n).collect();
        sink.error(
            Some(r.line),
            None,
            format!(
                "this row has {} cell{} but the header has {width} columns, so it gives no {}; is a comma missing, or the row cut short?",
                store.row(r).len(),
                if store.row(r).len() == 1 { "" } else { "s" },
                names.join(", ")
            ),
        );
    }
    for i in unnamed {
        if let Some(row) = rows
            .iter()
            .find(|r| store.row(r).cell(i).is_some_and(|c| !c.is_empty()))
        {
            sink.warn(
                Some(header_line),
                Some(format!("column {}", column_letter(i))),
                format!(
                    "this column has no name in the header (but has values, e.g. on line {}); it is ignored",
                    row.line
                ),
            );
        }
    }
    Table {
        rows,
        truncated,
        short,
        cols,
        sheet: false,
        store,
    }
}
