//! Service rows of the monitoring report (SPEC §12.2): budget, actual to
//! date, the last month, the profile share expected by now, the forecast by
//! the chosen method (or at plan without actuals), variance and RAG.

use super::{Choice, Method, MonitorError, Rag, Thresholds};
use crate::engine::arith::{add, div, mul, sub, sum, R};
use crate::engine::{Projection, ServiceLine};
use crate::model::monitoring::IdMap;
use crate::model::{round, round_dp, Budget, Period, Year};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Where a service's profile comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileSource {
    /// profiles.csv rows keyed by the service id.
    Service,
    /// profiles.csv rows keyed by its category.
    Category,
    /// No rows: every month equal.
    Flat,
}

/// One service's monitoring figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceRow {
    pub id: String,
    pub name: String,
    pub pool: String,
    /// Whether the service runs in the year monitored.
    pub runs: bool,
    /// The plan's cost in the year (0 if it does not run).
    pub budget: Decimal,
    /// Σ amounts of periods 1…M.
    pub actual: Decimal,
    /// The amount of period M (0 if none).
    pub last: Decimal,
    /// Σ weights of periods 1…M ÷ Σ weights of all 12 (exact).
    pub p: Decimal,
    pub profile: ProfileSource,
    pub forecast: Decimal,
    pub variance: Decimal,
    /// variance ÷ budget to 4 dp; `None` where the budget is 0.
    pub variance_pct: Option<Decimal>,
    pub rag: Rag,
    /// The method's name, or `plan` for a service with no actuals up to M.
    pub method: &'static str,
}

/// The profiles of a budget, indexed by key.
pub struct Profiles<'a>(HashMap<&'a str, [Decimal; 12]>);

impl<'a> Profiles<'a> {
    pub fn new(budget: &'a Budget) -> Self {
        let mut map: HashMap<&str, [Decimal; 12]> = HashMap::new();
        for p in &budget.monitoring.profiles {
            map.entry(p.key.as_str()).or_insert([Decimal::ZERO; 12])[p.period.index()] = p.weight;
        }
        Profiles(map)
    }

    /// The 12 monthly weights a service uses: its own rows, else its
    /// category's, else flat (all 1).
    pub fn weights(&self, service: &str, category: &str) -> ([Decimal; 12], ProfileSource) {
        if let Some(w) = self.0.get(service) {
            (*w, ProfileSource::Service)
        } else if let Some(w) = self.0.get(category) {
            (*w, ProfileSource::Category)
        } else {
            ([Decimal::ONE; 12], ProfileSource::Flat)
        }
    }
}

/// Actuals of one service up to the period monitored.
#[derive(Default, Clone, Copy)]
struct ToDate {
    actual: Decimal,
    last: Decimal,
}

/// variance ÷ base to 4 dp, `None` where base is 0.
pub(super) fn pct(variance: Decimal, base: Decimal) -> R<Option<Decimal>> {
    if base.is_zero() {
        return Ok(None);
    }
    Ok(Some(round_dp(div(variance, base, "variance %")?, 4)))
}

/// The forecast of a service with actuals: (Σ weights to M, Σ of all 12).
fn forecast(
    method: Method,
    d: ToDate,
    budget: Decimal,
    m: Period,
    weights: (Decimal, Decimal),
) -> R<Decimal> {
    let what = "the forecast";
    let months = Decimal::from(m.number());
    let (to_m, all) = weights;
    Ok(round(match method {
        Method::Straight => div(mul(d.actual, Decimal::from(12), what)?, months, what)?,
        Method::Profile if to_m.is_zero() => budget,
        Method::Profile => div(mul(d.actual, all, what)?, to_m, what)?,
        Method::RunRate => add(
            d.actual,
            mul(d.last, Decimal::from(12) - months, what)?,
            what,
        )?,
        Method::Remaining => {
            let rest = div(mul(budget, sub(all, to_m, what)?, what)?, all, what)?;
            add(d.actual, rest, what)?
        }
    }))
}

/// One row per service that runs in year `t` or has actuals in it up to M.
pub(super) fn rows(
    budget: &Budget,
    plan: &Projection,
    t: usize,
    year: Year,
    m: Period,
    choice: &Choice,
) -> Result<Vec<ServiceRow>, MonitorError> {
    let engine = |source| MonitorError::Engine {
        scenario: plan.scenario_id.clone(),
        source,
    };
    let index: IdMap<usize> = plan
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut to_date: Vec<Option<ToDate>> = vec![None; plan.services.len()];
    for a in &budget.monitoring.actuals {
        let Some(&i) = index.get(&*a.service) else {
            return Err(MonitorError::UnknownService {
                budget: budget.id.clone(),
                service: a.service.to_string(),
                line: a.line,
                scenario: plan.scenario_id.clone(),
            });
        };
        if a.year != year || a.period > m {
            continue;
        }
        let d = to_date[i].get_or_insert_with(ToDate::default);
        d.actual = add(d.actual, a.amount, "actuals to date").map_err(engine)?;
        if a.period == m {
            d.last = a.amount;
        }
    }
    let profiles = Profiles::new(budget);
    let mut out = vec![];
    for (s, d) in plan.services.iter().zip(to_date) {
        let runs = s.runs.get(t).copied().unwrap_or(false);
        if runs || d.is_some() {
            let r = row(&profiles, s, t, m, d, choice.method, &choice.thresholds);
            out.push(r.map_err(engine)?);
        }
    }
    Ok(out)
}

fn row(
    profiles: &Profiles<'_>,
    s: &ServiceLine,
    t: usize,
    m: Period,
    d: Option<ToDate>,
    method: Method,
    thresholds: &Thresholds,
) -> R<ServiceRow> {
    let cost = s.cost.get(t).copied().unwrap_or(Decimal::ZERO);
    let (w, profile) = profiles.weights(&s.id, &s.category);
    let to_m = sum(&w[..usize::from(m.number())], "the profile weights")?;
    let all = sum(&w, "the profile weights")?;
    let p = if all.is_zero() {
        Decimal::ZERO
    } else {
        div(to_m, all, "the profile share")?
    };
    let (forecast, name) = match d {
        None => (cost, "plan"),
        Some(d) => (forecast(method, d, cost, m, (to_m, all))?, method.name()),
    };
    let d = d.unwrap_or_default();
    let variance = sub(forecast, cost, "the variance")?;
    Ok(ServiceRow {
        id: s.id.clone(),
        name: s.name.clone(),
        pool: s.pool.clone(),
        runs: s.runs.get(t).copied().unwrap_or(false),
        budget: cost,
        actual: d.actual,
        last: d.last,
        p,
        profile,
        forecast,
        variance,
        variance_pct: pct(variance, cost)?,
        rag: thresholds.rag(cost, variance),
        method: name,
    })
}
