//! The monitoring report a Cabinet paper carries (`poolplan export` and the
//! TUI's export dialog alike): of scenario `baseline` if it is exported,
//! else of the first exported scenario, at the defaults of `poolplan
//! monitor` (latest year and period with actuals, straight-line method,
//! 1% and 5% thresholds); none when that budget has no actuals.

use super::{monitor, Choice, MonitorError, MonitorReport};
use crate::engine::Projection;
use crate::model::Budget;

/// The report (or why it cannot be made) and its budget, when the
/// monitored scenario's budget has actuals.
pub fn for_paper<'a>(
    ps: &[&'a Projection],
    budget_of: impl Fn(&str) -> Option<&'a Budget>,
) -> Option<(Result<MonitorReport, MonitorError>, &'a Budget)> {
    let p = ps
        .iter()
        .find(|p| p.scenario_id == "baseline")
        .or_else(|| ps.first())?;
    let budget = budget_of(&p.budget_id)?;
    if !budget.monitoring.has_actuals() {
        return None;
    }
    Some((monitor(budget, p, &Choice::default()), budget))
}
