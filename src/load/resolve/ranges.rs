//! SPEC §14 checks that need the resolved scenario: `[ranges]` merge through
//! `extends` key by key (a child's range of a key replaces its parent's
//! whole); then each range's key must have a single rate in the scenario
//! (not a year table), and a mode left to default (the key's value, or 0
//! when the scenario does not set it) must lie within [low, high].

use super::{sink, ScenarioSource};
use crate::load::diag::{Diagnostic, Severity};
use crate::load::scenario::RawRange;
use crate::load::toml_spans::report;
use crate::model::rates::pct;
use crate::model::{Range, RangeKey, Scenario, YearRate};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The ranges in force, each with the file it was written in.
pub(super) type Merged<'a> = BTreeMap<RangeKey, (&'a ScenarioSource, &'a RawRange)>;

/// Lay a file's ranges over its parents'.
pub(super) fn merge<'a>(merged: &mut Merged<'a>, s: &'a ScenarioSource, ranges: &'a [RawRange]) {
    for r in ranges {
        merged.insert(RangeKey::new(r.section, &r.key), (s, r));
    }
}

/// Check every range against the merged rates and set `scenario.ranges`.
/// Returns false when any range has an error.
pub(super) fn finish(
    merged: Merged<'_>,
    scenario: &mut Scenario,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let mut ok = true;
    for (k, (s, r)) in merged {
        let field = Some(format!("[ranges.{}] key \"{}\"", k.section.name(), k.key));
        let value = match scenario.rate_of(&k) {
            None => Decimal::ZERO,
            Some(YearRate::One(v)) => *v,
            Some(t @ YearRate::ByYear(_)) => {
                let mut sink = sink(diags, s);
                report(&mut sink, Severity::Error, r.pos, field, format!("\"{}\" is a rate by year in scenario {} ({}); a range needs a key with one rate: write one rate for it in [{}], or remove the range", k.key, scenario.id, t.label(), k.section.name()));
                ok = false;
                continue;
            }
        };
        let mode = r.mode.unwrap_or(value);
        if mode < r.low || mode > r.high {
            let mut sink = sink(diags, s);
            report(&mut sink, Severity::Error, r.pos, field, format!("the mode defaults to {}'s value in scenario {}, {}, which is outside low {} to high {}; give a mode, or a range that contains {}", k.key, scenario.id, pct(mode), pct(r.low), pct(r.high), pct(mode)));
            ok = false;
            continue;
        }
        let origin = format!("{}:{}", s.shown, r.pos.line);
        scenario.ranges.insert(
            k,
            Range {
                low: r.low,
                mode,
                high: r.high,
                origin,
            },
        );
    }
    ok
}
