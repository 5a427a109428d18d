//! Reading one CSV table: header matched by name (case-insensitive, trimmed,
//! any order), required columns checked, unknown columns warned about,
//! blank lines skipped, every cell trimmed, every row numbered as a
//! spreadsheet shows it.

use super::diag::{column_letter, Sink};
use super::text::{binary_line, decode};
use std::collections::HashMap;

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
    cols: HashMap<&'static str, usize>,
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
/// reasons are in the sink.
pub fn read_table(
    bytes: &[u8],
    sink: &mut Sink<'_>,
    required: &[&'static str],
    optional: &[&'static str],
) -> Option<Table> {
    let (text, was_1252) = decode(bytes);
    if was_1252 {
        sink.warn(
            None,
            None,
            "the file is not UTF-8; read it as Windows-1252 (Excel's \"CSV\" on Windows). Save as \"CSV UTF-8\" to be sure £ signs and accents are right",
        );
    }
    if let Some(line) = binary_line(&text) {
        sink.error(
            Some(line),
            None,
            "the file holds binary data or control characters, not CSV text; save it from your spreadsheet as CSV",
        );
        return None;
    }
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
    let mut cols = HashMap::new();
    let mut ok = true;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        if let Some(&j) = seen.get(name.as_str()) {
            sink.error(
                Some(header_line),
                Some(format!("column {} \"{name}\"", column_letter(i))),
                format!(
                    "duplicate column name (also column {}); each column may appear once",
                    column_letter(j)
                ),
            );
            ok = false;
            continue;
        }
        seen.insert(name.as_str(), i);
        if let Some(known) = required.iter().chain(optional).find(|k| **k == name) {
            cols.insert(*known, i);
        } else if name.is_empty() {
            sink.warn(
                Some(header_line),
                Some(format!("column {}", column_letter(i))),
                "a column with no name is ignored",
            );
        } else {
            let known: Vec<&str> = required.iter().chain(optional).copied().collect();
            let hint = match crate::model::value::did_you_mean(name, &known) {
                Some(k) => format!("; did you mean \"{k}\"?"),
                None => String::new(),
            };
            sink.warn(
                Some(header_line),
                Some(format!(
                    "column {} \"{}\"",
                    column_letter(i),
                    header.get(i).unwrap_or("").trim()
                )),
                format!("unknown column, ignored{hint}"),
            );
        }
    }
    let missing: Vec<&str> = required
        .iter()
        .filter(|r| !cols.contains_key(*r))
        .copied()
        .collect();
    if !missing.is_empty() {
        let found: Vec<&str> = header.iter().map(str::trim).collect();
        sink.error(
            Some(header_line),
            None,
            format!(
                "missing required column{} {}; the header must name the columns {} (and optionally {}); found: {}",
                if missing.len() > 1 { "s" } else { "" },
                missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", "),
                required.join(", "),
                if optional.is_empty() { "nothing else".into() } else { optional.join(", ") },
                found.join(", ")
            ),
        );
        ok = false;
    }
    if !ok {
        return None;
    }
    let width = names.len();
    let mut rows = Vec::new();
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
                if r.len() > width && r.iter().skip(width).any(|c| !c.trim().is_empty()) {
                    sink.warn(
                        Some(line),
                        Some(format!("column {}", column_letter(width))),
                        format!(
                            "this row has {} cells but the header has {width} columns; the extra cells are ignored",
                            r.len()
                        ),
                    );
                }
                rows.push(Row {
                    line,
                    cells: r.iter().map(|c| c.trim().to_string()).collect(),
                });
            }
        }
    }
    Some(Table { rows, cols })
}
