//! Reading `budget.xlsx` (SPEC §13) with the `zip` and `quick-xml` crates:
//! the workbook's sheets become rows of cell texts that the CSV table rules
//! (`load::table`) check exactly as they check a CSV file.
//!
//! calamine is not used to read: it drops every cell's number format, and a
//! cell typed `7.5%` holds the number 0.075, so a percentage would be read
//! 100 times too small. The sheet XML carries each cell's style index (`s`)
//! and `xl/styles.xml` maps it to a number format, so both are read here.

pub mod book;
pub mod cell;
pub mod sheet;
pub mod styles;
mod xml;

pub use book::Book;
use std::collections::BTreeMap;

/// A cell that could not be read: 1-based row, 0-based column, why.
#[derive(Debug, Clone)]
pub struct Problem {
    pub row: usize,
    pub col: usize,
    pub message: String,
}

/// One sheet as rows of cell texts (a cell that could not be read is
/// empty here and listed in `problems`).
#[derive(Debug, Default)]
pub struct SheetRows {
    /// (row number, cells from column A), in row order.
    pub rows: Vec<(usize, Vec<String>)>,
    pub problems: Vec<Problem>,
    /// Merged ranges as (first row, first column, last row, last column).
    pub merges: Vec<(usize, usize, usize, usize)>,
}

impl Book {
    /// Read sheet `i` of [`Book::sheets`].
    pub fn rows(&mut self, i: usize) -> Result<SheetRows, String> {
        let info = self.sheets.get(i).cloned().ok_or("no such sheet")?;
        let path = info.path.ok_or_else(|| {
            "the workbook lists this sheet but holds no cells for it (is it a chart sheet?)"
                .to_string()
        })?;
        let bytes = self
            .part(&path)?
            .ok_or_else(|| format!("the workbook lists this sheet but has no {path}; open it in Excel and save it again"))?;
        let parsed = sheet::parse(&bytes, &self.strings)?;
        let mut rows: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut problems = vec![];
        for c in parsed.cells {
            // Beyond Excel's last column (a damaged or hostile file).
            if c.col >= 1 << 14 {
                continue;
            }
            let text = match cell::text(&c.raw, c.style, &self.styles, self.date1904) {
                Ok(t) => t,
                Err(message) => {
                    problems.push(Problem {
                        row: c.row,
                        col: c.col,
                        message,
                    });
                    String::new()
                }
            };
            let row = rows.entry(c.row).or_default();
            if row.len() <= c.col {
                if text.is_empty() {
                    continue;
                }
                row.resize(c.col + 1, String::new());
            }
            row[c.col] = text;
        }
        let merges = parsed
            .merges
            .iter()
            .filter_map(|m| {
                let (a, b) = m.split_once(':').unwrap_or((m, m));
                let (r1, c1) = sheet::parse_ref(a)?;
                let (r2, c2) = sheet::parse_ref(b)?;
                Some((r1.min(r2), c1.min(c2), r1.max(r2), c1.max(c2)))
            })
            .collect();
        Ok(SheetRows {
            rows: rows.into_iter().collect(),
            problems,
            merges,
        })
    }
}
