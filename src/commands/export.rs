//! `poolplan export`: the tidy export (`--tidy`), or the Cabinet-paper tables.

use super::{project_all, write_output, Loaded, USAGE};
use crate::report::tidy::tidy_bytes;
use std::path::{Path, PathBuf};

pub fn run_tidy(
    dir: Option<&Path>,
    scenarios: &[String],
    output: Option<&PathBuf>,
    force: bool,
) -> u8 {
    let Loaded { projections, .. } = match project_all(dir, scenarios) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let ps: Vec<_> = projections.iter().collect();
    let bytes = tidy_bytes(&ps);
    write_output(output.map(PathBuf::as_path), &bytes, force)
}

pub fn run_cabinet() -> u8 {
    eprintln!("poolplan export: the Cabinet-paper tables are not built yet in this version; use --tidy for the full audit trail");
    USAGE
}
