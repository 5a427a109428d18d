//! SPEC §6.2–6.4: each service's run window, unit cost (uprated, recommissioned,
//! levers), volume (demand growth, then three passes: own levers,
//! invest-to-save reductions, floor at 0), cost, outcomes and benefit.
//!
//! Services are independent except for the volume levers' invest-to-save
//! reductions, so the work is: factor tables once (`tables`), every line in
//! parallel (`line`), the volume levers in lever order (sequential, cheap),
//! then cost, outcomes and benefit in parallel. Results, warnings and the
//! error reported are the same whatever the number of threads.

use super::arith::{mul, negative_value, sub, R};
use super::benefit::{apply_rows, rows_of};
use super::parallel::{for_each_mut, for_each_mut_acc};
use super::ServiceLine;
use crate::model::{round, Budget, Lever, LeverKind, Op, Reduces, RiskRule, Scenario, Service};
use rust_decimal::Decimal;

pub(super) mod bound;
mod helpers;
mod line;
mod sums;
mod tables;
use helpers::{overflow, Plan, Scheduled};
pub use sums::LineSums;

/// Project every service of the scenario on up to `threads` threads; with
/// the lines, their sums (`LineSums`), taken as each line is finished.
// `t` indexes several parallel year series at once.
#[allow(clippy::needless_range_loop)]
pub fn project(
    b: &Budget,
    s: &Scenario,
    deflator: &[Decimal],
    warnings: &mut Vec<String>,
    threads: usize,
    benefit: bool,
) -> R<(Vec<ServiceLine>, LineSums)> {
    let n = s.years;
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
    // Service id → index, for levers that name a service (none: no map;
    // a rate edit need not hash 10^5 ids).
    let named = s.levers.iter().any(|l| l.kind.service().is_some());
    let index: super::FastMap<&str, usize> = (all.iter().enumerate())
        .filter(|_| named)
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

    // Run windows, unit costs, outcome rates and demand-grown volumes.
    let tables = tables::Tables::build(b, s, &all)?;
    let schedules = Scheduled::of(b, n);
    // Only lines with labels hold a provider series (`line::Ctx::labels`).
    let providers = std::sync::OnceLock::new();
    let pools: super::FastMap<&str, usize> = (b.pools.iter().enumerate())
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let ctx = line::Ctx {
        providers: &providers,
        all: &all,
        pools: &pools,
        b,
        n,
        tables: &tables,
        schedules: &schedules,
        labels: benefit,
    };
    let mut lines = super::memory::lines(all.len());
    for_each_mut(&mut lines, threads, &|i, line, _| {
        line::build(&ctx, i, all[i], &plans[i], line)
    })?;

    // Pass 1: each service's own volume levers; remember what each added.
    let mut reductions: Vec<(usize, &Reduces, Vec<Decimal>)> = vec![];
    for (i, l, op, reduces) in &volume_levers {
        let what = "the volume of a service";
        let mut added = vec![Decimal::ZERO; n];
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
    // Pass 3: floor at zero; zero every figure where the service does not
    // run; cost, outcomes and benefit.
    // Without the benefit pass (`benefit` false) value rows, benefit and
    // benefit_to stay empty/zero — except in pools that share risk by
    // benefit (§11.3: their settlement reads the value rows); `bound`
    // proves the skipped passes could not fail.
    let by_benefit: Vec<&str> = b
        .pools
        .iter()
        .filter(|p| p.risk_share == RiskRule::Benefit)
        .map(|p| p.id.as_str())
        .collect();
    let valued_of = |svc: &Service| benefit || by_benefit.contains(&svc.pool.as_str());
    let some = benefit || !by_benefit.is_empty();
    let valued = super::benefit::index(if some { &b.outcomes[..] } else { &[] });
    let keep = tables::Persistence::build(if some { &all[..] } else { &[] }, n);
    let sums = || LineSums::new(n, b.pools.len(), benefit);
    let (notes, parts) = for_each_mut_acc(&mut lines, threads, &sums, &|i, line, notes, acc| {
        let svc = all[i];
        let what = "a service";
        for t in 0..n {
            if !line.runs[t] {
                line.volume[t] = Decimal::ZERO;
                continue;
            }
            if negative_value(&line.volume[t]) {
                notes.push(format!(
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
        if valued_of(svc) {
            let k = keep.get(svc.benefit.drop_off, || {
                format!("the benefit of service {}", svc.id)
            })?;
            apply_rows(line, svc, rows_of(svc, &valued), k, deflator)?;
        }
        acc.add(line);
        Ok(())
    })?;
    warnings.extend(notes);
    let sums = LineSums::merged(parts).unwrap_or_else(sums);
    Ok((lines, sums))
}
