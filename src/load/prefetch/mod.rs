//! `actuals.csv` read and parsed on its own thread while the rest of the
//! budget loads (issue 14: a million-row ledger is the expected size, and
//! the budget's other tables do not depend on it). Only a CSV file is read
//! this way (with a workbook, the table could be a sheet: the ordinary path
//! reads it). The result joins the budget where the ordinary path would
//! have read it: its messages are put back at the same place among the
//! others, its file in the same place in the list, so nothing a user sees
//! changes but the time.

use super::diag::{Diagnostic, Owner, Sink};
use super::source::TableFiles;
use super::table::read_table;
use crate::model::{Actual, Monitoring, Year};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

/// The columns of actuals.csv.
pub const ACTUALS: &str = "actuals.csv";
pub const REQUIRED: &[&str] = &["service", "year", "period", "amount"];
pub const OPTIONAL: &[&str] = &["note"];

/// What the thread gives: the service column's name in messages and the
/// valid rows (`None` when the table could not be read), and its messages.
type Parsed = (Option<(String, Vec<Actual>)>, Vec<Diagnostic>);

/// actuals.csv being read on another thread.
pub struct Prefetch {
    pub path: PathBuf,
    shown: String,
    job: Option<JoinHandle<Parsed>>,
    again: Arc<dyn Fn() -> Parsed + Send + Sync>,
    /// Where among the budget's messages its own go, and where among the
    /// monitoring files its file goes (set by `monitoring::load`).
    pub at: Option<(usize, usize)>,
}

// Tests turn the thread off to compare with the ordinary path.
#[cfg(test)]
thread_local! {
    pub static OFF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Start reading actuals.csv, when it is a CSV file that reads.
pub fn start(
    source: &TableFiles,
    owner: &Owner,
    horizon: Option<(Year, usize)>,
) -> Option<Prefetch> {
    #[cfg(test)]
    if OFF.with(std::cell::Cell::get) {
        return None;
    }
    let (path, shown) = source.plain_csv(ACTUALS)?;
    let bytes: Arc<[u8]> = source.src().read(&path).ok()?.into();
    let (owner, file) = (owner.clone(), shown.clone());
    let run = move || -> Parsed {
        let mut out = vec![];
        let mut sink = Sink {
            out: &mut out,
            owner: owner.clone(),
            file: file.clone(),
        };
        let parsed = read_table(&bytes, &mut sink, REQUIRED, OPTIONAL).map(|t| {
            let rows = super::actuals::actuals(&t, &mut sink, horizon);
            (t.field("service"), rows)
        });
        (parsed, out)
    };
    let again: Arc<dyn Fn() -> Parsed + Send + Sync> = Arc::new(run);
    let job = {
        let run = again.clone();
        std::thread::Builder::new()
            .name("actuals".into())
            .spawn(move || run())
            .ok()
    };
    Some(Prefetch {
        path,
        shown,
        job,
        again,
        at: None,
    })
}

impl Prefetch {
    /// The result into `m`, its messages at their place in `diags`.
    pub fn join(self, m: &mut Monitoring, diags: &mut Vec<Diagnostic>) {
        let Some((at, file_at)) = self.at else {
            return;
        };
        // A panic on the thread would be a bug; parse here instead.
        let (parsed, out) = match self.job.map(JoinHandle::join) {
            Some(Ok(r)) => r,
            _ => (self.again)(),
        };
        let at = at.min(diags.len());
        diags.splice(at..at, out);
        if let Some((field, rows)) = parsed {
            // As the ordinary path does: a monitoring file once it reads as a table.
            m.files.insert(file_at.min(m.files.len()), self.path);
            m.actuals_file = self.shown;
            m.service_field = field;
            m.actuals = rows;
        }
    }
}

#[cfg(test)]
mod tests;
