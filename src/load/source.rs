//! Where a budget's tables come from: a CSV file (`services.csv`) or a
//! sheet of the budget's workbook (`budget.xlsx`, sheet `services`, the
//! name matched ignoring case). The budget loader asks for a table by its
//! file name and gets the same [`Table`] either way, so every table, those
//! added later included, can be a sheet without more code.
//!
//! Messages about a sheet name the workbook and sheet as their file
//! (`budgets/ct/budget.xlsx [services]`); `Diagnostic`'s display then shows
//! the cell (`G14`). A table given both as a CSV file and as a sheet is an
//! error, and neither is read.

use super::diag::{column_letter, Diagnostic, Owner, Severity, Sink};
use super::read_file;
use super::table::{from_rows, read_table, Table};
use super::xlsx::Book;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The workbook a budget folder may hold.
pub const WORKBOOK: &str = "budget.xlsx";

/// Sheets poolplan never reads as tables (`poolplan new --xlsx` writes one).
const README_SHEETS: &[&str] = &["read me", "readme", "read_me"];

/// The table files of one budget folder.
pub struct TableFiles {
    dir: PathBuf,
    /// `budgets/<id>/`.
    shown_dir: String,
    owner: Owner,
    book: Workbook,
    used: HashSet<usize>,
    asked: Vec<String>,
    files: Vec<PathBuf>,
}

enum Workbook {
    Absent,
    /// The workbook exists but cannot be read (an error says why).
    Broken,
    Open(Box<Book>),
}

impl TableFiles {
    /// Look at a budget folder, opening its workbook if it has one.
    pub fn open(dir: &Path, shown_dir: &str, owner: Owner, diags: &mut Vec<Diagnostic>) -> Self {
        let mut t = TableFiles {
            dir: dir.to_path_buf(),
            shown_dir: shown_dir.to_string(),
            owner,
            book: Workbook::Absent,
            used: HashSet::new(),
            asked: vec![],
            files: vec![],
        };
        let path = dir.join(WORKBOOK);
        if !path.exists() {
            t.stray_workbooks(diags);
            return t;
        }
        let opened = read_file(&path).and_then(|bytes| {
            t.files.push(path.clone());
            Book::open(bytes)
        });
        t.book = match opened {
            Ok(b) => Workbook::Open(Box::new(b)),
            Err(e) => {
                let file = format!("{}{WORKBOOK}", t.shown_dir);
                t.sink(diags, file).error(None, None, e);
                Workbook::Broken
            }
        };
        t
    }

