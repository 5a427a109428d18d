//! The rows of the Levers tab: the current scenario's rates, demand
//! growths, contribution growths and levers, each with where its value
//! comes from (this file, a parent, or the default) and whether it can be
//! edited here.

use crate::load::scenario::{RawLever, RawScenario};
use crate::model::YearRate;
use crate::session::rewrite::{money_text, rate_text};
use crate::session::Session;

/// What a row is.
#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    /// A section heading (not selectable).
    Section(&'static str),
    /// `[rates] key`.
    Rate(&'static str),
    /// `[demand] key`.
    Demand(String),
    /// `[contribution_growth] key`.
    Growth(String),
    /// Lever `index` of scenario file `file`.
    Lever { file: String, index: usize },
}

impl RowKind {
    /// The scenario table this row's value lives in, and its key.
    pub fn table_key(&self) -> Option<(&'static str, &str)> {
        match self {
            RowKind::Rate(k) => Some(("rates", k)),
            RowKind::Demand(k) => Some(("demand", k)),
            RowKind::Growth(k) => Some(("contribution_growth", k)),
            _ => None,
        }
    }
}

/// One row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub label: String,
    pub value: String,
    /// "this file", the parent's id, or "default".
    pub source: String,
    /// Set in the current scenario's own file.
    pub own: bool,
}

pub const RATE_KEYS: [&str; 4] = [
    "pay_inflation",
    "price_inflation",
    "deflator",
    "discount_rate",
];

/// The chain of `id` (itself first), with each file's parsed form.
pub fn chain<'m>(m: &'m Session, id: &str) -> Vec<(&'m str, &'m RawScenario)> {
    let mut out = vec![];
    let mut cur = Some(id.to_string());
    while let Some(c) = cur {
        let Some((k, src)) = m.sources.get_key_value(&c) else {
            break;
        };
        if out.iter().any(|(x, _)| *x == k.as_str()) {
            break;
        }
        let Some(raw) = &src.raw else { break };
        out.push((k.as_str(), raw));
        cur = src.parent.clone();
    }
    out
}

fn source_of(
    chain: &[(&str, &RawScenario)],
    id: &str,
    f: impl Fn(&RawScenario) -> bool,
) -> (String, bool) {
    match chain.iter().find(|(_, r)| f(r)) {
        Some((k, _)) if *k == id => ("this file".into(), true),
        Some((k, _)) => (format!("from {k}"), false),
        None => ("default".into(), false),
    }
}

/// What a lever does, in one number style for the whole tab: rates as
/// `2.5%`, money as `£600,000`, quantities grouped (`1,200`), whatever
/// way the file wrote them.
fn op_text(l: &RawLever) -> String {
    use crate::model::value::{parse_money, parse_quantity, parse_rate};
    let money = matches!(
        l.kind.as_str(),
        "contribution" | "unit_cost" | "saving" | "recommission"
    );
    for k in ["change", "by", "set", "unit_cost", "volume"] {
        if let Some(v) = l.get(k) {
            let shown = if k == "change" {
                parse_rate(&v.v)
                    .map(|r| {
                        let sign = if r.is_sign_positive() && !r.is_zero() {
                            "+"
                        } else {
                            ""
                        };
                        format!("{sign}{}", one_place(rate_text(r)))
                    })
                    .ok()
            } else if money || k == "unit_cost" {
                parse_money(&v.v).map(money_text).ok()
            } else {
                parse_quantity(&v.v)
                    .map(|x| crate::report::format::grouped(x, x.scale().min(2)))
                    .ok()
            };
            return format!("{k} {}", shown.unwrap_or_else(|| v.v.clone()));
        }
    }
    String::new()
}

/// A lever in one line: `contribution nhs-haringey → early-help 2010-11…`.
pub fn describe(l: &RawLever) -> String {
    let f = |k: &str| l.get(k).map(|a| a.v.clone()).unwrap_or_default();
    let target = match l.kind.as_str() {
        "contribution" => format!("{} → {}", f("partner"), f("pool")),
        "saving" => f("pool"),
        "commission" => format!("{} ({})", f("id"), f("provider")),
        "recommission" => format!("{} → {}", f("service"), f("provider")),
        _ => {
            let r = l
                .get("reduces")
                .map(|r| format!(", reduces {}", r.v))
                .unwrap_or_default();
            format!("{}{r}", f("service"))
        }
    };
    let window = match (&l.from, &l.to) {
        (Some(a), Some(b)) => format!("{}–{}", a.v, b.v),
        (Some(a), None) => format!("{}…", a.v),
        (None, Some(b)) => format!("…{}", b.v),
        (None, None) => "all years".into(),
    };
    format!("{:<13}{target}  {window}", l.kind)
}

