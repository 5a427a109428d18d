//! The rows of the Levers tab: the current scenario's rates, demand
//! growths, contribution growths and levers, each with where its value
//! comes from (this file, a parent, or the default) and whether it can be
//! edited here.

pub use super::lever_text::describe;
use super::lever_text::{one_place, op_text};
use crate::load::scenario::{RawLever, RawScenario};
use crate::model::{Year, YearRate};
use crate::session::rewrite::rate_text;
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
    /// One year of a rate given by year: its table, key and year.
    YearEntry {
        table: &'static str,
        key: String,
        year: Year,
    },
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

/// Push a rate's row and, for a rate by year, a row per listed year.
fn push_rate(out: &mut Vec<Row>, kind: RowKind, label: String, v: &YearRate, src: (String, bool)) {
    let table = kind.table_key().map(|(t, k)| (t, k.to_string()));
    out.push(Row {
        kind,
        label,
        value: year_rate_text(v),
        source: src.0.clone(),
        own: src.1,
        range: None,
    });
    let Some((table, key)) = table else { return };
    for (year, r) in v.entries() {
        out.push(Row {
            kind: RowKind::YearEntry {
                table,
                key: key.clone(),
                year,
            },
            label: format!("  {year}"),
            value: one_place(rate_text(r)),
            source: src.0.clone(),
            own: src.1,
            range: None,
        });
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
    /// Its §14 range (low, mode, high) as shown, when it has one: beside
    /// the value, never part of it (the value is what Enter and `+`/`-`
    /// edit; `b` picks a bound for them instead).
    pub range: Option<[String; 3]>,
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

/// A rate as shown: one rate as before; a year table compactly, its rates
/// in year order (`3%/2% by year`), each year on a row of its own below.
fn year_rate_text(v: &YearRate) -> String {
    match v.single() {
        Some(r) => one_place(rate_text(r)),
        None => {
            let rates: Vec<String> = v.entries().iter().map(|(_, r)| rate_text(*r)).collect();
            format!("{}{}", rates.join("/"), super::super::strings::BY_YEAR)
        }
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
        range: None,
    }];
    let r = &sc.rates;
    for (k, v) in RATE_KEYS.iter().zip([
        r.pay_inflation.clone(),
        r.price_inflation.clone(),
        r.deflator.clone(),
        YearRate::One(r.discount_rate),
    ]) {
        let src = source_of(&ch, id, |raw| raw.rates.iter().any(|(x, _)| x == k));
        push_rate(&mut out, RowKind::Rate(k), k.replace('_', " "), &v, src);
    }
    let section = |name| Row {
        kind: RowKind::Section(name),
        label: String::new(),
        value: String::new(),
        source: String::new(),
        own: false,
        range: None,
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
        let src = source_of(&ch, id, |raw| raw.demand.iter().any(|(x, _)| *x == k));
        push_rate(&mut out, RowKind::Demand(k.clone()), k, &v, src);
    }
    out.push(section(super::super::strings::SECTION_GROWTH));
    for p in &budget.partners {
        let v = sc
            .contribution_growth
            .get(&p.id)
            .cloned()
            .unwrap_or_default();
        let src = source_of(&ch, id, |raw| {
            raw.contribution_growth.iter().any(|(x, _)| *x == p.id)
        });
        push_rate(
            &mut out,
            RowKind::Growth(p.id.clone()),
            p.id.clone(),
            &v,
            src,
        );
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
                range: None,
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
