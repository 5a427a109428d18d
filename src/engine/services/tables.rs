//! Factor tables built once per scenario, before the (parallel) service
//! loop: uprating by pay share or contractual rate, demand by category (or
//! service), benefit persistence by drop-off. Each service holds an index
//! into them. A table that cannot be built (overflow) keeps its error, and
//! the first service that needs it reports it, so errors come in the same
//! order as when each service built its own.

use super::helpers::Powers;
use crate::engine::arith::{add, demand_products, mul, powers, products, R};
use crate::engine::{EngineError, FastMap};
use crate::model::{Budget, Scenario, Service, Uplift, YearRate};
use rust_decimal::Decimal;
use std::collections::HashMap;

pub(super) struct Tables {
    /// Uprating factors; `uplift[i]` indexes them for service `i`.
    factors: Vec<R<Vec<Decimal>>>,
    uplift: Vec<usize>,
    /// Demand factors; `demand_of[i]` indexes them.
    demands: Vec<R<Vec<Decimal>>>,
    demand_of: Vec<usize>,
    /// Persistence by drop-off, when lines are valued (taken by `Finish`).
    pub keep: Option<Persistence>,
}

impl Tables {
    /// The tables for `all`; with `valued`, the persistence series too (in
    /// the same pass: a national model's services are read from memory
    /// once per projection, not once per table).
    pub fn build(b: &Budget, s: &Scenario, all: &[&Service], valued: bool) -> R<Tables> {
        let n = s.years;
        let (r, by) = (&s.rates, b.base_year);
        let pay = products(&r.pay_inflation, by, n, "pay inflation")?;
        let price = products(&r.price_inflation, by, n, "price inflation")?;
        let what = "a service";
        let mut factors: Vec<R<Vec<Decimal>>> = vec![Ok(vec![Decimal::ONE; n])];
        let mut by_rate: HashMap<Decimal, usize> = HashMap::new();
        let mut by_share: HashMap<Decimal, usize> = HashMap::new();
        // A pay share's exact bits → its table: most services repeat a
        // share already seen, and hashing a Decimal normalises it first.
        let mut share_bits: FastMap<[u8; 16], usize> = FastMap::default();
        let mut pw = Powers {
            n,
            cache: HashMap::new(),
        };
        let mut uplift = Vec::with_capacity(all.len());
        let mut demands: Vec<R<Vec<Decimal>>> = vec![];
        let mut by_key: FastMap<&str, usize> = FastMap::default();
        let demand_keys: FastMap<&str, ()> = s.demand.keys().map(|k| (k.as_str(), ())).collect();
        let mut demand_of = Vec::with_capacity(all.len());
        let zero = YearRate::default();
        let mut keep = valued.then(Persistence::default);
        // A key's length first: most services' ids are not `[demand]` keys,
        // and their text need not be read to know it.
        let key_lengths: Vec<usize> = demand_keys.keys().map(|k| k.len()).collect();
        for svc in all {
            if let Some(p) = &mut keep {
                p.add(svc.benefit.drop_off, n);
            }
            let f = match svc.uplift {
                Uplift::None => 0,
                Uplift::Rate(u) => *by_rate.entry(u).or_insert_with(|| {
                    factors.push(pw.get(u, what).cloned());
                    factors.len() - 1
                }),
                Uplift::Index if let Some(&f) = share_bits.get(&svc.pay_share.serialize()) => f,
                Uplift::Index => {
                    let f = *by_share.entry(svc.pay_share).or_insert_with(|| {
                        let ps = svc.pay_share;
                        let f = (0..n)
                            .map(|t| {
                                add(
                                    mul(ps, pay[t], what)?,
                                    mul(Decimal::ONE - ps, price[t], what)?,
                                    what,
                                )
                            })
                            .collect::<R<_>>();
                        factors.push(f);
                        factors.len() - 1
                    });
                    // Seen once by its bits: later services find it there.
                    share_bits.insert(svc.pay_share.serialize(), f);
                    f
                }
            };
            uplift.push(f);
            let key = if key_lengths.contains(&svc.id.len())
                && demand_keys.contains_key(svc.id.as_str())
            {
                svc.id.as_str()
            } else {
                svc.category.as_str()
            };
            let d = *by_key.entry(key).or_insert_with(|| {
                let g = s.demand.get(key).unwrap_or(&zero);
                demands.push(demand_products(g, by, n, what));
                demands.len() - 1
            });
            demand_of.push(d);
        }
        Ok(Tables {
            factors,
            uplift,
            demands,
            demand_of,
            keep,
        })
    }

    /// Service `i`'s uprating factor by year.
    pub fn factor(&self, i: usize) -> R<&[Decimal]> {
        table(&self.factors[self.uplift[i]])
    }

    /// Service `i`'s demand factor by year.
    pub fn demand(&self, i: usize) -> R<&[Decimal]> {
        table(&self.demands[self.demand_of[i]])
    }
}

fn table(t: &R<Vec<Decimal>>) -> R<&[Decimal]> {
    t.as_deref().map_err(EngineError::clone)
}

/// `(1 − drop_off)^t` series by drop-off, keyed by the exact decimal (its
/// scale too, so every service gets the very series it would build itself).
#[derive(Default)]
pub(crate) struct Persistence(crate::engine::FastMap<[u8; 16], R<Vec<Decimal>>>);

impl Persistence {
    /// Add the series for drop-off `d` over `n` years, if not yet there.
    pub fn add(&mut self, d: Decimal, n: usize) {
        (self.0.entry(d.serialize())).or_insert_with(|| powers(-d, n, "a benefit"));
    }

    /// The series for `drop_off`, or the error of building it (reported
    /// with `what`, as the service itself would have).
    pub fn get(&self, drop_off: Decimal, what: impl FnOnce() -> String) -> R<&[Decimal]> {
        match self.0.get(&drop_off.serialize()) {
            Some(Ok(v)) => Ok(v),
            _ => Err(EngineError::Overflow(what())),
        }
    }
}
