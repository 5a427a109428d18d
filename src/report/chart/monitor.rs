//! `monitor`: actual spend to date against the profile, month by month
//! (SPEC §12, issue 14), for one pool or the whole partnership, from
//! `analysis::monitor::curve`: the spend the profile expects by the end of
//! each month, the actual to date, and the forecast outturn at March. Cash,
//! in the export's unit.

use super::{body, Inputs};
use crate::analysis::monitor::curve::Curve;
use crate::model::Period;
use crate::report::cabinet::{CabTable, Value};

/// The monitoring curve to chart and what it is of.
pub struct MonitorInput<'a> {
    pub curve: &'a Curve,
    pub scenario: String,
    /// `2009-10`.
    pub year: String,
    /// The period monitored, 1–12.
    pub period: Period,
    /// The forecast method's name.
    pub method: &'static str,
}

const PROFILE: &str = "Profile (budget spread by month)";
const ACTUAL: &str = "Actual to date";

/// Series × month.
pub fn table(i: &Inputs<'_>) -> Result<CabTable, String> {
    let m = i.monitor.as_ref().ok_or(
        "the monitor chart needs actuals (budgets/<id>/actuals.csv) for the scenario's budget",
    )?;
    let c = m.curve;
    let s = i.scale;
    let months: Vec<String> = (1..=12)
        .filter_map(Period::new)
        .map(Period::short_name)
        .collect();
    let mut profile = vec![Value::text(PROFILE)];
    profile.extend(c.profile.iter().map(|x| s.money(*x)));
    let mut actual = vec![Value::text(ACTUAL)];
    actual.extend((0..12).map(|k| c.actual.get(k).map_or(Value::Empty, |x| s.money(*x))));
    let mut forecast = vec![Value::text(format!("Forecast outturn ({})", m.method))];
    forecast.extend((0..11).map(|_| Value::Empty));
    forecast.push(s.money(c.forecast));
    let scope = c.pool.clone().unwrap_or_else(|| "all pools".into());
    let unit = s.unit.label();
    let mut columns = vec!["Series".to_string()];
    columns.extend(months);
    Ok(CabTable {
        slug: "chart-monitor",
        sheet: "Chart monitor",
        title: format!(
            "{scope}, {}, {} to {}, {unit} (cash)",
            m.scenario,
            m.year,
            m.period.short_name()
        ),
        columns,
        rows: vec![body(profile), body(actual), body(forecast)],
        notes: vec![
            format!("{unit} (cash)"),
            "Profile: each service's budget spread over the year by its profile (profiles.csv: its own, else its category's, else flat). Pools' savings to find are not spread.".into(),
        ],
    })
}

/// The lines: profile, actual to date, and the forecast at March.
pub fn svg(t: &CabTable) -> Result<String, String> {
    let unit = t.notes.first().cloned().unwrap_or_default();
    let axes = (format!("Cumulative spend, {unit}"), "Month".to_string());
    super::gap::lines(t, "Actual to date against the profile", &axes)
}
