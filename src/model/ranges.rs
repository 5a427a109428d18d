//! SPEC §14: ranges on a scenario's single-rate inputs. A range is a
//! triangular distribution (low, mode, high) with `low ≤ mode ≤ high`; the
//! mode is the key's value in the scenario unless the file gives one.
//!
//! `Ranges` is ordered by section (rates, then demand, then contribution
//! growth) and then by key: that order is the order in which `risk` draws
//! the inputs, so it must never change silently.

use super::Scenario;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The scenario section a ranged key belongs to (in draw order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// `[rates]` (pay_inflation, price_inflation, deflator).
    Rates,
    /// `[demand]` (a service id or category).
    Demand,
    /// `[contribution_growth]` (a partner id).
    ContributionGrowth,
}

impl Section {
    /// Every section, in draw order.
    pub const ALL: [Section; 3] = [Section::Rates, Section::Demand, Section::ContributionGrowth];

    /// The section's name in scenario files.
    pub fn name(self) -> &'static str {
        match self {
            Section::Rates => "rates",
            Section::Demand => "demand",
            Section::ContributionGrowth => "contribution_growth",
        }
    }
}

/// A ranged input: its section and key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RangeKey {
    pub section: Section,
    pub key: String,
}

impl RangeKey {
    pub fn new(section: Section, key: &str) -> RangeKey {
        RangeKey {
            section,
            key: key.to_string(),
        }
    }

    /// As written in a file: `demand.fostering`, `rates.pay_inflation`.
    pub fn label(&self) -> String {
        format!("{}.{}", self.section.name(), self.key)
    }
}

/// A triangular range (fractions a year), `low ≤ mode ≤ high`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Range {
    pub low: Decimal,
    pub mode: Decimal,
    pub high: Decimal,
    /// Where it was written, e.g. `scenarios/worst-case.toml:22`.
    pub origin: String,
}

impl Range {
    /// True when low = mode = high (the input does not vary).
    pub fn is_degenerate(&self) -> bool {
        self.low == self.mode && self.mode == self.high
    }
}

/// Every ranged input of a scenario, in draw order.
pub type Ranges = BTreeMap<RangeKey, Range>;

impl Scenario {
    /// The scenario with one ranged input set to a single rate `r` (a draw).
    /// Keys outside the three sections' grammar are ignored.
    pub fn set_rate(&mut self, k: &RangeKey, r: Decimal) {
        let v = super::YearRate::One(r);
        match k.section {
            Section::Rates => match k.key.as_str() {
                "pay_inflation" => self.rates.pay_inflation = v,
                "price_inflation" => self.rates.price_inflation = v,
                "deflator" => self.rates.deflator = v,
                _ => {}
            },
            Section::Demand => {
                self.demand.insert(k.key.clone(), v);
            }
            Section::ContributionGrowth => {
                self.contribution_growth.insert(k.key.clone(), v);
            }
        }
    }

    /// The value a key has in the scenario: `None` when it is not set
    /// (a ranged key then takes 0 as its mode).
    pub fn rate_of(&self, k: &RangeKey) -> Option<&super::YearRate> {
        match k.section {
            Section::Rates => match k.key.as_str() {
                "pay_inflation" => Some(&self.rates.pay_inflation),
                "price_inflation" => Some(&self.rates.price_inflation),
                "deflator" => Some(&self.rates.deflator),
                _ => None,
            },
            Section::Demand => self.demand.get(&k.key),
            Section::ContributionGrowth => self.contribution_growth.get(&k.key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draw_order_is_section_then_key() {
        let mut r: Vec<RangeKey> = vec![
            RangeKey::new(Section::ContributionGrowth, "a"),
            RangeKey::new(Section::Demand, "z"),
            RangeKey::new(Section::Rates, "price_inflation"),
            RangeKey::new(Section::Demand, "b"),
            RangeKey::new(Section::Rates, "pay_inflation"),
        ];
        r.sort();
        let labels: Vec<String> = r.iter().map(RangeKey::label).collect();
        assert_eq!(
            labels,
            [
                "rates.pay_inflation",
                "rates.price_inflation",
                "demand.b",
                "demand.z",
                "contribution_growth.a"
            ]
        );
    }
}
