//! One draw reduced to the figures §14 reports, as soon as it is projected
//! (a projection of a large model is big; these are a few numbers). Every
//! figure is a sum of the engine's own series: the horizon totals for the
//! gap and the overspend, each pool's overspend, each partner's exposure.

use crate::engine::arith::sum;
use crate::engine::{EngineError, Projection};
use rust_decimal::Decimal;

/// The figures of one projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// The total of in-year gaps over the horizon.
    pub gap: Decimal,
    /// The in-year gap of each year (for the fan chart).
    pub gap_by_year: Vec<Decimal>,
    /// The total overspend over the horizon (after reserves).
    pub overspend: Decimal,
    /// Each pool's total overspend, in the projection's pool order.
    pub pools: Vec<Decimal>,
    /// Each partner's total exposure, in the projection's exposure order.
    pub exposure: Vec<Decimal>,
}

impl Figures {
    /// Reduce a projection.
    pub fn of(p: &Projection) -> Result<Figures, EngineError> {
        let h = p.horizon_totals()?;
        let pools = p
            .pools
            .iter()
            .map(|l| sum(&l.overspend, "a pool's total overspend"))
            .collect::<Result<_, _>>()?;
        let exposure = p
            .exposure
            .iter()
            .map(|e| sum(&e.values, "a partner's total exposure"))
            .collect::<Result<_, _>>()?;
        Ok(Figures {
            gap: h.in_year_gap,
            gap_by_year: p.totals.in_year_gap.clone(),
            overspend: h.overspend,
            pools,
            exposure,
        })
    }
}
