//! `poolplan monitor [SCENARIO]`: load the plan, project it, check the
//! actuals against its services, and print the monitoring report.

use super::{emit, load_scenarios, print_diagnostics, workspace, INVALID, USAGE};
use crate::analysis::monitor::{monitor, Choice, Method, MonitorError, Thresholds};
use crate::cli::{MonitorMethod, Output, Units};
use crate::model::value::parse_rate;
use crate::model::{Period, Year};
use crate::report::monitor::{render_csv, render_json, render_text};
use std::io::IsTerminal;
use std::path::Path;

/// The options of `monitor`.
pub struct Args {
    pub scenario: Option<String>,
    pub year: Option<String>,
    pub period: Option<String>,
    pub method: MonitorMethod,
    pub amber: Option<String>,
    pub red: Option<String>,
    pub units: Units,
    pub output: Output,
}

fn usage(message: String) -> u8 {
    crate::errln!("error: {message}");
    USAGE
}

/// The year, period, method and thresholds asked for (a bad value is a usage error).
fn choice(a: &Args) -> Result<Choice, u8> {
    let year = a
        .year
        .as_deref()
        .map(|y| Year::parse(y).map_err(|e| usage(format!("--year: {e}"))))
        .transpose()?;
    let period = a
        .period
        .as_deref()
        .map(|p| Period::parse(p).map_err(|e| usage(format!("--period: {e}"))))
        .transpose()?;
    let mut thresholds = Thresholds::default();
    for (flag, raw, slot) in [
        ("--amber", &a.amber, &mut thresholds.amber),
        ("--red", &a.red, &mut thresholds.red),
    ] {
        if let Some(raw) = raw {
            let r = parse_rate(raw).map_err(|e| usage(format!("{flag}: {e}")))?;
            if r.is_sign_negative() {
                return Err(usage(format!("{flag}: \"{raw}\" is negative; a threshold is a rate of the budget of 0 or more, e.g. \"1%\"")));
            }
            *slot = r;
        }
    }
    let method = match a.method {
        MonitorMethod::Straight => Method::Straight,
        MonitorMethod::Profile => Method::Profile,
        MonitorMethod::RunRate => Method::RunRate,
        MonitorMethod::Remaining => Method::Remaining,
    };
    Ok(Choice {
        year,
        period,
        method,
        thresholds,
    })
}

/// The default plan: `baseline` if there is one, else the first scenario id.
fn default_scenario(root: &Path) -> Option<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root.join("scenarios"))
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    ids.sort();
    if ids.iter().any(|i| i == "baseline") {
        return Some("baseline".into());
    }
    ids.into_iter().next()
}

pub fn run(dir: Option<&Path>, a: &Args) -> u8 {
    let choice = match choice(a) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let root = match workspace(dir) {
        Ok(r) => r,
        Err(c) => return c,
    };
    let Some(id) = a.scenario.clone().or_else(|| default_scenario(&root)) else {
        crate::errln!("error: scenarios/: no scenarios to monitor; add a scenario file such as scenarios/baseline.toml");
        return INVALID;
    };
    let (ws, scenarios) = match load_scenarios(Some(&root), std::slice::from_ref(&id)) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let Some(s) = scenarios.first() else {
        return INVALID;
    };
    let Some(budget) = ws.budgets.get(&s.budget) else {
        return INVALID;
    };
    let plan = match crate::engine::project(budget, s) {
        Ok(p) => p,
        Err(e) => {
            crate::errln!("error: scenario {}: {e}", s.id);
            return INVALID;
        }
    };
    for w in &plan.warnings {
        crate::errln!("warning: scenario {}: {w}", s.id);
    }
    let report = match monitor(budget, &plan, &choice) {
        Ok(r) => r,
        Err(MonitorError::UnknownService { .. }) => {
            // Every row naming a service the plan lacks, with file:line.
            print_diagnostics(&crate::load::monitoring::check_chain(budget, s));
            crate::errln!("nothing was written: fix the errors above and run again");
            return INVALID;
        }
        Err(e) => {
            crate::errln!("error: {e}");
            return INVALID;
        }
    };
    let text = match a.output {
        Output::Csv => render_csv(&report),
        Output::Json => render_json(&report),
        Output::Table => {
            let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal();
            render_text(&report, super::unit(a.units), color)
        }
    };
    let code = emit(&text);
    // The process ends here: freeing a 100,000-service projection and a
    // million actuals rows one allocation at a time would take a tenth of
    // the run, for nothing (the operating system reclaims it at once).
    std::mem::forget((plan, report, ws));
    code
}

/// The monitoring report the Cabinet export carries: for `baseline` if it is
/// exported, else the first scenario exported, with every default; `None`
/// (with a warning) when its budget has no actuals it can use.
pub fn for_export<'a>(
    ws: &'a crate::load::Workspace,
    ps: &[&'a crate::engine::Projection],
) -> Option<(
    crate::analysis::monitor::MonitorReport,
    &'a crate::model::Budget,
)> {
    let (report, budget) = crate::analysis::monitor::paper::for_paper(ps, |id| ws.budgets.get(id))?;
    match report {
        Ok(r) => Some((r, budget)),
        Err(e) => {
            crate::errln!("warning: the monitoring table is left out of the export: {e}");
            None
        }
    }
}
