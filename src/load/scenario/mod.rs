//! Parsing one scenario file into raw, unresolved form: every key checked,
//! every value parsed by the grammar, positions kept for messages. References
//! to the budget are checked later, in `resolve`.

use super::diag::{Severity, Sink};
use super::manifest::{toml_syntax_error, MAX_YEARS};
use super::toml_spans::{report, Pos, Src};
use crate::model::value::did_you_mean;
use crate::model::{Op, Year};
use rust_decimal::Decimal;
use toml_edit::{Item, TableLike, Value};

mod lever;
mod ranges;
mod rates;
use lever::lever;
pub use ranges::RawRange;
pub use rates::{rate_table, RawRate};

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
    /// The kind's other values, parsed once here (resolve reads these,
    /// never the text again).
    pub values: LeverValues,
}

/// A lever's values other than change/by/set, as parsed by the loader.
/// The text stays in `fields` for messages and for the TUI's display.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LeverValues {
    /// A saving lever's `by`: £ saved a year (positive = saving).
    pub saving_by: Option<Decimal>,
    /// An invest-to-save volume lever's `per_unit`.
    pub per_unit: Option<Decimal>,
    /// An invest-to-save volume lever's `lag` in years.
    pub lag: Option<usize>,
    /// A recommission lever's new `unit_cost`.
    pub unit_cost: Option<Decimal>,
    /// A recommission lever's new `outcome_rate`.
    pub outcome_rate: Option<Decimal>,
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
    pub rates: Vec<(String, At<RawRate>)>,
    pub demand: Vec<(String, At<RawRate>)>,
    pub contribution_growth: Vec<(String, At<RawRate>)>,
    /// §14, in file order.
    pub ranges: Vec<RawRange>,
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
    "ranges",
    "levers",
];
pub(super) const RATES: &[&str] = &[
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

/// The keys a lever of a kind may have (besides kind, from, to).
pub fn lever_keys(kind: &str) -> &'static [&'static str] {
    match kind {
        "contribution" => &["partner", "pool", "change", "by", "set"],
        "unit_cost" | "outcome_rate" => &["service", "change", "by", "set"],
        "volume" => &[
            "service", "change", "by", "set", "reduces", "per_unit", "lag",
        ],
        "commission" => crate::load::budget::SERVICE_COLUMNS,
        "decommission" => &["service"],
        "recommission" => &["service", "provider", "unit_cost", "outcome_rate"],
        "saving" => &["pool", "by"],
        _ => &[],
    }
}

pub(super) fn unknown_key(sink: &mut Sink<'_>, pos: Pos, key: &str, known: &[&str], place: &str) {
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
            "ranges" => raw.ranges = ranges::ranges(&src, item, pos, sink),
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

pub(super) fn scalar(src: &Src<'_>, item: &Item) -> Result<(String, Pos), String> {
    match item.as_value() {
        Some(v) => src
            .scalar_text(v)
            .map(|t| (t, src.value_pos(v)))
            .map_err(|k| format!("expected a number or a value in quotes, found {k}")),
        None => Err("expected a number or a value in quotes, found a table".into()),
    }
}

#[cfg(test)]
mod rate_tests;
#[cfg(test)]
mod tests;
