//! A hint to the operating system for the engine's largest buffers.

/// Ask for transparent huge pages under a large, not yet touched vector's
/// spare capacity (Linux `madvise(MADV_HUGEPAGE)`): a projection of a
/// national model fills ~10^8 bytes of fresh memory, and faulting it in
/// 4 KiB pages cost more than filling it. Only a hint: it changes no value,
/// and where it is refused (or on other systems) nothing happens.
pub fn huge_pages<T>(v: &mut Vec<T>) {
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
