//! Units, terms and year columns shared by every Cabinet table.
//!
//! A money figure goes: exact cash pounds (penny-exact from the engine) →
//! real terms if asked (`engine::vfm::real_terms`, SPEC §6.6) →
//! divided by the unit → rounded on its own to the unit's places (£ and
//! £000 to whole units, £m to one place). A total is the same rounding of
//! the exact sum of the (real-terms) penny figures it covers.

use super::{CabinetError, Value};
use crate::engine::arith::{sum, R};
use crate::engine::Projection;
use crate::model::{round_dp, Year};
use crate::report::table::Unit;
use crate::report::terms::Terms;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// Places shown for volumes and outcomes.
pub const QTY_DP: u32 = 1;

/// How money is shown in this export, and the year columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub unit: Unit,
    pub real: bool,
    /// The base year shared by every scenario, if they share one.
    pub price_base: Option<Year>,
    /// Every year any scenario covers, in order.
    pub years: Vec<Year>,
}

impl Scale {
    /// The scale for these projections; real terms need a shared base year.
    pub fn new(unit: Unit, real: bool, ps: &[&Projection]) -> Result<Scale, CabinetError> {
        let bases: BTreeSet<Year> = ps.iter().map(|p| p.base_year).collect();
        let price_base = match bases.len() {
            1 => bases.first().copied(),
            _ => None,
        };
        if real && bases.len() > 1 {
            let list: Vec<String> = bases.iter().map(Year::to_string).collect();
            return Err(CabinetError::MixedPriceBase(list.join(", ")));
        }
        let years: BTreeSet<Year> = ps
            .iter()
            .flat_map(|p| (0..p.years).map(move |t| p.base_year.plus(t as i32)))
            .collect();
        Ok(Scale {
            unit,
            real,
            price_base,
            years: years.into_iter().collect(),
        })
    }

    /// Places shown for money in this unit.
    pub fn dp(&self) -> u32 {
        match self.unit {
            Unit::Pounds | Unit::Thousands => 0,
            Unit::Millions => 1,
        }
    }

    /// `£000`, or `£000, 2009-10 prices` in real terms.
    pub fn label(&self) -> String {
        self.with_prices(self.unit.label())
    }

    /// Appends the price base to a label in real terms.
    pub fn with_prices(&self, label: &str) -> String {
        match (self.real, self.price_base) {
            (true, Some(b)) => format!("{label}, {b} prices"),
            _ => label.to_string(),
        }
    }

    /// `cash` or `real terms, 2009-10 prices`, for titles.
    pub fn terms(&self) -> String {
        match (self.real, self.price_base) {
            (true, Some(b)) => format!("real terms, {b} prices"),
            _ => "cash".to_string(),
        }
    }

    /// A column header such as `2010-11 £000`.
    pub fn header(&self, lead: &str) -> String {
        format!("{lead} {}", self.label())
    }

    /// Headers for every year column.
    pub fn year_headers(&self) -> Vec<String> {
        self.years
            .iter()
            .map(|y| self.header(&y.to_string()))
            .collect()
    }

    /// Exact pounds → the unit, rounded on its own.
    pub fn money(&self, pounds: Decimal) -> Value {
        let x = pounds / self.unit.divisor();
        Value::Num(round_dp(x, self.dp()), self.dp())
    }

    /// A cash series in this export's terms, to the penny.
    pub fn in_terms(&self, p: &Projection, cash: &[Decimal]) -> R<Vec<Decimal>> {
        Terms::new(self.real).series(p, cash)
    }

    /// The year index of column year `y` in projection `p`, if it covers it.
    pub fn index(&self, p: &Projection, y: Year) -> Option<usize> {
        let t = usize::try_from(y.0 - p.base_year.0).ok()?;
        (t < p.years).then_some(t)
    }

    /// One cell per year column: `f(t)` where `p` covers the year, else empty.
    pub fn spread(&self, p: &Projection, f: impl Fn(usize) -> Value) -> Vec<Value> {
        self.years
            .iter()
            .map(|y| self.index(p, *y).map(&f).unwrap_or(Value::Empty))
            .collect()
    }

    /// Year cells of a cash series in this export's terms, then its total
    /// (when `total`): the rounded exact sum.
    pub fn money_cells(&self, p: &Projection, cash: &[Decimal], total: bool) -> R<Vec<Value>> {
        let v = self.in_terms(p, cash)?;
        let mut cells = self.spread(p, |t| self.money(v[t]));
        if total {
            cells.push(self.money(sum(&v, "a table total")?));
        } else {
            cells.push(Value::Empty);
        }
        Ok(cells)
    }
}

/// A quantity rounded to `dp` places.
pub fn qty(x: Decimal, dp: u32) -> Value {
    Value::Num(round_dp(x, dp), dp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn scale(unit: Unit) -> Scale {
        Scale {
            unit,
            real: false,
            price_base: Some(Year(2009)),
            years: vec![Year(2009)],
        }
    }

    #[test]
    fn rounds_each_figure_to_its_unit() {
        assert_eq!(
            scale(Unit::Pounds).money(dec!(1234.50)),
            Value::Num(dec!(1235), 0)
        );
        assert_eq!(
            scale(Unit::Thousands).money(dec!(-1500.00)),
            Value::Num(dec!(-2), 0)
        );
        assert_eq!(
            scale(Unit::Thousands).money(dec!(1499.99)),
            Value::Num(dec!(1), 0)
        );
        assert_eq!(
            scale(Unit::Millions).money(dec!(1250000)),
            Value::Num(dec!(1.3), 1)
        );
        assert_eq!(
            scale(Unit::Millions).money(dec!(-49999)),
            Value::Num(dec!(0), 1)
        );
    }

    #[test]
    fn labels_say_the_price_base() {
        let mut s = scale(Unit::Thousands);
        assert_eq!(s.header("2010-11"), "2010-11 £000");
        s.real = true;
        assert_eq!(s.header("Total"), "Total £000, 2009-10 prices");
        assert_eq!(s.terms(), "real terms, 2009-10 prices");
    }
}
