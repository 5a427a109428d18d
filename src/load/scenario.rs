//! Parsing one scenario file into raw, unresolved form: every key checked,
//! every value parsed by the grammar, positions kept for messages. References
//! to the budget are checked later, in `resolve`.

use super::diag::{Severity, Sink};
use super::manifest::{toml_syntax_error, MAX_YEARS};
use super::tomlsrc::{report, Pos, Src};
use crate::model::value::{
    did_you_mean, parse_money, parse_outcome_rate, parse_quantity, parse_rate,
};
use crate::model::{Op, Year};
use rust_decimal::Decimal;
use toml_edit::{Item, TableLike, Value};

/// A value with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    pub v: T,
    pub pos: Pos,
}

/// A lever as written: its kind word, the fields given, and their text.
#[derive(Debug, Clone, PartialEq)]
pub struct RawLever {
    pub kind: String,
    pub pos: Pos,
    pub fields: Vec<(String, At<String>)>,
    pub from: Option<At<Year>>,
    pub to: Option<At<Year>>,
    pub op: Option<At<Op>>,
}

impl RawLever {
    pub fn get(&self, key: &str) -> Option<&At<String>> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// A scenario file as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawScenario {
    pub name: Option<String>,
    pub budget: Option<At<String>>,
    pub extends: Option<At<String>>,
    pub years: Option<At<usize>>,
    pub description: String,
    pub rates: Vec<(String, At<Decimal>)>,
    pub demand: Vec<(String, At<Decimal>)>,
    pub contribution_growth: Vec<(String, At<Decimal>)>,
    pub levers: Vec<RawLever>,
}

const TOP: &[&str] = &[
    "name",
    "budget",
    "extends",
    "years",
    "description",
    "rates",
    "demand",
    "contribution_growth",
    "levers",
];
const RATES: &[&str] = &[
    "pay_inflation",
    "price_inflation",
    "deflator",
    "discount_rate",
];
pub const LEVER_KINDS: &[&str] = &[
    "contribution",
    "unit_cost",
    "volume",
    "outcome_rate",
    "commission",
    "decommission",
    "recommission",
    "saving",
];
const SERVICE_COLS: &[&str] = &[
    "id",
    "name",
    "pool",
    "provider",
    "category",
    "unit",
    "unit_cost",
    "volume",
    "pay_share",
    "uplift",
    "outcome",
    "outcome_rate",
    "outcome_value",
    "start",
    "end",
];

/// The keys a lever of a kind may have (besides kind, from, to).
pub fn lever_keys(kind: &str) -> &'static [&'static str] {
    match kind {
        "contribution" => &["partner", "pool", "change", "by", "set"],
        "unit_cost" | "outcome_rate" => &["service", "change", "by", "set"],
        "volume" => &[
            "service", "change", "by", "set", "reduces", "per_unit", "lag",
        ],
        "commission" => SERVICE_COLS,
        "decommission" => &["service"],
        "recommission" => &["service", "provider", "unit_cost", "outcome_rate"],
        "saving" => &["pool", "by"],
        _ => &[],
    }
}

/// An outcome-rate lever's `by`: a signed outcome rate, `"5%"`, `"-5%"` or `0.05`.
fn parse_signed_outcome_rate(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.ends_with('%') {
        parse_rate(t)
    } else {
        parse_quantity(t)
    }
}

fn unknown_key(sink: &mut Sink<'_>, pos: Pos, key: &str, known: &[&str], place: &str) {
    let hint = match did_you_mean(key, known) {
        Some(k) => format!("did you mean \"{k}\"?"),
        None => format!("{place} takes {}", known.join(", ")),
    };
    report(
        sink,
        Severity::Error,
        pos,
        Some(format!("key \"{key}\"")),
        format!("unknown key in {place}; {hint}"),
    );
}

