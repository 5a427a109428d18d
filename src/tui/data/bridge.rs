//! A bridge of the cumulative in-year gap from scenario A to scenario B
//! (SPEC §8 `compare`): B's drivers are applied to A one at a time, in a
//! fixed order — pay inflation, price inflation, each demand growth, each
//! partner's contribution growth, B's levers that A lacks, then removing
//! A's levers that B lacks — re-projecting after each; a step's effect is
//! the gap after it minus the gap before, so the steps sum exactly to B − A.
//! This adapts `analysis::bridge` (the `compare` command's) for the TUI.

use crate::engine::Projection;
use crate::model::{Budget, Scenario};
use rust_decimal::Decimal;

/// One step of the bridge.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub driver: String,
    pub gap_change: Decimal,
}

/// The bridge: A's gap, the steps, B's gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Bridge {
    pub gap_a: Decimal,
    pub steps: Vec<Step>,
    pub gap_b: Decimal,
}

/// Σ in-year gap over the horizon.
pub fn cumulative_gap(p: &Projection) -> Decimal {
    p.totals.in_year_gap.iter().copied().sum()
}

/// Bridge from A to B (both on `budget`), computed by the shared
/// `analysis::bridge` (the same steps as `poolplan compare`). Scenarios that
/// cannot be bridged (different budgets or horizons) give one step saying why.
pub fn bridge(
    budget: &Budget,
    a: &Scenario,
    b: &Scenario,
    pa: &Projection,
    pb: &Projection,
) -> Bridge {
    let gap_a = cumulative_gap(pa);
    let gap_b = cumulative_gap(pb);
    match crate::analysis::bridge::bridge(budget, a, b) {
        Ok(br) => Bridge {
            gap_a: br.start,
            steps: br
                .steps
                .into_iter()
                .map(|s| Step {
                    driver: s.driver,
                    gap_change: s.gap_change,
                })
                .collect(),
            gap_b: br.end,
        },
        Err(e) => Bridge {
            gap_a,
            steps: vec![Step {
                driver: format!("no bridge: {e}"),
                gap_change: gap_b - gap_a,
            }],
            gap_b,
        },
    }
}
