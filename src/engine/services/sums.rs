//! Sums over the service lines, taken by each thread as it finishes a line
//! (while the line is still in the cache; read again afterwards, 10^5 lines
//! of 1.4 KB come from memory one cache miss at a time). Each figure is an
//! `ExactSum`, so the threads' parts merge into the very value the checked
//! `Decimal` fold in service order gives; where a sum refuses (a negative
//! value, or a fold that would round), the reader folds the lines itself.

use crate::engine::exact_sum::ExactSum;
use crate::engine::ServiceLine;
use rust_decimal::Decimal;

/// Σ over the lines by year, and each pool's Σ cost by year.
#[derive(Debug, Clone)]
pub struct LineSums {
    /// Σ cost (before savings) over every line.
    pub cost: Vec<ExactSum>,
    /// Σ benefit over every line (empty without the benefit pass).
    pub benefit: Vec<ExactSum>,
    /// Σ outcomes (unrounded) over every line (likewise).
    pub outcomes: Vec<ExactSum>,
    /// `[pool index][year]`: Σ cost of the lines whose `pool_at` is that pool.
    pub pool_cost: Vec<Vec<ExactSum>>,
}

impl LineSums {
    /// Empty sums for `n` years and `pools` pools; without `benefit` no
    /// benefit or outcomes sums (`project_money` reads neither).
    pub fn new(n: usize, pools: usize, benefit: bool) -> Self {
        let m = if benefit { n } else { 0 };
        LineSums {
            cost: vec![ExactSum::default(); n],
            benefit: vec![ExactSum::default(); m],
            outcomes: vec![ExactSum::default(); m],
            pool_cost: vec![vec![ExactSum::default(); n]; pools],
        }
    }

    /// The sums of `lines`, in one pass (for lines projected elsewhere).
    pub fn of(lines: &[ServiceLine], n: usize, pools: usize) -> Self {
        let mut s = LineSums::new(n, pools, true);
        lines.iter().for_each(|l| s.add(l));
        s
    }

    /// Add a finished line.
    #[inline]
    pub fn add(&mut self, line: &ServiceLine) {
        let years = |sums: &mut Vec<ExactSum>, xs: &[Decimal]| {
            sums.iter_mut().zip(xs).for_each(|(s, x)| s.add(x));
        };
        years(&mut self.cost, &line.cost);
        years(&mut self.benefit, &line.benefit);
        years(&mut self.outcomes, &line.outcomes);
        if let Some(p) = line.pool_at.and_then(|p| self.pool_cost.get_mut(p)) {
            years(p, &line.cost);
        }
    }

    /// The sums of the parts, in order (each part's lines after the last's).
    pub fn merged(parts: Vec<LineSums>) -> Option<Self> {
        let mut parts = parts.into_iter();
        let mut all = parts.next()?;
        for p in parts {
            let years = |a: &mut Vec<ExactSum>, b: &[ExactSum]| {
                a.iter_mut().zip(b).for_each(|(a, b)| a.merge(b));
            };
            years(&mut all.cost, &p.cost);
            years(&mut all.benefit, &p.benefit);
            years(&mut all.outcomes, &p.outcomes);
            for (a, b) in all.pool_cost.iter_mut().zip(&p.pool_cost) {
                years(a, b);
            }
        }
        Some(all)
    }

    /// The year values of `sums`, or `None` if any refuses.
    pub fn values(sums: &[ExactSum]) -> Option<Vec<Decimal>> {
        sums.iter().map(ExactSum::value).collect()
    }
}
