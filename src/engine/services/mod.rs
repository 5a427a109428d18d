//! SPEC §6.2–6.4: each service's run window, unit cost (uprated, recommissioned,
//! levers), volume (demand growth, then three passes: own levers,
//! invest-to-save reductions, floor at 0), cost, outcomes and benefit.
//!
//! Services are independent except for the volume levers' invest-to-save
//! reductions, so the work is: factor tables once (`tables`), every line in
//! parallel (`line`), the volume levers in lever order (`volume`:
//! sequential, cheap), then cost, outcomes and benefit in parallel
//! (`finish`); `stages` runs them in one pass over the lines. Results,
//! warnings and the error reported are the same whatever the number of
//! threads.

use super::arith::R;
use super::ServiceLine;
use crate::model::{Budget, LeverKind, Scenario, Service};
use rust_decimal::Decimal;

pub(super) mod bound;
mod finish;
mod helpers;
mod line;
mod stages;
mod sums;
mod tables;
#[cfg(test)]
mod tests_stages;
mod volume;
use helpers::{Plan, Plans, Scheduled};
pub use sums::LineSums;
use volume::{VolumeLever, VolumeLevers};

/// Project every service of the scenario on up to `threads` threads; with
/// the lines, their sums (`LineSums`), taken as each line is finished.
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
    let commissions = (s.levers.iter()).filter(|l| matches!(l.kind, LeverKind::Commission { .. }));
    let mut all: Vec<&Service> = Vec::with_capacity(b.services.len() + commissions.count());
    all.extend(&b.services);
    // Only the services some lever acts on have a plan (a national model's
    // other 10^5 would be 10 MB of empty plans, new memory each projection).
    let mut plans = Plans::default();
    for l in &s.levers {
        if let LeverKind::Commission { service } = &l.kind {
            plans.0.insert(
                all.len(),
                Plan {
                    commission: Some(l),
                    ..Plan::default()
                },
            );
            all.push(service);
        }
    }
    let index = named(s, &all);
    let mut volume = VolumeLevers::default();
    for l in &s.levers {
        let Some(&i) = l.kind.service().and_then(|id| index.get(id)) else {
            continue;
        };
        let p = plans.0.entry(i).or_default();
        match &l.kind {
            LeverKind::Decommission { .. } => p.decommission.push(l),
            LeverKind::Recommission { .. } => p.recommission.push(l),
            LeverKind::UnitCost { op, .. } => p.unit_cost.push((l, *op)),
            LeverKind::OutcomeRate { op, .. } => p.outcome_rate.push((l, *op)),
            LeverKind::Volume { op, reduces, .. } => volume.0.push(VolumeLever {
                at: i,
                lever: l,
                op: *op,
                reduces: (reduces.as_ref()).map(|r| (r, index.get(r.service.as_str()).copied())),
            }),
            _ => {}
        }
    }

    // Run windows, unit costs, outcome rates and demand-grown volumes.
    let mut tables = tables::Tables::build(b, s, &all, finish::Finish::valued(b, benefit))?;
    let keep = tables.keep.take();
    let schedules = Scheduled::of(b, n);
    // Only lines with labels hold a provider series (`line::Ctx::labels`).
    let providers = std::sync::OnceLock::new();
    let pools: super::FastMap<&str, usize> = (b.pools.iter().enumerate())
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let stages = stages::Stages {
        ctx: line::Ctx {
            providers: &providers,
            all: &all,
            pools: &pools,
            b,
            n,
            tables: &tables,
            schedules: &schedules,
            labels: benefit,
        },
        plans: &plans,
        volume,
        finish: finish::Finish::new(b, &all, n, deflator, benefit, keep),
        threads,
        sums: (n, b.pools.len(), benefit),
    };
    let mut lines = super::memory::lines(all.len());
    // One pass over the lines; on an error, SPEC's order says which one.
    let fused = if order::staged_only() {
        None
    } else {
        stages.fused(&mut lines).ok()
    };
    let (notes, parts) = match fused {
        Some(done) => order::ran("fused", done),
        None => order::ran("staged", stages.staged(&mut lines))?,
    };
    warnings.extend(notes);
    let sums = LineSums::merged(parts).unwrap_or_else(|| stages.sums());
    Ok((lines, sums))
}

/// Service id → index, for the ids levers name (a lever's service, or the
/// service its reduction cuts); where an id is repeated, its last service.
/// (Only those: hashing every one of 10^5 ids took 4 % of a projection.)
fn named<'a>(s: &'a Scenario, all: &[&'a Service]) -> super::FastMap<&'a str, usize> {
    let mut ids: super::FastMap<&str, usize> = super::FastMap::default();
    for l in &s.levers {
        ids.extend(l.kind.service().map(|id| (id, usize::MAX)));
        if let LeverKind::Volume {
            reduces: Some(r), ..
        } = &l.kind
        {
            ids.insert(r.service.as_str(), usize::MAX);
        }
    }
    if !ids.is_empty() {
        for (i, svc) in all.iter().enumerate() {
            if let Some(at) = ids.get_mut(svc.id.as_str()) {
                *at = i;
            }
        }
    }
    ids.retain(|_, at| *at != usize::MAX);
    ids
}

/// Which order gave a projection's lines (tests may ask for `staged` only).
mod order {
    #[cfg(test)]
    thread_local! {
        pub static STAGED_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        pub static RAN: std::cell::Cell<&'static str> = const { std::cell::Cell::new("") };
    }
    pub fn staged_only() -> bool {
        #[cfg(test)]
        return STAGED_ONLY.get();
        #[cfg(not(test))]
        false
    }
    #[cfg_attr(not(test), allow(unused_variables))]
    pub fn ran<T>(order: &'static str, done: T) -> T {
        #[cfg(test)]
        RAN.set(order);
        done
    }
}
