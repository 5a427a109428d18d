//! In-year monitoring (SPEC §12.2–12.3): actuals to date against the plan,
//! the forecast outturn of every service and pool, the variance with a RAG
//! status, and each partner's forecast risk share against its planned one.
//!
//! Pure: a budget (with its monitoring inputs), the plan's `Projection` and
//! a `Choice` in, a `MonitorReport` out. Every plan figure (cost, pool
//! spend, income, saving, planned shares) is read from the projection, never
//! recomputed; the forecast over/underspend is settled by the engine's own
//! `Settler`, so caps and offsets apply exactly as in the plan. Rows for
//! periods after the one monitored are ignored everywhere.

pub mod curve;
pub mod paper;
mod pool;
mod service;
#[cfg(test)]
mod tests;

use crate::engine::{EngineError, Projection};
use crate::model::{Budget, Period, Year};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub use pool::{PoolRow, ShareRow, TotalRow};
pub use service::{ProfileSource, Profiles, ServiceRow};

/// How a service's year-end outturn is forecast from its actuals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// `actual × 12 / M`.
    #[default]
    Straight,
    /// `actual / p`, p the profile share expected by month M.
    Profile,
    /// `actual + last × (12 − M)`: the latest month continues.
    RunRate,
    /// `actual + budget × (1 − p)`: the rest of the year runs to plan.
    Remaining,
}

impl Method {
    pub const ALL: [Method; 4] = [
        Method::Straight,
        Method::Profile,
        Method::RunRate,
        Method::Remaining,
    ];
    /// The name used on the command line and in the `method` column.
    pub fn name(self) -> &'static str {
        match self {
            Method::Straight => "straight",
            Method::Profile => "profile",
            Method::RunRate => "run-rate",
            Method::Remaining => "remaining",
        }
    }
}

/// Red / amber / green.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
    pub fn name(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }
}

/// RAG thresholds as fractions of the budget's magnitude (defaults 1% and 5%).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    pub amber: Decimal,
    pub red: Decimal,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            amber: dec!(0.01),
            red: dec!(0.05),
        }
    }
}

impl Thresholds {
    /// `red` if variance > red × |budget|, else `amber` if variance >
    /// amber × |budget|, else `green` (so a zero budget is red for any
    /// positive variance).
    pub fn rag(&self, budget: Decimal, variance: Decimal) -> Rag {
        let b = budget.abs();
        let over = |rate: Decimal| b.checked_mul(rate).is_some_and(|limit| variance > limit);
        if over(self.red) {
            Rag::Red
        } else if over(self.amber) {
            Rag::Amber
        } else {
            Rag::Green
        }
    }
}

/// What to monitor: the year and period (defaults from the actuals), the
/// method and the thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Choice {
    pub year: Option<Year>,
    pub period: Option<Period>,
    pub method: Method,
    pub thresholds: Thresholds,
}

/// The monitoring report of one scenario, year and period.
#[derive(Debug, Clone, PartialEq)]
pub struct MonitorReport {
    pub scenario_id: String,
    pub scenario_name: String,
    pub year: Year,
    /// Year index in the plan.
    pub t: usize,
    pub period: Period,
    pub method: Method,
    pub thresholds: Thresholds,
    /// Pools in pools.csv order, each with its service and risk-share rows.
    pub pools: Vec<PoolRow>,
    pub total: TotalRow,
    /// Each partner's planned and forecast shares summed over all pools
    /// (partners.csv order; partners with both 0 left out).
    pub partners: Vec<ShareRow>,
}

/// Why a monitoring report cannot be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MonitorError {
    #[error("budget \"{budget}\" has no actuals in the horizon of scenario \"{scenario}\" ({first} to {last}); add budgets/{budget}/actuals.csv with the columns service, year, period, amount")]
    NoActuals {
        budget: String,
        scenario: String,
        first: Year,
        last: Year,
    },
    #[error("budget \"{budget}\" has no actuals for {year} in actuals.csv; {known}")]
    NoActualsForYear {
        budget: String,
        year: Year,
        known: String,
    },
    #[error("{year} is outside the horizon of scenario \"{scenario}\" ({first} to {last}); give a --year within it")]
    YearOutsideHorizon {
        year: Year,
        scenario: String,
        first: Year,
        last: Year,
    },
    #[error("budgets/{budget}/actuals.csv:{line}: service \"{service}\" is neither in services.csv nor commissioned by scenario \"{scenario}\" or the scenarios it extends")]
    UnknownService {
        budget: String,
        service: String,
        line: usize,
        scenario: String,
    },
    #[error("scenario {scenario}: {source}")]
    Engine {
        scenario: String,
        source: EngineError,
    },
}

/// Monitor the plan `plan` (a projection of a scenario on `budget`).
pub fn monitor(
    budget: &Budget,
    plan: &Projection,
    choice: &Choice,
) -> Result<MonitorReport, MonitorError> {
    let (year, t, period) = select(budget, plan, choice)?;
    let engine = |source| MonitorError::Engine {
        scenario: plan.scenario_id.clone(),
        source,
    };
    let services = service::rows(budget, plan, t, year, period, choice)?;
    let (pools, total, partners) =
        pool::rows(budget, plan, t, services, &choice.thresholds).map_err(engine)?;
    Ok(MonitorReport {
        scenario_id: plan.scenario_id.clone(),
        scenario_name: plan.scenario_name.clone(),
        year,
        t,
        period,
        method: choice.method,
        thresholds: choice.thresholds,
        pools,
        total,
        partners,
    })
}

/// The year (index) and period monitored: as chosen, else the latest year
/// with actuals in the plan's horizon and the latest period of that year.
fn select(
    budget: &Budget,
    plan: &Projection,
    choice: &Choice,
) -> Result<(Year, usize, Period), MonitorError> {
    let first = plan.base_year;
    let last = first.plus(plan.years as i32 - 1);
    let in_horizon = |y: Year| y >= first && y <= last;
    let actuals = &budget.monitoring.actuals;
    let year = match choice.year {
        Some(y) if !in_horizon(y) => {
            return Err(MonitorError::YearOutsideHorizon {
                year: y,
                scenario: plan.scenario_id.clone(),
                first,
                last,
            })
        }
        Some(y) => y,
        None => actuals
            .iter()
            .map(|a| a.year)
            .filter(|y| in_horizon(*y))
            .max()
            .ok_or_else(|| MonitorError::NoActuals {
                budget: budget.id.clone(),
                scenario: plan.scenario_id.clone(),
                first,
                last,
            })?,
    };
    let latest = actuals
        .iter()
        .filter(|a| a.year == year)
        .map(|a| a.period)
        .max();
    let Some(latest) = latest else {
        let mut years: Vec<Year> = actuals
            .iter()
            .map(|a| a.year)
            .filter(|y| in_horizon(*y))
            .collect();
        years.sort();
        years.dedup();
        let known = if years.is_empty() {
            "it has none in the scenario's horizon".to_string()
        } else {
            let list: Vec<String> = years.iter().map(Year::to_string).collect();
            format!("the years with actuals are {}", list.join(", "))
        };
        return Err(MonitorError::NoActualsForYear {
            budget: budget.id.clone(),
            year,
            known,
        });
    };
    let t = usize::try_from(year.0 - first.0).unwrap_or(0);
    Ok((year, t, choice.period.unwrap_or(latest)))
}
