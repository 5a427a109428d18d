//! The Compare tab's sensitivity view (issue 18 item 4): the tornado and
//! the switching values of `poolplan sensitivity` (`analysis::sensitivity`,
//! the same tables as the CLI via `report::sensitivity`), recomputed in
//! `Derived` when the session or the scenario changes while the view is
//! open, never in `draw` (it re-projects the scenario many times).

use crate::analysis::sensitivity::{sensitivity, Sensitivity};
use crate::session::Session;

/// The view's state and its last result.
#[derive(Debug, Default)]
pub struct SensitivityView {
    /// The view is chosen (`t` on Compare).
    pub on: bool,
    /// The Compare tab is showing (set by the app before each update).
    pub active: bool,
    /// The selected input (row of the tornado).
    pub row: usize,
    /// First scrolled column.
    pub left: usize,
    key: Option<(u64, String)>,
    pub result: Option<Result<Sensitivity, String>>,
}

impl SensitivityView {
    /// Recompute when shown and stale.
    pub fn update(&mut self, s: &Session, id: &str) {
        if !(self.on && self.active) {
            return;
        }
        let key = (s.generation, id.to_string());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.result = match (s.budget_of(id), s.scenario(id)) {
            (Some(b), Some(sc)) => Some(sensitivity(b, sc).map_err(|e| e.to_string())),
            _ => None,
        };
        self.key = Some(key);
        let n = self.rows();
        self.row = self.row.min(n.saturating_sub(1));
    }

    /// Inputs in the tornado.
    pub fn rows(&self) -> usize {
        match &self.result {
            Some(Ok(s)) => s.rows.len(),
            _ => 0,
        }
    }
}
