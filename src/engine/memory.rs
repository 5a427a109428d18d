//! The engine's largest buffer, the service lines of a projection: kept
//! for reuse by the thread that projects the next scenario. It changes no
//! value.

use super::{Projection, ServiceLine};
use std::cell::RefCell;

thread_local! {
    /// Lines a finished projection gave back (`recycle`), empty, for the
    /// next projection made on this thread.
    static SPARE: RefCell<Vec<ServiceLine>> = const { RefCell::new(Vec::new()) };
}

/// `len` lines for `line::build` to fill (each is reset first: they may
/// hold an earlier projection's lines), in the buffer this thread was given
/// back if it is large enough. Fresh memory is what a national
/// model pays most for: 20 scenarios × 100,000 lines of 1.4 KB each is
/// 2.8 GB of pages the system must find and clear, where one buffer
/// reused is 140 MB.
pub fn lines(len: usize) -> Vec<ServiceLine> {
    let mut v = SPARE.with(|s| s.take());
    if v.capacity() < len {
        v = Vec::with_capacity(len);
    }
    v.truncate(len);
    v.resize_with(len, ServiceLine::default);
    v
}

/// Give a projection's lines back for the next projection on this thread
/// (multi-scenario commands call it once they have read the projection).
pub fn recycle(p: Projection) {
    // The lines keep what they held: `line::build` resets each before
    // filling it, and reuses its strings' memory.
    let v = p.services;
    SPARE.with(|s| {
        if s.borrow().capacity() < v.capacity() {
            *s.borrow_mut() = v;
        }
    });
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
    }
}
