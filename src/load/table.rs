//! Reading one CSV table: header matched by name (case-insensitive, trimmed,
//! any order), required columns checked, unknown columns warned about,
//! blank lines skipped, every cell trimmed, every row numbered as a
//! spreadsheet shows it.

use super::columns::{check_cells, ColumnKinds, Thousands};
use super::diag::{column_letter, Sink};
use super::text::{binary_line, decode};
use std::collections::HashMap;

/// The warning for a file read as Windows-1252.
pub const WINDOWS_1252_WARNING: &str = "the file is not UTF-8; read it as Windows-1252 (Excel's \"CSV\" on Windows). Save as \"CSV UTF-8\" to be sure £ signs and accents are right";

/// Known column name → index. A table has a handful of columns, so a linear
/// scan beats hashing the name for every cell of every row.
#[derive(Debug, Default)]
struct ColMap(Vec<(&'static str, usize)>);

impl ColMap {
    fn get(&self, name: &str) -> Option<&usize> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, i)| i)
    }
    fn insert(&mut self, name: &'static str, i: usize) {
        self.0.push((name, i));
    }
    fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

/// One data row: its spreadsheet line and its trimmed cells.
#[derive(Debug)]
pub struct Row {
    pub line: usize,
    cells: Vec<String>,
}

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
}

