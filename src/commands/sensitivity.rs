//! `poolplan sensitivity SCENARIO`: the tornado and switching values.

use super::{emit, project_all, Projected, INVALID};
use crate::analysis::sensitivity::sensitivity;
use crate::cli::{Output, Units};
use crate::report::sensitivity::{sensitivity_raw, sensitivity_tables};
use crate::report::table::{render_csv, render_json, render_text};
use std::path::Path;

pub fn run(dir: Option<&Path>, scenario: &str, output: Output, units: Units) -> u8 {
    let Projected {
        workspace,
        scenarios,
        ..
    } = match project_all(dir, &[scenario.to_string()]) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let Some(s) = scenarios.first() else {
        return INVALID;
    };
    let Some(budget) = workspace.budgets.get(&s.budget) else {
        return INVALID;
    };
    let result = match sensitivity(budget, s) {
        Ok(r) => r,
        Err(e) => {
            errln!("error: {e}");
            return INVALID;
        }
    };
    let text = match output {
        Output::Table => {
            let unit = super::unit(units);
            let mut s = format!(
                "Sensitivity of scenario {} ({}). Money in {} (cash terms); rates in % a year.\n\n",
                s.name,
                s.id,
                unit.label()
            );
            s.push_str(&render_text(&sensitivity_tables(&result, unit), unit));
            s
        }
        Output::Csv => render_csv(&sensitivity_raw(&result)),
        Output::Json => render_json(&sensitivity_raw(&result)),
    };
    emit(&text)
}
