//! `poolplan chart KIND [SCENARIO…] -o FILE.svg`: one chart for a paper, and
//! the chart tables `export` puts in the workbook and beside the tables.
//!
//! Builds the Cabinet tables as `export` would (same units and terms), runs
//! the analyses the bridge and providers charts need (the bridge from the
//! first named scenario to the second; the providers of the first, in its
//! base year, in `--category` or else the category with the largest cost),
//! then draws from the chart's data table. Without `-o` the SVG goes to
//! stdout.

use super::export::named_order;
use super::{project_all, write_output, Loaded, INVALID};
use crate::analysis::bridge::{bridge, Bridge};
use crate::analysis::providers::{compare_providers, Category};
use crate::cli::Units;
use crate::engine::Projection;
use crate::report::cabinet::{self, CabTable, Scale, Source};
use crate::report::chart::{self, BridgeInput, ChartTable, Inputs, Kind, ProvidersInput};
use std::path::PathBuf;

/// What `poolplan chart` was asked for.
pub struct ChartArgs {
    pub kind: Kind,
    pub scenarios: Vec<String>,
    pub units: Units,
    pub real: bool,
    pub category: Option<String>,
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
        let tables = cabinet::build_tables(&src, unit, a.real).map_err(|e| e.to_string())?;
        let scale = Scale::new(unit, a.real, &ps).map_err(|e| e.to_string())?;
        let want = Want {
            kinds: &[a.kind],
            category: a.category.as_deref(),
            strict: true,
        };
        let t = chart_tables(&loaded, &ps, (&scale, &tables), want)?;
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

/// The Cabinet sources of the projections, in order.
pub fn sources<'a>(l: &'a Loaded, ps: &[&'a Projection]) -> Result<Vec<Source<'a>>, String> {
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

/// Which charts, and whether one that cannot be drawn is an error (a
/// named chart) or left out with a warning (an export's set).
pub struct Want<'a> {
    pub kinds: &'a [Kind],
    pub category: Option<&'a str>,
    pub strict: bool,
}

/// The data tables of the charts wanted.
pub fn chart_tables(
    l: &Loaded,
    ps: &[&Projection],
    (scale, tables): (&Scale, &[CabTable]),
    want: Want<'_>,
) -> Result<Vec<ChartTable>, String> {
    let first = ps.first().ok_or("no scenario to chart")?;
    let needs = |k| want.kinds.contains(&k);
    let br = if needs(Kind::Bridge) {
        the_bridge(l, ps)
    } else {
        Err(String::new())
    };
    let cats = if needs(Kind::Providers) {
        categories(l, first)
    } else {
        Ok(vec![])
    };
    let cats = cats?;
    let category = match want.category {
        Some(c) => Some(cats.iter().find(|x| x.category == c).ok_or_else(|| {
            let known: Vec<&str> = cats.iter().map(|x| x.category.as_str()).collect();
            format!(
                "no service running in {} has category \"{c}\"; the categories are: {}",
                first.year_label(0),
                known.join(", ")
            )
        })?),
        None => cats
            .iter()
            .fold(None, |best: Option<&Category>, c| match best {
                Some(b) if b.cost >= c.cost => Some(b),
                _ => Some(c),
            }),
    };
    let inputs = Inputs {
        scale,
        tables,
        scenario: first.scenario_name.clone(),
        bridge: br.as_ref().ok().map(|(b, from, to)| BridgeInput {
            bridge: b,
            from: from.clone(),
            to: to.clone(),
        }),
        providers: category.map(|c| ProvidersInput {
            category: c,
            scenario: first.scenario_name.clone(),
            year: first.year_label(0),
        }),
    };
    let mut out = vec![];
    for k in want.kinds {
        match chart::table(*k, &inputs) {
            Ok(t) => out.push(t),
            Err(e) if want.strict => {
                return Err(match (k, &br) {
                    (Kind::Bridge, Err(why)) if !why.is_empty() => why.clone(),
                    _ => e,
                })
            }
            Err(e) => crate::errln!("warning: no {} chart: {e}", k.name()),
        }
    }
    Ok(out)
}

/// The bridge from the first projection's scenario to the second's.
fn the_bridge(l: &Loaded, ps: &[&Projection]) -> Result<(Bridge, String, String), String> {
    let [pa, pb, ..] = ps else {
        return Err(
            "the bridge chart needs two scenarios: name the one to start from, then the other"
                .into(),
        );
    };
    let find = |p: &Projection| l.scenarios.iter().find(|s| s.id == p.scenario_id);
    let (Some(sa), Some(sb)) = (find(pa), find(pb)) else {
        return Err("a scenario is missing".into());
    };
    let budget = l
        .workspace
        .budgets
        .get(&sa.budget)
        .ok_or("a scenario's budget is missing")?;
    let b = bridge(budget, sa, sb).map_err(|e| e.to_string())?;
    Ok((b, pa.scenario_name.clone(), pb.scenario_name.clone()))
}

/// Every provider category of the projection in its base year.
fn categories(l: &Loaded, p: &Projection) -> Result<Vec<Category>, String> {
    let budget = l
        .workspace
        .budgets
        .get(&p.budget_id)
        .ok_or("a scenario's budget is missing")?;
    compare_providers(budget, p, 0, None).map_err(|e| e.to_string())
}
