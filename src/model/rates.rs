//! SPEC §10.1: a growth-type rate written either as one rate or as a table
//! from financial years to rates. The rate in force in year t ≥ 1 is the
//! entry for the latest listed year ≤ t (0 before every listed year); a single
//! rate is in force in every year t ≥ 1.

use super::Year;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One rate, or a rate by year.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum YearRate {
    /// The same rate every year from t = 1.
    One(Decimal),
    /// Entries keyed by financial year (every key after the base year).
    ByYear(BTreeMap<Year, Decimal>),
}

impl Default for YearRate {
    fn default() -> Self {
        YearRate::One(Decimal::ZERO)
    }
}

impl From<Decimal> for YearRate {
    fn from(r: Decimal) -> Self {
        YearRate::One(r)
    }
}

impl YearRate {
    /// The rate in force in year index `t` (t ≥ 1) of a horizon starting at `base`.
    pub fn at(&self, base: Year, t: usize) -> Decimal {
        match self {
            YearRate::One(r) => *r,
            YearRate::ByYear(m) => {
                let y = base.plus(t as i32);
                m.range(..=y)
                    .next_back()
                    .map(|(_, r)| *r)
                    .unwrap_or_default()
            }
        }
    }

    /// The single rate, when it is not a table.
    pub fn single(&self) -> Option<Decimal> {
        match self {
            YearRate::One(r) => Some(*r),
            YearRate::ByYear(_) => None,
        }
    }

    /// True for the single rate 0.
    pub fn is_zero(&self) -> bool {
        matches!(self, YearRate::One(r) if r.is_zero())
    }

    /// The same rate moved by `d` in every year t ≥ 1 (sensitivity's uniform
    /// shift): a table gains an entry of 0 at base + 1 if it had none, so the
    /// years before its first listed year move too.
    pub fn shifted(&self, base: Year, d: Decimal) -> YearRate {
        match self {
            YearRate::One(r) => YearRate::One(*r + d),
            YearRate::ByYear(m) => {
                let mut m = m.clone();
                m.entry(base.plus(1)).or_insert(Decimal::ZERO);
                for v in m.values_mut() {
                    *v += d;
                }
                YearRate::ByYear(m)
            }
        }
    }

    /// Every listed year with its rate (a single rate has none).
    pub fn entries(&self) -> Vec<(Year, Decimal)> {
        match self {
            YearRate::One(_) => vec![],
            YearRate::ByYear(m) => m.iter().map(|(y, r)| (*y, *r)).collect(),
        }
    }

    /// As a finance lead reads it: `2.5%` or `{2010-11 4%, 2011-12 3%}`.
    pub fn label(&self) -> String {
        match self {
            YearRate::One(r) => pct(*r),
            YearRate::ByYear(m) => {
                let parts: Vec<String> =
                    m.iter().map(|(y, r)| format!("{y} {}", pct(*r))).collect();
                format!("{{{}}}", parts.join(", "))
            }
        }
    }
}

/// A rate as a percentage, trailing zeros stripped: `2.5%`.
pub fn pct(r: Decimal) -> String {
    format!("{}%", (r * Decimal::ONE_HUNDRED).normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn table() -> YearRate {
        YearRate::ByYear(
            [(Year(2011), dec!(0.04)), (Year(2013), dec!(0.02))]
                .into_iter()
                .collect(),
        )
    }

    #[test]
    fn rate_in_force_is_the_latest_listed_year() {
        let r = table();
        let base = Year(2009);
        assert_eq!(r.at(base, 1), dec!(0)); // 2010-11: before every entry
        assert_eq!(r.at(base, 2), dec!(0.04));
        assert_eq!(r.at(base, 3), dec!(0.04));
        assert_eq!(r.at(base, 4), dec!(0.02));
        assert_eq!(r.at(base, 9), dec!(0.02));
    }

    #[test]
    fn labels_and_shift() {
        assert_eq!(table().label(), "{2011-12 4%, 2013-14 2%}");
        let s = table().shifted(Year(2009), dec!(0.01));
        assert_eq!(s.label(), "{2010-11 1%, 2011-12 5%, 2013-14 3%}");
        assert_eq!(YearRate::One(dec!(0.025)).label(), "2.5%");
    }
}
