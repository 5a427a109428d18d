//! The keys the Monitor tab reads itself (method, period, drill-down and
//! moving the selection), applied to its state in `derived.monitor`.

use super::action::Action;
use super::app::App;
use super::monitor::MonitorView;
use crate::analysis::monitor::Method;
use crate::model::Period;

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
