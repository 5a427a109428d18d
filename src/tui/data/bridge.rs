//! A bridge of the cumulative in-year gap from scenario A to scenario B
//! (SPEC §8 `compare`): B's drivers are applied to A one at a time, in a
//! fixed order — pay inflation, price inflation, each demand growth, each
//! partner's contribution growth, B's levers that A lacks, then removing
//! A's levers that B lacks — re-projecting after each; a step's effect is
//! the gap after it minus the gap before. A last "other" step (horizon or
//! order effects) makes the steps sum exactly to B − A.
//! A stand-in for the shared `compare` computation (see `data`).

use crate::engine::{project, Projection};
use crate::model::{Budget, Lever, Scenario};
use rust_decimal::Decimal;

/// One step of the bridge.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub driver: String,
    pub gap_change: Decimal,
}

/// The bridge: A's gap, the steps, B's gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Bridge {
    pub gap_a: Decimal,
    pub steps: Vec<Step>,
    pub gap_b: Decimal,
}

/// Σ in-year gap over the horizon.
pub fn cumulative_gap(p: &Projection) -> Decimal {
    p.totals.in_year_gap.iter().copied().sum()
}

fn same(a: &Lever, b: &Lever) -> bool {
    a.kind == b.kind && a.from == b.from && a.to == b.to && a.active == b.active
}

fn describe(l: &Lever) -> String {
    let target = match &l.kind {
        crate::model::LeverKind::Contribution { partner, pool, .. } => {
            format!("{partner} → {pool}")
        }
        crate::model::LeverKind::Saving { pool, .. } => pool.clone(),
        k => k.service().unwrap_or("").to_string(),
    };
    format!("{} {target}", l.kind.name())
}

/// Bridge from A to B (both on `budget`). Steps whose projection fails are
/// skipped (their effect falls into "other").
pub fn bridge(
    budget: &Budget,
    a: &Scenario,
    b: &Scenario,
    pa: &Projection,
    pb: &Projection,
) -> Bridge {
    let gap_a = cumulative_gap(pa);
    let gap_b = cumulative_gap(pb);
    let mut s = a.clone();
    let mut gap = gap_a;
    let mut steps = vec![];
    let step = |s: &Scenario, driver: String, steps: &mut Vec<Step>, gap: &mut Decimal| {
        if let Ok(p) = project(budget, s) {
            let g = cumulative_gap(&p);
            steps.push(Step {
                driver,
                gap_change: g - *gap,
            });
            *gap = g;
        }
    };
    if s.rates.pay_inflation != b.rates.pay_inflation {
        s.rates.pay_inflation = b.rates.pay_inflation;
        step(&s, "pay inflation".into(), &mut steps, &mut gap);
    }
    if s.rates.price_inflation != b.rates.price_inflation {
        s.rates.price_inflation = b.rates.price_inflation;
        step(&s, "price inflation".into(), &mut steps, &mut gap);
    }
    let mut keys: Vec<String> = a.demand.keys().chain(b.demand.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        if a.demand.get(&k) != b.demand.get(&k) {
            match b.demand.get(&k) {
                Some(v) => s.demand.insert(k.clone(), *v),
                None => s.demand.remove(&k),
            };
            step(&s, format!("demand {k}"), &mut steps, &mut gap);
        }
    }
    let mut keys: Vec<String> = a
        .contribution_growth
        .keys()
        .chain(b.contribution_growth.keys())
        .cloned()
        .collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        if a.contribution_growth.get(&k) != b.contribution_growth.get(&k) {
            match b.contribution_growth.get(&k) {
                Some(v) => s.contribution_growth.insert(k.clone(), *v),
                None => s.contribution_growth.remove(&k),
            };
            step(&s, format!("growth {k}"), &mut steps, &mut gap);
        }
    }
    let mut unmatched: Vec<&Lever> = a.levers.iter().collect();
    for l in &b.levers {
        if let Some(i) = unmatched.iter().position(|x| same(x, l)) {
            unmatched.remove(i);
        } else {
            s.levers.push(l.clone());
            step(&s, format!("+ {}", describe(l)), &mut steps, &mut gap);
        }
    }
    for l in unmatched {
        if let Some(i) = s.levers.iter().position(|x| same(x, l)) {
            s.levers.remove(i);
            step(&s, format!("− {}", describe(l)), &mut steps, &mut gap);
        }
    }
    if gap != gap_b {
        steps.push(Step {
            driver: "other (horizon, order)".into(),
            gap_change: gap_b - gap,
        });
    }
    Bridge {
        gap_a,
        steps,
        gap_b,
    }
}
