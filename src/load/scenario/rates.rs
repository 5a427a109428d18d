//! `[rates]`, `[demand]` and `[contribution_growth]` as written (SPEC §10.1):
//! each key is one rate or a table from financial years to rates. Keys of a
//! table must be years, listed once; an empty table is an error;
//! `discount_rate` is always one rate. Checks that need the base year or
//! the horizon (a year at or before the base year, beyond the horizon, a
//! deflator entry of −100% or below inside it) are made in `resolve`.

use super::{scalar, unknown_key, At, RATES};
use crate::load::diag::{Severity, Sink};
use crate::load::toml_spans::{report, Pos, Src};
use crate::model::growth::parse_growth;
use crate::model::value::parse_rate;
use crate::model::Year;
use rust_decimal::Decimal;
use toml_edit::{Item, TableLike};

/// A rate as written: one rate, or entries by year (in file order).
#[derive(Debug, Clone, PartialEq)]
pub enum RawRate {
    One(Decimal),
    ByYear(Vec<(At<Year>, Decimal)>),
}

fn key_pos(src: &Src<'_>, tbl: &dyn TableLike, key: &str, item: &Item) -> Pos {
    tbl.key(key)
        .map(|k| src.span_pos(k.span()))
        .unwrap_or_else(|| src.item_pos(item))
}

/// One rate value: growth-type (§9) except the discount rate.
fn one(
    src: &Src<'_>,
    item: &Item,
    key: &str,
    field: &str,
    kpos: Pos,
    sink: &mut Sink<'_>,
) -> Option<(Decimal, Pos, String)> {
    let field = || Some(field.to_string());
    let (t, vpos) = match scalar(src, item) {
        Ok(x) => x,
        Err(e) => {
            report(sink, Severity::Error, kpos, field(), e);
            return None;
        }
    };
    let parsed = if key == "discount_rate" {
        parse_rate(&t).map(|r| (r, None))
    } else {
        parse_growth(&t)
    };
    match parsed {
        Ok((r, warning)) => {
            if let Some(w) = warning {
                report(sink, Severity::Warning, vpos, field(), w);
            }
            Some((r, vpos, t))
        }
        Err(e) => {
            report(sink, Severity::Error, vpos, field(), e);
            None
        }
    }
}

/// Every key of one section.
pub fn rate_table(
    src: &Src<'_>,
    tbl: &dyn TableLike,
    section: &str,
    sink: &mut Sink<'_>,
) -> Vec<(String, At<RawRate>)> {
    let mut out = vec![];
    for (key, item) in tbl.iter() {
        let kpos = key_pos(src, tbl, key, item);
        if section == "rates" && !RATES.contains(&key) {
            unknown_key(sink, kpos, key, RATES, "[rates]");
            continue;
        }
        let field = format!("[{section}] key \"{key}\"");
        let Some(years) = item.as_table_like() else {
            let Some((r, vpos, t)) = one(src, item, key, &field, kpos, sink) else {
                continue;
            };
            if matches!(key, "deflator" | "discount_rate") && r <= Decimal::NEGATIVE_ONE {
                report(sink, Severity::Error, vpos, Some(field), format!("a {key} of \"{t}\" (−100% or below) cannot discount; use a rate above -100%"));
                continue;
            }
            out.push((
                key.to_string(),
                At {
                    v: RawRate::One(r),
                    pos: vpos,
                },
            ));
            continue;
        };
        if key == "discount_rate" {
            report(sink, Severity::Error, kpos, Some(field), "discount_rate is one rate for the whole horizon (HM Treasury Green Book); write e.g. discount_rate = \"3.5%\", not a table by year");
            continue;
        }
        if years.is_empty() {
            report(sink, Severity::Error, kpos, Some(field), format!("the table for \"{key}\" is empty; list years and rates, e.g. {key} = {{ 2010-11 = \"4%\", 2011-12 = \"3%\" }}, or write one rate"));
            continue;
        }
        let mut entries: Vec<(At<Year>, Decimal)> = vec![];
        let mut ok = true;
        for (ykey, yitem) in years.iter() {
            let ypos = key_pos(src, years, ykey, yitem);
            let yfield = format!("[{section}] key \"{key}\" year \"{ykey}\"");
            let year = match Year::parse(ykey) {
                Ok(y) => y,
                Err(e) => {
                    report(
                        sink,
                        Severity::Error,
                        ypos,
                        Some(yfield),
                        format!("{e}; the keys of a rate table are financial years"),
                    );
                    ok = false;
                    continue;
                }
            };
            if let Some((first, _)) = entries.iter().find(|(y, _)| y.v == year) {
                report(sink, Severity::Error, ypos, Some(yfield), format!("{year} is listed twice in \"{key}\" (first on line {}); give each year one rate", first.pos.line));
                ok = false;
                continue;
            }
            match one(src, yitem, key, &yfield, ypos, sink) {
                Some((r, _, _)) => entries.push((At { v: year, pos: ypos }, r)),
                None => ok = false,
            }
        }
        if ok {
            out.push((
                key.to_string(),
                At {
                    v: RawRate::ByYear(entries),
                    pos: kpos,
                },
            ));
        }
    }
    out
}
