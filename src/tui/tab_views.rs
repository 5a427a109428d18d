//! Which derived views the screen shows (so an edit computes only those),
//! and bringing them up to date.

use super::app::{App, Tab};
use super::derived::Views;

impl App {
    /// The derived views the current tab draws.
    pub fn views(&self) -> Views {
        match self.tab {
            Tab::Providers => Views::Providers,
            Tab::Pools if self.who_pays => Views::WhoPays,
            Tab::Services if self.services.by_outcome => Views::Outcomes,
            Tab::Compare => Views::Bridge,
            _ => Views::Nothing,
        }
    }

    /// Bring the derived views up to date (after every action).
    pub fn refresh_derived(&mut self) {
        let current = self.current_id().unwrap_or_default().to_string();
        let compare_a = self.compare_a_id().unwrap_or_default().to_string();
        self.derived.sensitivity.active = self.tab == Tab::Compare;
        self.derived.lever_effects.active = self.tab == Tab::Levers;
        self.derived.providers_extra.active = self.tab == Tab::Providers;
        let views = self.views();
        self.derived
            .update(&self.session, current, compare_a, self.year, views);
    }
}
