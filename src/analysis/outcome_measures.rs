//! Services grouped by outcome measure, with each measure's Σ cost and
//! Σ outcomes by year (the figures behind cost per outcome by measure,
//! `outcome_costs`). Services are grouped by their measure, matched trimmed
//! and case-insensitively (as outcomes.csv matches it), in the order
//! services first name one; services with no measure are left out. Each
//! sum is an `ExactSum`: the checked `Decimal` fold over the measure's
//! services in order, taken on integers; where that refuses (a fold that
//! would round), the reader folds the lines itself.

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
    /// `None` where a year's sum could not be taken exactly on integers.
    pub cost: Option<Vec<Decimal>>,
    /// Σ outcomes by year (unrounded; likewise).
    pub outcomes: Option<Vec<Decimal>>,
}

/// A measure's running sums.
#[derive(Debug, Clone)]
struct Group {
    outcome: String,
    services: Vec<usize>,
    cost: Vec<ExactSum>,
    outcomes: Vec<ExactSum>,
}

/// Measures being taken, line by line.
#[derive(Debug, Clone, Default)]
pub struct Measures<'a> {
    groups: Vec<Group>,
    /// Measure as written → group (most lines repeat a spelling seen).
    by_text: FastMap<&'a str, usize>,
    /// Matching key → group.
    by_key: FastMap<String, usize>,
}

impl<'a> Measures<'a> {
    /// Add line `at` (its index in the projection).
    pub fn add(&mut self, at: usize, line: &'a ServiceLine) {
        let i = match self.by_text.get(line.outcome.as_str()) {
            Some(&i) => i,
            None => {
                if line.outcome.trim().is_empty() {
                    return;
                }
                let next = self.groups.len();
                let i = *self
                    .by_key
                    .entry(OutcomeValue::key(&line.outcome))
                    .or_insert(next);
                if i == next {
                    let n = line.cost.len();
                    self.groups.push(Group {
                        outcome: line.outcome.trim().to_string(),
                        services: vec![],
                        cost: vec![ExactSum::default(); n],
                        outcomes: vec![ExactSum::default(); n],
                    });
                }
                self.by_text.insert(line.outcome.as_str(), i);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::example;
    use rust_decimal_macros::dec;

    /// The measures of `lines` as a plain pass gives them: groups by key in
    /// order of first naming, sums the checked fold in order.
    fn plain(lines: &[ServiceLine]) -> Vec<MeasureSums> {
        let mut out: Vec<(String, MeasureSums)> = vec![];
        for (at, l) in lines.iter().enumerate() {
            if l.outcome.trim().is_empty() {
                continue;
            }
            let key = OutcomeValue::key(&l.outcome);
            let i = match out.iter().position(|(k, _)| *k == key) {
                Some(i) => i,
                None => {
                    let n = l.cost.len();
                    let g = MeasureSums {
                        outcome: l.outcome.trim().to_string(),
                        services: vec![],
                        cost: Some(vec![Decimal::ZERO; n]),
                        outcomes: Some(vec![Decimal::ZERO; n]),
                    };
                    out.push((key, g));
                    out.len() - 1
                }
            };
            let g = &mut out[i].1;
            g.services.push(at);
            for (sums, xs) in [(&mut g.cost, &l.cost), (&mut g.outcomes, &l.outcomes)] {
                for (s, x) in sums.iter_mut().flatten().zip(xs) {
                    *s = s.checked_add(*x).unwrap();
                }
            }
        }
        out.into_iter().map(|(_, g)| g).collect()
    }

    fn taken(lines: &[ServiceLine]) -> Vec<MeasureSums> {
        let mut m = Measures::default();
        lines.iter().enumerate().for_each(|(at, l)| m.add(at, l));
        m.values()
    }

    #[test]
    fn measures_are_the_plain_pass_for_every_example_scenario() {
        let (b, all) = example();
        for s in &all {
            let mut p = crate::engine::project(&b, s).unwrap();
            // Spellings that differ only in case and spaces are one measure.
            p.services[0].outcome = format!("  {} ", p.services[0].outcome.to_uppercase());
            let want = plain(&p.services);
            assert!(want.len() > 1 && want.iter().all(|g| g.cost.is_some()));
            assert_eq!(taken(&p.services), want, "{}", s.id);
        }
    }

    #[test]
    fn a_sum_that_would_round_is_left_to_the_reader() {
        let (b, all) = example();
        let mut p = crate::engine::project(&b, &all[0]).unwrap();
        let named: Vec<usize> = (0..p.services.len())
            .filter(|&i| !p.services[i].outcome.trim().is_empty())
            .collect();
        // 2^96 − 1 at 28 places plus anything else of that measure rounds.
        p.services[named[0]].outcomes[0] = dec!(7.9228162514264337593543950335);
        let got = taken(&p.services);
        let g = got.iter().find(|g| g.services.contains(&named[0])).unwrap();
        assert!(g.services.len() > 1, "the measure has other services");
        assert_eq!(g.outcomes, None);
        assert!(g.cost.is_some());
    }
}
