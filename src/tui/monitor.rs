//! The Monitor tab's state and its report: the forecast method, the period
//! chosen with `<`/`>`, the selected pool and whether its services are
//! open. The report comes from `analysis::monitor`, the same code as
//! `poolplan monitor`, computed in `update` when the session, scenario or
//! choice changes, never in `draw`.

use super::action::Action;
use super::app::App;
use super::strings as s;
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
}

impl MonitorView {
    /// Recompute the report if the session, scenario or choice changed.
    pub fn update(&mut self, s: &Session, current: &str) {
        let key = (s.generation, current.to_string(), self.method, self.at);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.report = match (s.projection(current), s.budget_of(current)) {
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
        };
        self.key = Some(key);
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

    fn move_by(&mut self, d: i64) {
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

/// Keys the Monitor tab reads itself; `true` when `a` was handled.
pub fn handle(app: &mut App, a: &Action) -> bool {
    let m = &mut app.derived.monitor;
    let step = |m: &MonitorView, d: i64| {
        m.ok().and_then(|r| {
            let n = i64::from(r.period.number()) + d;
            Period::new(u8::try_from(n.clamp(1, 12)).ok()?).map(|p| (r.year, p))
        })
    };
    match a {
        Action::CycleMethod => {
            let i = Method::ALL.iter().position(|x| *x == m.method).unwrap_or(0);
            m.method = Method::ALL[(i + 1) % Method::ALL.len()];
        }
        Action::NextYear => m.at = step(m, 1).or(m.at),
        Action::PrevYear => m.at = step(m, -1).or(m.at),
        Action::Enter => {
            m.drill = m.ok().is_some_and(|r| r.pools.get(m.pool).is_some());
            m.service = 0;
        }
        Action::Close if m.drill => m.drill = false,
        Action::Up => m.move_by(-1),
        Action::Down => m.move_by(1),
        Action::PageUp => m.move_by(-10),
        Action::PageDown => m.move_by(10),
        Action::Top => m.move_by(-1_000_000),
        Action::Bottom => m.move_by(1_000_000),
        _ => return false,
    }
    true
}
