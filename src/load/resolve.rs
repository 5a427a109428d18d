//! Resolving a scenario: follow `extends` (cycles are errors), merge rates key
//! by key, run parents' levers first, check every reference against the
//! budget, and turn lever windows into year indices clipped to the horizon.

use super::budget::ServiceFields;
use super::diag::{Diagnostic, Owner, Severity, Sink};
use super::refs::{unknown, Declared, Known};
use super::scenario::{RawLever, RawScenario};
use super::tomlsrc::{report, Pos};
use crate::model::value::{parse_money, parse_outcome_rate, parse_quantity};
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// A scenario file found in the workspace (parsed or not).
#[derive(Debug, Clone)]
pub struct ScenarioSource {
    pub id: String,
    pub path: PathBuf,
    /// Path as shown in messages.
    pub shown: String,
    /// `None` when the file could not be read or parsed.
    pub raw: Option<RawScenario>,
    /// The parent's id, when `extends` was given.
    pub parent: Option<String>,
}

/// The most scenarios one `extends` chain may hold (itself included).
pub const MAX_CHAIN: usize = 2_000;

/// Resolve scenario `id`. Problems found in any file of its chain are
/// reported against that file; returns `None` if the chain cannot be
/// followed or has no budget.
pub fn resolve(
    id: &str,
    sources: &HashMap<String, ScenarioSource>,
    budgets: &HashMap<String, Budget>,
    declared: &HashMap<String, Declared>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Scenario> {
    resolve_indexed(id, sources, budgets, declared, &mut Indexes::new(), diags)
}

static NO_DECLARED: std::sync::LazyLock<Declared> = std::sync::LazyLock::new(Declared::default);

/// `resolve`, reusing per-budget indexes across calls (resolve many
/// scenarios of one budget without rebuilding its id sets each time).
pub fn resolve_indexed<'b>(
    id: &str,
    sources: &HashMap<String, ScenarioSource>,
    budgets: &'b HashMap<String, Budget>,
    declared: &'b HashMap<String, Declared>,
    indexes: &mut Indexes<'b>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Scenario> {
    // The chain, child first.
    let mut chain: Vec<&ScenarioSource> = vec![];
    let mut seen = HashSet::new();
    let mut cur = Some(id.to_string());
    while let Some(c) = cur {
        let Some(src) = sources.get(&c) else {
            let child = chain.last()?;
            let pos = child
                .raw
                .as_ref()
                .and_then(|r| r.extends.as_ref())
                .map(|e| e.pos)
                .unwrap_or_default();
            let mut sink = sink(diags, child);
            let mut ids: Vec<&str> = sources.keys().map(String::as_str).collect();
            ids.sort_unstable();
            let known: HashSet<&str> = ids.iter().copied().collect();
            report(
                &mut sink,
                Severity::Error,
                pos,
                Some("key \"extends\"".into()),
                unknown("scenario", &c, &known, "scenarios/"),
            );
            return None;
        };
        if !seen.insert(c.clone()) {
            // The cycle itself (a scenario that merely extends into it is
            // not part of it), from its smallest id, so every scenario
            // that reaches it reports the same single message.
            let start = chain.iter().position(|s| s.id == c).unwrap_or(0);
            let mut cycle: Vec<&ScenarioSource> = chain[start..].to_vec();
            let smallest = (0..cycle.len())
                .min_by_key(|&i| cycle[i].id.as_str())
                .unwrap_or(0);
            cycle.rotate_left(smallest);
            let mut names: Vec<&str> = cycle.iter().map(|s| s.id.as_str()).collect();
            names.push(cycle[0].id.as_str());
            let first = cycle[0];
            let pos = first
                .raw
                .as_ref()
                .and_then(|r| r.extends.as_ref())
                .map(|e| e.pos)
                .unwrap_or_default();
            let mut sink = sink(diags, first);
            report(&mut sink, Severity::Error, pos, Some("key \"extends\"".into()), format!("extends makes a cycle: {}; a scenario cannot extend itself, directly or through others", names.join(" → ")));
            return None;
        }
        src.raw.as_ref()?;
        chain.push(src);
        if chain.len() > MAX_CHAIN {
            // Bounded work: resolving every scenario of a chain n deep is
            // n² steps, so a runaway chain is refused, not followed.
            let mut sink = sink(diags, chain[0]);
            sink.error(
                None,
                Some("key \"extends\"".into()),
                format!("the extends chain is more than {MAX_CHAIN} scenarios deep; extend a scenario nearer the base"),
            );
            return None;
        }
        cur = src.parent.clone();
    }

    // Budget and horizon: inherited through extends, child wins for years.
    let mut budget_id: Option<String> = None;
    for s in chain.iter().rev() {
        let raw = s.raw.as_ref()?;
        if let Some(b) = &raw.budget {
            if let Some(parent_b) = &budget_id {
                if parent_b != &b.v {
                    let mut sink = sink(diags, s);
                    report(&mut sink, Severity::Error, b.pos, Some("key \"budget\"".into()), format!("this scenario names budget \"{}\" but the scenario it extends uses \"{parent_b}\"; a scenario must use its parent's budget", b.v));
                    return None;
                }
            }
            budget_id = Some(b.v.clone());
        }
    }
    let Some(budget_id) = budget_id else {
        // Said once, at the root of the chain, where the budget belongs
        // (its children inherit it).
        let root = chain.last().copied().unwrap_or(chain[0]);
        let mut sink = sink(diags, root);
        let known: Vec<&str> = {
            let mut k: Vec<&str> = budgets.keys().map(String::as_str).collect();
            k.sort_unstable();
            k
        };
        let example = known.first().copied().unwrap_or("<folder under budgets/>");
        sink.error(
            None,
            Some("key \"budget\"".into()),
            format!("no budget named; add budget = \"{example}\" (a folder under budgets/)"),
        );
        return None;
    };
    let Some((budget_key, budget)) = budgets.get_key_value(&budget_id) else {
        let pos = chain
            .iter()
            .find_map(|s| s.raw.as_ref().and_then(|r| r.budget.as_ref()))
            .map(|b| b.pos)
            .unwrap_or_default();
        let src = chain
            .iter()
            .find(|s| s.raw.as_ref().is_some_and(|r| r.budget.is_some()))
            .copied()
            .unwrap_or(chain[0]);
        let mut sink = sink(diags, src);
        let known: HashSet<&str> = budgets.keys().map(String::as_str).collect();
        report(
            &mut sink,
            Severity::Error,
            pos,
            Some("key \"budget\"".into()),
            unknown("budget", &budget_id, &known, "budgets/"),
        );
        return None;
    };
    let years = chain
        .iter()
        .find_map(|s| s.raw.as_ref().and_then(|r| r.years.as_ref()).map(|y| y.v))
        .unwrap_or(budget.years);
    // Issue 17: a horizon past 9999-00 is refused (it would show 10000-01).
    if let Some((s, at)) = chain.iter().find_map(|s| {
        s.raw
            .as_ref()
            .and_then(|r| r.years.as_ref())
            .map(|y| (*s, y))
    }) {
        if let Err(e) = budget.base_year.horizon_fits(years) {
            let mut sink = sink(diags, s);
            report(
                &mut sink,
                Severity::Error,
                at.pos,
                Some("key \"years\"".into()),
                e,
            );
            return None;
        }
    }
    let declared: &'b Declared = declared.get(&budget_id).unwrap_or(&NO_DECLARED);
    let child = chain[0].raw.as_ref()?;
    let mut scenario = Scenario {
        id: id.to_string(),
        name: child
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| id.to_string()),
        budget: budget_id.clone(),
        years,
        description: child.description.clone(),
        rates: Rates::default(),
        demand: BTreeMap::new(),
        contribution_growth: BTreeMap::new(),
        levers: vec![],
        chain: chain.iter().map(|s| s.path.clone()).collect(),
        extends: chain[0].parent.clone(),
    };

    // Commissioned services anywhere in the chain, for references.
    let mut commissioned: HashMap<String, (String, String)> = HashMap::new(); // id -> (category, pool)
    let mut ok = true;
    let ix = indexes
        .entry(budget_key.as_str())
        .or_insert_with(|| Index::new(budget, declared));
    let mut checker = Checker {
        b: budget,
        n: years,
        ix,
    };
    for s in chain.iter().rev() {
        let raw = s.raw.as_ref()?;
        for (key, at) in &raw.rates {
            let r = &mut scenario.rates;
            match key.as_str() {
                "pay_inflation" => r.pay_inflation = at.v,
                "price_inflation" => r.price_inflation = at.v,
                "deflator" => r.deflator = at.v,
                _ => r.discount_rate = at.v,
            }
        }
        for (key, at) in &raw.demand {
            scenario.demand.insert(key.clone(), at.v);
        }
        for (key, at) in &raw.contribution_growth {
            scenario.contribution_growth.insert(key.clone(), at.v);
        }
        for l in raw.levers.iter().filter(|l| l.kind == "commission") {
            let mut sink = sink(diags, s);
            match checker.commission(l, &mut sink, &commissioned) {
                Some(svc) => {
                    commissioned.insert(svc.id.clone(), (svc.category.clone(), svc.pool.clone()));
                }
                None => ok = false,
            }
        }
    }
    // Now every lever, in run order, with references checked.
    for s in chain.iter().rev() {
        let raw = s.raw.as_ref()?;
        let mut sink = sink(diags, s);
        for (key, at) in &raw.contribution_growth {
            if !checker
                .partners
                .accept("partner", key, "partners.csv", |m| {
                    report(
                        &mut sink,
                        Severity::Error,
                        at.pos,
                        Some(format!("[contribution_growth] key \"{key}\"")),
                        m,
                    )
                })
            {
                ok = false;
            }
        }
        // Built once, not per key (issue 17: K keys × S services).
        let categories: HashSet<&str> = budget
            .services
            .iter()
            .map(|sv| sv.category.as_str())
            .chain(commissioned.values().map(|(c, _)| c.as_str()))
            .collect();
        for (key, at) in &raw.demand {
            let known = budget.service(key).is_some()
                || declared.services.as_ref().is_none_or(|d| d.contains(key))
                || commissioned.contains_key(key)
                || categories.contains(key.as_str());
            if !known {
                // A mis-cased key (`Fostering`) stays a warning, with the exact match.
                let cased = categories
                    .iter()
                    .copied()
                    .chain(budget.services.iter().map(|sv| sv.id.as_str()))
                    .filter(|c| c.eq_ignore_ascii_case(key))
                    .min()
                    .map(|c| {
                        format!("; did you mean \"{c}\"? (keys match exactly, capitals included)")
                    })
                    .unwrap_or_default();
                report(&mut sink, Severity::Warning, at.pos, Some(format!("[demand] key \"{key}\"")), format!("\"{key}\" matches no service id or category of budget \"{budget_id}\"; this growth is not used{cased}"));
            }
        }
        for l in &raw.levers {
            match checker.lever(l, &mut sink, &commissioned) {
                Some(lever) => scenario.levers.push(lever),
                None => ok = false,
            }
        }
    }
    ok.then_some(scenario)
}

