//! `poolplan export`: the tidy export (`--tidy`), or the Cabinet-paper tables.

use super::{map_projections, write_output, USAGE};
use crate::report::tidy::{write_projection, HEADER};
use std::path::{Path, PathBuf};

pub fn run_tidy(
    dir: Option<&Path>,
    scenarios: &[String],
    output: Option<&PathBuf>,
    force: bool,
) -> u8 {
    // Scenarios come back sorted by id; each is turned into its rows at once.
    let parts = match map_projections(dir, scenarios, |p| {
        let mut rows = Vec::new();
        write_projection(p, &mut rows);
        rows
    }) {
        Ok(parts) => parts,
        Err(code) => return code,
    };
    let mut bytes =
        Vec::with_capacity(parts.iter().map(Vec::len).sum::<usize>() + HEADER.len() + 1);
    bytes.extend_from_slice(HEADER.as_bytes());
    bytes.push(b'\n');
    for part in parts {
        bytes.extend_from_slice(&part);
    }
    write_output(output.map(PathBuf::as_path), &bytes, force)
}

pub fn run_cabinet() -> u8 {
    eprintln!("poolplan export: the Cabinet-paper tables are not built yet in this version; use --tidy for the full audit trail");
    USAGE
}
