//! Helpers of the service projection: the levers acting on one service,
//! cached growth factors, error builders and (§10.2) schedules by year.

use crate::engine::arith::{powers, R};
use crate::engine::EngineError;
use crate::model::{Budget, Lever, Op, Service};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The levers acting on one service.
#[derive(Default)]
pub(super) struct Plan<'a> {
    pub commission: Option<&'a Lever>,
    pub decommission: Vec<&'a Lever>,
    pub recommission: Vec<&'a Lever>,
    pub unit_cost: Vec<(&'a Lever, Op)>,
    pub outcome_rate: Vec<(&'a Lever, Op)>,
}

/// The plans of the services some lever acts on, by service index.
#[derive(Default)]
pub(super) struct Plans<'a>(pub crate::engine::FastMap<usize, Plan<'a>>);

impl<'a> Plans<'a> {
    /// Service `i`'s plan (no lever: the empty plan).
    pub fn of(&self, i: usize) -> &Plan<'a> {
        static NONE: Plan<'static> = Plan {
            commission: None,
            decommission: Vec::new(),
            recommission: Vec::new(),
            unit_cost: Vec::new(),
            outcome_rate: Vec::new(),
        };
        self.0.get(&i).unwrap_or(&NONE)
    }
}

/// Cache of `(1+r)^t` series by rate.
pub(super) struct Powers {
    pub n: usize,
    pub cache: HashMap<Decimal, Vec<Decimal>>,
}

impl Powers {
    pub fn get(&mut self, r: Decimal, what: &str) -> R<&Vec<Decimal>> {
        if !self.cache.contains_key(&r) {
            let p = powers(r, self.n, what)?;
            self.cache.insert(r, p);
        }
        Ok(&self.cache[&r])
    }
}

/// Make `v` (empty) `n` zeros: one copy of a block of zeros, where
/// `resize` writes them one at a time.
pub(crate) fn zeros(v: &mut crate::engine::Series<Decimal>, n: usize) {
    const Z: [Decimal; crate::engine::SERIES_INLINE] =
        [Decimal::ZERO; crate::engine::SERIES_INLINE];
    match Z.get(..n) {
        Some(z) => v.extend_from_slice(z),
        None => v.resize(n, Decimal::ZERO),
    }
}

pub(super) fn overflow(what: &str, id: &str) -> EngineError {
    EngineError::Overflow(format!("{what} service {id}"))
}

pub(super) fn negative(
    s: &Service,
    what: &str,
    value: Decimal,
    t: usize,
    b: &Budget,
    lever: &str,
) -> EngineError {
    EngineError::Negative {
        what: format!("the {what} of service {}", s.id),
        value,
        year: b.base_year.plus(t as i32).to_string(),
        lever: lever.to_string(),
    }
}

/// §10.2: each budget service's schedule by year index (inside the horizon).
pub(super) struct Scheduled {
    pub unit_cost: Vec<Option<Decimal>>,
    pub volume: Vec<Option<Decimal>>,
}

impl Scheduled {
    /// The schedules of every service of `b`, by service id.
    pub fn of(b: &Budget, n: usize) -> HashMap<&str, Scheduled> {
        let mut out: HashMap<&str, Scheduled> = HashMap::new();
        for r in &b.schedules {
            let Ok(t) = usize::try_from(r.year.0 - b.base_year.0) else {
                continue; // before the base year: never used
            };
            if t >= n {
                continue;
            }
            let e = out.entry(r.service.as_str()).or_insert_with(|| Scheduled {
                unit_cost: vec![None; n],
                volume: vec![None; n],
            });
            e.unit_cost[t] = r.unit_cost;
            e.volume[t] = r.volume;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::zeros;
    use crate::engine::{Series, SERIES_INLINE};
    use rust_decimal::Decimal;

    /// Inline or spilled, `zeros` gives `n` plain zeros, as `resize` does.
    #[test]
    fn zeros_are_n_plain_zeros_at_every_length() {
        for n in [0, 1, SERIES_INLINE, SERIES_INLINE + 1, 40] {
            let mut v: Series<Decimal> = Series::new();
            zeros(&mut v, n);
            let mut want: Series<Decimal> = Series::new();
            want.resize(n, Decimal::ZERO);
            assert_eq!(v.len(), n);
            let bits = |s: &Series<Decimal>| s.iter().map(|x| x.serialize()).collect::<Vec<_>>();
            assert_eq!(bits(&v), bits(&want), "{n}");
        }
    }
}