impl Table {
    /// The trimmed cell of a known column, "" when absent or empty.
    pub fn cell<'r>(&self, row: &'r Row, name: &str) -> &'r str {
        self.cols
            .get(name)
            .and_then(|&i| row.cells.get(i))
            .map(String::as_str)
            .unwrap_or("")
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
/// reasons are in the sink. Money and free-text columns are known by name
/// (`ColumnKinds::STANDARD`).
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
    // The csv crate numbers the records of a CRLF file one line early (it
    // counts the LF that ends a record as part of the next one), so lines
    // are made LF-only before reading; a bare CR (old Mac files) ends a
    // line too.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = rdr.records();
    // The header: the first non-blank record.
    let header = loop {
        match records.next() {
            None => {
                let expected = required.join(", ");
                sink.error(
                    Some(1),
                    None,
                    format!("the file is empty; it needs a header row with the columns {expected}"),
                );
                return None;
            }
            Some(Err(e)) => {
                let line = e.position().map(|p| p.line() as usize);
                sink.error(line, None, format!("cannot read the CSV header: {e}"));
                return None;
            }
            Some(Ok(r)) if r.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(r)) => break r,
        }
    };
    let header_line = header.position().map(|p| p.line() as usize).unwrap_or(1);
    let names: Vec<String> = header
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let mut cols = ColMap::default();
    let mut ok = true;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut unnamed = vec![];
    let mut unknown_columns = vec![];
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            // Excel leaves empty header cells after the last column; they
            // matter only if something is written below them.
            unnamed.push(i);
            continue;
        }
        if let Some(&j) = seen.get(name.as_str()) {
            sink.error(
                Some(header_line),
                Some(format!(
                    "column {} \"{}\"",
                    column_letter(i),
                    header.get(i).unwrap_or("").trim()
                )),
                format!(
                    "duplicate column name: column {} is also \"{}\" (names are matched ignoring case); each column may appear once",
                    column_letter(j),
                    header.get(j).unwrap_or("").trim()
                ),
            );
            ok = false;
            continue;
        }
        seen.insert(name.as_str(), i);
        if let Some(known) = required.iter().chain(optional).find(|k| **k == name) {
            cols.insert(known, i);
        } else {
            let known: Vec<&str> = required.iter().chain(optional).copied().collect();
            let hint = match crate::model::value::did_you_mean(name, &known) {
                Some(k) => format!("; did you mean \"{k}\"?"),
                None => String::new(),
            };
            unknown_columns.push((
                format!(
                    "column {} \"{}\"",
                    column_letter(i),
                    header.get(i).unwrap_or("").trim()
                ),
                format!("unknown column, ignored{hint}"),
            ));
        }
    }
    let missing: Vec<&str> = required
        .iter()
        .filter(|r| !cols.contains_key(r))
        .copied()
        .collect();
    if !missing.is_empty() {
        let found: Vec<&str> = header.iter().map(str::trim).collect();
        let separator = [(';', "semicolons (;)"), ('\t', "tabs")]
            .into_iter()
            .find(|(c, _)| found.iter().any(|h| h.contains(*c)));
        if separator.is_some() {
            // The whole header is one cell: its "unknown column" is no news.
            unknown_columns.clear();
        }
        let hint = match separator {
            Some((_, what)) => format!(". The header seems to use {what} between columns; poolplan reads comma-separated files: in Excel, save as \"CSV UTF-8 (Comma delimited)\""),
            None => String::new(),
        };
        sink.error(
            Some(header_line),
            None,
            format!(
                "missing required column{} {}; the header must name the columns {} (and optionally {}); found: {}{hint}",
                if missing.len() > 1 { "s" } else { "" },
                missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", "),
                required.join(", "),
                if optional.is_empty() { "nothing else".into() } else { optional.join(", ") },
                found.join(", ")
            ),
        );
        ok = false;
    }
    for (field, message) in unknown_columns {
        sink.warn(Some(header_line), Some(field), message);
    }
    if !ok {
        return None;
    }
    let width = names.len();
    let money: Vec<usize> = kinds
        .money
        .iter()
        .filter_map(|m| cols.get(m).copied())
        .collect();
    let thousands = Thousands::new(kinds, &names, money);
    let mut rows = Vec::new();
    let mut last_start = 0;
    for rec in records {
        match rec {
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                sink.error(line, None, format!("cannot read this CSV row: {e}"));
            }
            Ok(r) => {
                if r.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let line = r.position().map(|p| p.line() as usize).unwrap_or(0);
                last_start = r.position().map(|p| p.byte() as usize).unwrap_or(0);
                let cells: Vec<String> = r.iter().map(|c| c.trim().to_string()).collect();
                let split = thousands.check(&cells, line, sink);
                if !split && r.len() > width && r.iter().skip(width).any(|c| !c.trim().is_empty()) {
                    sink.warn(
                        Some(line),
                        Some(format!("column {}", column_letter(width))),
                        format!(
                            "this row has {} cells but the header has {width} columns; the extra cells are ignored",
                            r.len()
                        ),
                    );
                }
                rows.push(Row { line, cells });
            }
        }
    }
    // A quote that is never closed swallows the rest of the file into one
    // cell of the last row.
    let unclosed = rows.last().is_some_and(|r| {
        r.cells.iter().any(|c| c.contains('\n'))
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
    for r in &rows {
        check_cells(&r.cells, &cols.0, r.line, sink);
    }
    // A row that stops before a required column gets one message, not one
    // per empty cell.
    let needed = required
        .iter()
        .filter_map(|r| cols.get(r))
        .max()
        .map_or(0, |&i| i + 1);
    let (rows, short): (Vec<Row>, Vec<Row>) =
        rows.into_iter().partition(|r| r.cells.len() >= needed);
    for r in &short {
        let mut absent: Vec<(usize, &str)> = required
            .iter()
            .filter_map(|name| cols.get(name).map(|&i| (i, *name)))
            .filter(|(i, _)| *i >= r.cells.len())
            .collect();
        absent.sort_unstable();
        let names: Vec<&str> = absent.iter().map(|(_, n)| *n).collect();
        sink.error(
            Some(r.line),
            None,
            format!(
                "this row has {} cell{} but the header has {width} columns, so it gives no {}; is a comma missing, or the row cut short?",
                r.cells.len(),
                if r.cells.len() == 1 { "" } else { "s" },
                names.join(", ")
            ),
        );
    }
    for i in unnamed {
        if let Some(row) = rows
            .iter()
            .find(|r| r.cells.get(i).is_some_and(|c| !c.is_empty()))
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
    Some(Table {
        rows,
        truncated: unclosed,
        short,
        cols,
    })
}
