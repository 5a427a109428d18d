//! The `poolplan` binary: parse arguments, dispatch, map errors to exit codes
//! (0 success, 1 invalid input, 2 usage error).

use clap::Parser;
use poolplan::cli::{Cli, Command};
use poolplan::commands;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let command = cli.command.unwrap_or_else(|| {
        if std::io::stdout().is_terminal() {
            Command::Tui { scenarios: vec![] }
        } else {
            Command::Summary {
                scenarios: vec![],
                output: Default::default(),
                units: Default::default(),
                real: false,
            }
        }
    });
    let code = commands::run(cli.dir.as_deref(), command);
    ExitCode::from(code)
}