fn sink<'d>(diags: &'d mut Vec<Diagnostic>, s: &ScenarioSource) -> Sink<'d> {
    Sink {
        out: diags,
        owner: Owner::Scenario(s.id.clone()),
        file: s.shown.clone(),
    }
}

/// The ids of one budget that references may name: built once per budget
/// and shared by every scenario resolved on it (a national model has
/// 100,000 services and many scenarios).
pub struct Index<'b> {
    horizon_known: bool,
    pools: Known<'b>,
    partners: Known<'b>,
    providers: Known<'b>,
    services: Known<'b>,
    pairs: HashSet<(&'b str, &'b str)>,
    declared_pairs: Option<&'b HashSet<(String, String)>>,
}

impl<'b> Index<'b> {
    pub fn new(b: &'b Budget, d: &'b Declared) -> Self {
        Index {
            horizon_known: d.horizon_known,
            pools: Known::new(b.pools.iter().map(|p| p.id.as_str()), d.pools.as_ref()),
            partners: Known::new(
                b.partners.iter().map(|p| p.id.as_str()),
                d.partners.as_ref(),
            ),
            providers: Known::new(
                b.providers.iter().map(|p| p.id.as_str()),
                d.providers.as_ref(),
            ),
            services: Known::new(
                b.services.iter().map(|p| p.id.as_str()),
                d.services.as_ref(),
            ),
            pairs: b
                .contributions
                .iter()
                .map(|c| (c.pool.as_str(), c.partner.as_str()))
                .collect(),
            declared_pairs: d.pairs.as_ref(),
        }
    }
}

