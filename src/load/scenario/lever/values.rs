//! Value checks of the lever kinds whose fields are not change/by/set:
//! a saving's `by`, an invest-to-save link's `per_unit` and `lag`, a
//! recommission's provider, unit cost and outcome rate.

use crate::load::diag::{Severity, Sink};
use crate::load::scenario::At;
use crate::load::toml_spans::{report, Pos};
use crate::model::value::{parse_money, parse_outcome_rate, parse_quantity};

/// True when every value the kind needs is there and reads.
pub(super) fn kind_values<'a>(
    kind_word: &str,
    get: &dyn Fn(&str) -> Option<&'a At<String>>,
    lever_pos: Pos,
    unknown_keys: bool,
    sink: &mut Sink<'_>,
) -> bool {
    let mut ok = true;
    if kind_word == "saving" {
        match get("by") {
            None if unknown_keys => ok = false,
            None => {
                report(sink, Severity::Error, lever_pos, None, "a saving lever needs by (the saving in £, positive = saving), e.g. by = \"250k\"");
                ok = false;
            }
            Some(at) => {
                if let Err(e) = parse_money(&at.v) {
                    report(
                        sink,
                        Severity::Error,
                        at.pos,
                        Some("lever key \"by\"".into()),
                        e,
                    );
                    ok = false;
                }
            }
        }
    }
    if kind_word == "volume" {
        if let Some(r) = get("reduces") {
            if get("per_unit").is_none() {
                report(sink, Severity::Error, r.pos, Some("lever key \"reduces\"".into()), "an invest-to-save lever with reduces needs per_unit (units of the reduced service saved per unit added), e.g. per_unit = 0.5");
                ok = false;
            }
        } else {
            for k in ["per_unit", "lag"] {
                if let Some(at) = get(k) {
                    report(
                        sink,
                        Severity::Error,
                        at.pos,
                        Some(format!("lever key \"{k}\"")),
                        format!("{k} is only used with reduces (the service this lever reduces)"),
                    );
                    ok = false;
                }
            }
        }
        if let Some(at) = get("per_unit") {
            if let Err(e) = parse_quantity(&at.v) {
                report(
                    sink,
                    Severity::Error,
                    at.pos,
                    Some("lever key \"per_unit\"".into()),
                    e,
                );
                ok = false;
            }
        }
        if let Some(at) = get("lag") {
            if at.v.trim().parse::<u32>().map(|l| l > 100).unwrap_or(true) {
                report(sink, Severity::Error, at.pos, Some("lever key \"lag\"".into()), format!("\"{}\" is not a lag; write a whole number of years, 0 or more, e.g. lag = 1", at.v));
                ok = false;
            }
        }
    }
    if kind_word == "recommission" {
        if get("provider").is_none() {
            report(
                sink,
                Severity::Error,
                lever_pos,
                None,
                "a recommission lever needs provider (the new provider's id)",
            );
            ok = false;
        }
        if let Some(at) = get("unit_cost") {
            if let Err(e) = parse_money(&at.v) {
                report(
                    sink,
                    Severity::Error,
                    at.pos,
                    Some("lever key \"unit_cost\"".into()),
                    e,
                );
                ok = false;
            }
        }
        if let Some(at) = get("outcome_rate") {
            if let Err(e) = parse_outcome_rate(&at.v) {
                report(
                    sink,
                    Severity::Error,
                    at.pos,
                    Some("lever key \"outcome_rate\"".into()),
                    e,
                );
                ok = false;
            }
        }
    }
    ok
}
