//! `Measures`: parts taken on threads merge into the plain pass over the
//! lines, and a sum that would round is left to the reader.

use super::measures::{MeasureSums, Measures};
use crate::analysis::fixture::example;
use crate::engine::ServiceLine;
use crate::model::OutcomeValue;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The measures of `lines` as one plain pass gives them: groups by key
/// in order of first naming, sums the checked fold in order.
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
        let add = |sums: &mut Option<Vec<Decimal>>, xs: &[Decimal]| {
            if let Some(v) = sums {
                for (s, x) in v.iter_mut().zip(xs) {
                    *s = s.checked_add(*x).unwrap();
                }
            }
        };
        add(&mut g.cost, &l.cost);
        add(&mut g.outcomes, &l.outcomes);
    }
    out.into_iter().map(|(_, g)| g).collect()
}

fn taken(lines: &[ServiceLine], split: usize) -> Vec<MeasureSums> {
    let part = |range: std::ops::Range<usize>| {
        let mut m = Measures::default();
        range.for_each(|at| m.add(at, &lines[at]));
        m
    };
    let mut m = part(0..split);
    m.merge(part(split..lines.len()));
    m.values()
}

#[test]
fn parts_merge_into_the_plain_pass_for_every_split() {
    let (b, all) = example();
    for s in &all {
        let d =
            crate::engine::arith::products(&s.rates.deflator, b.base_year, s.years, "").unwrap();
        let (mut lines, _) = super::project(&b, s, &d, &mut vec![], 1, true).unwrap();
        // Spellings that differ only in case and spaces are one measure.
        lines[0].outcome = format!("  {} ", lines[0].outcome.to_uppercase());
        let want = plain(&lines);
        assert!(want.len() > 1 && want.iter().all(|g| g.cost.is_some()));
        for split in 0..=lines.len() {
            assert_eq!(taken(&lines, split), want, "{} split {split}", s.id);
        }
    }
}

#[test]
fn a_sum_that_would_round_is_left_to_the_reader() {
    let (b, all) = example();
    let d = crate::engine::arith::products(&all[0].rates.deflator, b.base_year, 1, "").unwrap();
    let mut s = all[0].clone();
    s.years = 1;
    let (mut lines, _) = super::project(&b, &s, &d, &mut vec![], 1, true).unwrap();
    let named: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].outcome.trim().is_empty())
        .collect();
    // 2^96 − 1 at 28 places plus anything else of that measure rounds.
    lines[named[0]].outcomes[0] = dec!(7.9228162514264337593543950335);
    let got = taken(&lines, lines.len() / 2);
    let g = got.iter().find(|g| g.services.contains(&named[0])).unwrap();
    assert!(g.services.len() > 1, "the measure has other services");
    assert_eq!(g.outcomes, None);
    assert!(g.cost.is_some());
}
