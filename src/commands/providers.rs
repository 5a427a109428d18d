//! `poolplan providers [--category C] [--year Y] [SCENARIO]`: choose the
//! scenario (`baseline` if there is one, else the first by id) and the year
//! (the base year unless given), then print the provider comparison.

use super::{emit, project_all, workspace, Projected, INVALID, USAGE};
use crate::analysis::providers::drill::provider_drill;
use crate::analysis::providers::savings::savings_by_year;
use crate::analysis::providers::{compare_providers, Category};
use crate::cli::Output;
use crate::engine::Projection;
use crate::load::Workspace;
use crate::model::Budget;
use crate::model::Year;
use crate::report::providers::{provider_raw, provider_tables};
use crate::report::providers_sector::{drill_table, savings_table, sector_raw, sector_tables};
use crate::report::table::{render_csv, render_json, render_text, Unit};
use std::path::Path;

/// The default scenario: `baseline` if present, else the first by id.
fn default_scenario(dir: Option<&Path>) -> Result<String, u8> {
    let root = workspace(dir)?;
    let ws = Workspace::load(&root, &[]);
    if ws.scenario_ids.iter().any(|s| s == "baseline") {
        return Ok("baseline".into());
    }
    ws.scenario_ids.first().cloned().ok_or_else(|| {
        errln!("error: the workspace has no scenarios; add one such as scenarios/baseline.toml");
        INVALID
    })
}

pub fn run(
    dir: Option<&Path>,
    (category, year): (Option<&str>, Option<&str>),
    scenario: Option<String>,
    output: Output,
    (by_sector, provider): (bool, Option<&str>),
) -> u8 {
    let scenario = match scenario.map(Ok).unwrap_or_else(|| default_scenario(dir)) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let Projected {
        workspace,
        projections,
        ..
    } = match project_all(dir, &[scenario]) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let Some(p) = projections.first() else {
        return INVALID;
    };
    let Some(budget) = workspace.budgets.get(&p.budget_id) else {
        return INVALID;
    };
    if let Some(id) = provider {
        return drill(budget, p, id, output);
    }
    let t = match year {
        None => 0,
        Some(y) => match Year::parse(y) {
            Err(e) => {
                errln!("error: --year: {e}");
                return USAGE;
            }
            Ok(y) => {
                let t = y.0 - p.base_year.0;
                if t < 0 || t as usize >= p.years {
                    errln!(
                        "error: {y} is outside the horizon of scenario {} ({} to {})",
                        p.scenario_id,
                        p.year_label(0),
                        p.year_label(p.years.saturating_sub(1))
                    );
                    return INVALID;
                }
                t as usize
            }
        },
    };
    let cats = match compare_providers(budget, p, t, category) {
        Ok(c) => c,
        Err(e) => {
            errln!("error: {e}");
            return INVALID;
        }
    };
    let label = p.year_label(t);
    if by_sector {
        return sectors(budget, p, (&cats, category), &label, output);
    }
    let text = match output {
        Output::Table => {
            let mut s = format!(
                "Provider comparison, {label}, scenario {} ({}). Unit costs in £ (cash); cost and saving in £.\n\n",
                p.scenario_name, p.scenario_id
            );
            s.push_str(&render_text(
                &provider_tables(&cats, &p.scenario_id, &label),
                Unit::Pounds,
            ));
            s
        }
        Output::Csv => render_csv(&[provider_raw(&cats, &p.scenario_id, &label)]),
        Output::Json => render_json(&[provider_raw(&cats, &p.scenario_id, &label)]),
    };
    emit(&text)
}

/// `--by-sector`: the within-sector tables and the savings at median by year.
fn sectors(
    budget: &Budget,
    p: &Projection,
    (cats, only): (&[Category], Option<&str>),
    label: &str,
    output: Output,
) -> u8 {
    let savings = match savings_by_year(budget, p, only) {
        Ok(s) => s,
        Err(e) => {
            errln!("error: {e}");
            return INVALID;
        }
    };
    let by_year = savings_table(&savings, p);
    let text = match output {
        Output::Table => {
            let mut tables = sector_tables(cats, &p.scenario_id, label);
            tables.push(by_year);
            let mut s = format!(
                "Provider comparison within sector and across, {label}, scenario {} ({}). Unit costs in £ (cash); cost and saving in £.\n\n",
                p.scenario_name, p.scenario_id
            );
            s.push_str(&render_text(&tables, Unit::Pounds));
            s
        }
        Output::Csv => render_csv(&[sector_raw(cats, &p.scenario_id, label), by_year]),
        Output::Json => render_json(&[sector_raw(cats, &p.scenario_id, label), by_year]),
    };
    emit(&text)
}

/// `--provider ID`: every service the provider delivers, by year.
fn drill(budget: &Budget, p: &Projection, id: &str, output: Output) -> u8 {
    let d = match provider_drill(budget, p, id) {
        Ok(d) => d,
        Err(e) => {
            errln!("error: {e}");
            return INVALID;
        }
    };
    let t = drill_table(&d, p);
    let text = match output {
        Output::Table => render_text(&[t], Unit::Pounds),
        Output::Csv => render_csv(&[t]),
        Output::Json => render_json(&[t]),
    };
    emit(&text)
}
