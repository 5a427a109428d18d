//! One `[[levers]]` block: its keys checked against its kind, every value
//! parsed by the grammar, positions kept for messages.

use super::{lever_keys, scalar, unknown_key, At, RawLever, LEVER_KINDS};
use crate::load::diag::{Severity, Sink};
use crate::load::toml_spans::{report, Pos, Src};
use crate::model::growth::parse_growth;
use crate::model::lever_grammar::{grammar, Grammar};
use crate::model::value::{
    did_you_mean, parse_money, parse_outcome_rate, parse_quantity, parse_rate,
};
use crate::model::{Op, Year};
use rust_decimal::Decimal;
use toml_edit::TableLike;

mod values;
use values::kind_values;

/// An outcome-rate lever's `by`: a signed outcome rate, `"5%"`, `"-5%"` or `0.05`.
pub fn parse_signed_outcome_rate(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.ends_with('%') {
        parse_rate(t)
    } else {
        parse_quantity(t)
    }
}

pub(super) fn lever(src: &Src<'_>, t: &dyn TableLike, sink: &mut Sink<'_>) -> Option<RawLever> {
    let mut texts: Vec<(String, At<String>)> = vec![];
    let mut ok = true;
    let mut first_pos: Option<Pos> = None;
    for (key, item) in t.iter() {
        let kpos = t
            .key(key)
            .map(|k| src.span_pos(k.span()))
            .unwrap_or_else(|| src.item_pos(item));
        first_pos.get_or_insert(kpos);
        match scalar(src, item) {
            Ok((text, pos)) => texts.push((key.to_string(), At { v: text, pos })),
            Err(e) => {
                report(
                    sink,
                    Severity::Error,
                    kpos,
                    Some(format!("lever key \"{key}\"")),
                    e,
                );
                ok = false;
            }
        }
    }
    let lever_pos = first_pos.unwrap_or_default();
    let Some((_, kind)) = texts.iter().find(|(k, _)| k == "kind").cloned() else {
        report(
            sink,
            Severity::Error,
            lever_pos,
            None,
            format!(
                "a lever without \"kind\"; add kind = one of {}",
                LEVER_KINDS.join(", ")
            ),
        );
        return None;
    };
    let kind_word = kind.v.trim().to_ascii_lowercase();
    if !LEVER_KINDS.contains(&kind_word.as_str()) {
        let hint = did_you_mean(&kind_word, LEVER_KINDS)
            .map(|k| format!("did you mean \"{k}\"? ",))
            .unwrap_or_default();
        report(
            sink,
            Severity::Error,
            kind.pos,
            Some("lever key \"kind\"".into()),
            format!(
                "unknown lever kind \"{}\"; {hint}kinds are {}",
                kind.v,
                LEVER_KINDS.join(", ")
            ),
        );
        return None;
    }
    let allowed = lever_keys(&kind_word);
    let mut all: Vec<&str> = vec!["kind", "from", "to"];
    all.extend_from_slice(allowed);
    let mut unknown_keys = false;
    for (k, at) in &texts {
        if all.contains(&k.as_str()) {
            continue;
        }
        unknown_keys = true;
        ok = false;
        if matches!(k.as_str(), "change" | "by" | "set") {
            let what = match kind_word.as_str() {
                "saving" => "a saving lever takes only by (the amount saved a year in £, positive = saving), e.g. by = \"250k\"",
                "commission" => "a commission lever adds a whole service: give its unit_cost and volume as in services.csv",
                "decommission" => "a decommission lever stops the service in the years from..to; it takes no change, by or set",
                _ => "a recommission lever gives the new provider and, optionally, unit_cost and outcome_rate; it takes no change, by or set",
            };
            report(
                sink,
                Severity::Error,
                at.pos,
                Some(format!("key \"{k}\"")),
                what,
            );
            continue;
        }
        let place = format!("a {kind_word} lever");
        unknown_key(sink, at.pos, k, &all, &place);
    }
    let get = |k: &str| texts.iter().find(|(x, _)| x == k).map(|(_, v)| v);
    let year_of = |k: &str, sink: &mut Sink<'_>| -> Result<Option<At<Year>>, ()> {
        match get(k) {
            None => Ok(None),
            Some(at) => match Year::parse(&at.v) {
                Ok(y) => Ok(Some(At { v: y, pos: at.pos })),
                Err(e) => {
                    report(
                        sink,
                        Severity::Error,
                        at.pos,
                        Some(format!("lever key \"{k}\"")),
                        e,
                    );
                    Err(())
                }
            },
        }
    };
    let from = year_of("from", sink);
    let to = year_of("to", sink);
    let (from, to) = match (from, to) {
        (Ok(f), Ok(t)) => (f, t),
        _ => return None,
    };
    if let (Some(f), Some(t)) = (&from, &to) {
        if f.v > t.v {
            report(sink, Severity::Error, t.pos, Some("lever key \"to\"".into()), format!("the lever's window ends ({}) before it starts ({}); \"to\" must be the same as or after \"from\"", t.v, f.v));
            ok = false;
        }
    }
    // change / by / set.
    let ops: Vec<&str> = ["change", "by", "set"]
        .into_iter()
        .filter(|k| get(k).is_some())
        .collect();
    let takes_op = matches!(
        kind_word.as_str(),
        "contribution" | "unit_cost" | "volume" | "outcome_rate"
    );
    let mut op = None;
    if takes_op {
        if ops.is_empty() && unknown_keys {
            // A mistyped change/by/set is already reported, with its hint.
            ok = false;
        } else if ops.len() != 1 {
            let (msg, pos, field) = if ops.is_empty() {
                (format!("a {kind_word} lever needs exactly one of change (a rate, e.g. \"-10%\"), by (a signed amount) or set (a value)"), lever_pos, None)
            } else {
                let second = ops[1];
                (
                    format!(
                        "a {kind_word} lever takes exactly one of change, by or set; this one gives {}; keep one",
                        ops.join(" and ")
                    ),
                    get(second).map_or(lever_pos, |a| a.pos),
                    Some(format!("lever key \"{second}\"")),
                )
            };
            report(sink, Severity::Error, pos, field, msg);
            ok = false;
        } else {
            let k = ops[0];
            let at = get(k).cloned().unwrap_or(At {
                v: String::new(),
                pos: lever_pos,
            });
            // One grammar table for the loader and the TUI (model::lever_grammar).
            let value = match grammar(&kind_word, k).unwrap_or(Grammar::Money) {
                Grammar::Growth => parse_growth(&at.v).map(|(r, w)| {
                    if let Some(w) = w {
                        report(
                            sink,
                            Severity::Warning,
                            at.pos,
                            Some(format!("lever key \"{k}\"")),
                            w,
                        );
                    }
                    r
                }),
                Grammar::Quantity => parse_quantity(&at.v),
                Grammar::OutcomeRate => parse_outcome_rate(&at.v),
                Grammar::SignedOutcomeRate => parse_signed_outcome_rate(&at.v),
                Grammar::Money => parse_money(&at.v),
            };
            let parsed = value.map(|x| match k {
                "change" => Op::Change(x),
                "by" => Op::By(x),
                _ => Op::Set(x),
            });
            match parsed {
                Ok(o) => op = Some(At { v: o, pos: at.pos }),
                Err(e) => {
                    report(
                        sink,
                        Severity::Error,
                        at.pos,
                        Some(format!("lever key \"{k}\"")),
                        e,
                    );
                    ok = false;
                }
            }
        }
    }
    // Field-level value checks for the other kinds.
    let (values_ok, values) = kind_values(&kind_word, &get, lever_pos, unknown_keys, sink);
    ok &= values_ok;
    let target_keys: &[&str] = match kind_word.as_str() {
        "contribution" => &["partner", "pool"],
        "unit_cost" | "outcome_rate" | "volume" | "decommission" | "recommission" => &["service"],
        "saving" => &["pool"],
        _ => &[],
    };
    for k in target_keys {
        if get(k).is_none() {
            report(
                sink,
                Severity::Error,
                lever_pos,
                None,
                format!("a {kind_word} lever needs {k}"),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    Some(RawLever {
        kind: kind_word,
        pos: kind.pos,
        fields: texts,
        from,
        to,
        op,
        values,
    })
}
