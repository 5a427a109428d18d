//! `poolplan summary [SCENARIO…]`.

use super::{emit, project_all, Loaded};
use crate::cli::{Output, Units};
use crate::report::summary::{summary_long, summary_tables};
use crate::report::table::{render_json, render_text, Table};
use std::path::Path;

pub fn run(dir: Option<&Path>, scenarios: &[String], output: Output, units: Units) -> u8 {
    let Loaded { projections, .. } = match project_all(dir, scenarios) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let ps: Vec<_> = projections.iter().collect();
    let text = match output {
        Output::Table => {
            let unit = super::unit(units);
            let mut s = format!("Money in {} (cash terms). Figures are rounded for display; the tidy export has them to the penny.\n\n", unit.label());
            s.push_str(&render_text(&summary_tables(&ps), unit));
            s
        }
        Output::Csv => crate::report::table::render_csv(&[summary_long(&ps)]),
        Output::Json => {
            let tables: Vec<Table> = summary_tables(&ps);
            render_json(&tables)
        }
    };
    emit(&text)
}
