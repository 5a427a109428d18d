//! The Monitor tab's state and its report: the forecast method, the period
//! chosen with `<`/`>`, the selected pool and whether its services are
//! open. The report comes from `analysis::monitor`, the same code as
//! `poolplan monitor`, computed in `update` when the session, scenario or
//! choice changes, never in `draw`.

use super::strings as s;
use crate::analysis::monitor::curve::{curve, service_curve, Curve};
use crate::analysis::monitor::{monitor, Choice, Method, MonitorError, MonitorReport};
use crate::model::{Period, Year};
use crate::session::Session;

/// What the report was computed for: generation, scenario, method, period.
type Key = (u64, String, Method, Option<(Year, Period)>);

/// The Monitor tab's state and its cached report.
#[derive(Debug, Default)]
pub struct MonitorView {
    pub method: Method,
    /// The year and period moved to; `None` until `<`/`>` is pressed (the
    /// latest period with actuals).
    pub at: Option<(Year, Period)>,
    pub pool: usize,
    /// The selected pool's services are shown, with this one selected.
    pub drill: bool,
    pub service: usize,
    key: Option<Key>,
    /// The report, or why there is none (said plainly on the tab).
    pub report: Option<Result<MonitorReport, String>>,
    /// What the curve was computed for: the report's key and the selection.
    curve_key: Option<(Key, bool, usize, usize)>,
    /// Actual to date against the profile of the selected pool (or, when
    /// open, service), from `analysis::monitor::curve`.
    pub curve: Option<Result<Curve, String>>,
}

impl MonitorView {
    /// Recompute the report if the session, scenario or choice changed.
    pub fn update(&mut self, s: &Session, current: &str) {
        let key = (s.generation, current.to_string(), self.method, self.at);
        if self.key.as_ref() != Some(&key) {
            self.report = self.compute(s, current);
            self.key = Some(key.clone());
        }
        let ck = (key, self.drill, self.pool, self.service);
        if self.curve_key.as_ref() != Some(&ck) {
            self.curve = self.compute_curve(s, current);
            self.curve_key = Some(ck);
        }
    }

    /// The curve of the selected pool, or of the selected service when a
    /// pool is open.
    fn compute_curve(&self, s: &Session, current: &str) -> Option<Result<Curve, String>> {
        let (r, b, p) = (self.ok()?, s.budget_of(current)?, s.projection(current)?);
        let pool = r.pools.get(self.pool)?;
        if self.drill {
            let sv = pool.services.get(self.service)?;
            Some(service_curve(b, p, r, &sv.id))
        } else {
            Some(curve(b, p, r, Some(&pool.id)))
        }
    }

    fn compute(&self, s: &Session, current: &str) -> Option<Result<MonitorReport, String>> {
        match (s.projection(current), s.budget_of(current)) {
            (Some(_), Some(b)) if !b.monitoring.has_actuals() => Some(Err(s::NO_ACTUALS.into())),
            (Some(p), Some(b)) => {
                let choice = Choice {
                    year: self.at.map(|a| a.0),
                    period: self.at.map(|a| a.1),
                    method: self.method,
                    ..Choice::default()
                };
                Some(monitor(b, p, &choice).map_err(|e| match e {
                    MonitorError::NoActuals { .. } => s::NO_ACTUALS.to_string(),
                    e => e.to_string(),
                }))
            }
            _ => None,
        }
    }

    /// The report, when there is one.
    pub fn ok(&self) -> Option<&MonitorReport> {
        self.report.as_ref().and_then(|r| r.as_ref().ok())
    }

    /// Rows of the list shown now (pools, or the open pool's services).
    fn rows(&self) -> usize {
        self.ok().map_or(0, |r| {
            if self.drill {
                r.pools.get(self.pool).map_or(0, |p| p.services.len())
            } else {
                r.pools.len()
            }
        })
    }

    /// Move the selection (pool, or service when open) by `d` rows.
    pub fn move_by(&mut self, d: i64) {
        let n = self.rows();
        let at = if self.drill { self.service } else { self.pool };
        let v = ((at as i64 + d).max(0) as usize).min(n.saturating_sub(1));
        if self.drill {
            self.service = v;
        } else {
            self.pool = v;
        }
    }
}
