//! `poolplan risk SCENARIO`: the distribution of the gap and the reserve
//! each pool needs under the scenario's `[ranges]` (SPEC §14). A progress
//! bar goes to stderr, and only when stderr is a terminal.

use super::{emit, project_all, Projected, INVALID, USAGE};
use crate::analysis::risk::{risk, Options};
use crate::cli::{Output, RiskArgs as Args};
use crate::model::value::parse_rate;
use crate::report::risk::{risk_tables, risk_text};
use crate::report::table::{render_csv, render_json};
use rust_decimal::Decimal;
use std::io::IsTerminal;
use std::path::Path;

/// The confidence as a fraction in (0, 1]: `90%` or `0.9`.
pub fn confidence(text: Option<&str>) -> Result<Decimal, String> {
    let Some(t) = text else {
        return Ok(Options::default().confidence);
    };
    match parse_rate(t) {
        Ok(c) if c > Decimal::ZERO && c <= Decimal::ONE => Ok(c),
        Ok(_) => Err(format!(
            "--confidence {t} is not above 0% and at most 100%; e.g. --confidence 90%"
        )),
        Err(e) => Err(format!("--confidence: {e}")),
    }
}

pub fn run(dir: Option<&Path>, a: &Args) -> u8 {
    let conf = match confidence(a.confidence.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            errln!("error: {e}");
            return USAGE;
        }
    };
    if a.draws == 0 {
        errln!("error: --draws 0 gives no distribution; give 1 or more (default 2000)");
        return USAGE;
    }
    let Projected {
        workspace,
        scenarios,
        ..
    } = match project_all(dir, std::slice::from_ref(&a.scenario)) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let Some(s) = scenarios.first() else {
        return INVALID;
    };
    let o = Options {
        draws: a.draws,
        seed: a.seed,
        confidence: conf,
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::with_draw_target(
            Some(a.draws as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        b.set_message("draws");
        b
    });
    let progress = |done: usize| {
        if let Some(b) = &bar {
            b.set_position(done as u64);
        }
        true
    };
    let result = risk(&workspace.budgets, s, &o, &progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let r = match result {
        Ok(r) => r,
        Err(e) => {
            errln!("error: {e}");
            return INVALID;
        }
    };
    let text = match a.output {
        Output::Table => risk_text(&r, super::unit(a.units)),
        Output::Csv => render_csv(&risk_tables(&r, true)),
        Output::Json => render_json(&risk_tables(&r, true)),
    };
    emit(&text)
}
