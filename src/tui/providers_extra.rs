//! The Providers tab's figures beyond the year's comparison: savings at
//! median (across and within sector) by year and over the horizon, and
//! the drill into one provider — `analysis::providers`, computed in
//! `Derived` when the session, the scenario or the provider changes.

use crate::analysis::providers::drill::{provider_drill, Drill};
use crate::analysis::providers::savings::{savings_by_year, Savings};
use crate::session::Session;

#[derive(Debug, Default)]
pub struct ProvidersExtra {
    /// The Providers tab is showing (set by the app before each update).
    pub active: bool,
    key: Option<(u64, String, Option<String>)>,
    /// The provider to drill into (set by the keys).
    pub want: Option<String>,
    pub savings: Option<Result<Vec<Savings>, String>>,
    pub drill: Option<Result<Drill, String>>,
}

impl ProvidersExtra {
    pub fn update(&mut self, s: &Session, id: &str) {
        if !self.active {
            return;
        }
        let key = (s.generation, id.to_string(), self.want.clone());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let (b, p) = (s.budget_of(id), s.projection(id));
        if self
            .key
            .as_ref()
            .is_none_or(|k| k.0 != key.0 || k.1 != key.1)
        {
            self.savings = match (b, p) {
                (Some(b), Some(p)) => Some(savings_by_year(b, p, None).map_err(|e| e.to_string())),
                _ => None,
            };
        }
        self.drill = match (b, p, &self.want) {
            (Some(b), Some(p), Some(w)) => Some(provider_drill(b, p, w).map_err(|e| e.to_string())),
            _ => None,
        };
        self.key = Some(key);
    }
}