/// A rate as shown: one rate as before; a year table compactly, its rates
/// in year order (`3%/2% by year`; read-only here: edit the scenario file).
fn year_rate_text(v: &YearRate) -> String {
    match v.single() {
        Some(r) => one_place(rate_text(r)),
        None => {
            let rates: Vec<String> = v.entries().iter().map(|(_, r)| rate_text(*r)).collect();
            format!("{} by year", rates.join("/"))
        }
    }
}

/// Rates in one style on the tab: at least one decimal place (`0.0%`
/// beside `-8.5%`, not `0%`).
fn one_place(t: String) -> String {
    match t.strip_suffix('%') {
        Some(n) if !n.contains('.') => format!("{n}.0%"),
        _ => t,
    }
}

/// Every row for scenario `id`.
pub fn rows(m: &Session, id: &str) -> Vec<Row> {
    let (Some(sc), Some(budget)) = (m.scenario(id), m.budget_of(id)) else {
        return vec![];
    };
    let ch = chain(m, id);
    let mut out = vec![Row {
        kind: RowKind::Section(super::super::strings::SECTION_RATES),
        label: String::new(),
        value: String::new(),
        source: String::new(),
        own: false,
    }];
    let r = &sc.rates;
    for (k, v) in RATE_KEYS.iter().zip([
        r.pay_inflation.clone(),
        r.price_inflation.clone(),
        r.deflator.clone(),
        YearRate::One(r.discount_rate),
    ]) {
        let (source, own) = source_of(&ch, id, |raw| raw.rates.iter().any(|(x, _)| x == k));
        out.push(Row {
            kind: RowKind::Rate(k),
            label: k.replace('_', " "),
            value: year_rate_text(&v),
            source,
            own,
        });
    }
    let section = |name| Row {
        kind: RowKind::Section(name),
        label: String::new(),
        value: String::new(),
        source: String::new(),
        own: false,
    };
    out.push(section(super::super::strings::SECTION_DEMAND));
    let mut keys: Vec<String> = budget.categories().iter().map(|c| c.to_string()).collect();
    keys.extend(
        sc.demand
            .keys()
            .filter(|k| !keys.contains(k))
            .cloned()
            .collect::<Vec<_>>(),
    );
    for k in keys {
        let v = sc.demand.get(&k).cloned().unwrap_or_default();
        let (source, own) = source_of(&ch, id, |raw| raw.demand.iter().any(|(x, _)| *x == k));
        out.push(Row {
            kind: RowKind::Demand(k.clone()),
            label: k,
            value: year_rate_text(&v),
            source,
            own,
        });
    }
    out.push(section(super::super::strings::SECTION_GROWTH));
    for p in &budget.partners {
        let v = sc
            .contribution_growth
            .get(&p.id)
            .cloned()
            .unwrap_or_default();
        let (source, own) = source_of(&ch, id, |raw| {
            raw.contribution_growth.iter().any(|(x, _)| *x == p.id)
        });
        out.push(Row {
            kind: RowKind::Growth(p.id.clone()),
            label: p.id.clone(),
            value: year_rate_text(&v),
            source,
            own,
        });
    }
    out.push(section(super::super::strings::SECTION_LEVERS));
    for (file, raw) in ch.iter().rev() {
        for (index, l) in raw.levers.iter().enumerate() {
            let own = *file == id;
            out.push(Row {
                kind: RowKind::Lever {
                    file: file.to_string(),
                    index,
                },
                label: describe(l),
                value: op_text(l),
                source: if own {
                    "this file".into()
                } else {
                    format!("from {file}")
                },
                own,
            });
        }
    }
    super::super::levers_ranges::annotate(sc, &mut out);
    out
}

/// The raw lever a row points at.
pub fn lever<'m>(m: &'m Session, file: &str, index: usize) -> Option<&'m RawLever> {
    m.sources.get(file)?.raw.as_ref()?.levers.get(index)
}
