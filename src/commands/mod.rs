//! Running subcommands: load what is needed, call the engine and the views,
//! write to stdout/stderr. Returns the exit code.

mod check;

use crate::cli::Command;
use crate::load::Diagnostic;
use std::path::Path;

/// Exit codes.
pub const OK: u8 = 0;
pub const INVALID: u8 = 1;
pub const USAGE: u8 = 2;

/// Print diagnostics to stderr, errors first, then a count line.
pub fn print_diagnostics(diags: &[Diagnostic]) {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort_by_key(|d| d.severity);
    for d in &sorted {
        eprintln!("{d}");
    }
}

fn not_built(name: &str) -> u8 {
    eprintln!("poolplan {name}: not built yet in this version");
    USAGE
}

/// Run one command.
pub fn run(dir: Option<&Path>, command: Command) -> u8 {
    match command {
        Command::Check => check::run(dir),
        Command::Summary { .. } => not_built("summary"),
        Command::Compare { .. } => not_built("compare"),
        Command::Providers { .. } => not_built("providers"),
        Command::Sensitivity { .. } => not_built("sensitivity"),
        Command::Export { .. } => not_built("export"),
        Command::Tui { .. } => not_built("tui"),
    }
}

/// Find the workspace or report why not (exit 1).
pub fn workspace(dir: Option<&Path>) -> Result<std::path::PathBuf, u8> {
    crate::load::find_workspace(dir).map_err(|e| {
        eprintln!("error: {e}");
        INVALID
    })
}
