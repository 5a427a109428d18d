//! Matching a table's header row: columns by name (case-insensitive,
//! trimmed, any order), duplicates and missing required columns refused,
//! unknown columns warned about. Shared by CSV files and workbook sheets.

use super::diag::{column_letter, Sink};
use std::collections::HashMap;

/// Known column name → index. A table has a handful of columns, so a linear
/// scan beats hashing the name for every cell of every row.
#[derive(Debug, Default)]
pub(super) struct ColMap(Vec<(&'static str, usize)>);

impl ColMap {
    pub(super) fn get(&self, name: &str) -> Option<&usize> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, i)| i)
    }
    fn insert(&mut self, name: &'static str, i: usize) {
        self.0.push((name, i));
    }
    pub(super) fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
    /// The known column at index `i`.
    pub(super) fn name_at(&self, i: usize) -> Option<&'static str> {
        self.0.iter().find(|(_, j)| *j == i).map(|(n, _)| *n)
    }
}

/// A matched header.
#[derive(Debug)]
pub(super) struct Header {
    pub cols: ColMap,
    /// Cells in the header row.
    pub width: usize,
    /// Columns with an empty header cell.
    pub unnamed: Vec<usize>,
}

/// Match the header cells (as written). `None` when the table cannot be
/// used (a duplicate or missing column); the reasons are in the sink.
pub(super) fn match_header(
    header: &[String],
    header_line: usize,
    sink: &mut Sink<'_>,
    required: &[&'static str],
    optional: &[&'static str],
) -> Option<Header> {
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
                    header.get(i).map(String::as_str).unwrap_or("").trim()
                )),
                format!(
                    "duplicate column name: column {} is also \"{}\" (names are matched ignoring case); each column may appear once",
                    column_letter(j),
                    header.get(j).map(String::as_str).unwrap_or("").trim()
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
                    header.get(i).map(String::as_str).unwrap_or("").trim()
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
        let found: Vec<&str> = header.iter().map(|h| h.trim()).collect();
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
    Some(Header {
        width: names.len(),
        cols,
        unnamed,
    })
}
