//! The engine's largest buffer, the service lines of a projection: kept
//! for reuse by the thread that projects the next scenario, and placed on
//! huge pages when new. Neither changes any value.

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
        huge_pages(&mut v);
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

/// Ask for transparent huge pages under a large, not yet touched vector's
/// spare capacity (Linux `madvise(MADV_HUGEPAGE)`): a projection of a
/// national model fills ~10^8 bytes of fresh memory, and faulting it in
/// 4 KiB pages cost more than filling it. Only a hint: it changes no value,
/// and where it is refused (or on other systems) nothing happens.
fn huge_pages<T>(v: &mut Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let bytes = v.capacity().saturating_sub(v.len()) * std::mem::size_of::<T>();
        if bytes < 4 * HUGE {
            return;
        }
        let start = v.as_mut_ptr().wrapping_add(v.len()) as usize;
        let first = start.next_multiple_of(HUGE);
        let end = (start + bytes) / HUGE * HUGE;
        if end > first {
            // SAFETY: the range lies inside the vector's own allocation;
            // madvise with MADV_HUGEPAGE reads and writes no memory.
            unsafe {
                libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
            }
        }
    }
}
