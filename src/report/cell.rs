//! The units money is shown in, and one report cell. A cell's variant is
//! the figure's type: `Money` is divided by the unit; `Price` (£ per
//! outcome, £ per unit) is always pounds and never scaled; `Measure` shows
//! its human label in tables and its snake_case id in CSV and JSON.

use super::format::{grouped, money, plain};
use super::measure::Measure;
use rust_decimal::Decimal;

/// Units money is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Pounds,
    Thousands,
    Millions,
}

impl Unit {
    pub fn divisor(self) -> Decimal {
        match self {
            Unit::Pounds => Decimal::ONE,
            Unit::Thousands => Decimal::from(1_000),
            Unit::Millions => Decimal::from(1_000_000),
        }
    }
    /// Places shown in text tables.
    pub fn places(self) -> u32 {
        match self {
            Unit::Pounds => 0,
            Unit::Thousands => 0,
            Unit::Millions => 1,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Unit::Pounds => "£",
            Unit::Thousands => "£000",
            Unit::Millions => "£m",
        }
    }
    pub fn cycle(self) -> Unit {
        match self {
            Unit::Pounds => Unit::Thousands,
            Unit::Thousands => Unit::Millions,
            Unit::Millions => Unit::Pounds,
        }
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A measure: its label in tables, its id in CSV and JSON.
    Measure(Measure),
    /// A measure with a label written for this table (`total of in-year
    /// gaps over 3 years`): the label in tables, the id in CSV and JSON.
    MeasureAs(Measure, String),
    /// Money in pounds (exact), shown in the table's unit.
    Money(Decimal),
    /// Pounds per something (cost per outcome): shown in whole pounds
    /// whatever the table's unit, never divided by it.
    Price(Decimal),
    /// A quantity shown to `dp` places.
    Qty(Decimal, u32),
    /// A percentage (fraction), shown to 1 place.
    Pct(Decimal),
    /// "n/a" where a ratio has no denominator.
    NA,
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn money_or_na(x: Option<Decimal>) -> Cell {
        x.map(Cell::Money).unwrap_or(Cell::NA)
    }
    pub fn price_or_na(x: Option<Decimal>) -> Cell {
        x.map(Cell::Price).unwrap_or(Cell::NA)
    }
    pub fn is_numeric(&self) -> bool {
        !matches!(self, Cell::Text(_) | Cell::Measure(_) | Cell::MeasureAs(..))
    }
    /// As shown in an aligned table.
    pub fn display(&self, unit: Unit) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Measure(m) => m.label.to_string(),
            Cell::MeasureAs(_, label) => label.clone(),
            Cell::Money(x) => grouped(*x / unit.divisor(), unit.places()),
            Cell::Price(x) => grouped(*x, 0),
            Cell::Qty(x, dp) => grouped(*x, *dp),
            // one place always, so `0.0%` sits beside `-8.5%`
            Cell::Pct(x) => format!("{}%", grouped(*x * Decimal::ONE_HUNDRED, 1)),
            Cell::NA => "n/a".into(),
            Cell::Empty => String::new(),
        }
    }
    /// As written raw in CSV (exact, unrounded except money to the penny).
    pub fn raw(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Measure(m) | Cell::MeasureAs(m, _) => m.id.to_string(),
            Cell::Money(x) | Cell::Price(x) => money(*x),
            Cell::Qty(x, _) | Cell::Pct(x) => plain(*x, 10),
            Cell::NA => "n/a".into(),
            Cell::Empty => String::new(),
        }
    }
    pub(super) fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(_) | Cell::Measure(_) | Cell::MeasureAs(..) => {
                serde_json::Value::String(self.raw())
            }
            Cell::Money(_) | Cell::Price(_) | Cell::Qty(..) | Cell::Pct(_) => {
                serde_json::Value::Number(
                    self.raw()
                        .parse()
                        .unwrap_or_else(|_| serde_json::Number::from(0)),
                )
            }
            Cell::NA | Cell::Empty => serde_json::Value::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::measure;
    use rust_decimal_macros::dec;

    #[test]
    fn a_price_is_never_scaled() {
        let c = Cell::Price(dec!(7391.456));
        for unit in [Unit::Pounds, Unit::Thousands, Unit::Millions] {
            assert_eq!(c.display(unit), "7,391");
        }
        assert_eq!(c.raw(), "7391.46");
        assert_eq!(Cell::Money(dec!(7391.456)).display(Unit::Thousands), "7");
    }

    #[test]
    fn percentages_have_one_place() {
        assert_eq!(Cell::Pct(dec!(0)).display(Unit::Pounds), "0.0%");
        assert_eq!(Cell::Pct(dec!(-0.0847)).display(Unit::Pounds), "-8.5%");
        assert_eq!(Cell::Pct(dec!(0.12)).display(Unit::Pounds), "12.0%");
    }

    #[test]
    fn a_measure_is_a_label_in_tables_and_an_id_in_data() {
        let c = Cell::Measure(measure::IN_YEAR_GAP);
        assert_eq!(c.display(Unit::Pounds), "in-year gap (MTFS cumulative gap)");
        assert_eq!(c.raw(), "in_year_gap");
        assert_eq!(c.json(), serde_json::json!("in_year_gap"));
        let c = Cell::MeasureAs(measure::TOTAL_OF_GAPS, "over 3 years".into());
        assert_eq!(c.display(Unit::Pounds), "over 3 years");
        assert_eq!(c.raw(), "total_of_in_year_gaps");
    }
}
