//! How the Levers tab writes a lever and its operation: one line per
//! lever, one number style for the whole tab.

use crate::load::scenario::RawLever;
use crate::session::rewrite::{money_text, rate_text};

/// What a lever does, in one number style for the whole tab: rates as
/// `2.5%`, money as `£600,000`, quantities grouped (`1,200`), whatever
/// way the file wrote them.
pub fn op_text(l: &RawLever) -> String {
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

/// Rates in one style on the tab: at least one decimal place (`0.0%`
/// beside `-8.5%`, not `0%`).
pub fn one_place(t: String) -> String {
    match t.strip_suffix('%') {
        Some(n) if !n.contains('.') => format!("{n}.0%"),
        _ => t,
    }
}
