//! The chart tables of a paper, assembled once for every caller (`poolplan
//! chart`, `poolplan export` and the TUI's export dialog): runs the
//! analyses the bridge, providers and monitor charts need (the bridge from
//! the first scenario to the second; the providers of the first, in its base
//! year, in the category asked for or else the one with the largest cost;
//! the monitoring curve of the monitoring report, for one pool or all), then
//! builds each kind's table from the Cabinet tables. Pure.

use super::{table, BridgeInput, ChartTable, Inputs, Kind, MonitorInput, ProvidersInput};
use crate::analysis::bridge::{bridge, Bridge};
use crate::analysis::monitor::curve::{curve, Curve};
use crate::analysis::monitor::MonitorReport;
use crate::analysis::providers::{compare_providers, Category};
use crate::engine::Projection;
use crate::model::{Budget, Scenario};
use crate::report::cabinet::{CabTable, Scale};

/// One charted scenario: its projection, its resolved scenario and budget.
#[derive(Clone, Copy)]
pub struct Charted<'a> {
    pub projection: &'a Projection,
    pub scenario: &'a Scenario,
    pub budget: &'a Budget,
}

/// Which charts, and whether one that cannot be drawn is an error (a
/// named chart) or left out with a warning (an export's set).
pub struct Want<'a> {
    pub kinds: &'a [Kind],
    pub category: Option<&'a str>,
    /// The monitor chart's pool (its id); all pools when `None`.
    pub pool: Option<&'a str>,
    pub strict: bool,
}

/// The chart tables, and a warning for each chart left out.
pub fn chart_tables(
    cs: &[Charted<'_>],
    (scale, tables): (&Scale, &[CabTable]),
    want: Want<'_>,
    monitoring: Option<&MonitorReport>,
) -> Result<(Vec<ChartTable>, Vec<String>), String> {
    let first = cs.first().ok_or("no scenario to chart")?;
    let needs = |k| want.kinds.contains(&k);
    let br = match needs(Kind::Bridge) {
        true => the_bridge(cs),
        false => Err(String::new()),
    };
    let cats = match needs(Kind::Providers) {
        true => {
            compare_providers(first.budget, first.projection, 0, None).map_err(|e| e.to_string())?
        }
        false => vec![],
    };
    let category = pick(&cats, want.category, first.projection)?;
    let mon = match (needs(Kind::Monitor), monitoring) {
        (true, Some(r)) => Some(the_curve(cs, r, want.pool)?),
        _ => None,
    };
    let p = first.projection;
    let inputs = Inputs {
        scale,
        tables,
        scenario: p.scenario_name.clone(),
        bridge: br.as_ref().ok().map(|(b, from, to)| BridgeInput {
            bridge: b,
            from: from.clone(),
            to: to.clone(),
        }),
        providers: category.map(|c| ProvidersInput {
            category: c,
            scenario: p.scenario_name.clone(),
            year: p.year_label(0),
        }),
        monitor: mon.as_ref().map(|(c, r, name)| MonitorInput {
            curve: c,
            scenario: name.clone(),
            year: r.year.to_string(),
            period: r.period,
            method: r.method.name(),
        }),
    };
    let (mut out, mut warnings) = (vec![], vec![]);
    for k in want.kinds {
        match table(*k, &inputs) {
            Ok(t) => out.push(t),
            Err(e) if want.strict => {
                return Err(match (k, &br) {
                    (Kind::Bridge, Err(why)) if !why.is_empty() => why.clone(),
                    _ => e,
                })
            }
            Err(e) => warnings.push(format!("no {} chart: {e}", k.name())),
        }
    }
    Ok((out, warnings))
}

/// The charts a Cabinet export carries (in its workbook, and as SVGs with
/// `--charts`), for `poolplan export` and the TUI's export dialog alike:
/// every kind, the monitor chart only where the paper has a monitoring
/// report, the fan chart only where it has a risk-by-year table (a scenario
/// with `[ranges]`); one that cannot be drawn is left out with a warning.
pub fn for_export(
    cs: &[Charted<'_>],
    built: (&Scale, &[CabTable]),
    monitoring: Option<&MonitorReport>,
) -> Result<(Vec<ChartTable>, Vec<String>), String> {
    let kinds: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| *k != Kind::Monitor || monitoring.is_some())
        .filter(|k| {
            *k != Kind::Fan
                || built
                    .1
                    .iter()
                    .any(|t| t.slug == crate::report::cabinet::risk_gap::SLUG)
        })
        .collect();
    let want = Want {
        kinds: &kinds,
        category: None,
        pool: None,
        strict: false,
    };
    chart_tables(cs, built, want, monitoring)
}

fn pick<'c>(
    cats: &'c [Category],
    asked: Option<&str>,
    p: &Projection,
) -> Result<Option<&'c Category>, String> {
    Ok(match asked {
        Some(c) => Some(cats.iter().find(|x| x.category == c).ok_or_else(|| {
            let known: Vec<&str> = cats.iter().map(|x| x.category.as_str()).collect();
            format!(
                "no service running in {} has category \"{c}\"; the categories are: {}",
                p.year_label(0),
                known.join(", ")
            )
        })?),
        None => cats
            .iter()
            .fold(None, |best: Option<&Category>, c| match best {
                Some(b) if b.cost >= c.cost => Some(b),
                _ => Some(c),
            }),
    })
}

/// The bridge from the first scenario to the second.
fn the_bridge(cs: &[Charted<'_>]) -> Result<(Bridge, String, String), String> {
    let [a, b, ..] = cs else {
        return Err(
            "the bridge chart needs two scenarios: name the one to start from, then the other"
                .into(),
        );
    };
    let br = bridge(a.budget, a.scenario, b.scenario).map_err(|e| e.to_string())?;
    let name = |c: &Charted<'_>| c.projection.scenario_name.clone();
    Ok((br, name(a), name(b)))
}

/// The monitoring curve of the report's scenario (one of `cs`).
fn the_curve<'r>(
    cs: &[Charted<'_>],
    r: &'r MonitorReport,
    pool: Option<&str>,
) -> Result<(Curve, &'r MonitorReport, String), String> {
    let c = cs
        .iter()
        .find(|c| c.projection.scenario_id == r.scenario_id)
        .ok_or("the monitored scenario is not among those charted")?;
    let k = curve(c.budget, c.projection, r, pool)?;
    Ok((k, r, c.projection.scenario_name.clone()))
}
