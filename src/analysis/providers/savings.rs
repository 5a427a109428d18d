//! Savings at median by year and over the horizon (issue 18 item 5): for
//! each category, the across-sector saving (every line above the category's
//! volume-weighted median paid that median) and the within-sector saving
//! (every line above its own sector's median paid that), each year of the
//! horizon from that year's comparison, and their sums.

use super::{compare_providers, Category};
use crate::analysis::AnalysisError;
use crate::engine::arith::sum;
use crate::engine::Projection;
use crate::model::Budget;
use rust_decimal::Decimal;

/// One category's savings at median, year by year.
#[derive(Debug, Clone, PartialEq)]
pub struct Savings {
    pub category: String,
    /// Across sectors, one per year.
    pub across: Vec<Decimal>,
    /// Within sectors, one per year.
    pub within: Vec<Decimal>,
    pub across_total: Decimal,
    pub within_total: Decimal,
}

/// Every category's (or only `only`'s) savings at median over the horizon,
/// categories in the base year's order then any that first run later.
pub fn savings_by_year(
    budget: &Budget,
    p: &Projection,
    only: Option<&str>,
) -> Result<Vec<Savings>, AnalysisError> {
    let years: Vec<Vec<Category>> = (0..p.years)
        .map(|t| compare_providers(budget, p, t, only))
        .collect::<Result<_, _>>()?;
    let mut out: Vec<Savings> = vec![];
    for (t, cats) in years.iter().enumerate() {
        for c in cats {
            let i = match out.iter().position(|s| s.category == c.category) {
                Some(i) => i,
                None => {
                    out.push(Savings {
                        category: c.category.clone(),
                        across: vec![Decimal::ZERO; p.years],
                        within: vec![Decimal::ZERO; p.years],
                        across_total: Decimal::ZERO,
                        within_total: Decimal::ZERO,
                    });
                    out.len() - 1
                }
            };
            out[i].across[t] = c.saving_at_median;
            out[i].within[t] = c.sector_saving_at_median;
        }
    }
    let e = AnalysisError::engine(&p.scenario_id);
    for s in &mut out {
        s.across_total = sum(&s.across, "the saving at median").map_err(&e)?;
        s.within_total = sum(&s.within, "the saving at median").map_err(&e)?;
    }
    Ok(out)
}
