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

/// `len` empty lines (`ServiceLine::default()`), in the buffer this thread
/// was given back if it is large enough. Fresh memory is what a national
/// model pays most for: 20 scenarios × 100,000 lines of 1.4 KB each is
/// 2.8 GB of pages the system must find and clear, where one buffer
/// reused is 140 MB.
pub fn lines(len: usize) -> Vec<ServiceLine> {
    let mut v = SPARE.with(|s| s.take());
    if v.capacity() < len {
        v = Vec::with_capacity(len);
    }
    v.resize_with(len, ServiceLine::default);
    v
}

/// Give a projection's lines back for the next projection on this thread
/// (multi-scenario commands call it once they have read the projection).
pub fn recycle(p: Projection) {
    let mut v = p.services;
    v.clear();
    SPARE.with(|s| {
        if s.borrow().capacity() < v.capacity() {
            *s.borrow_mut() = v;
        }
    });
}
