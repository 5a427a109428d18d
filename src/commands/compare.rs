//! `poolplan compare A B`: load and project both, check they share a budget
//! and horizon, build the bridge, print the tables.

use super::{emit, project_all, Loaded, INVALID};
use crate::analysis::bridge::{bridge, comparable};
use crate::cli::{CompareTable, Output, Units};
use crate::load::Workspace;
use crate::report::bridge::{bridge_raw, bridge_text};
use crate::report::compare;
use crate::report::table::{render_csv, render_json, render_text, Table};
use std::path::Path;

pub fn run(
    dir: Option<&Path>,
    (a, b): (&str, &str),
    output: Output,
    units: Units,
    only: Option<CompareTable>,
) -> u8 {
    let loaded = match project_all(dir, &[a.to_string(), b.to_string()]) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let Loaded {
        workspace,
        scenarios,
        projections,
    } = &loaded;
    let find = |arg: &str| {
        let id = Workspace::scenario_id(arg);
        let i = scenarios.iter().position(|s| s.id == id)?;
        Some((&scenarios[i], &projections[i]))
    };
    let (Some((sa, pa)), Some((sb, pb))) = (find(a), find(b)) else {
        errln!("error: cannot find both scenarios {a} and {b}");
        return INVALID;
    };
    if let Err(e) = comparable(sa, sb) {
        errln!("error: {e}");
        return INVALID;
    }
    let Some(budget) = workspace.budgets.get(&sa.budget) else {
        errln!("error: budget {} is not loaded", sa.budget);
        return INVALID;
    };
    let br = match bridge(budget, sa, sb) {
        Ok(br) => br,
        Err(e) => {
            errln!("error: {e}");
            return INVALID;
        }
    };
    let bridge_table = match output {
        Output::Table => bridge_text(&br, &sa.id, &sb.id),
        Output::Csv | Output::Json => bridge_raw(&br),
    };
    let all: Vec<(CompareTable, Table)> = vec![
        (CompareTable::Headlines, compare::headlines(pa, pb)),
        (CompareTable::Value, compare::value(pa, pb)),
        (CompareTable::Pools, compare::pools(pa, pb)),
        (CompareTable::Exposure, compare::exposure(pa, pb)),
        (CompareTable::Services, compare::services(pa, pb)),
        (CompareTable::Bridge, bridge_table),
    ];
    let tables: Vec<Table> = all
        .into_iter()
        .filter(|(k, _)| only.is_none_or(|o| o == *k))
        .map(|(_, t)| t)
        .collect();
    let text = match output {
        Output::Table => {
            let unit = super::unit(units);
            let mut s = format!(
                "{} ({}) compared with {} ({}). Money in {} (cash terms); change = {} − {}.\n\n",
                sb.name,
                sb.id,
                sa.name,
                sa.id,
                unit.label(),
                sb.id,
                sa.id
            );
            s.push_str(&render_text(&tables, unit));
            s
        }
        Output::Csv => render_csv(&tables),
        Output::Json => render_json(&tables),
    };
    emit(&text)
}
