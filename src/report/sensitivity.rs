//! `poolplan sensitivity` tables: the tornado and the switching values for
//! reading (rates in %), and one flat table of raw figures (rates as
//! fractions, as a scenario file takes them) for CSV and JSON.

use super::format::grouped;
use super::table::{Cell, Table, Unit};
use crate::analysis::bridge::measure::of_years;
use crate::analysis::bridge::Measure;
use crate::analysis::sensitivity::{Row, Sensitivity};
use rust_decimal::Decimal;

fn pct(x: Decimal) -> Cell {
    x.checked_mul(Decimal::ONE_HUNDRED)
        .map(|p| Cell::Qty(p, 2))
        .unwrap_or(Cell::NA)
}

/// A uniform shift in percentage points, signed: `+1.25 pp` (§10.1).
fn shift(x: Decimal) -> Cell {
    match x.checked_mul(Decimal::ONE_HUNDRED) {
        Some(p) => {
            let p = crate::model::round_dp(p, 2).normalize();
            let sign = if p > Decimal::ZERO { "+" } else { "" };
            Cell::text(format!("{sign}{p} pp"))
        }
        None => Cell::NA,
    }
}

/// The current value as shown: a percentage, or a year table's entries.
fn now(r: &Row) -> Cell {
    match &r.by_year {
        Some(t) => Cell::text(t.label()),
        None => pct(r.current),
    }
}

fn money(x: Option<Decimal>) -> Cell {
    Cell::money_or_na(x)
}

/// An amount for a title: `£2,907,073`, `£2,907k`, `£2.9m`.
pub fn amount(x: Decimal, unit: Unit) -> String {
    let v = grouped(x.checked_div(unit.divisor()).unwrap_or(x), unit.places());
    let (sign, v) = match v.strip_prefix('-') {
        Some(rest) => ("-", rest.to_string()),
        None => ("", v),
    };
    let suffix = match unit {
        Unit::Pounds => "",
        Unit::Thousands => "k",
        Unit::Millions => "m",
    };
    format!("{sign}£{v}{suffix}")
}

/// Why a row has no switching value.
pub fn no_switching_value(r: &Row) -> &'static str {
    if r.input.npv_only() {
        "none: the cash gap does not depend on it"
    } else {
        "none within ±50 pp"
    }
}

fn names(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| c.to_string()).collect()
}

/// The tornado and the switching values, for reading.
pub fn sensitivity_tables(s: &Sensitivity, unit: Unit) -> Vec<Table> {
    let total = Measure::Gap.title(s.years);
    let mut tornado = Table::new(
        "tornado",
        format!(
            "Tornado, {}, {}: total of in-year gaps {}, NPV {}; each input moved 1 percentage point",
            s.scenario,
            of_years(s.years),
            amount(s.gap, unit),
            amount(s.npv, unit),
        ),
        names(&[
            "input",
            "now %",
            "Δ gap at −1 pp",
            "Δ gap at +1 pp",
            "swing",
            "Δ NPV at −1 pp",
            "Δ NPV at +1 pp",
        ]),
    );
    let mut switching = Table::new(
        "switching",
        format!("Switching values: where the {total} would be zero"),
        names(&[
            "input",
            "now %",
            "switching value %",
            "change pp",
            "gap there",
        ]),
    );
    for r in &s.rows {
        tornado.rows.push(vec![
            Cell::text(r.input.name()),
            now(r),
            money(r.down.gap),
            money(r.up.gap),
            Cell::Money(r.swing),
            money(r.down.npv),
            money(r.up.npv),
        ]);
        let mut row = vec![Cell::text(r.input.name()), now(r)];
        match r.switching {
            Some(f) if r.by_year.is_some() => row.extend([
                shift(f.value),
                shift(f.value),
                Cell::Money(f.gap),
                Cell::text("a uniform shift of every year's rate"),
            ]),
            Some(f) => row.extend([
                pct(f.value),
                f.value.checked_sub(r.current).map(pct).unwrap_or(Cell::NA),
                Cell::Money(f.gap),
                Cell::text(""),
            ]),
            None => row.extend([
                Cell::text("none"),
                Cell::Empty,
                Cell::Empty,
                Cell::text(no_switching_value(r)),
            ]),
        }
        switching.rows.push(row);
    }
    tornado.notes.push(
        "Δ is the change in the figure (moved minus as it stands); swing is the larger of the two gap changes, ignoring sign; n/a where the engine cannot project the move."
            .into(),
    );
    switching.notes.push(
        "Searched within ±50 pp of the current value in 1 pp steps, then halved to 0.01 pp; \"gap there\" is the engine re-run at that value."
            .into(),
    );
    vec![tornado, switching]
}

/// The base figures and one flat row per input, raw.
pub fn sensitivity_raw(s: &Sensitivity) -> Vec<Table> {
    let mut base = Table::new(
        "base",
        "base",
        names(&["scenario", "cumulative_gap", "npv"]),
    );
    base.rows.push(vec![
        Cell::text(s.scenario.clone()),
        Cell::Money(s.gap),
        Cell::Money(s.npv),
    ]);
    let mut t = Table::new(
        "inputs",
        "inputs",
        names(&[
            "input",
            "current_value",
            "gap_minus_1pp",
            "gap_plus_1pp",
            "swing",
            "npv_minus_1pp",
            "npv_plus_1pp",
            "switching_value",
            "gap_at_switching_value",
            "note",
        ]),
    );
    for r in &s.rows {
        let (value, gap, note) = match r.switching {
            Some(f) if r.by_year.is_some() => (
                Cell::Qty(f.value, 12),
                Cell::Money(f.gap),
                Cell::text("rate by year: values are a uniform shift of every year's rate"),
            ),
            Some(f) => (Cell::Qty(f.value, 12), Cell::Money(f.gap), Cell::Empty),
            None => (Cell::NA, Cell::NA, Cell::text(no_switching_value(r))),
        };
        t.rows.push(vec![
            Cell::text(r.input.name()),
            Cell::Qty(r.current, 12),
            money(r.down.gap),
            money(r.up.gap),
            Cell::Money(r.swing),
            money(r.down.npv),
            money(r.up.npv),
            value,
            gap,
            note,
        ]);
    }
    vec![base, t]
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn title_amounts() {
        assert_eq!(amount(dec!(2907073.4), Unit::Pounds), "£2,907,073");
        assert_eq!(amount(dec!(-39030192), Unit::Thousands), "-£39,030k");
        assert_eq!(amount(dec!(2907073), Unit::Millions), "£2.9m");
    }
}
