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
use crate::model::{Budget, Lever, Scenario};
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
    Pay(Decimal),
    Price(Decimal),
    Demand(String, Option<Decimal>),
    Growth(String, Option<Decimal>),
    Add(usize, Lever),
    Remove(usize),
    Deflator(Decimal),
    Discount(Decimal),
}

fn set_key(map: &mut std::collections::BTreeMap<String, Decimal>, key: &str, v: Option<Decimal>) {
    match v {
        Some(v) => {
            map.insert(key.to_string(), v);
        }
        None => {
            map.remove(key);
        }
    }
}

impl Move {
    pub fn apply(&self, s: &mut Scenario, tags: &mut Vec<Tag>) {
        match self {
            Move::Pay(x) => s.rates.pay_inflation = *x,
            Move::Price(x) => s.rates.price_inflation = *x,
            Move::Deflator(x) => s.rates.deflator = *x,
            Move::Discount(x) => s.rates.discount_rate = *x,
            Move::Demand(k, v) => set_key(&mut s.demand, k, *v),
            Move::Growth(k, v) => set_key(&mut s.contribution_growth, k, *v),
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

fn opt_pct(v: Option<Decimal>) -> String {
    v.map(pct).unwrap_or_else(|| "unset (0%)".into())
}

/// The moves from A to B, with their labels, in the documented order.
pub fn moves(budget: &Budget, a: &Scenario, b: &Scenario) -> Vec<(String, Move)> {
    let (ra, rb) = (&a.rates, &b.rates);
    let mut out = vec![
        (
            format!(
                "pay inflation {} to {}",
                pct(ra.pay_inflation),
                pct(rb.pay_inflation)
            ),
            Move::Pay(rb.pay_inflation),
        ),
        (
            format!(
                "price inflation {} to {}",
                pct(ra.price_inflation),
                pct(rb.price_inflation)
            ),
            Move::Price(rb.price_inflation),
        ),
    ];
    let keys: BTreeSet<&String> = a.demand.keys().chain(b.demand.keys()).collect();
    for k in keys {
        let (va, vb) = (a.demand.get(k).copied(), b.demand.get(k).copied());
        if va != vb {
            let label = format!("demand growth {k} {} to {}", opt_pct(va), opt_pct(vb));
            out.push((label, Move::Demand(k.clone(), vb)));
        }
    }
    let keys: BTreeSet<&String> = a
        .contribution_growth
        .keys()
        .chain(b.contribution_growth.keys())
        .collect();
    for k in keys {
        let va = a.contribution_growth.get(k).copied();
        let vb = b.contribution_growth.get(k).copied();
        if va != vb {
            let label = format!("contribution growth {k} {} to {}", opt_pct(va), opt_pct(vb));
            out.push((label, Move::Growth(k.clone(), vb)));
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
        let label = format!("deflator {} to {}", pct(ra.deflator), pct(rb.deflator));
        out.push((label, Move::Deflator(rb.deflator)));
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
