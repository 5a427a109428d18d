//! `[ranges]` as written (SPEC §14): sub-tables `[ranges.rates]`,
//! `[ranges.demand]` and `[ranges.contribution_growth]`, each key a table
//! `{ low = "1%", mode = "2.5%", high = "4%" }` (mode optional). Values
//! follow the growth-rate grammar (§9). Checks made here: unknown keys,
//! `discount_rate`, missing `low`/`high`, `low > high`, a given mode outside
//! [low, high], a deflator of −100% or below. Checks that need the resolved
//! scenario (a year-table key, the defaulted mode) are made in `resolve`.

use super::{scalar, unknown_key};
use crate::load::diag::{Severity, Sink};
use crate::load::toml_spans::{report, Pos, Src};
use crate::model::growth::parse_growth;
use crate::model::Section;
use rust_decimal::Decimal;
use toml_edit::{Item, TableLike};

/// One range as written.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRange {
    pub section: Section,
    pub key: String,
    /// Where the key was written.
    pub pos: Pos,
    pub low: Decimal,
    pub mode: Option<Decimal>,
    pub high: Decimal,
}

const SECTIONS: &[&str] = &["rates", "demand", "contribution_growth"];
const RANGED_RATES: &[&str] = &["pay_inflation", "price_inflation", "deflator"];
const FIELDS: &[&str] = &["low", "mode", "high"];
const EXAMPLE: &str = "{ low = \"1%\", mode = \"2.5%\", high = \"4%\" }";

fn key_pos(src: &Src<'_>, tbl: &dyn TableLike, key: &str, item: &Item) -> Pos {
    tbl.key(key)
        .map(|k| src.span_pos(k.span()))
        .unwrap_or_else(|| src.item_pos(item))
}

/// Every range of a `[ranges]` table.
pub fn ranges(src: &Src<'_>, item: &Item, pos: Pos, sink: &mut Sink<'_>) -> Vec<RawRange> {
    let mut out = vec![];
    let Some(tbl) = item.as_table_like() else {
        report(sink, Severity::Error, pos, Some("key \"ranges\"".into()), format!("[ranges] must be a table: write [ranges.demand] on its own line, then lines such as fostering = {EXAMPLE}"));
        return out;
    };
    for (name, sub) in tbl.iter() {
        let spos = key_pos(src, tbl, name, sub);
        let section = match name {
            "rates" => Section::Rates,
            "demand" => Section::Demand,
            "contribution_growth" => Section::ContributionGrowth,
            _ if RANGED_RATES.contains(&name) || name == "discount_rate" => {
                report(sink, Severity::Error, spos, Some(format!("[ranges] key \"{name}\"")), format!("\"{name}\" is a key of [rates]; write its range under [ranges.rates], e.g. [ranges.rates] then {name} = {EXAMPLE}"));
                continue;
            }
            _ => {
                unknown_key(sink, spos, name, SECTIONS, "[ranges]");
                continue;
            }
        };
        let Some(keys) = sub.as_table_like() else {
            report(sink, Severity::Error, spos, Some(format!("[ranges] key \"{name}\"")), format!("[ranges.{name}] must be a table of ranges, e.g. [ranges.{name}] on its own line followed by key = {EXAMPLE}"));
            continue;
        };
        for (key, it) in keys.iter() {
            let kpos = key_pos(src, keys, key, it);
            if section == Section::Rates && !RANGED_RATES.contains(&key) {
                if key == "discount_rate" {
                    report(sink, Severity::Error, kpos, Some("[ranges.rates] key \"discount_rate\"".into()), "discount_rate takes no range: it is the HM Treasury Green Book rate, not a forecast; range pay_inflation, price_inflation or deflator");
                } else {
                    unknown_key(sink, kpos, key, RANGED_RATES, "[ranges.rates]");
                }
                continue;
            }
            if let Some(r) = one(src, section, key, it, kpos, sink) {
                out.push(r);
            }
        }
    }
    out
}

/// One key's range.
fn one(
    src: &Src<'_>,
    section: Section,
    key: &str,
    item: &Item,
    kpos: Pos,
    sink: &mut Sink<'_>,
) -> Option<RawRange> {
    let field = format!("[ranges.{}] key \"{key}\"", section.name());
    let Some(t) = item.as_table_like() else {
        report(
            sink,
            Severity::Error,
            kpos,
            Some(field),
            format!("a range is a table of low, mode (optional) and high, e.g. {key} = {EXAMPLE}"),
        );
        return None;
    };
    let mut vals: [Option<(Decimal, Pos)>; 3] = [None, None, None];
    let mut ok = true;
    for (f, it) in t.iter() {
        let fpos = key_pos(src, t, f, it);
        let Some(i) = FIELDS.iter().position(|x| *x == f) else {
            unknown_key(sink, fpos, f, FIELDS, &format!("the range of \"{key}\""));
            ok = false;
            continue;
        };
        let ffield = Some(format!("{field} {f}"));
        let (text, vpos) = match scalar(src, it) {
            Ok(x) => x,
            Err(e) => {
                report(sink, Severity::Error, fpos, ffield, e);
                ok = false;
                continue;
            }
        };
        match parse_growth(&text) {
            Ok((r, warning)) => {
                if let Some(w) = warning {
                    report(sink, Severity::Warning, vpos, ffield.clone(), w);
                }
                if key == "deflator" && r <= Decimal::NEGATIVE_ONE {
                    report(sink, Severity::Error, vpos, ffield, format!("a deflator of \"{text}\" (−100% or below) cannot deflate; use a rate above -100%"));
                    ok = false;
                    continue;
                }
                vals[i] = Some((r, vpos));
            }
            Err(e) => {
                report(sink, Severity::Error, vpos, ffield, e);
                ok = false;
            }
        }
    }
    for (i, f) in [(0, "low"), (2, "high")] {
        if vals[i].is_none() && ok {
            report(sink, Severity::Error, kpos, Some(field.clone()), format!("the range of \"{key}\" has no {f}; a range needs low and high (mode is optional), e.g. {key} = {EXAMPLE}"));
            ok = false;
        }
    }
    let (Some((low, _)), Some((high, hpos)), true) = (vals[0], vals[2], ok) else {
        return None;
    };
    if low > high {
        report(
            sink,
            Severity::Error,
            hpos,
            Some(field),
            format!(
                "low {} is above high {}; a range needs low ≤ mode ≤ high",
                pct(low),
                pct(high)
            ),
        );
        return None;
    }
    let mode = vals[1].map(|(m, _)| m);
    if let Some((m, mpos)) = vals[1] {
        if m < low || m > high {
            report(
                sink,
                Severity::Error,
                mpos,
                Some(field),
                format!(
                    "mode {} is outside low {} to high {}; a range needs low ≤ mode ≤ high",
                    pct(m),
                    pct(low),
                    pct(high)
                ),
            );
            return None;
        }
    }
    Some(RawRange {
        section,
        key: key.to_string(),
        pos: kpos,
        low,
        mode,
        high,
    })
}

fn pct(r: Decimal) -> String {
    crate::model::rates::pct(r)
}
