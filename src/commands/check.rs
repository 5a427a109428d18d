//! `poolplan check`: validate every budget and scenario.

use super::{print_diagnostics, workspace, INVALID, OK};
use crate::load::check_all;
use std::path::Path;

pub fn run(dir: Option<&Path>) -> u8 {
    let root = match workspace(dir) {
        Ok(r) => r,
        Err(c) => return c,
    };
    let (diags, budgets, scenarios) = check_all(&root);
    print_diagnostics(&diags);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let summary = format!(
        "{} budget{}, {} scenario{}: {errors} error{}, {warnings} warning{}",
        budgets,
        if budgets == 1 { "" } else { "s" },
        scenarios,
        if scenarios == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    );
    if errors > 0 {
        eprintln!("check failed: {summary}");
        INVALID
    } else {
        eprintln!("check passed: {summary}");
        OK
    }
}
