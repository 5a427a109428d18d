//! Within-sector comparison (issue 18 item 5). The across-sector median of
//! a category is volume-weighted, so a sector holding half the volume sets
//! it: in the example's fostering, in-house placements are half the weeks,
//! the median is the in-house rate, and the "saving at median" prices
//! independent fostering at the council's own cost. Beside it, each line is
//! compared with the lines of its own sector in the same category: the
//! sector's volume-weighted median, the line's rank in its sector, and the
//! saving if it were paid its sector's median.

use super::super::median::{diff_from_median, ranks, saving_at_median, weighted_median};
use super::Category;
use crate::engine::arith::{add, R};
use rust_decimal::Decimal;

/// One sector of a category.
#[derive(Debug, Clone, PartialEq)]
pub struct Sector {
    /// As providers.csv gives it (`in_house`, `private`, …; empty if the
    /// provider is not listed).
    pub sector: String,
    /// The category's services of this sector, in the category's line order.
    pub services: Vec<String>,
    pub median_unit_cost: Option<Decimal>,
    pub volume: Decimal,
    pub cost: Decimal,
    /// Σ its lines' saving at the sector's median.
    pub saving_at_median: Decimal,
    /// Σ its lines' saving at the category's (across-sector) median.
    pub saving_at_category_median: Decimal,
}

/// Fill each line's within-sector figures and the category's sectors.
pub fn within_sectors(c: &mut Category) -> R<()> {
    let mut order: Vec<String> = vec![];
    for l in &c.lines {
        if !order.contains(&l.sector) {
            order.push(l.sector.clone());
        }
    }
    c.sectors.clear();
    c.sector_saving_at_median = Decimal::ZERO;
    for name in order {
        let idx: Vec<usize> = (0..c.lines.len())
            .filter(|&i| c.lines[i].sector == name)
            .collect();
        let pairs: Vec<(Decimal, Decimal)> = idx
            .iter()
            .map(|&i| (c.lines[i].unit_cost, c.lines[i].volume))
            .collect();
        let median = weighted_median(&pairs)?;
        let costs: Vec<Decimal> = pairs.iter().map(|p| p.0).collect();
        let mut s = Sector {
            sector: name,
            services: vec![],
            median_unit_cost: median,
            volume: Decimal::ZERO,
            cost: Decimal::ZERO,
            saving_at_median: Decimal::ZERO,
            saving_at_category_median: Decimal::ZERO,
        };
        let what = "the sector's figures";
        for (&i, rank) in idx.iter().zip(ranks(&costs)) {
            let l = &mut c.lines[i];
            l.sector_rank = rank;
            l.sector_median_unit_cost = median;
            l.sector_diff_from_median = median.and_then(|m| diff_from_median(l.unit_cost, m));
            l.sector_saving_at_median = match median {
                Some(m) => saving_at_median(l.unit_cost, l.volume, m)?,
                None => Decimal::ZERO,
            };
            s.services.push(l.service.clone());
            s.volume = add(s.volume, l.volume, what)?;
            s.cost = add(s.cost, l.cost, what)?;
            s.saving_at_median = add(s.saving_at_median, l.sector_saving_at_median, what)?;
            s.saving_at_category_median =
                add(s.saving_at_category_median, l.saving_at_median, what)?;
        }
        c.sector_saving_at_median = add(c.sector_saving_at_median, s.saving_at_median, what)?;
        c.sectors.push(s);
    }
    Ok(())
}
