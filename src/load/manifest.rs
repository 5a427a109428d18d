//! `budget.toml`: name, base year, horizon, currency, description.

use super::diag::{Severity, Sink};
use super::toml_spans::{report, Src};
use crate::model::value::did_you_mean;
use crate::model::Year;

/// The manifest's fields.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub name: String,
    pub base_year: Year,
    pub years: usize,
    pub currency: String,
    pub description: String,
}

const KEYS: &[&str] = &["name", "base_year", "years", "currency", "description"];

/// The longest horizon accepted, in years.
pub const MAX_YEARS: i64 = 100;

/// Parse `budget.toml` text; problems go to the sink.
pub fn parse_manifest(text: &str, sink: &mut Sink<'_>) -> Option<Manifest> {
    let doc = match toml_edit::ImDocument::parse(text) {
        Ok(d) => d,
        Err(e) => {
            toml_syntax_error(text, &e, sink);
            return None;
        }
    };
    let src = Src::new(text);
    super::tomltext::check_document(doc.as_table(), &src, sink);
    let mut ok = true;
    for (key, item) in doc.iter() {
        if !KEYS.contains(&key) {
            let hint = did_you_mean(key, KEYS)
                .map(|k| format!("; did you mean \"{k}\"?"))
                .unwrap_or_else(|| format!("; budget.toml takes {}", KEYS.join(", ")));
            report(
                sink,
                Severity::Warning,
                src.item_pos(item),
                Some(format!("key \"{key}\"")),
                format!("unknown key, ignored{hint}"),
            );
        }
    }
    let text_of = |key: &str,
                   sink: &mut Sink<'_>,
                   required: bool|
     -> Option<(String, super::toml_spans::Pos)> {
        match doc.get(key) {
            None => {
                if required {
                    sink.error(None, Some(format!("key \"{key}\"")), "missing; budget.toml needs name, base_year (e.g. \"2009-10\") and years (e.g. 3)");
                }
                None
            }
            Some(item) => {
                let pos = src.item_pos(item);
                match item.as_value().map(|v| src.scalar_text(v)) {
                    Some(Ok(t)) => Some((t, pos)),
                    found => {
                        let kind = match found {
                            Some(Err(kind)) => kind,
                            _ => "a table",
                        };
                        let example = match key {
                            "base_year" => "base_year = \"2009-10\" (a financial year, in quotes)",
                            "years" => "years = 3",
                            _ => "name = \"Children's Trust pooled budgets\"",
                        };
                        report(
                            sink,
                            Severity::Error,
                            pos,
                            Some(format!("key \"{key}\"")),
                            format!("expected a single value, found {kind}; write e.g. {example}"),
                        );
                        None
                    }
                }
            }
        }
    };
    let name = text_of("name", sink, true);
    let base = text_of("base_year", sink, true);
    let years = text_of("years", sink, true);
    let currency = text_of("currency", sink, false);
    let description = text_of("description", sink, false);
    let base_year = match &base {
        Some((t, pos)) => match Year::parse(t) {
            Ok(y) => Some(y),
            Err(e) => {
                report(
                    sink,
                    Severity::Error,
                    *pos,
                    Some("key \"base_year\"".into()),
                    e,
                );
                None
            }
        },
        None => None,
    };
    let years_n = match &years {
        Some((t, pos)) => match t.parse::<i64>() {
            Ok(n) if (1..=MAX_YEARS).contains(&n) => Some(n as usize),
            _ => {
                report(sink, Severity::Error, *pos, Some("key \"years\"".into()), format!("\"{t}\" is not a horizon; write a whole number of years from 1 to {MAX_YEARS}, e.g. years = 3"));
                None
            }
        },
        None => None,
    };
    if let (Some(b), Some(n), Some((_, pos))) = (base_year, years_n, &years) {
        if let Err(e) = b.horizon_fits(n) {
            report(sink, Severity::Error, *pos, Some("key \"years\"".into()), e);
            ok = false;
        }
    }
    if let Some((c, pos)) = &currency {
        if !c.eq_ignore_ascii_case("GBP") {
            report(
                sink,
                Severity::Warning,
                *pos,
                Some("key \"currency\"".into()),
                format!("currency \"{c}\" is not supported; figures are treated as GBP"),
            );
        }
    }
    if name.as_ref().is_some_and(|(n, _)| n.trim().is_empty()) {
        sink.error(
            None,
            Some("key \"name\"".into()),
            "the name is empty; give the budget a name",
        );
        ok = false;
    }
    Some(Manifest {
        name: name?.0,
        base_year: base_year?,
        years: years_n?,
        currency: currency.map(|c| c.0).unwrap_or_else(|| "GBP".into()),
        description: description.map(|d| d.0).unwrap_or_default(),
    })
    .filter(|_| ok)
}

/// Report a TOML syntax error with its line and column.
pub fn toml_syntax_error(text: &str, e: &toml_edit::TomlError, sink: &mut Sink<'_>) {
    let src = Src::new(text);
    let pos = src.span_pos(e.span());
    let msg = e.message().trim().replace('\n', " ");
    // The likeliest slip: a financial year without quotes (`from = 2010-11`),
    // which TOML reads as a broken date.
    let line = text.lines().nth(pos.line.saturating_sub(1)).unwrap_or("");
    let hint = match line.split_once('=') {
        Some((key, value)) if looks_like_year(value) => format!(
            "write a financial year in quotes: {} = \"{}\"",
            key.trim(),
            value.split('#').next().unwrap_or("").trim()
        ),
        _ => "check quotes, brackets and `key = value` lines".to_string(),
    };
    report(
        sink,
        Severity::Error,
        pos,
        None,
        format!("TOML syntax error: {msg}; {hint}"),
    );
}

/// Is an unquoted TOML value shaped like a financial year (`2010-11`)?
fn looks_like_year(value: &str) -> bool {
    let v = value.split('#').next().unwrap_or("").trim();
    let b = v.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[5..].iter().all(u8::is_ascii_digit)
}
