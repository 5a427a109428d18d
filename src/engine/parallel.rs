//! Projecting many scenarios on all cores. Scenarios are independent, so each
//! worker takes the next scenario, projects it and reduces it with the
//! caller's function at once (a projection of a large model is big; the
//! reduction usually is not). Deterministic: results are in input order.

use super::{project, EngineError, Projection};
use crate::model::{Budget, Scenario};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// A reduction with the projection's warnings, or the engine's error.
pub type Reduced<T> = Result<(T, Vec<String>), EngineError>;

/// Project every scenario on its budget and reduce it with `f`.
pub fn project_each<T: Send>(
    budgets: &HashMap<String, Budget>,
    scenarios: &[Scenario],
    f: &(impl Fn(Projection) -> T + Sync),
) -> Vec<Reduced<T>> {
    let one = |s: &Scenario| -> Reduced<T> {
        let b = budgets
            .get(&s.budget)
            .ok_or_else(|| EngineError::Overflow(format!("budget {} is not loaded", s.budget)))?;
        let p = project(b, s)?;
        let warnings = p.warnings.clone();
        Ok((f(p), warnings))
    };
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(scenarios.len());
    if workers <= 1 {
        return scenarios.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Reduced<T>>>> =
        scenarios.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(s) = scenarios.get(i) else { break };
                let r = one(s);
                if let Ok(mut slot) = slots[i].lock() {
                    *slot = Some(r);
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Err(EngineError::Overflow("a worker thread failed".into())))
        })
        .collect()
}
