//! Moving one demand key touches only the services that key drives, so the
//! tornado and the switching-value search re-project those services alone
//! (issue 17: sensitivity was O(categories × services)).
//!
//! Why this is exact. The in-year gap of year t is Σ pools (Σ service cost −
//! savings) − Σ contributions (§6.5–6.6): exact sums, in which savings and
//! contributions do not depend on demand. A service's line depends on its
//! own inputs, the scenario's rates, its demand key, its own levers and the
//! pass-1 volume added by any lever that `reduces` it (no cascade, §6.3). So
//! a budget holding only the services the key drives, the services they
//! reduce, and the services that reduce any of those gives every one of them
//! the same line as the whole budget does; the change in its total spend is
//! the change in the whole budget's spend, and
//! `gap(x) = gap(base) + Σ_t (spend_sub_t(x) − spend_sub_t(base))`.
//! NPV is not additive (PV rounds once, of real terms), so it is recomputed
//! with `vfm::pv` from the whole budget's spend and benefit series with the
//! changes added. Where the small budget cannot be projected the caller
//! falls back to projecting the whole budget.

use super::Input;
use crate::engine::vfm::pv;
use crate::engine::{project, Projection};
use crate::model::{Budget, LeverKind, Scenario, Service};
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap};

/// Where each service and lever sits, built once per sensitivity report.
pub(super) struct Index<'a> {
    /// Demand key (service id or category) → ids of the budget's services.
    by_key: HashMap<&'a str, Vec<&'a str>>,
    /// Demand key → positions of `commission` levers whose service it drives.
    commissions_by_key: HashMap<&'a str, Vec<usize>>,
    /// Service id → positions of the levers that name it.
    levers_of: HashMap<&'a str, Vec<usize>>,
    /// Service id → ids of the services it reduces (its volume levers).
    reduces: HashMap<&'a str, Vec<&'a str>>,
    /// Service id → ids of the services that reduce it.
    reduced_by: HashMap<&'a str, Vec<&'a str>>,
    /// Service id → budget position.
    position: HashMap<&'a str, usize>,
    /// Service id → schedule rows.
    schedules: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Index<'a> {
    pub(super) fn new(b: &'a Budget, s: &'a Scenario) -> Index<'a> {
        let mut ix = Index {
            by_key: HashMap::new(),
            commissions_by_key: HashMap::new(),
            levers_of: HashMap::new(),
            reduces: HashMap::new(),
            reduced_by: HashMap::new(),
            position: HashMap::new(),
            schedules: HashMap::new(),
        };
        for (i, svc) in b.services.iter().enumerate() {
            ix.position.insert(&svc.id, i);
            for k in keys(svc) {
                ix.by_key.entry(k).or_default().push(&svc.id);
            }
        }
        for (i, l) in s.levers.iter().enumerate() {
            if let LeverKind::Commission { service } = &l.kind {
                for k in keys(service) {
                    ix.commissions_by_key.entry(k).or_default().push(i);
                }
            }
            if let Some(id) = l.kind.service() {
                ix.levers_of.entry(id).or_default().push(i);
            }
            if let LeverKind::Volume {
                service,
                reduces: Some(r),
                ..
            } = &l.kind
            {
                ix.reduces.entry(service).or_default().push(&r.service);
                ix.reduced_by.entry(&r.service).or_default().push(service);
            }
        }
        for (i, row) in b.schedules.iter().enumerate() {
            ix.schedules.entry(&row.service).or_default().push(i);
        }
        ix
    }

    /// The ids of every service whose line a move of `key` can change, and
    /// of the services those need to be projected alone.
    fn closure(&self, s: &'a Scenario, key: &str) -> BTreeSet<&'a str> {
        let mut driven: BTreeSet<&str> = BTreeSet::new();
        let none = Vec::new();
        for &i in self.commissions_by_key.get(key).unwrap_or(&none) {
            if let Some(id) = s.levers[i].kind.service() {
                driven.insert(id);
            }
        }
        let mut ids: BTreeSet<&'a str> = driven;
        ids.extend(self.by_key.get(key).into_iter().flatten().copied());
        let reduced: Vec<&str> = ids
            .iter()
            .flat_map(|id| self.reduces.get(id).into_iter().flatten().copied())
            .collect();
        ids.extend(reduced);
        let sources: Vec<&str> = ids
            .iter()
            .flat_map(|id| self.reduced_by.get(id).into_iter().flatten().copied())
            .collect();
        ids.extend(sources);
        ids
    }
}

/// A service's demand keys: its id and its category.
fn keys(svc: &Service) -> [&str; 2] {
    [svc.id.as_str(), svc.category.as_str()]
}

