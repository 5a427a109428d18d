//! Actual to date against the profile, month by month (the `monitor`
//! chart and the TUI's Monitor tab): for the services of one pool, of
//! every pool, or one service, of a `MonitorReport`,
//!
//! - `profile[k]` = round(Σ_s budget_s × W_s(1…k) / W_s(1…12)), the spend
//!   the profile expects by the end of month k (W the service's monthly
//!   weights: its own, else its category's, else flat, as the `profile`
//!   method uses); `profile[12]` is Σ budgets;
//! - `actual[k]` = Σ amounts of the services' actuals in periods 1…k, for
//!   k up to the period monitored (rows for later periods are ignored);
//! - `budget` and `forecast` are the services' sums from the report.
//!
//! Pools' savings to find (SPEC §6.5 `saving`) are not spread over months:
//! the curve is of services' spend.

use super::service::Profiles;
use super::{MonitorReport, ServiceRow};
use crate::engine::arith::{add, div, mul, sum, R};
use crate::engine::Projection;
use crate::model::{round, Budget};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The monthly curve of a scope (one pool, or all).
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    /// The pool's name (the service's, for `service_curve`), or `None`
    /// for every pool.
    pub pool: Option<String>,
    /// Cumulative spend the profile expects by the end of each month.
    pub profile: [Decimal; 12],
    /// Cumulative actual spend by the end of each month to the period monitored.
    pub actual: Vec<Decimal>,
    pub budget: Decimal,
    pub forecast: Decimal,
}

/// The curve of pool `pool` (its id), or of every pool when `None`.
pub fn curve(
    budget: &Budget,
    plan: &Projection,
    report: &MonitorReport,
    pool: Option<&str>,
) -> Result<Curve, String> {
    let pools: Vec<_> = report
        .pools
        .iter()
        .filter(|p| pool.is_none_or(|id| p.id == id))
        .collect();
    let Some(first) = pools.first() else {
        let known: Vec<&str> = report.pools.iter().map(|p| p.id.as_str()).collect();
        return Err(format!(
            "no pool \"{}\" in the monitoring report; the pools are: {}",
            pool.unwrap_or_default(),
            known.join(", ")
        ));
    };
    let services: Vec<&ServiceRow> = pools.iter().flat_map(|p| &p.services).collect();
    of(
        budget,
        plan,
        report,
        &services,
        pool.map(|_| first.name.clone()),
    )
}

/// The curve of one service (its id) of the report: the same sums over
/// that service alone; `pool` holds the service's name.
pub fn service_curve(
    budget: &Budget,
    plan: &Projection,
    report: &MonitorReport,
    service: &str,
) -> Result<Curve, String> {
    let Some(s) = report
        .pools
        .iter()
        .flat_map(|p| &p.services)
        .find(|s| s.id == service)
    else {
        return Err(format!("no service \"{service}\" in the monitoring report"));
    };
    of(budget, plan, report, &[s], Some(s.name.clone()))
}

fn of(
    budget: &Budget,
    plan: &Projection,
    report: &MonitorReport,
    services: &[&ServiceRow],
    name: Option<String>,
) -> Result<Curve, String> {
    let e = |x: crate::engine::EngineError| x.to_string();
    let profile = profile(budget, plan, services).map_err(e)?;
    let actual = actual(budget, report, services).map_err(e)?;
    Ok(Curve {
        pool: name,
        profile,
        actual,
        budget: sum(services.iter().map(|s| &s.budget), "the budget").map_err(e)?,
        forecast: sum(services.iter().map(|s| &s.forecast), "the forecast").map_err(e)?,
    })
}

fn profile(budget: &Budget, plan: &Projection, services: &[&ServiceRow]) -> R<[Decimal; 12]> {
    let profiles = Profiles::new(budget);
    let category: HashMap<&str, &str> = plan
        .services
        .iter()
        .map(|s| (s.id.as_str(), s.category.as_str()))
        .collect();
    let what = "the profile";
    let mut exact = [Decimal::ZERO; 12];
    for s in services {
        let cat = category.get(s.id.as_str()).copied().unwrap_or_default();
        let (w, _) = profiles.weights(&s.id, cat);
        let all = sum(&w, what)?;
        let mut to_k = Decimal::ZERO;
        for (k, x) in exact.iter_mut().enumerate() {
            to_k = add(to_k, w[k], what)?;
            // A key whose weights sum to 0 is refused by `check`; flat here.
            let share = if all.is_zero() {
                Decimal::from(k + 1) / Decimal::from(12)
            } else {
                div(to_k, all, what)?
            };
            *x = add(*x, mul(s.budget, share, what)?, what)?;
        }
    }
    Ok(exact.map(round))
}

fn actual(budget: &Budget, report: &MonitorReport, services: &[&ServiceRow]) -> R<Vec<Decimal>> {
    let ids: std::collections::HashSet<&str> = services.iter().map(|s| s.id.as_str()).collect();
    let m = report.period.number() as usize;
    let mut month = vec![Decimal::ZERO; m];
    for a in &budget.monitoring.actuals {
        if a.year == report.year && a.period.number() as usize <= m && ids.contains(&*a.service) {
            let x = &mut month[a.period.index()];
            *x = add(*x, a.amount, "the actuals")?;
        }
    }
    let mut run = Decimal::ZERO;
    month
        .into_iter()
        .map(|x| {
            run = add(run, x, "the actuals to date")?;
            Ok(run)
        })
        .collect()
}
