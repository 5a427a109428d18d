//! SPEC §6.2–6.4: each service's run window, unit cost (uprated, recommissioned,
//! levers), volume (demand growth, then three passes: own levers,
//! invest-to-save reductions, floor at 0), cost, outcomes and benefit.

use super::arith::{add, demand_products, mul, products, sub, R};
use super::ServiceLine;
use crate::model::{
    round, Budget, Lever, LeverKind, Op, Reduces, Scenario, Service, Uplift, YearRate,
};
use rust_decimal::Decimal;
use std::collections::HashMap;

mod helpers;
use helpers::{negative, overflow, Plan, Powers, Scheduled};

// `t` indexes several parallel year series at once.
#[allow(clippy::needless_range_loop)]
pub fn project(
    b: &Budget,
    s: &Scenario,
    deflator: &[Decimal],
    warnings: &mut Vec<String>,
) -> R<Vec<ServiceLine>> {
    let n = s.years;
    let base = b.base_year.0 as i64;
    // Every service: the budget's, then those commissioned, in lever order.
    let mut all: Vec<&Service> = b.services.iter().collect();
    let mut plans: Vec<Plan> = b.services.iter().map(|_| Plan::default()).collect();
    for l in &s.levers {
        if let LeverKind::Commission { service } = &l.kind {
            all.push(service);
            plans.push(Plan {
                commission: Some(l),
                ..Plan::default()
            });
        }
    }
    let index: HashMap<&str, usize> = all
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut volume_levers: Vec<(usize, &Lever, Op, Option<&Reduces>)> = vec![];
    for l in &s.levers {
        let Some(&i) = l.kind.service().and_then(|id| index.get(id)) else {
            continue;
        };
        let p = &mut plans[i];
        match &l.kind {
            LeverKind::Decommission { .. } => p.decommission.push(l),
            LeverKind::Recommission { .. } => p.recommission.push(l),
            LeverKind::UnitCost { op, .. } => p.unit_cost.push((l, *op)),
            LeverKind::OutcomeRate { op, .. } => p.outcome_rate.push((l, *op)),
            LeverKind::Volume { op, reduces, .. } => {
                volume_levers.push((i, l, *op, reduces.as_ref()))
            }
            _ => {}
        }
    }

    let r = &s.rates;
    let by = b.base_year;
    let pay = products(&r.pay_inflation, by, n, "pay inflation")?;
    let price = products(&r.price_inflation, by, n, "price inflation")?;
    let mut demand_cache: HashMap<&str, Vec<Decimal>> = HashMap::new();
    let zero = YearRate::default();
    let mut index_cache: HashMap<Decimal, Vec<Decimal>> = HashMap::new();
    let mut pw = Powers {
        n,
        cache: HashMap::new(),
    };

    // Run windows, unit costs, outcome rates and demand-grown volumes.
    let schedules = Scheduled::of(b, n);
    let mut lines = Vec::with_capacity(all.len());
    for (svc, plan) in all.iter().zip(&plans) {
        let what = "a service";
        let start = svc.start.map(|y| y.0 as i64 - base).unwrap_or(0);
        let end = svc.end.map(|y| y.0 as i64 - base).unwrap_or(n as i64 - 1);
        let runs: Vec<bool> = (0..n)
            .map(|t| {
                let ti = t as i64;
                start <= ti
                    && ti <= end
                    && plan.commission.is_none_or(|c| c.covers(t))
                    && !plan.decommission.iter().any(|d| d.covers(t))
            })
            .collect();
        let mut provider: Vec<std::sync::Arc<str>> =
            vec![std::sync::Arc::from(svc.provider.as_str()); n];
        let mut base_cost = vec![svc.unit_cost; n];
        let mut base_rate = vec![svc.outcome_rate; n];
        // Years where a recommission that gives a unit cost is in force: it
        // wins over a scheduled unit cost (§10.2).
        let mut recommissioned_cost = vec![false; n];
        let sched = schedules
            .get(svc.id.as_str())
            .filter(|_| plan.commission.is_none());
        for l in &plan.recommission {
            if let LeverKind::Recommission {
                provider: p,
                unit_cost,
                outcome_rate,
                ..
            } = &l.kind
            {
                let new_provider: std::sync::Arc<str> = std::sync::Arc::from(p.as_str());
                for t in (0..n).filter(|t| l.covers(*t)) {
                    provider[t] = std::sync::Arc::clone(&new_provider);
                    if let Some(u) = unit_cost {
                        base_cost[t] = *u;
                        recommissioned_cost[t] = true;
                    }
                    if let Some(o) = outcome_rate {
                        base_rate[t] = *o;
                    }
                }
            }
        }
        let factor: Vec<Decimal> = match svc.uplift {
            Uplift::None => vec![Decimal::ONE; n],
            Uplift::Rate(u) => pw.get(u, what)?.clone(),
            Uplift::Index => match index_cache.get(&svc.pay_share) {
                Some(f) => f.clone(),
                None => {
                    let ps = svc.pay_share;
                    let f: Vec<Decimal> = (0..n)
                        .map(|t| {
                            add(
                                mul(ps, pay[t], what)?,
                                mul(Decimal::ONE - ps, price[t], what)?,
                                what,
                            )
                        })
                        .collect::<R<_>>()?;
                    index_cache.insert(ps, f.clone());
                    f
                }
            },
        };
        let mut unit_cost = vec![Decimal::ZERO; n];
        let mut outcome_rate = vec![Decimal::ZERO; n];
        for t in (0..n).filter(|t| runs[*t]) {
            let scheduled = sched.and_then(|s| s.unit_cost[t]);
            let mut u = match scheduled {
                Some(c) if !recommissioned_cost[t] => c,
                _ => mul(base_cost[t], factor[t], what)?,
            };
            let mut last = "";
            for (l, op) in plan.unit_cost.iter().filter(|(l, _)| l.covers(t)) {
                u = op
                    .apply(u)
                    .ok_or_else(|| overflow("the unit cost or outcome rate of", &svc.id))?;
                last = &l.origin;
            }
            if u < Decimal::ZERO {
                return Err(negative(svc, "unit cost", u, t, b, last));
            }
            unit_cost[t] = u;
            let mut o = base_rate[t];
            for (l, op) in plan.outcome_rate.iter().filter(|(l, _)| l.covers(t)) {
                o = op
                    .apply(o)
                    .ok_or_else(|| overflow("the unit cost or outcome rate of", &svc.id))?;
                last = &l.origin;
            }
            if o < Decimal::ZERO {
                return Err(negative(svc, "outcome rate", o, t, b, last));
            }
            outcome_rate[t] = o;
        }
        let key = if s.demand.contains_key(&svc.id) {
            svc.id.as_str()
        } else {
            svc.category.as_str()
        };
        if !demand_cache.contains_key(key) {
            let g = s.demand.get(key).unwrap_or(&zero);
            demand_cache.insert(key, demand_products(g, by, n, what)?);
        }
        let growth = &demand_cache[key];
        let volume = (0..n)
            .map(|t| match sched.and_then(|s| s.volume[t]) {
                Some(v) => Ok(v),
                None => mul(svc.volume, growth[t], what),
            })
            .collect::<R<Vec<_>>>()?;
        lines.push(ServiceLine {
            id: svc.id.clone(),
            name: svc.name.clone(),
            pool: svc.pool.clone(),
            category: svc.category.clone(),
            unit: svc.unit.clone(),
            outcome: svc.outcome.clone(),
            provider,
            runs,
            unit_cost,
            volume,
            cost: vec![Decimal::ZERO; n],
            outcome_rate,
            outcomes: vec![Decimal::ZERO; n],
            benefit: vec![Decimal::ZERO; n],
            value_rows: vec![],
            benefit_to: vec![],
            commissioned: plan.commission.is_some(),
        });
    }

    // Pass 1: each service's own volume levers; remember what each added.
    let mut reductions: Vec<(usize, &Reduces, Vec<Decimal>)> = vec![];
    for (i, l, op, reduces) in &volume_levers {
        let what = "the volume of a service";
        let mut added = vec![Decimal::ZERO; n];
        #[allow(clippy::needless_range_loop)] // t indexes several parallel series
        for t in 0..n {
            if !(l.covers(t) && lines[*i].runs[t]) {
                continue;
            }
            let before = lines[*i].volume[t];
            let after = op
                .apply(before)
                .ok_or_else(|| overflow("the volume of", &lines[*i].id))?;
            lines[*i].volume[t] = after;
            added[t] = sub(after, before, what)?;
        }
        if let Some(r) = reduces {
            reductions.push((*i, r, added));
        }
    }
    // Pass 2: invest-to-save reductions, computed from pass 1 (no cascade).
    for (_, r, added) in &reductions {
        let Some(&j) = index.get(r.service.as_str()) else {
            continue;
        };
        let what = "the volume of a service";
        for t in r.lag..n {
            if lines[j].runs[t] {
                let cut = mul(r.per_unit, added[t - r.lag], what)?;
                lines[j].volume[t] = sub(lines[j].volume[t], cut, what)?;
            }
        }
    }
    // Pass 3: floor at zero; zero every figure where the service does not run.
    let valued = super::benefit::index(&b.outcomes);
    for (line, svc) in lines.iter_mut().zip(&all) {
        let what = "a service";
        #[allow(clippy::needless_range_loop)] // t indexes several parallel series
        for t in 0..n {
            if !line.runs[t] {
                line.volume[t] = Decimal::ZERO;
                continue;
            }
            if line.volume[t] < Decimal::ZERO {
                warnings.push(format!(
                    "the volume of service {} would be {} in {}; floored at 0",
                    line.id,
                    line.volume[t].normalize(),
                    b.base_year.plus(t as i32)
                ));
                line.volume[t] = Decimal::ZERO;
            }
            let id = &line.id;
            line.cost[t] = round(
                mul(line.unit_cost[t], line.volume[t], what)
                    .map_err(|_| overflow("the cost of", id))?,
            );
            line.outcomes[t] = mul(line.volume[t], line.outcome_rate[t], what)
                .map_err(|_| overflow("the outcomes of", id))?;
        }
        super::benefit::apply(line, svc, &valued, deflator)?;
    }
    Ok(lines)
}
