//! What every table loader of a budget shares: where problems go, the ids
//! each file declares, and the duplicate-id check.

use super::cells::Cells;
use crate::load::diag::{Diagnostic, Owner, Sink};
use crate::load::refs::Declared;
use crate::load::table::Row;
use std::collections::HashMap;

pub(super) struct Ctx<'d, 'k> {
    pub(super) diags: &'d mut Vec<Diagnostic>,
    pub(super) owner: Owner,
    pub(super) declared: &'k Declared,
    /// Each loaded pool's line and the column of its risk_share cell.
    pub(super) pool_lines: HashMap<String, (usize, String)>,
}

impl Ctx<'_, '_> {
    pub(super) fn sink(&mut self, file: &str) -> Sink<'_> {
        Sink {
            out: self.diags,
            owner: self.owner.clone(),
            file: file.to_string(),
        }
    }

    pub(super) fn dup_check(
        c: &mut Cells,
        seen: &mut HashMap<String, usize>,
        row: &Row,
        col: &str,
        id: &str,
    ) -> bool {
        if let Some(first) = seen.get(id) {
            c.report(row, col, duplicate(id, *first));
            false
        } else {
            seen.insert(id.to_string(), row.line);
            true
        }
    }
}

/// The message for an id used again in its table (first on line `first`).
pub(super) fn duplicate(id: &str, first: usize) -> String {
    format!("duplicate id \"{id}\" (first used on line {first}); ids must be unique in the table")
}
