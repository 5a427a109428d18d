//! Resolving a scenario: follow `extends` (cycles are errors), merge rates key
//! by key, run parents' levers first, check every reference against the
//! budget, and turn lever windows into year indices clipped to the horizon.

use super::diag::{Diagnostic, Owner, Severity, Sink};
use super::refs::{unknown, Declared};
use super::toml_spans::report;
use crate::model::*;
use std::collections::{BTreeMap, HashMap, HashSet};

mod checker;
mod index;
mod keys;
mod ranges;
mod rates;
mod window;
use checker::Checker;
pub use index::{indexes, Index, Indexes};
mod source;
pub use source::ScenarioSource;
mod dedup;
pub use dedup::dedup;

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
    resolve_indexed(id, sources, budgets, declared, &Indexes::new(), diags)
}

static NO_DECLARED: std::sync::LazyLock<Declared> = std::sync::LazyLock::new(Declared::default);

/// `resolve`, reusing per-budget indexes across calls (resolve many
/// scenarios of one budget without rebuilding its id sets each time; see
/// `index::indexes`). A budget `indexes` lacks gets an index of its own.
pub fn resolve_indexed<'b>(
    id: &str,
    sources: &HashMap<String, ScenarioSource>,
    budgets: &'b HashMap<String, Budget>,
    declared: &'b HashMap<String, Declared>,
    indexes: &Indexes<'b>,
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
        ranges: Default::default(),
        levers: vec![],
        chain: chain.iter().map(|s| s.path.clone()).collect(),
        extends: chain[0].parent.clone(),
    };

    // Commissioned services anywhere in the chain, for references.
    let mut commissioned: HashMap<String, (String, String)> = HashMap::new(); // id -> (category, pool)
    let mut ok = true;
    let own;
    let ix = match indexes.get(budget_key.as_str()) {
        Some(ix) => ix,
        None => {
            own = Index::new(budget, declared);
            &own
        }
    };
    let mut checker = Checker {
        b: budget,
        n: years,
        ix,
        commissions: Default::default(),
    };
    let mut merged = ranges::Merged::new();
    for s in chain.iter().rev() {
        let raw = s.raw.as_ref()?;
        ranges::merge(&mut merged, s, &raw.ranges);
        let mut rs = rates::Rates {
            sink: sink(diags, s),
            base: budget.base_year,
            years,
            horizon_known: declared.horizon_known,
            ok: true,
        };
        rs.merge(raw, &mut scenario);
        ok &= rs.ok;
        for l in raw.levers.iter().filter(|l| l.kind == "commission") {
            let mut sink = sink(diags, s);
            let checked = checker.commission(l, &mut sink, &commissioned);
            match &checked {
                Some(svc) => {
                    commissioned.insert(svc.id.clone(), (svc.category.clone(), svc.pool.clone()));
                }
                None => ok = false,
            }
            checker.commissions.push_back(checked);
        }
    }
    ok &= ranges::finish(merged, &mut scenario, diags);
    // Now every lever, in run order, with references checked.
    for s in chain.iter().rev() {
        let raw = s.raw.as_ref()?;
        let mut sink = sink(diags, s);
        ok &= keys::check(
            raw,
            &mut sink,
            &checker,
            budget,
            declared,
            &commissioned,
            &budget_id,
        );
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

#[cfg(test)]
mod tests;
