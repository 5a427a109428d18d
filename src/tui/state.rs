//! View state of the table tabs (sort, filter, drill-down), kept apart from
//! `app` so each tab's knobs are in one small place.

use crate::analysis::glance::Bears;

/// The services table's view state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServicesView {
    pub sort: usize,
    pub desc: bool,
    pub filter: String,
    pub selected: usize,
    /// First scrolled column (the service column stays).
    pub left: usize,
    pub detail: bool,
    /// Cost per outcome by outcome measure, not the table.
    pub by_outcome: bool,
}

/// The Pools tab: all pools at a glance first; Enter drills into one.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolsView {
    /// One pool's account (Enter), not the glance (Esc returns).
    pub detail: bool,
    /// The ranking's sort column (see `data::glance::COLUMNS`).
    pub sort: usize,
    /// Largest first.
    pub desc: bool,
    /// The whole horizon, not the selected year.
    pub horizon: bool,
    /// What the partner × pool matrix shows.
    pub bears: Bears,
    /// First scrolled column of the matrix (the partner column stays).
    pub left: usize,
    /// The selected line of the ranking (in its sorted order).
    pub row: usize,
}

impl Default for PoolsView {
    /// Ranked by overspend, largest first, over the whole horizon, with
    /// who bears the risk shares: the first question of every meeting.
    fn default() -> Self {
        PoolsView {
            detail: false,
            sort: 4,
            desc: true,
            horizon: true,
            bears: Bears::RiskShare,
            left: 0,
            row: 0,
        }
    }
}

/// The Providers tab: a table of every service line (all categories or
/// one), sortable; Enter drills into the provider; `v` the bar chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProvidersView {
    /// The earlier bar chart by category instead of the table.
    pub bars: bool,
    /// 0 = every category, k = the k-th of the year's comparison.
    pub category: usize,
    /// 0 = as ranked (category, then rank); k = column k − 1.
    pub sort: usize,
    pub desc: bool,
    pub row: usize,
    pub left: usize,
    /// The provider drilled into (Esc returns).
    pub drill: Option<String>,
}

/// One bound of a §14 range, picked with `b` on the Levers tab (see
/// `levers_ranges`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Low,
    Mode,
    High,
}
