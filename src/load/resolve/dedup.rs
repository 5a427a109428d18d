//! Diagnostics found again when each child of a scenario is resolved.

use crate::load::diag::Diagnostic;
use std::collections::HashSet;

/// Keep one of each identical diagnostic (a parent's problem is found again
/// when each child is resolved).
pub fn dedup(diags: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    diags.retain(|d| seen.insert(d.to_string()));
}