/// Per-budget indexes, built on first use.
pub type Indexes<'b> = HashMap<&'b str, Index<'b>>;

struct Checker<'b, 'i> {
    b: &'b Budget,
    n: usize,
    ix: &'i Index<'b>,
}

impl<'b, 'i> std::ops::Deref for Checker<'b, 'i> {
    type Target = Index<'b>;
    fn deref(&self) -> &Index<'b> {
        self.ix
    }
}

impl<'b, 'i> Checker<'b, 'i> {
    fn text<'l>(l: &'l RawLever, k: &str) -> (&'l str, Pos) {
        l.get(k).map(|a| (a.v.trim(), a.pos)).unwrap_or(("", l.pos))
    }

    fn commission(
        &self,
        l: &RawLever,
        sink: &mut Sink<'_>,
        seen: &HashMap<String, (String, String)>,
    ) -> Option<Service> {
        let t = |k: &str| Self::text(l, k).0.to_string();
        let f = ServiceFields {
            id: t("id"),
            name: t("name"),
            pool: t("pool"),
            provider: t("provider"),
            category: t("category"),
            unit: t("unit"),
            unit_cost: t("unit_cost"),
            volume: t("volume"),
            pay_share: t("pay_share"),
            uplift: t("uplift"),
            outcome: t("outcome"),
            outcome_rate: t("outcome_rate"),
            outcome_value: t("outcome_value"),
            start: t("start"),
            end: t("end"),
        };
        let horizon = self.horizon_known.then_some((self.b.base_year, self.n));
        let mut rep = |col: &str, msg: String, warn: bool| {
            let sev = if warn {
                Severity::Warning
            } else {
                Severity::Error
            };
            match l.get(col) {
                Some(at) => report(
                    sink,
                    sev,
                    at.pos,
                    Some(format!("commission key \"{col}\"")),
                    msg,
                ),
                None => report(sink, sev, l.pos, None, format!("a commission lever needs {col}; a new service needs id, name, pool, provider, category, unit, unit_cost and volume, as in services.csv")),
            }
        };
        let svc = f.parse(&self.pools, &self.providers, horizon, &mut rep)?;
        let in_budget = self.services.valid.contains(svc.id.as_str())
            || self.services.declared.is_some_and(|d| d.contains(&svc.id));
        if in_budget || seen.contains_key(&svc.id) {
            let pos = Self::text(l, "id").1;
            let place = if in_budget {
                "services.csv already has a service"
            } else {
                "another commission lever in this scenario's chain already adds a service"
            };
            report(
                sink,
                Severity::Error,
                pos,
                Some("commission key \"id\"".into()),
                format!("{place} \"{}\"; give the new service its own id", svc.id),
            );
            return None;
        }
        Some(svc)
    }

    fn service_ref(
        &self,
        l: &RawLever,
        key: &str,
        sink: &mut Sink<'_>,
        commissioned: &HashMap<String, (String, String)>,
    ) -> Option<String> {
        let (v, pos) = Self::text(l, key);
        if self.services.valid.contains(v) || commissioned.contains_key(v) {
            return Some(v.to_string());
        }
        let report_at = |m| {
            report(
                sink,
                Severity::Error,
                pos,
                Some(format!("lever key \"{key}\"")),
                m,
            )
        };
        // The shared index (built once) unless commissioned services join it.
        if commissioned.is_empty() {
            self.services
                .accept("service", v, "services.csv", report_at);
        } else {
            let known = self
                .services
                .with_more(commissioned.keys().map(String::as_str));
            known.accept("service", v, "services.csv", report_at);
        }
        None
    }

    fn id_ref(
        &self,
        l: &RawLever,
        key: &str,
        what: &str,
        known: &Known<'_>,
        file: &str,
        sink: &mut Sink<'_>,
    ) -> Option<String> {
        let (v, pos) = Self::text(l, key);
        known
            .accept(what, v, file, |m| {
                report(
                    sink,
                    Severity::Error,
                    pos,
                    Some(format!("lever key \"{key}\"")),
                    m,
                )
            })
            .then(|| v.to_string())
    }

    fn window(&self, l: &RawLever, sink: &mut Sink<'_>) -> (usize, Option<usize>, bool) {
        let base = self.b.base_year.0 as i64;
        let last = self.n as i64 - 1;
        let from = l.from.as_ref().map(|f| f.v.0 as i64 - base).unwrap_or(0);
        let to = l.to.as_ref().map(|t| t.v.0 as i64 - base);
        let first_y = self.b.base_year;
        let last_y = first_y.plus(last as i32);
        if from > last || to.is_some_and(|t| t < 0) {
            let pos = l.from.as_ref().map(|f| f.pos).unwrap_or(l.pos);
            report(sink, Severity::Warning, pos, None, format!("this {} lever's window lies wholly outside the horizon ({first_y} to {last_y}); it has no effect", l.kind));
            return (0, Some(0), false);
        }
        if from < 0 {
            if let Some(f) = &l.from {
                report(
                    sink,
                    Severity::Warning,
                    f.pos,
                    Some("lever key \"from\"".into()),
                    format!(
                        "{} is before the base year; the lever is clipped to start in {first_y}",
                        f.v
                    ),
                );
            }
        }
        if let (Some(t), Some(at)) = (to, &l.to) {
            if t > last {
                report(sink, Severity::Warning, at.pos, Some("lever key \"to\"".into()), format!("{} is after the horizon's last year; the lever is clipped to end in {last_y}", at.v));
            }
        }
        (from.max(0) as usize, to.map(|t| t.min(last) as usize), true)
    }

    fn lever(
        &mut self,
        l: &RawLever,
        sink: &mut Sink<'_>,
        commissioned: &HashMap<String, (String, String)>,
    ) -> Option<Lever> {
        let op = l.op.as_ref().map(|o| o.v);
        let kind = match l.kind.as_str() {
            "contribution" => {
                let partner = self.id_ref(
                    l,
                    "partner",
                    "partner",
                    &self.partners,
                    "partners.csv",
                    sink,
                );
                let pool = self.id_ref(l, "pool", "pool", &self.pools, "pools.csv", sink);
                let (partner, pool) = (partner?, pool?);
                if !self.pairs.contains(&(pool.as_str(), partner.as_str())) {
                    let written = (pool.clone(), partner.clone());
                    if self.declared_pairs.is_none_or(|d| d.contains(&written)) {
                        // The row is there but has its own error.
                        return None;
                    }
                    report(sink, Severity::Error, l.pos, None, format!("partner \"{partner}\" has no contributions.csv rows for pool \"{pool}\"; a contribution lever can only change an existing contribution (add a row with amount 0 to start one)"));
                    return None;
                }
                LeverKind::Contribution {
                    partner,
                    pool,
                    op: op?,
                }
            }
            "unit_cost" => LeverKind::UnitCost {
                service: self.service_ref(l, "service", sink, commissioned)?,
                op: op?,
            },
            "outcome_rate" => LeverKind::OutcomeRate {
                service: self.service_ref(l, "service", sink, commissioned)?,
                op: op?,
            },
            "volume" => {
                let service = self.service_ref(l, "service", sink, commissioned);
                let reduces = match l.get("reduces") {
                    None => None,
                    Some(_) => {
                        let r = self.service_ref(l, "reduces", sink, commissioned)?;
                        let per_unit = parse_quantity(&l.get("per_unit")?.v).ok()?;
                        let lag = l
                            .get("lag")
                            .map(|a| a.v.trim().parse::<usize>().unwrap_or(1))
                            .unwrap_or(1);
                        Some(Reduces {
                            service: r,
                            per_unit,
                            lag,
                        })
                    }
                };
                LeverKind::Volume {
                    service: service?,
                    op: op?,
                    reduces,
                }
            }
            "commission" => {
                let t = |k: &str| Self::text(l, k).0.to_string();
                let f = ServiceFields {
                    id: t("id"),
                    name: t("name"),
                    pool: t("pool"),
                    provider: t("provider"),
                    category: t("category"),
                    unit: t("unit"),
                    unit_cost: t("unit_cost"),
                    volume: t("volume"),
                    pay_share: t("pay_share"),
                    uplift: t("uplift"),
                    outcome: t("outcome"),
                    outcome_rate: t("outcome_rate"),
                    outcome_value: t("outcome_value"),
                    start: t("start"),
                    end: t("end"),
                };
                let svc = f.parse(&self.pools, &self.providers, None, &mut |_, _, _| {})?;
                LeverKind::Commission {
                    service: Box::new(svc),
                }
            }
            "decommission" => LeverKind::Decommission {
                service: self.service_ref(l, "service", sink, commissioned)?,
            },
            "recommission" => {
                let service = self.service_ref(l, "service", sink, commissioned);
                let provider = self.id_ref(
                    l,
                    "provider",
                    "provider",
                    &self.providers,
                    "providers.csv",
                    sink,
                );
                let unit_cost = match l.get("unit_cost") {
                    Some(a) => {
                        let u = parse_money(&a.v).ok()?;
                        if u < Decimal::ZERO {
                            report(sink, Severity::Error, a.pos, Some("lever key \"unit_cost\"".into()), format!("the unit cost \"{}\" is negative; a unit cost must be 0 or more", a.v));
                            return None;
                        }
                        Some(u)
                    }
                    None => None,
                };
                let outcome_rate = match l.get("outcome_rate") {
                    Some(a) => Some(parse_outcome_rate(&a.v).ok()?),
                    None => None,
                };
                LeverKind::Recommission {
                    service: service?,
                    provider: provider?,
                    unit_cost,
                    outcome_rate,
                }
            }
            _ => {
                let pool = self.id_ref(l, "pool", "pool", &self.pools, "pools.csv", sink)?;
                let by = round(parse_money(&l.get("by")?.v).ok()?);
                LeverKind::Saving { pool, by }
            }
        };
        let (from, to, active) = if self.horizon_known {
            self.window(l, sink)
        } else {
            // Without a horizon from budget.toml (already an error there),
            // window warnings would be about a made-up horizon.
            let mut unused = vec![];
            let mut quiet = Sink {
                out: &mut unused,
                owner: sink.owner.clone(),
                file: sink.file.clone(),
            };
            self.window(l, &mut quiet)
        };
        Some(Lever {
            kind,
            from,
            to,
            origin: format!("{}:{}", sink.file, l.pos.line),
            active,
        })
    }
}

/// Keep one of each identical diagnostic (a parent's problem is found again
/// when each child is resolved).
pub fn dedup(diags: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    diags.retain(|d| seen.insert(d.to_string()));
}
