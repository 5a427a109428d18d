//! References of a scenario file's rate keys: `[contribution_growth]` and
//! `[ranges.contribution_growth]` keys must be partners (an error
//! otherwise); `[demand]` and `[ranges.demand]` keys that match no service
//! id or category are warnings (§9, §14).

use super::checker::Checker;
use crate::load::diag::{Severity, Sink};
use crate::load::refs::Declared;
use crate::load::scenario::RawScenario;
use crate::load::toml_spans::report;
use crate::model::{Budget, Section};
use std::collections::{HashMap, HashSet};

/// Check one file's keys; false when any is an error.
pub(super) fn check(
    raw: &RawScenario,
    sink: &mut Sink<'_>,
    checker: &Checker<'_, '_>,
    budget: &Budget,
    declared: &Declared,
    commissioned: &HashMap<String, (String, String)>,
    budget_id: &str,
) -> bool {
    let mut ok = true;
    // §14: a range's key is checked as the section's own keys are.
    let ranged = |sec: Section| {
        let f = move |r: &&crate::load::scenario::RawRange| r.section == sec;
        raw.ranges
            .iter()
            .filter(f)
            .map(move |r| (&r.key, r.pos, true))
    };
    let growth = raw
        .contribution_growth
        .iter()
        .map(|(k, at)| (k, at.pos, false));
    for (key, pos, in_ranges) in growth.chain(ranged(Section::ContributionGrowth)) {
        let section = if in_ranges {
            "ranges.contribution_growth"
        } else {
            "contribution_growth"
        };
        if !checker
            .partners
            .accept("partner", key, "partners.csv", |m| {
                report(
                    sink,
                    Severity::Error,
                    pos,
                    Some(format!("[{section}] key \"{key}\"")),
                    m,
                )
            })
        {
            ok = false;
        }
    }
    // The budget's categories are indexed once per budget (issue 17: K
    // keys × S services; issue 16: once per scenario was 3% of `summary`).
    let commissioned_categories: HashSet<&str> =
        commissioned.values().map(|(c, _)| c.as_str()).collect();
    let categories = || {
        checker.categories().iter().copied().chain(
            commissioned_categories
                .iter()
                .copied()
                .filter(|c| !checker.categories().contains(c)),
        )
    };
    let demand = raw.demand.iter().map(|(k, at)| (k, at.pos, false));
    for (key, pos, in_ranges) in demand.chain(ranged(Section::Demand)) {
        let section = if in_ranges { "ranges.demand" } else { "demand" };
        let known = budget.service(key).is_some()
            || declared.services.as_ref().is_none_or(|d| d.contains(key))
            || commissioned.contains_key(key)
            || checker.categories().contains(&key[..])
            || commissioned_categories.contains(&key[..]);
        if !known {
            // A mis-cased key (`Fostering`) stays a warning, with the exact match.
            let cased = categories()
                .chain(budget.services.iter().map(|sv| sv.id.as_str()))
                .filter(|c| c.eq_ignore_ascii_case(key))
                .min()
                .map(|c| format!("; did you mean \"{c}\"? (keys match exactly, capitals included)"))
                .unwrap_or_default();
            report(sink, Severity::Warning, pos, Some(format!("[{section}] key \"{key}\"")), format!("\"{key}\" matches no service id or category of budget \"{budget_id}\"; this growth is not used{cased}"));
        }
    }
    ok
}
