//! `poolplan new DIR [--xlsx]`: scaffold a workspace from the starter
//! catalogue (`crate::starter`). It writes only into a folder that does not
//! exist or is empty, so it can never overwrite a budget.

use super::{INVALID, OK, USAGE};
use crate::model::value::{is_id, suggest_id};
use crate::starter::{text, workbook, TABLES};
use std::path::{Path, PathBuf};

pub fn run(dir: &Path, xlsx: bool, budget: Option<&str>) -> u8 {
    let id = match budget {
        Some(b) if is_id(b) => b.to_string(),
        Some(b) => {
            eprintln!("error: --budget \"{b}\" is not a valid id; use lower-case letters, digits, - and _, e.g. \"{}\"", suggest_id(b));
            return USAGE;
        }
        None => {
            let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
            suggest_id(name.as_deref().unwrap_or("budget"))
        }
    };
    if let Err(e) = check_empty(dir) {
        eprintln!("error: {e}");
        return INVALID;
    }
    let name = "New pooled budget";
    let files = match contents(&id, name, xlsx) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: cannot build the workbook: {e}");
            return INVALID;
        }
    };
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, bytes));
        if let Err(e) = written {
            eprintln!("error: cannot write {}: {e}", path.display());
            return INVALID;
        }
    }
    println!("Created a poolplan workspace in {}:", dir.display());
    for (rel, _) in &files {
        println!("  {}", rel.display());
    }
    println!(
        "Next: replace the example rows with your own, then run `poolplan --dir {} check`.",
        dir.display()
    );
    OK
}

fn check_empty(dir: &Path) -> Result<(), String> {
    match std::fs::read_dir(dir) {
        Ok(mut rd) => {
            if rd.next().is_some() {
                return Err(format!("{} is not empty; poolplan new writes only into a new or empty folder, so it never overwrites a budget", dir.display()));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) if dir.exists() => Err(format!(
            "{} exists and is not a folder; name a new folder",
            dir.display()
        )),
        Err(e) => Err(format!("cannot read {}: {e}", dir.display())),
    }
}

/// Every file of the new workspace: (path relative to DIR, bytes).
fn contents(id: &str, name: &str, xlsx: bool) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    let b = PathBuf::from("budgets").join(id);
    let mut files = vec![(
        PathBuf::from("README.md"),
        text::readme(id, name, xlsx).into_bytes(),
    )];
    files.push((b.join("budget.toml"), text::manifest(name).into_bytes()));
    if xlsx {
        let bytes = workbook::build(name).map_err(|e| e.to_string())?;
        files.push((b.join(crate::load::source::WORKBOOK), bytes));
    } else {
        for t in TABLES {
            files.push((b.join(t.file), text::csv(t)));
        }
    }
    files.push((
        PathBuf::from("scenarios/baseline.toml"),
        text::baseline(id).into_bytes(),
    ));
    Ok(files)
}
