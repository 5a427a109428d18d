//! The risk runs of a Cabinet paper (SPEC §14, issue 19 item 4): one run
//! with the `poolplan risk` defaults (2,000 draws, seed 1, 90%) for each
//! exported scenario that has `[ranges]`, so the paper's risk table holds
//! exactly the figures `poolplan risk SCENARIO` reports.

use super::{risk, Options, Risk, RiskError};
use crate::model::{Budget, Scenario};
use std::collections::HashMap;

/// The default-option run of every scenario with ranges, in the order
/// given; none when no scenario has ranges.
pub fn for_paper(
    budgets: &HashMap<String, Budget>,
    scenarios: &[&Scenario],
) -> Result<Vec<Risk>, RiskError> {
    scenarios
        .iter()
        .filter(|s| !s.ranges.is_empty())
        .map(|s| risk(budgets, s, &Options::default(), &|_| true))
        .collect()
}
