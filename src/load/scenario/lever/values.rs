//! Value checks of the lever kinds whose fields are not change/by/set:
//! a saving's `by`, an invest-to-save link's `per_unit` and `lag`, a
//! recommission's provider, unit cost and outcome rate. Each value is
//! parsed here once and handed to resolve typed (`LeverValues`).

use crate::load::diag::{Severity, Sink};
use crate::load::scenario::{At, LeverValues};
use crate::load::toml_spans::{report, Pos};
use crate::model::value::{parse_money, parse_outcome_rate, parse_quantity};
use rust_decimal::Decimal;

type Parser = fn(&str) -> Result<Decimal, String>;

/// Whether every value the kind needs is there and reads, and the values
/// read (only those that parsed).
pub(super) fn kind_values<'a>(
    kind_word: &str,
    get: &dyn Fn(&str) -> Option<&'a At<String>>,
    lever_pos: Pos,
    unknown_keys: bool,
    sink: &mut Sink<'_>,
) -> (bool, LeverValues) {
    let mut ok = true;
    let mut values = LeverValues::default();
    if kind_word == "saving" {
        match get("by") {
            None if unknown_keys => ok = false,
            None => {
                report(sink, Severity::Error, lever_pos, None, "a saving lever needs by (the saving in £, positive = saving), e.g. by = \"250k\"");
                ok = false;
            }
            at => values.saving_by = read(at, "by", parse_money, sink, &mut ok),
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
        values.per_unit = read(get("per_unit"), "per_unit", parse_quantity, sink, &mut ok);
        if let Some(at) = get("lag") {
            match at.v.trim().parse::<u32>() {
                Ok(l) if l <= 100 => values.lag = Some(l as usize),
                _ => {
                    report(sink, Severity::Error, at.pos, Some("lever key \"lag\"".into()), format!("\"{}\" is not a lag; write a whole number of years, 0 or more, e.g. lag = 1", at.v));
                    ok = false;
                }
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
        values.unit_cost = read(get("unit_cost"), "unit_cost", parse_money, sink, &mut ok);
        values.outcome_rate = read(
            get("outcome_rate"),
            "outcome_rate",
            parse_outcome_rate,
            sink,
            &mut ok,
        );
    }
    (ok, values)
}

/// The value `at` of key `k` (when given) read by `parse`; a failure is
/// reported at the value, with what would be valid, and clears `ok`.
fn read(
    at: Option<&At<String>>,
    k: &str,
    parse: Parser,
    sink: &mut Sink<'_>,
    ok: &mut bool,
) -> Option<Decimal> {
    let at = at?;
    match parse(&at.v) {
        Ok(v) => Some(v),
        Err(e) => {
            report(
                sink,
                Severity::Error,
                at.pos,
                Some(format!("lever key \"{k}\"")),
                e,
            );
            *ok = false;
            None
        }
    }
}
