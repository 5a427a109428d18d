//! `poolplan chart KIND [SCENARIO…] -o FILE.svg`: one chart for a paper, and
//! the chart tables `export` puts in the workbook and beside the tables.
//!
//! Builds the Cabinet tables as `export` would (same units and terms), the
//! chart's table through `report::chart::set` (the bridge from the first
//! named scenario to the second; the providers of the first in `--category`
//! or the largest; the monitor curve of `baseline`, else the first, for
//! `--pool` or all pools; the fan of the first with `[ranges]`, from the
//! risk run `export` makes), then draws it. Without `-o` the SVG goes to
//! stdout.

use super::export::named_order;
use super::{project_all, write_output, Projected, INVALID};
use crate::analysis::monitor::MonitorReport;
use crate::cli::Units;
use crate::engine::Projection;
use crate::report::cabinet::{self, CabTable, Scale, Source};
use crate::report::chart::set::{self, Charted, Want};
use crate::report::chart::{self, ChartTable, Kind};
use std::path::PathBuf;

/// What `poolplan chart` was asked for.
pub struct ChartArgs {
    pub kind: Kind,
    pub scenarios: Vec<String>,
    pub units: Units,
    pub real: bool,
    pub category: Option<String>,
    /// The monitor chart's pool (default: all pools).
    pub pool: Option<String>,
    pub output: Option<PathBuf>,
    pub force: bool,
}

pub fn run(dir: Option<&std::path::Path>, a: &ChartArgs) -> u8 {
    let loaded = match project_all(dir, &a.scenarios) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let ps = named_order(&a.scenarios, &loaded.projections);
    let svg = sources(&loaded, &ps).and_then(|src| {
        let unit = super::unit(a.units);
        let mut tables = cabinet::build_tables(&src, unit, a.real).map_err(|e| e.to_string())?;
        let scale = Scale::new(unit, a.real, &ps).map_err(|e| e.to_string())?;
        if a.kind == Kind::Fan {
            tables.extend(risk_by_year(&loaded, &ps, &scale)?);
        }
        let want = Want {
            kinds: &[a.kind],
            category: a.category.as_deref(),
            pool: a.pool.as_deref(),
            strict: true,
        };
        let mon = match a.kind {
            Kind::Monitor => super::monitor::for_export(&loaded.workspace, &ps),
            _ => None,
        };
        let mon = mon.as_ref().map(|m| &m.0);
        let t = chart_tables(&loaded, &ps, (&scale, &tables), want, mon)?;
        t.first()
            .map(chart::svg)
            .unwrap_or_else(|| Err("no chart".into()))
    });
    match svg {
        Ok(svg) => write_output(a.output.as_deref(), svg.as_bytes(), a.force),
        Err(e) => {
            crate::errln!("error: {e}; nothing was written");
            INVALID
        }
    }
}

/// The paper's risk-by-year table (`poolplan risk`'s default run of each
/// named scenario with `[ranges]`, as `export` makes it); none without
/// ranges.
fn risk_by_year(l: &Projected, ps: &[&Projection], scale: &Scale) -> Result<Vec<CabTable>, String> {
    let ranged: Vec<&crate::model::Scenario> = ps
        .iter()
        .filter_map(|p| l.scenarios.iter().find(|s| s.id == p.scenario_id))
        .collect();
    let risks = crate::analysis::risk::paper::for_paper(&l.workspace.budgets, &ranged)
        .map_err(|e| format!("the fan chart: {e}"))?;
    let names: Vec<(String, String)> = ps
        .iter()
        .map(|p| (p.scenario_id.clone(), p.scenario_name.clone()))
        .collect();
    Ok(cabinet::risk_gap::risk_gap_table(scale, &risks, &names)
        .into_iter()
        .collect())
}

/// The Cabinet sources of the projections, in order.
pub fn sources<'a>(l: &'a Projected, ps: &[&'a Projection]) -> Result<Vec<Source<'a>>, String> {
    ps.iter()
        .map(|p| {
            let budget = l
                .workspace
                .budgets
                .get(&p.budget_id)
                .ok_or("a scenario's budget is missing")?;
            Ok(Source {
                projection: p,
                budget,
            })
        })
        .collect()
}

/// The data tables of the charts wanted, through `report::chart::set`
/// (the one path the TUI's export takes too); a chart left out of an
/// export's set is a warning.
pub fn chart_tables(
    l: &Projected,
    ps: &[&Projection],
    built: (&Scale, &[CabTable]),
    want: Want<'_>,
    monitoring: Option<&MonitorReport>,
) -> Result<Vec<ChartTable>, String> {
    let cs = charted(l, ps)?;
    let (tables, warnings) = set::chart_tables(&cs, built, want, monitoring)?;
    for w in warnings {
        crate::errln!("warning: {w}");
    }
    Ok(tables)
}

/// Each projection with its resolved scenario and budget.
pub fn charted<'a>(l: &'a Projected, ps: &[&'a Projection]) -> Result<Vec<Charted<'a>>, String> {
    let mut cs = vec![];
    for p in ps {
        let scenario = l
            .scenarios
            .iter()
            .find(|s| s.id == p.scenario_id)
            .ok_or("a scenario is missing")?;
        let budget = l
            .workspace
            .budgets
            .get(&p.budget_id)
            .ok_or("a scenario's budget is missing")?;
        cs.push(Charted {
            projection: p,
            scenario,
            budget,
        });
    }
    Ok(cs)
}
