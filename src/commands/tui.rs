//! `poolplan tui [SCENARIO…]`: the scenario arguments are checked before
//! the terminal is taken over, as every report command checks them: an
//! unknown scenario exits 1 listing the workspace's scenarios.

use super::{workspace, INVALID, USAGE};
use crate::load::{is_path_arg, Workspace};
use std::path::Path;

/// The scenario ids of the workspace's `scenarios/` folder, sorted.
fn known(root: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root.join("scenarios"))
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .filter(|p| p.is_file() || p.is_symlink())
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}

/// The ids of the scenarios named (file stems, or paths to files in
/// `scenarios/`), each checked against the workspace, in the order given
/// without repeats. An unknown one is printed as `summary` prints it and is
/// exit code 1. The TUI opens on one, or on two as Compare's A and B.
pub fn scenario_ids(root: &Path, args: &[String]) -> Result<Vec<String>, u8> {
    let known = known(root);
    let mut ids: Vec<String> = vec![];
    let mut unknown = false;
    for arg in args {
        let id = Workspace::scenario_id(arg);
        if !known.contains(&id) {
            let list = if known.is_empty() {
                "none".into()
            } else {
                known.join(", ")
            };
            let shown = if is_path_arg(arg) {
                arg.clone()
            } else {
                format!("scenarios/{id}.toml")
            };
            eprintln!("error: {shown}: no scenario \"{id}\"; the workspace has: {list}");
            unknown = true;
        } else if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if unknown {
        return Err(INVALID);
    }
    Ok(ids)
}

pub fn run(dir: Option<&Path>, args: &[String]) -> u8 {
    let root = match workspace(dir) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let ids = match scenario_ids(&root, args) {
        Ok(ids) => ids,
        Err(code) => return code,
    };
    if ids.len() > 2 {
        eprintln!(
            "error: poolplan tui opens one scenario, or two as Compare's A and B ({} given: {})",
            ids.len(),
            ids.join(", ")
        );
        return USAGE;
    }
    crate::tui::run(&root, &ids)
}
