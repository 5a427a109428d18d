//! Running subcommands: load what is needed, call the engine and the views,
//! write to stdout/stderr. Returns the exit code.

/// `eprintln!` that cannot panic: a closed stderr (`2>&1 | head -1`, EPIPE)
/// is ignored, as a closed stdout is. Every line poolplan writes to stderr
/// goes through it, and is shown with `model::text::for_terminal_lines` (a
/// path or value holding ESC is shown as `<U+001B>`).
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!($($arg)*);
        let shown = $crate::model::text::for_terminal_lines(&line);
        let _ = writeln!(std::io::stderr().lock(), "{shown}");
    }};
}

mod chart;
mod check;
mod compare;
mod export;
mod export_args;
pub(crate) mod monitor;
mod new;
mod providers;
mod risk;
mod sensitivity;
mod summary;
pub mod tui;

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
        errln!("{d}");
    }
}

/// Run one command.
pub fn run(dir: Option<&Path>, command: Command) -> u8 {
    match command {
        Command::Check => check::run(dir),
        Command::Summary {
            scenarios,
            output,
            units,
            real,
        } => summary::run(dir, &scenarios, output, units, real),
        Command::Compare {
            a,
            b,
            output,
            units,
            real,
            only,
            measure,
        } => compare::run(dir, (&a, &b), output, (units, real), (only, measure)),
        Command::Providers {
            category,
            year,
            scenario,
            output,
            by_sector,
            provider,
        } => providers::run(
            dir,
            (category.as_deref(), year.as_deref()),
            scenario,
            output,
            (by_sector, provider.as_deref()),
        ),
        Command::Sensitivity {
            scenario,
            output,
            units,
        } => sensitivity::run(dir, &scenario, output, units),
        Command::Risk(a) => risk::run(dir, &a),
        Command::Export {
            scenarios,
            tidy,
            units,
            real,
            format,
            bom,
            output,
            force,
            charts,
        } => {
            let args = export::ExportArgs {
                scenarios,
                units,
                real,
                format,
                bom,
                output,
                force,
                charts,
            };
            if tidy {
                export::run_tidy(dir, &args)
            } else {
                export::run_cabinet(dir, &args)
            }
        }
        Command::Chart {
            kind,
            scenarios,
            units,
            real,
            category,
            pool,
            output,
            force,
        } => chart::run(
            dir,
            &chart::ChartArgs {
                kind,
                scenarios,
                units,
                real,
                category,
                pool,
                output,
                force,
            },
        ),
        Command::Monitor {
            scenario,
            year,
            period,
            method,
            amber,
            red,
            units,
            output,
        } => monitor::run(
            dir,
            &monitor::Args {
                scenario,
                year,
                period,
                method,
                amber,
                red,
                units,
                output,
            },
        ),
        Command::New { dir, xlsx, budget } => new::run(&dir, xlsx, budget.as_deref()),
        Command::Tui { scenarios } => tui::run(dir, &scenarios),
    }
}

/// Find the workspace or report why not (exit 1).
pub fn workspace(dir: Option<&Path>) -> Result<std::path::PathBuf, u8> {
    crate::load::find_workspace(dir).map_err(|e| {
        errln!("error: {e}");
        INVALID
    })
}

/// What a report command works on: the workspace, the scenarios and their projections.
pub struct Projected {
    pub workspace: crate::load::Workspace,
    pub scenarios: Vec<crate::model::Scenario>,
    pub projections: Vec<crate::engine::Projection>,
}

/// Load the named scenarios (all when none) and project them. Any problem
/// in what they use is printed and gives exit code 1; warnings are printed
/// and do not stop the command.
pub fn project_all(dir: Option<&Path>, args: &[String]) -> Result<Projected, u8> {
    let (ws, scenarios) = load_scenarios(dir, args)?;
    let projections = collect(
        &scenarios,
        crate::engine::parallel::project_each(&ws.budgets, &scenarios, &|p| p),
    )?;
    Ok(Projected {
        workspace: ws,
        scenarios,
        projections,
    })
}

/// Load and resolve the named scenarios, printing every problem; any error
/// in what they use means exit code 1 and no output.
fn load_scenarios(
    dir: Option<&Path>,
    args: &[String],
) -> Result<(crate::load::Workspace, Vec<crate::model::Scenario>), u8> {
    let root = workspace(dir)?;
    let (ws, scenarios) = match crate::load::load_for(&root, args) {
        Ok(x) => x,
        Err(diags) => {
            print_diagnostics(&diags);
            errln!("nothing was written: fix the errors above and run again (poolplan check lists every problem)");
            return Err(INVALID);
        }
    };
    print_diagnostics(&ws.diagnostics);
    Ok((ws, scenarios))
}

/// Print each scenario's engine warnings; the first engine error is exit 1.
fn collect<T>(
    scenarios: &[crate::model::Scenario],
    results: Vec<crate::engine::parallel::Reduced<T>>,
) -> Result<Vec<T>, u8> {
    let mut out = Vec::with_capacity(results.len());
    for (s, r) in scenarios.iter().zip(results) {
        match r {
            Ok((value, warnings)) => {
                for w in &warnings {
                    errln!("warning: scenario {}: {w}", s.id);
                }
                out.push(value);
            }
            Err(e) => {
                errln!("error: scenario {}: {e}", s.id);
                return Err(INVALID);
            }
        }
    }
    Ok(out)
}

/// Load the named scenarios (all when none), project each on a worker
/// thread (scenarios are independent) and reduce it at once with `f`, so
/// only the reductions are kept in memory. Results come back in scenario-id
/// order. Problems print as in `project_all`.
mod output;
pub use output::{write_output, write_output_parts};

pub fn map_projections<T: Send>(
    dir: Option<&Path>,
    args: &[String],
    f: impl Fn(&crate::engine::Projection) -> T + Sync,
) -> Result<Vec<T>, u8> {
    let (ws, scenarios) = load_scenarios(dir, args)?;
    let r = collect(
        &scenarios,
        crate::engine::parallel::project_each(&ws.budgets, &scenarios, &|p| {
            let t = f(&p);
            crate::engine::recycle(p);
            t
        }),
    );
    // The process ends once the results are written: freeing a national
    // model's 10^5 services string by string would only delay that.
    std::mem::forget((ws, scenarios));
    r
}

/// Map the CLI's units to the report's.
pub fn unit(u: crate::cli::Units) -> crate::report::table::Unit {
    match u {
        crate::cli::Units::Pounds => crate::report::table::Unit::Pounds,
        crate::cli::Units::Thousands => crate::report::table::Unit::Thousands,
        crate::cli::Units::Millions => crate::report::table::Unit::Millions,
    }
}

/// Write text to stdout; a closed pipe is not an error.
pub fn emit(text: &str) -> u8 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            errln!("error: cannot write the output: {e}");
            INVALID
        }
    }
}
