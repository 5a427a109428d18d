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

use super::diag::{Diagnostic, Owner, Sink};
use super::table::{read_table, Table};
use super::xlsx::Book;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

mod reader;
mod sheet;
pub use reader::{MemoryFiles, Source};
pub use sheet::one_error_per_cell;
use sheet::sheet_table;

/// The workbook a budget folder may hold.
pub const WORKBOOK: &str = "budget.xlsx";

/// Sheets poolplan never reads as tables (`poolplan new --xlsx` writes one).
const README_SHEETS: &[&str] = &["read me", "readme", "read_me"];

/// The table files of one budget folder.
pub struct TableFiles {
    src: Source,
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
    pub fn open(
        src: &Source,
        dir: &Path,
        shown_dir: &str,
        owner: Owner,
        diags: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut t = TableFiles {
            src: src.clone(),
            dir: dir.to_path_buf(),
            shown_dir: shown_dir.to_string(),
            owner,
            book: Workbook::Absent,
            used: HashSet::new(),
            asked: vec![],
            files: vec![],
        };
        let path = dir.join(WORKBOOK);
        if !t.src.exists(&path) {
            t.stray_workbooks(diags);
            return t;
        }
        let opened = t.src.read(&path).and_then(|bytes| {
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
        let mut names: Vec<String> = self
            .src
            .names(&self.dir)
            .into_iter()
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
        self.src.exists(&self.dir.join(csv)) || !matches!(self.sheet(csv), Ok(None))
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
            if self.src.exists(&path) {
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
        match self.src.read(&path) {
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
                    _ if self.src.exists(&path) => e,
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

    /// Where the loader reads from.
    pub fn src(&self) -> &Source {
        &self.src
    }

    /// Table `csv` as a CSV file that exists, when the budget has no
    /// workbook (which could hold it as a sheet): its path and shown name.
    pub fn plain_csv(&self, csv: &str) -> Option<(PathBuf, String)> {
        let path = self.dir.join(csv);
        (matches!(self.book, Workbook::Absent) && self.src.exists(&path))
            .then(|| (path, format!("{}{csv}", self.shown_dir)))
    }

    /// Note table `csv`, read elsewhere (`load::prefetch`) from `path`, as
    /// asked for and read here.
    pub fn note_read(&mut self, csv: &str, path: PathBuf) {
        self.asked
            .push(csv.strip_suffix(".csv").unwrap_or(csv).to_string());
        self.files.push(path);
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

#[cfg(test)]
mod tests;
