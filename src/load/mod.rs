//! The only layer that reads files: workspace discovery, budgets, scenarios,
//! and the diagnostics for all of them.

pub mod actuals;
pub mod budget;
pub mod chain;
pub mod columns;
pub mod diag;
pub mod files;
mod header;
pub mod manifest;
pub mod monitoring;
mod par;
mod prefetch;
pub mod profiles;
pub mod provenance;
pub mod refs;
pub mod resolve;
pub mod scenario;
pub mod source;
pub mod table;
pub mod text;
pub mod toml_spans;
pub mod tomltext;
mod workspace;
pub mod xlsx;
pub use workspace::Workspace;

use crate::model::{Budget, Scenario};
pub use chain::{chain_ids, reparse};
pub use diag::{Diagnostic, Owner, Severity};
use files::{inside, name_error, stem};
pub use files::{read_file, MAX_FILE_BYTES};
use resolve::ScenarioSource;
pub use source::{MemoryFiles, Source};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Find the workspace: `dir` if given, else the current folder or the
/// nearest parent that has a `budgets/` folder.
pub fn find_workspace(dir: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(d) = dir {
        if !d.join("budgets").is_dir() {
            return Err(format!(
                "{} is not a poolplan workspace: it has no budgets/ folder",
                d.display()
            ));
        }
        return Ok(d.to_path_buf());
    }
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let mut cur: Option<&Path> = Some(&cwd);
    while let Some(c) = cur {
        if c.join("budgets").is_dir() {
            return Ok(c.to_path_buf());
        }
        cur = c.parent();
    }
    Err(format!(
        "no poolplan workspace here: neither {} nor any folder above it has a budgets/ folder; use --dir DIR",
        cwd.display()
    ))
}

/// Is a scenario argument a path (contains `/` or ends in `.toml`)?
pub fn is_path_arg(arg: &str) -> bool {
    arg.contains('/') || arg.ends_with(".toml")
}

/// Load a workspace and resolve the named scenarios (all of `scenarios/`
/// when none are named), failing with every relevant problem if any of
/// them, their chains or their budgets has an error.
pub fn load_for(
    root: &Path,
    args: &[String],
) -> Result<(Workspace, Vec<Scenario>), Vec<Diagnostic>> {
    load_for_from(&Source::Disk, root, args)
}

/// `load_for`, reading through `src` (the disk or files in memory).
pub fn load_for_from(
    src: &Source,
    root: &Path,
    args: &[String],
) -> Result<(Workspace, Vec<Scenario>), Vec<Diagnostic>> {
    let mut ws = Workspace::load_from(src, root, args);
    let mut ids: Vec<String> = if args.is_empty() {
        ws.scenario_ids.clone()
    } else {
        args.iter().map(|a| Workspace::scenario_id(a)).collect()
    };
    ids.sort();
    ids.dedup();
    let mut problems = vec![];
    for id in &ids {
        if !ws.sources.contains_key(id) {
            let mut known: Vec<&str> = ws.scenario_ids.iter().map(String::as_str).collect();
            known.sort_unstable();
            problems.push(Diagnostic {
                severity: Severity::Error,
                owner: Owner::Workspace,
                file: format!("scenarios/{id}.toml"),
                line: None,
                col: None,
                field: None,
                message: format!(
                    "no scenario \"{id}\"; the workspace has: {}",
                    if known.is_empty() {
                        "none".into()
                    } else {
                        known.join(", ")
                    }
                ),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut scenarios = vec![];
    let mut failed = false;
    for s in ws.resolve_all(&ids) {
        match s {
            Some(s) => scenarios.push(s),
            None => failed = true,
        }
    }
    resolve::dedup(&mut ws.diagnostics);
    let mut relevant_budgets: Vec<String> = scenarios.iter().map(|s| s.budget.clone()).collect();
    let chain: Vec<String> = ids.iter().flat_map(|i| ws.chain_ids(i)).collect();
    for s in &chain {
        if let Some(b) = ws
            .sources
            .get(s)
            .and_then(|src| src.raw.as_ref())
            .and_then(|r| r.budget.as_ref())
        {
            relevant_budgets.push(b.v.clone());
        }
    }
    let relevant = |d: &Diagnostic| match &d.owner {
        Owner::Workspace => true,
        Owner::Budget(b) => relevant_budgets.contains(b),
        Owner::Scenario(s) => chain.contains(s),
    };
    let errs = ws.diagnostics.iter().any(|d| d.is_error() && relevant(d));
    if failed || errs || scenarios.is_empty() {
        let mut out: Vec<Diagnostic> = ws
            .diagnostics
            .iter()
            .filter(|d| relevant(d))
            .cloned()
            .collect();
        if scenarios.is_empty() && !failed && !errs {
            out.push(Diagnostic {
                severity: Severity::Error,
                owner: Owner::Workspace,
                file: "scenarios/".into(),
                line: None,
                col: None,
                field: None,
                message: "no scenarios to run; add a scenario file such as scenarios/baseline.toml"
                    .into(),
            });
        }
        return Err(out);
    }
    // Keep only what concerns the scenarios used (their warnings).
    ws.diagnostics.retain(|d| relevant(d));
    Ok((ws, scenarios))
}

/// Check everything: every budget, every scenario. Returns all diagnostics
/// and the number of budgets and scenarios checked.
pub fn check_all(root: &Path) -> (Vec<Diagnostic>, usize, usize) {
    check_all_from(&Source::Disk, root)
}

/// `check_all`, reading through `src` (the disk or files in memory).
pub fn check_all_from(src: &Source, root: &Path) -> (Vec<Diagnostic>, usize, usize) {
    let (ws, _) = check_all_resolved_from(src, root);
    let (budgets, scenarios) = (ws.budgets.len(), ws.scenario_ids.len());
    (ws.diagnostics, budgets, scenarios)
}

/// `check_all`, keeping the workspace (its diagnostics included) and every
/// scenario that resolved, so a caller can go on to project them.
pub fn check_all_resolved(root: &Path) -> (Workspace, Vec<Scenario>) {
    check_all_resolved_from(&Source::Disk, root)
}

/// `check_all_resolved`, reading through `src`.
pub fn check_all_resolved_from(src: &Source, root: &Path) -> (Workspace, Vec<Scenario>) {
    let mut ws = Workspace::load_from(src, root, &[]);
    if ws.budgets.is_empty() {
        ws.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            owner: Owner::Workspace,
            file: "budgets/".into(),
            line: None,
            col: None,
            field: None,
            message: "no budgets: add a folder budgets/<id>/ with budget.toml and the CSV files (or one budget.xlsx); poolplan new DIR writes a starter workspace"
                .into(),
        });
    }
    let ids = ws.scenario_ids.clone();
    let resolved: Vec<Scenario> = ws.resolve_all(&ids).into_iter().flatten().collect();
    let references = monitoring::check_references(&ws, &resolved);
    ws.diagnostics.extend(references);
    resolve::dedup(&mut ws.diagnostics);
    (ws, resolved)
}