/// The whole budget's figures that a demand move changes, and a small
/// budget holding the services it drives.
pub(super) struct Probe<'p> {
    whole: &'p Projection,
    sub: &'p Budget,
    sub_scenario: Scenario,
    sub_base: Projection,
}

impl<'p> Probe<'p> {
    /// `None` when the small budget cannot be projected (the caller then
    /// projects the whole budget for every move).
    /// `shell` is the budget without services ([`shell`]), reused by every
    /// probe so that each costs only the services it holds.
    pub(super) fn new<'a>(
        ix: &Index<'a>,
        (b, s): (&'a Budget, &'a Scenario),
        whole: &'p Projection,
        shell: &'p mut Budget,
        key: &str,
    ) -> Option<Probe<'p>> {
        let ids = ix.closure(s, key);
        let mut services: Vec<usize> = ids
            .iter()
            .filter_map(|id| ix.position.get(id))
            .copied()
            .collect();
        services.sort_unstable();
        let mut levers: Vec<usize> = ids
            .iter()
            .flat_map(|id| ix.levers_of.get(id).into_iter().flatten().copied())
            .collect();
        levers.sort_unstable();
        levers.dedup();
        let mut rows: Vec<usize> = ids
            .iter()
            .flat_map(|id| ix.schedules.get(id).into_iter().flatten().copied())
            .collect();
        rows.sort_unstable();
        shell.services = services.iter().map(|&i| b.services[i].clone()).collect();
        shell.schedules = rows.iter().map(|&i| b.schedules[i].clone()).collect();
        let sub: &Budget = shell;
        let sub_scenario = Scenario {
            id: s.id.clone(),
            name: s.name.clone(),
            budget: s.budget.clone(),
            years: s.years,
            description: String::new(),
            rates: s.rates.clone(),
            demand: s.demand.clone(),
            contribution_growth: s.contribution_growth.clone(),
            levers: levers.iter().map(|&i| s.levers[i].clone()).collect(),
            chain: vec![],
            extends: None,
            ranges: Default::default(),
        };
        let sub_base = project(sub, &sub_scenario).ok()?;
        Some(Probe {
            whole,
            sub,
            sub_scenario,
            sub_base,
        })
    }

    /// (total of in-year gaps, NPV) with `input` set to `x`; `None` where the small
    /// budget cannot be projected or a sum overflows (the caller then
    /// projects the whole budget, which says whether the move is n/a).
    pub(super) fn at(&self, input: &Input, x: Decimal) -> Option<(Decimal, Decimal)> {
        let moved = input.with(&self.sub_scenario, self.sub.base_year, x);
        let p = project(self.sub, &moved).ok()?;
        let (w, old, new) = (&self.whole.totals, &self.sub_base.totals, &p.totals);
        let shifted = |whole: &[Decimal], old: &[Decimal], new: &[Decimal]| {
            let mut out = Vec::with_capacity(whole.len());
            for t in 0..whole.len() {
                out.push(whole[t].checked_add(new[t].checked_sub(old[t])?)?);
            }
            Some(out)
        };
        let figures = || -> Option<(Decimal, Decimal)> {
            let spend = shifted(&w.spend, &old.spend, &new.spend)?;
            let benefit = shifted(&w.benefit_total, &old.benefit_total, &new.benefit_total)?;
            let gap = shifted(&w.in_year_gap, &old.spend, &new.spend)?
                .into_iter()
                .try_fold(Decimal::ZERO, |a, g| a.checked_add(g))?;
            let d = &self.whole.deflator;
            let r = self.sub_scenario.rates.discount_rate;
            let npv = pv(&benefit, d, r)
                .ok()?
                .checked_sub(pv(&spend, d, r).ok()?)?;
            Some((gap, npv))
        };
        figures()
    }
}

/// The budget without its services, schedules and monitoring: built once per
/// report, given each probe's services in turn.
pub(super) fn shell(b: &Budget) -> Budget {
    Budget {
        id: b.id.clone(),
        name: b.name.clone(),
        base_year: b.base_year,
        years: b.years,
        currency: b.currency.clone(),
        description: String::new(),
        partners: b.partners.clone(),
        pools: b.pools.clone(),
        contributions: b.contributions.clone(),
        providers: b.providers.clone(),
        services: vec![],
        risk_shares: b.risk_shares.clone(),
        outcomes: b.outcomes.clone(),
        risk_caps: b.risk_caps.clone(),
        schedules: vec![],
        files: vec![],
        monitoring: Default::default(),
    }
}
