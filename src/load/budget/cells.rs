//! Row-level helpers: parse a cell and report a problem at its row and column.

use crate::load::diag::Sink;
use crate::load::table::{Row, Table};
use crate::model::value::parse_id;

/// Row-level helpers: parse a cell and report a problem at its row and column.
pub(super) struct Cells<'t, 's, 'd> {
    pub table: &'t Table,
    pub sink: &'s mut Sink<'d>,
}

impl<'t> Cells<'t, '_, '_> {
    pub fn report(&mut self, row: &Row, col: &str, msg: String) {
        let field = self.table.field(col);
        self.sink.error(Some(row.line), Some(field), msg);
    }

    /// A required text cell.
    pub fn required(&mut self, row: &Row, col: &str) -> Option<&'t str> {
        let v = self.table.cell(row, col);
        if v.is_empty() {
            self.report(
                row,
                col,
                format!("\"{col}\" is empty; this column is required"),
            );
            None
        } else {
            Some(v)
        }
    }

    pub fn id(&mut self, row: &Row, col: &str) -> Option<String> {
        let v = self.required(row, col)?;
        parse_id(v).map_err(|e| self.report(row, col, e)).ok()
    }

    pub fn parsed<T>(
        &mut self,
        row: &Row,
        col: &str,
        required: bool,
        default: T,
        f: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        let v = self.table.cell(row, col);
        if v.is_empty() {
            if required {
                self.report(
                    row,
                    col,
                    format!("\"{col}\" is empty; this column is required"),
                );
                return None;
            }
            return Some(default);
        }
        f(v).map_err(|e| self.report(row, col, e)).ok()
    }
}
