//! Σ cost and Σ outcomes by outcome measure (the figures behind cost per
//! outcome by measure, `analysis::outcome_costs`), taken as each line is
//! finished, like `LineSums`: read afterwards, every line comes from memory
//! again. Services are grouped by their measure, matched trimmed and case
//! insensitively, in the order services first name one; services with no
//! measure are left out. Each thread groups the lines of its part; the parts
//! merge in order, so the groups' order and members are those of one pass
//! over every line.

use crate::engine::exact_sum::ExactSum;
use crate::engine::{FastMap, ServiceLine};
use crate::model::OutcomeValue;
use rust_decimal::Decimal;

/// One outcome measure's services and sums by year.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureSums {
    /// The measure as first written on a service, trimmed.
    pub outcome: String,
    /// Indexes into `Projection::services`, in order.
    pub services: Vec<usize>,
    /// Σ cost by year: the checked fold over `services`, in order, or
    /// `None` where a year's sum could not be taken exactly on integers
    /// (the reader then folds the lines itself).
    pub cost: Option<Vec<Decimal>>,
    /// Σ outcomes by year (unrounded; likewise).
    pub outcomes: Option<Vec<Decimal>>,
}

/// A measure's running sums.
#[derive(Debug, Clone)]
struct Group {
    key: String,
    outcome: String,
    services: Vec<usize>,
    cost: Vec<ExactSum>,
    outcomes: Vec<ExactSum>,
}

/// The measures of one part of the lines.
#[derive(Debug, Clone, Default)]
pub struct Measures {
    groups: Vec<Group>,
    /// Measure as written → group (most lines repeat a spelling seen).
    by_text: FastMap<String, usize>,
    /// Matching key → group.
    by_key: FastMap<String, usize>,
}

impl Measures {
    /// Add line `at` (its index in the projection). Never inlined: kept
    /// out of the service loop's own code, which `check` runs without it.
    #[inline(never)]
    pub fn add(&mut self, at: usize, line: &ServiceLine) {
        let i = match self.by_text.get(line.outcome.as_str()) {
            Some(&i) => i,
            None => {
                if line.outcome.trim().is_empty() {
                    return;
                }
                let key = OutcomeValue::key(&line.outcome);
                let next = self.groups.len();
                let i = *self.by_key.entry(key.clone()).or_insert(next);
                if i == next {
                    let n = line.cost.len();
                    self.groups.push(Group {
                        key,
                        outcome: line.outcome.trim().to_string(),
                        services: vec![],
                        cost: vec![ExactSum::default(); n],
                        outcomes: vec![ExactSum::default(); n],
                    });
                }
                self.by_text.insert(line.outcome.clone(), i);
                i
            }
        };
        let g = &mut self.groups[i];
        g.services.push(at);
        g.cost
            .iter_mut()
            .zip(&line.cost)
            .for_each(|(s, x)| s.add(x));
        (g.outcomes.iter_mut().zip(&line.outcomes)).for_each(|(s, x)| s.add(x));
    }

    /// Add the measures of the lines after this part's.
    pub fn merge(&mut self, other: Measures) {
        for g in other.groups {
            match self.by_key.get(&g.key) {
                Some(&i) => {
                    let mine = &mut self.groups[i];
                    mine.services.extend(g.services);
                    mine.cost
                        .iter_mut()
                        .zip(&g.cost)
                        .for_each(|(a, b)| a.merge(b));
                    (mine.outcomes.iter_mut().zip(&g.outcomes)).for_each(|(a, b)| a.merge(b));
                }
                None => {
                    self.by_key.insert(g.key.clone(), self.groups.len());
                    self.groups.push(g);
                }
            }
        }
    }

    /// Every measure, in the order services first name one.
    pub fn values(self) -> Vec<MeasureSums> {
        let exact = |xs: &[ExactSum]| xs.iter().map(ExactSum::value).collect::<Option<Vec<_>>>();
        (self.groups.into_iter())
            .map(|g| MeasureSums {
                cost: exact(&g.cost),
                outcomes: exact(&g.outcomes),
                outcome: g.outcome,
                services: g.services,
            })
            .collect()
    }
}
