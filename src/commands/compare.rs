//! `poolplan compare A B`: load and project both, check they share a budget
//! and horizon, build the bridge, print the tables.

use super::{emit, project_all, Projected, INVALID};
use crate::analysis::bridge::{bridge_of, comparable, Measure};
use crate::cli::{CompareTable, Output, Units};
use crate::load::Workspace;
use crate::report::bridge::{bridge_raw, bridge_text};
use crate::report::compare;
use crate::report::table::{render_csv, render_json, render_text, Table};
use crate::report::terms::Terms;
use crate::report::who_pays::who_pays_compare;
use clap::ValueEnum;
use std::path::Path;

/// Said under the bridge (and above the tables) with `--real`.
fn bridge_in_cash(m: &Measure) -> String {
    format!(
        "The bridge is in cash terms: it explains the cash {}.",
        m.label()
    )
}

/// The id of a compare table: the name `--only` takes.
fn id(t: CompareTable) -> String {
    t.to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

pub fn run(
    dir: Option<&Path>,
    (a, b): (&str, &str),
    output: Output,
    (units, real): (Units, bool),
    (only, measure): (Option<CompareTable>, Measure),
) -> u8 {
    let loaded = match project_all(dir, &[a.to_string(), b.to_string()]) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let Projected {
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
    let br = match bridge_of(budget, sa, sb, &measure) {
        Ok(br) => br,
        Err(e) => {
            errln!("error: {e}");
            return INVALID;
        }
    };
    let mut bridge_table = match output {
        Output::Table => bridge_text(&br, &sa.id, &sb.id),
        Output::Csv | Output::Json => bridge_raw(&br),
    };
    let terms = Terms::new(real);
    if terms == Terms::Real {
        bridge_table.notes.push(bridge_in_cash(&measure));
    }
    let pair = compare::Pair {
        a: pa,
        b: pb,
        terms,
    };
    let all = [
        (CompareTable::Headlines, compare::headlines(pair)),
        (CompareTable::Value, compare::value(pair)),
        (CompareTable::Pools, compare::pools(pair)),
        (CompareTable::Exposure, compare::exposure(pair)),
        (CompareTable::Services, compare::services(pair)),
        (CompareTable::WhoPays, Ok(who_pays_compare(pa, pb))),
        (CompareTable::Bridge, Ok(bridge_table)),
    ];
    let mut tables: Vec<Table> = vec![];
    for (k, t) in all {
        if only.is_some_and(|o| o != k) {
            continue;
        }
        match t {
            // The table's id is the name `--only` takes.
            Ok(t) => tables.push(Table { id: id(k), ..t }),
            Err(e) => {
                errln!("error: {e}");
                return INVALID;
            }
        }
    }
    let text = match output {
        Output::Table => {
            let unit = super::unit(units);
            let mut s = format!(
                "{} ({}) compared with {} ({}). Money in {} ({}); change = {} − {}.\n",
                sb.name,
                sb.id,
                sa.name,
                sa.id,
                unit.label(),
                terms.label(&[pa, pb]),
                sb.id,
                sa.id
            );
            if terms == Terms::Real && only.is_none_or(|o| o == CompareTable::Bridge) {
                s.push_str(&bridge_in_cash(&measure));
                s.push('\n');
            }
            s.push('\n');
            s.push_str(&render_text(&tables, unit));
            s
        }
        Output::Csv => render_csv(&tables),
        Output::Json => render_json(&tables),
    };
    emit(&text)
}