/// Parse scenario text. Problems go to the sink; what could be read is returned.
pub fn parse_scenario(text: &str, sink: &mut Sink<'_>) -> Option<RawScenario> {
    let doc = match toml_edit::ImDocument::parse(text) {
        Ok(d) => d,
        Err(e) => {
            toml_syntax_error(text, &e, sink);
            return None;
        }
    };
    let src = Src::new(text);
    super::tomltext::check_document(doc.as_table(), &src, sink);
    let mut raw = RawScenario::default();
    for (key, item) in doc.iter() {
        let pos = doc
            .key(key)
            .map(|k| src.span_pos(k.span()))
            .unwrap_or_else(|| src.item_pos(item));
        let field = || Some(format!("key \"{key}\""));
        match key {
            "name" | "budget" | "extends" | "description" => match scalar(&src, item) {
                Ok((t, vpos)) => {
                    let at = At { v: t.clone(), pos: vpos };
                    match key {
                        "name" => raw.name = Some(t),
                        "budget" => raw.budget = Some(at),
                        "extends" => raw.extends = Some(at),
                        _ => raw.description = t,
                    }
                }
                Err(e) => report(sink, Severity::Error, pos, field(), e),
            },
            "years" => match scalar(&src, item) {
                Ok((t, vpos)) => match t.parse::<i64>() {
                    Ok(n) if (1..=MAX_YEARS).contains(&n) => raw.years = Some(At { v: n as usize, pos: vpos }),
                    _ => report(sink, Severity::Error, vpos, field(), format!("\"{t}\" is not a horizon; write a whole number of years from 1 to {MAX_YEARS}, e.g. years = 5")),
                },
                Err(e) => report(sink, Severity::Error, pos, field(), e),
            },
            "rates" | "demand" | "contribution_growth" => {
                let Some(tbl) = item.as_table_like() else {
                    report(sink, Severity::Error, pos, field(), format!("[{key}] must be a table of rates, e.g. [{key}] on its own line followed by name = \"2.5%\" lines"));
                    continue;
                };
                let list = rate_table(&src, tbl, key, sink);
                match key {
                    "rates" => raw.rates = list,
                    "demand" => raw.demand = list,
                    _ => raw.contribution_growth = list,
                }
            }
            "levers" => {
                let tables: Vec<&dyn TableLike> = match item {
                    Item::ArrayOfTables(a) => a.iter().map(|t| t as &dyn TableLike).collect(),
                    Item::Value(Value::Array(a)) => {
                        let mut v = vec![];
                        for x in a.iter() {
                            match x.as_inline_table() {
                                Some(t) => v.push(t as &dyn TableLike),
                                None => report(sink, Severity::Error, src.value_pos(x), field(), "each lever must be a table; write [[levers]] blocks"),
                            }
                        }
                        v
                    }
                    _ => {
                        report(sink, Severity::Error, pos, field(), "levers must be written as [[levers]] blocks");
                        vec![]
                    }
                };
                for t in tables {
                    if let Some(l) = lever(&src, t, sink) {
                        raw.levers.push(l);
                    }
                }
            }
            _ => unknown_key(sink, pos, key, TOP, "a scenario file"),
        }
    }
    Some(raw)
}

fn scalar(src: &Src<'_>, item: &Item) -> Result<(String, Pos), String> {
    match item.as_value() {
        Some(v) => src
            .scalar_text(v)
            .map(|t| (t, src.value_pos(v)))
            .map_err(|k| format!("expected a number or a value in quotes, found {k}")),
        None => Err("expected a number or a value in quotes, found a table".into()),
    }
}

fn rate_table(
    src: &Src<'_>,
    tbl: &dyn TableLike,
    section: &str,
    sink: &mut Sink<'_>,
) -> Vec<(String, At<Decimal>)> {
    let mut out = vec![];
    for (key, item) in tbl.iter() {
        let kpos = tbl
            .key(key)
            .map(|k| src.span_pos(k.span()))
            .unwrap_or_else(|| src.item_pos(item));
        if section == "rates" && !RATES.contains(&key) {
            unknown_key(sink, kpos, key, RATES, "[rates]");
            continue;
        }
        let field = Some(format!("[{section}] key \"{key}\""));
        match scalar(src, item) {
            Ok((t, vpos)) => match parse_rate(&t) {
                Ok(r) => {
                    if matches!(key, "deflator" | "discount_rate") && r <= Decimal::NEGATIVE_ONE {
                        report(sink, Severity::Error, vpos, field, format!("a {key} of \"{t}\" (−100% or below) cannot discount; use a rate above -100%"));
                        continue;
                    }
                    out.push((key.to_string(), At { v: r, pos: vpos }));
                }
                Err(e) => report(sink, Severity::Error, vpos, field, e),
            },
            Err(e) => report(sink, Severity::Error, kpos, field, e),
        }
    }
    out
}

fn lever(src: &Src<'_>, t: &dyn TableLike, sink: &mut Sink<'_>) -> Option<RawLever> {
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
            let parsed = match (k, kind_word.as_str()) {
                ("change", _) => parse_rate(&at.v).map(Op::Change),
                (_, "volume") => {
                    parse_quantity(&at.v).map(|q| if k == "by" { Op::By(q) } else { Op::Set(q) })
                }
                ("set", "outcome_rate") => parse_outcome_rate(&at.v).map(Op::Set),
                ("by", "outcome_rate") => parse_signed_outcome_rate(&at.v).map(Op::By),
                ("by", _) => parse_money(&at.v).map(Op::By),
                _ => parse_money(&at.v).map(Op::Set),
            };
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
    })
}

#[cfg(test)]
mod tests;
