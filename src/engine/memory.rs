//! The engine's largest buffer, the service lines of a projection: given
//! back when a projection has been read, and reused by the next. It
//! changes no value.

use super::{Projection, ServiceLine};
use std::sync::Mutex;

/// Line buffers finished projections gave back (`recycle`), for the next
/// projections on any thread: as many as there are cores, so each of
/// `parallel::project_each`'s workers keeps one, and the TUI's worker
/// reuses the buffer of the projection its result replaced.
static SPARE: Mutex<Vec<Vec<ServiceLine>>> = Mutex::new(Vec::new());

/// `len` lines for `line::build` to fill (each is reset first: they may
/// hold an earlier projection's lines), in a buffer given back if one is
/// large enough. Fresh memory is what a national model pays most for:
/// 20 scenarios × 100,000 lines of 1.4 KB each is 2.8 GB of pages the
/// system must find and clear, where a buffer reused is 140 MB.
pub fn lines(len: usize) -> Vec<ServiceLine> {
    let mut v = SPARE
        .lock()
        .ok()
        .and_then(|mut s| s.pop())
        .unwrap_or_default();
    if v.capacity() < len {
        v = Vec::with_capacity(len);
    }
    v.truncate(len);
    v.resize_with(len, ServiceLine::default);
    v
}

/// Give a projection's lines back for a later projection (multi-scenario
/// commands call it once they have read a projection; the session when a
/// projection is replaced). The lines keep what they held: `line::build`
/// resets each before filling it, and reuses its strings' memory.
pub fn recycle(p: Projection) {
    let v = p.services;
    if let Ok(mut s) = SPARE.lock() {
        if s.len() < super::parallel::cores() {
            s.push(v);
        }
    }
}

impl ServiceLine {
    /// Empty every field, keeping the strings' and vectors' memory.
    pub(crate) fn reset(&mut self) {
        // Every field by name: a field added to `ServiceLine` must be reset here.
        let ServiceLine {
            id,
            name,
            pool,
            category,
            unit,
            outcome,
            provider,
            runs,
            unit_cost,
            volume,
            cost,
            outcome_rate,
            outcomes,
            benefit,
            value_rows,
            benefit_to,
            commissioned,
            pool_at,
        } = self;
        for s in [id, name, pool, category, unit, outcome] {
            s.clear();
        }
        provider.clear();
        runs.clear();
        for x in [unit_cost, volume, cost, outcome_rate, outcomes, benefit] {
            x.clear();
        }
        value_rows.clear();
        benefit_to.clear();
        *commissioned = false;
        *pool_at = None;
    }
}
