//! Horizon totals and reserve by year, computed once, checked, for every
//! view to read (summary, compare, the TUI's tabs): Σ over the horizon of
//! each headline measure, and the reserves held at the end of each year.
//! An additive `impl Projection`: nothing here changes a projection.

use super::arith::{sum, R};
use super::Projection;
use rust_decimal::Decimal;

/// Σ over the horizon of each headline measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HorizonTotals {
    pub contributions: Decimal,
    pub spend: Decimal,
    /// The total of in-year gaps over the horizon.
    pub in_year_gap: Decimal,
    pub overspend: Decimal,
    pub benefit: Decimal,
    pub outcomes: Decimal,
    pub service_cost: Decimal,
}

impl Projection {
    /// Σ over the horizon of every headline measure, each checked.
    pub fn horizon_totals(&self) -> R<HorizonTotals> {
        let t = &self.totals;
        Ok(HorizonTotals {
            contributions: sum(&t.contributions, "the total contributions")?,
            spend: sum(&t.spend, "the total spend")?,
            in_year_gap: sum(&t.in_year_gap, "the total of in-year gaps")?,
            overspend: sum(&t.overspend, "the total overspend")?,
            benefit: sum(&t.benefit_total, "the total benefit")?,
            outcomes: sum(&t.outcomes, "the total outcomes")?,
            service_cost: sum(&t.service_cost, "the total service cost")?,
        })
    }

    /// Reserves held at the end of year `t`: Σ pools' carry into the next
    /// year; the closing reserve for the last year.
    pub fn reserve_at(&self, t: usize) -> R<Decimal> {
        if t + 1 < self.years {
            sum(
                self.pools.iter().filter_map(|l| l.carry_in.get(t + 1)),
                "the reserves",
            )
        } else {
            Ok(self.totals.closing_reserve)
        }
    }

    /// Reserves held at the end of each year of the horizon.
    pub fn reserve_by_year(&self) -> R<Vec<Decimal>> {
        (0..self.years).map(|t| self.reserve_at(t)).collect()
    }
}
