//! The drivers of the bridge from scenario A to scenario B, as moves that
//! change a working copy of A one at a time, in the documented order: pay
//! inflation and price inflation (always listed, even when equal), each
//! demand growth key whose value differs (sorted by key; set to B's value or
//! removed), each partner's contribution growth that differs (sorted by
//! partner id), B's levers that A lacks (appended, in B's order), A's levers
//! that B lacks (removed, in A's order), then the deflator and the discount
//! rate where they differ.

use super::levers::{describe, unmatched};
use super::pct;
use crate::model::{Budget, Lever, Scenario, YearRate};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// Where a lever in the working scenario came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tag {
    A(usize),
    B(usize),
}

/// One move towards B.
pub enum Move {
    Pay(YearRate),
    Price(YearRate),
    Demand(String, Option<YearRate>),
    Growth(String, Option<YearRate>),
    Add(usize, Lever),
    Remove(usize),
    Deflator(YearRate),
    Discount(Decimal),
}

fn set_key(
    map: &mut std::collections::BTreeMap<String, YearRate>,
    key: &str,
    v: &Option<YearRate>,
) {
    match v {
        Some(v) => {
            map.insert(key.to_string(), v.clone());
        }
        None => {
            map.remove(key);
        }
    }
}

impl Move {
    pub fn apply(&self, s: &mut Scenario, tags: &mut Vec<Tag>) {
        match self {
            Move::Pay(x) => s.rates.pay_inflation = x.clone(),
            Move::Price(x) => s.rates.price_inflation = x.clone(),
            Move::Deflator(x) => s.rates.deflator = x.clone(),
            Move::Discount(x) => s.rates.discount_rate = *x,
            Move::Demand(k, v) => set_key(&mut s.demand, k, v),
            Move::Growth(k, v) => set_key(&mut s.contribution_growth, k, v),
            Move::Add(j, l) => {
                s.levers.push(l.clone());
                tags.push(Tag::B(*j));
            }
            Move::Remove(i) => {
                if let Some(k) = tags.iter().position(|t| *t == Tag::A(*i)) {
                    s.levers.remove(k);
                    tags.remove(k);
                }
            }
        }
    }
}

/// A rate as the bridge labels it (§10.1): `2.5%` or `{2010-11 4%, 2011-12 3%}`.
pub fn rate(v: &YearRate) -> String {
    match v {
        YearRate::One(r) => pct(*r),
        YearRate::ByYear(m) => {
            let parts: Vec<String> = m.iter().map(|(y, r)| format!("{y} {}", pct(*r))).collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}

fn opt_pct(v: Option<&YearRate>) -> String {
    v.map(rate).unwrap_or_else(|| "unset (0%)".into())
}

/// The moves from A to B, with their labels, in the documented order.
pub fn moves(budget: &Budget, a: &Scenario, b: &Scenario) -> Vec<(String, Move)> {
    let (ra, rb) = (&a.rates, &b.rates);
    let mut out = vec![
        (
            format!(
                "pay inflation {} to {}",
                rate(&ra.pay_inflation),
                rate(&rb.pay_inflation)
            ),
            Move::Pay(rb.pay_inflation.clone()),
        ),
        (
            format!(
                "price inflation {} to {}",
                rate(&ra.price_inflation),
                rate(&rb.price_inflation)
            ),
            Move::Price(rb.price_inflation.clone()),
        ),
    ];
    let keys: BTreeSet<&String> = a.demand.keys().chain(b.demand.keys()).collect();
    for k in keys {
        let (va, vb) = (a.demand.get(k), b.demand.get(k));
        if va != vb {
            let label = format!("demand growth {k} {} to {}", opt_pct(va), opt_pct(vb));
            out.push((label, Move::Demand(k.clone(), vb.cloned())));
        }
    }
    let keys: BTreeSet<&String> = a
        .contribution_growth
        .keys()
        .chain(b.contribution_growth.keys())
        .collect();
    for k in keys {
        let va = a.contribution_growth.get(k);
        let vb = b.contribution_growth.get(k);
        if va != vb {
            let label = format!("contribution growth {k} {} to {}", opt_pct(va), opt_pct(vb));
            out.push((label, Move::Growth(k.clone(), vb.cloned())));
        }
    }
    let (only_a, only_b) = unmatched(&a.levers, &b.levers);
    for j in only_b {
        let l = b.levers[j].clone();
        out.push((
            format!("add {}", describe(&l, budget.base_year)),
            Move::Add(j, l),
        ));
    }
    for i in only_a {
        let label = format!("remove {}", describe(&a.levers[i], budget.base_year));
        out.push((label, Move::Remove(i)));
    }
    if ra.deflator != rb.deflator {
        let label = format!("deflator {} to {}", rate(&ra.deflator), rate(&rb.deflator));
        out.push((label, Move::Deflator(rb.deflator.clone())));
    }
    if ra.discount_rate != rb.discount_rate {
        let label = format!(
            "discount rate {} to {}",
            pct(ra.discount_rate),
            pct(rb.discount_rate)
        );
        out.push((label, Move::Discount(rb.discount_rate)));
    }
    out
}
