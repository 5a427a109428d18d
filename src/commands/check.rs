//! `poolplan check`: validate every budget and scenario. When the files are
//! valid, every scenario is also projected, so a figure that outgrows exact
//! arithmetic or a lever that drives a value negative is found by `check`,
//! not first by `export`.

use super::{print_diagnostics, workspace, INVALID, OK};
use crate::engine::parallel::project_each_with;
use crate::engine::project_money;
use crate::load::{check_all_resolved, Diagnostic, Owner, Severity};
use std::path::Path;

pub fn run(dir: Option<&Path>) -> u8 {
    let root = match workspace(dir) {
        Ok(r) => r,
        Err(c) => return c,
    };
    let (ws, resolved) = check_all_resolved(&root);
    let (budgets, scenarios) = (ws.budgets.len(), ws.scenario_ids.len());
    let mut diags = ws.diagnostics;
    if !diags.iter().any(Diagnostic::is_error) {
        // On all cores, each projection dropped as soon as it is made (the
        // same memory bound as the exports it vouches for). `check` reports
        // only a projection's warnings and error, which `project_money`
        // gives exactly as the whole projection (it skips the benefit
        // passes only where it proves they cannot fail).
        let results = project_each_with(
            &ws.budgets,
            &resolved,
            project_money,
            &crate::engine::recycle,
        );
        for (s, r) in resolved.iter().zip(results) {
            let file = ws
                .sources
                .get(&s.id)
                .map(|src| src.shown.clone())
                .unwrap_or_else(|| format!("scenarios/{}.toml", s.id));
            let diag = |severity, message| Diagnostic {
                severity,
                owner: Owner::Scenario(s.id.clone()),
                file: file.clone(),
                line: None,
                col: None,
                field: None,
                message,
            };
            match r {
                // The projection's warnings (a volume floored at 0, …), as
                // `summary` prints them (SPEC §9 "Settled later").
                Ok(((), warnings)) => diags.extend(
                    warnings
                        .into_iter()
                        .map(|w| diag(Severity::Warning, format!("projecting the scenario: {w}"))),
                ),
                Err(e) => diags.push(diag(
                    Severity::Error,
                    format!("projecting the scenario: {e}"),
                )),
            }
        }
    }
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
        errln!("check failed: {summary}");
        INVALID
    } else {
        errln!("check passed: {summary}");
        OK
    }
}
