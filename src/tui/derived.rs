//! Views too costly to compute while drawing, computed when what they
//! depend on changes (a new session generation, another scenario, year or
//! compare pair), in `update`, never in `draw`: the provider comparison of
//! the current scenario and year, and the bridge from A to B (it
//! re-projects once per step). Both come from `analysis`, the same code as
//! `poolplan providers` and `poolplan compare`.

use crate::analysis::bridge::{bridge, Bridge};
use crate::analysis::providers::{compare_providers, Category};
use crate::session::Session;

/// What the derived views were computed for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Key {
    generation: u64,
    current: String,
    compare_a: String,
    year: usize,
}

/// The derived views and what they were computed for.
#[derive(Debug)]
pub struct Derived {
    key: Option<Key>,
    bridge_key: Option<(u64, String, String)>,
    /// The provider comparison of the current scenario and year.
    pub providers: Result<Vec<Category>, String>,
    /// The bridge from A (`compare_a`) to B (the current scenario).
    pub bridge: Option<Result<Bridge, String>>,
    /// The Monitor tab's state and report.
    pub monitor: super::monitor::MonitorView,
}

impl Default for Derived {
    fn default() -> Self {
        Derived {
            key: None,
            bridge_key: None,
            providers: Ok(vec![]),
            bridge: None,
            monitor: Default::default(),
        }
    }
}

impl Derived {
    /// Recompute what is stale for this session, scenario pair and year.
    pub fn update(&mut self, s: &Session, current: String, compare_a: String, year: usize) {
        let key = Key {
            generation: s.generation,
            current,
            compare_a,
            year,
        };
        self.monitor.update(s, &key.current);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.providers = match (s.projection(&key.current), s.budget_of(&key.current)) {
            (Some(p), Some(b)) => {
                compare_providers(b, p, key.year, None).map_err(|e| e.to_string())
            }
            _ => Ok(vec![]),
        };
        let bk = (key.generation, key.compare_a.clone(), key.current.clone());
        if self.bridge_key.as_ref() != Some(&bk) {
            self.bridge = match (s.scenario(&bk.1), s.scenario(&bk.2), s.budget_of(&bk.2)) {
                (Some(a), Some(b), Some(budget)) if a.budget == b.budget => {
                    Some(bridge(budget, a, b).map_err(|e| e.to_string()))
                }
                (Some(_), Some(_), _) => {
                    Some(Err("A and B use different budgets: no bridge".into()))
                }
                _ => None,
            };
            self.bridge_key = Some(bk);
        }
        self.key = Some(key);
    }

    /// Lines the Compare tab draws (headlines, then the bridge and notes).
    pub fn compare_lines(&self) -> usize {
        let bridge = match &self.bridge {
            Some(Ok(b)) => b.steps.len() + 2 + b.notes.len(),
            Some(Err(_)) => 1,
            None => 0,
        };
        // A hint line when A and B are the same scenario.
        let hint = usize::from(self.key.as_ref().is_some_and(|k| k.current == k.compare_a));
        10 + bridge + hint
    }

    /// Lines the Providers tab draws (two header lines, then each
    /// category's title and lines).
    pub fn providers_lines(&self) -> usize {
        match &self.providers {
            Ok(cats) => 2 + cats.iter().map(|c| 1 + c.lines.len()).sum::<usize>(),
            Err(_) => 1,
        }
    }
}
