//! One service's line before the volume levers (SPEC §6.2–6.3, §10.2): run
//! window, provider by year, unit cost (uprated or scheduled, recommissioned,
//! levers), outcome rate and demand-grown volume. Independent of every other
//! service, so the engine builds lines in parallel.

use super::helpers::{negative, overflow, zeros, Plan, Scheduled};
use super::tables::Tables;
use crate::engine::arith::{mul, negative_value, R};
use crate::engine::ServiceLine;
use crate::model::{Budget, LeverKind, Service};
use rust_decimal::Decimal;
use std::sync::Arc;

pub(super) struct Ctx<'a> {
    pub b: &'a Budget,
    pub n: usize,
    pub tables: &'a Tables,
    pub schedules: &'a std::collections::HashMap<&'a str, Scheduled>,
    /// One shared string per provider id (a line's provider by year holds
    /// reference counts to it, not a string of its own), made at first use.
    pub providers: &'a std::sync::OnceLock<crate::engine::FastMap<&'a str, Arc<str>>>,
    /// Every service, for `providers`.
    pub all: &'a [&'a Service],
    /// Each pool id's place in the budget's pools.
    pub pools: &'a crate::engine::FastMap<&'a str, usize>,
    /// False for `project_money`: no name, category, unit, outcome,
    /// provider or benefit series (nothing it reports reads them; four
    /// string copies and two series less per service).
    pub labels: bool,
}

impl<'a> Ctx<'a> {
    fn providers(&self) -> &crate::engine::FastMap<&'a str, Arc<str>> {
        self.providers.get_or_init(|| {
            let mut m = crate::engine::FastMap::default();
            for svc in self.all {
                m.entry(svc.provider.as_str())
                    .or_insert_with(|| Arc::from(svc.provider.as_str()));
            }
            m
        })
    }
}

/// `series` is `n` years of one shared string, equal to `provider`.
fn names_only(series: &[Arc<str>], provider: &str, n: usize) -> bool {
    series.len() == n
        && series.first().is_none_or(|first| {
            **first == *provider && series.iter().all(|p| Arc::ptr_eq(p, first))
        })
}

/// Fill `line` in place (whatever it held before is reset first, its
/// strings' memory kept): a line with its series inline is large, and
/// building it elsewhere and moving it in copied it twice.
pub(super) fn build(
    c: &Ctx<'_>,
    i: usize,
    svc: &Service,
    plan: &Plan<'_>,
    line: &mut ServiceLine,
) -> R<()> {
    let (n, b) = (c.n, c.b);
    let what = "a service";
    line.reset();
    let base = b.base_year.0 as i64;
    let start = svc.start.map(|y| y.0 as i64 - base).unwrap_or(0);
    let end = svc.end.map(|y| y.0 as i64 - base).unwrap_or(n as i64 - 1);
    line.runs.extend((0..n).map(|t| {
        let ti = t as i64;
        start <= ti
            && ti <= end
            && plan.commission.is_none_or(|c| c.covers(t))
            && !plan.decommission.iter().any(|d| d.covers(t))
    }));
    if !c.labels {
        line.provider.clear();
    } else if !names_only(&line.provider, &svc.provider, n) {
        // A line reused from an earlier projection usually names the same
        // provider already: then its series is kept as it is, since cloning
        // and dropping a provider's shared string is an atomic count that
        // every thread's lines contend for.
        line.provider.clear();
        match c.providers().get(svc.provider.as_str()) {
            Some(p) => line.provider.extend(std::iter::repeat_n(Arc::clone(p), n)),
            None => line.provider = smallvec::smallvec![Arc::from(svc.provider.as_str()); n],
        }
    }
    let provider = &mut line.provider;
    // Base unit cost and outcome rate by year, and the years where a
    // recommission that gives a unit cost is in force: it wins over a
    // scheduled unit cost (§10.2). Only built when a recommission exists.
    let mut re: Option<(Vec<Decimal>, Vec<Decimal>, Vec<bool>)> = None;
    for l in &plan.recommission {
        if let LeverKind::Recommission {
            provider: p,
            unit_cost,
            outcome_rate,
            ..
        } = &l.kind
        {
            let (cost, rate, fixed) = re.get_or_insert_with(|| {
                (
                    vec![svc.unit_cost; n],
                    vec![svc.outcome_rate; n],
                    vec![false; n],
                )
            });
            let new_provider: Arc<str> = Arc::from(p.as_str());
            for t in (0..n).filter(|t| l.covers(*t)) {
                if c.labels {
                    provider[t] = Arc::clone(&new_provider);
                }
                if let Some(u) = unit_cost {
                    cost[t] = *u;
                    fixed[t] = true;
                }
                if let Some(o) = outcome_rate {
                    rate[t] = *o;
                }
            }
        }
    }
    let sched = c
        .schedules
        .get(svc.id.as_str())
        .filter(|_| plan.commission.is_none());
    let factor = c.tables.factor(i)?;
    zeros(&mut line.unit_cost, n);
    zeros(&mut line.outcome_rate, n);
    let (unit_cost, outcome_rate) = (&mut line.unit_cost[..], &mut line.outcome_rate[..]);
    for t in (0..n).filter(|t| line.runs[*t]) {
        let (base_cost, base_rate, fixed) = match &re {
            Some((c, r, f)) => (c[t], r[t], f[t]),
            None => (svc.unit_cost, svc.outcome_rate, false),
        };
        let scheduled = sched.and_then(|s| s.unit_cost[t]);
        let mut u = match scheduled {
            Some(c) if !fixed => c,
            _ => mul(base_cost, factor[t], what)?,
        };
        let mut last = "";
        for (l, op) in plan.unit_cost.iter().filter(|(l, _)| l.covers(t)) {
            u = op
                .apply(u)
                .ok_or_else(|| overflow("the unit cost or outcome rate of", &svc.id))?;
            last = &l.origin;
        }
        if negative_value(&u) {
            return Err(negative(svc, "unit cost", u, t, b, last));
        }
        unit_cost[t] = u;
        let mut o = base_rate;
        for (l, op) in plan.outcome_rate.iter().filter(|(l, _)| l.covers(t)) {
            o = op
                .apply(o)
                .ok_or_else(|| overflow("the unit cost or outcome rate of", &svc.id))?;
            last = &l.origin;
        }
        if negative_value(&o) {
            return Err(negative(svc, "outcome rate", o, t, b, last));
        }
        outcome_rate[t] = o;
    }
    let growth = c.tables.demand(i)?;
    for t in 0..n {
        let v = match sched.and_then(|s| s.volume[t]) {
            Some(v) => v,
            None => mul(svc.volume, growth[t], what)?,
        };
        line.volume.push(v);
    }
    line.id.push_str(&svc.id);
    line.pool.push_str(&svc.pool);
    line.pool_at = c.pools.get(svc.pool.as_str()).copied();
    if c.labels {
        line.name.push_str(&svc.name);
        line.category.push_str(&svc.category);
        line.unit.push_str(&svc.unit);
        line.outcome.push_str(&svc.outcome);
        zeros(&mut line.benefit, n);
    }
    zeros(&mut line.cost, n);
    zeros(&mut line.outcomes, n);
    line.commissioned = plan.commission.is_some();
    Ok(())
}