    /// A workbook under another name (`Budget.xlsx`, `budget 2025.xlsx`)
    /// is not read; say so rather than leave the user wondering.
    fn stray_workbooks(&self, diags: &mut Vec<Diagnostic>) {
        let Ok(rd) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut names: Vec<String> = rd
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.to_ascii_lowercase().ends_with(".xlsx") && !n.starts_with("~$"))
            .collect();
        names.sort();
        for n in names {
            let file = format!("{}{n}", self.shown_dir);
            self.sink(diags, file).warn(None, None, format!("this workbook is not read: poolplan reads a budget's tables from {WORKBOOK} (or from CSV files); rename it to {WORKBOOK} to use it"));
        }
    }

    fn sink<'d>(&self, diags: &'d mut Vec<Diagnostic>, file: String) -> Sink<'d> {
        Sink {
            out: diags,
            owner: self.owner.clone(),
            file,
        }
    }

    /// The sheet for a table file name (`services.csv` → sheet `services`):
    /// `Err` names the sheets when two match.
    fn sheet(&self, csv: &str) -> Result<Option<usize>, Vec<String>> {
        let Workbook::Open(book) = &self.book else {
            return Ok(None);
        };
        let stem = csv.strip_suffix(".csv").unwrap_or(csv);
        let found: Vec<usize> = (0..book.sheets.len())
            .filter(|&i| book.sheets[i].name.trim().eq_ignore_ascii_case(stem))
            .collect();
        match found.as_slice() {
            [] => Ok(None),
            [i] => Ok(Some(*i)),
            many => Err(many.iter().map(|&i| book.sheets[i].name.clone()).collect()),
        }
    }

    /// Whether the table is given at all (as a file or a sheet).
    pub fn exists(&self, csv: &str) -> bool {
        self.dir.join(csv).exists() || !matches!(self.sheet(csv), Ok(None))
    }

    /// Read table `csv` (e.g. `services.csv`) from its file or its sheet:
    /// the table and the name its messages use. `need` says what the
    /// budget needs, for a table that is missing.
    pub fn table(
        &mut self,
        csv: &str,
        need: &str,
        required: &[&'static str],
        optional: &[&'static str],
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(Table, String)> {
        self.asked
            .push(csv.strip_suffix(".csv").unwrap_or(csv).to_string());
        let book_file = format!("{}{WORKBOOK}", self.shown_dir);
        let sheet = match self.sheet(csv) {
            Ok(s) => s,
            Err(names) => {
                let shown: Vec<String> = names.iter().map(|n| format!("[{n}]")).collect();
                self.sink(diags, book_file).error(None, None, format!("{} sheets could be the {csv} table: {}; sheet names are matched ignoring case, so rename or delete all but one", names.len(), shown.join(", ")));
                return None;
            }
        };
        let path = self.dir.join(csv);
        if let Some(i) = sheet {
            self.used.insert(i);
            let Workbook::Open(book) = &mut self.book else {
                return None;
            };
            let name = book.sheets[i].name.clone();
            let file = format!("{book_file} [{name}]");
            if path.exists() {
                let message = format!("the {} table is given twice, as {csv} and as this sheet of {WORKBOOK}; delete one of them (neither is read until then)", csv.trim_end_matches(".csv"));
                self.sink(diags, file).error(None, None, message);
                return None;
            }
            let mut sink = Sink {
                out: diags,
                owner: self.owner.clone(),
                file: file.clone(),
            };
            let t = sheet_table(book, i, &mut sink, required, optional)?;
            return Some((t, file));
        }
        let shown = format!("{}{csv}", self.shown_dir);
        match read_file(&path) {
            Ok(bytes) => {
                self.files.push(path);
                let t = read_table(
                    &bytes,
                    &mut self.sink(diags, shown.clone()),
                    required,
                    optional,
                )?;
                Some((t, shown))
            }
            Err(e) => {
                let message = match &self.book {
                    _ if path.exists() => e,
                    // The workbook's own error explains the missing table.
                    Workbook::Broken => return None,
                    Workbook::Open(_) => format!(
                        "{e}, and {WORKBOOK} has no sheet \"{}\"; {need}",
                        csv.trim_end_matches(".csv")
                    ),
                    Workbook::Absent => format!("{e}; {need}"),
                };
                self.sink(diags, shown).error(None, None, message);
                None
            }
        }
    }

    /// How many files have been read so far (see `files_since`).
    pub fn files_read(&self) -> usize {
        self.files.len()
    }

    /// The files read since `files_read` returned `from`.
    pub fn files_since(&self, from: usize) -> Vec<PathBuf> {
        self.files
            .get(from..)
            .map(<[PathBuf]>::to_vec)
            .unwrap_or_default()
    }

    /// The files read (for provenance and live reload), after a warning
    /// for any sheet whose name is close to a table's but not one.
    pub fn finish(self, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
        if let Workbook::Open(book) = &self.book {
            let asked: Vec<&str> = self.asked.iter().map(String::as_str).collect();
            for (i, s) in book.sheets.iter().enumerate() {
                let lower = s.name.trim().to_ascii_lowercase();
                if self.used.contains(&i) || README_SHEETS.contains(&lower.as_str()) {
                    continue;
                }
                if let Some(t) = crate::model::value::did_you_mean(&lower, &asked) {
                    let file = format!("{}{WORKBOOK} [{}]", self.shown_dir, s.name);
                    self.sink(diags, file).warn(None, None, format!("this sheet is not read: poolplan reads the sheets named after its tables; did you mean \"{t}\"?"));
                }
            }
        }
        self.files
    }
}

/// A sheet as a table: the shared row rules, then the cells that could not
/// be read (in the columns poolplan reads) and merged ranges over data.
fn sheet_table(
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
