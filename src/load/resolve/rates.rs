//! SPEC §10.1 checks that need the budget: a rate table's listed year at or
//! before the base year is an error (rates act from t = 1); a year beyond
//! the horizon of the scenario being resolved is a warning and is ignored
//! (so a longer child uses a parent's entry the parent ignores); a deflator
//! entry of −100% or below inside that horizon is an error (§11.6).

use crate::load::diag::{Severity, Sink};
use crate::load::scenario::{At, RawRate, RawScenario};
use crate::load::toml_spans::report;
use crate::model::{Scenario, Year, YearRate};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub(super) struct Rates<'d> {
    pub sink: Sink<'d>,
    pub base: Year,
    pub years: usize,
    pub horizon_known: bool,
    pub ok: bool,
}

impl Rates<'_> {
    /// A file's rates over its parents' (a key replaces the parent's whole).
    pub fn merge(&mut self, raw: &RawScenario, scenario: &mut Scenario) {
        let rs = self;
        for (key, at) in &raw.rates {
            let v = rs.year_rate(key, "rates", at);
            let r = &mut scenario.rates;
            match (key.as_str(), v) {
                (_, None) => {}
                ("pay_inflation", Some(v)) => r.pay_inflation = v,
                ("price_inflation", Some(v)) => r.price_inflation = v,
                ("deflator", Some(v)) => r.deflator = v,
                (_, Some(v)) => r.discount_rate = v.single().unwrap_or_default(),
            }
        }
        for (key, at) in &raw.demand {
            if let Some(v) = rs.year_rate(key, "demand", at) {
                scenario.demand.insert(key.clone(), v);
            }
        }
        for (key, at) in &raw.contribution_growth {
            if let Some(v) = rs.year_rate(key, "contribution_growth", at) {
                scenario.contribution_growth.insert(key.clone(), v);
            }
        }
    }

    /// The rate of one key, or `None` when it has an error.
    pub fn year_rate(&mut self, key: &str, section: &str, at: &At<RawRate>) -> Option<YearRate> {
        let entries = match &at.v {
            RawRate::One(r) => return Some(YearRate::One(*r)),
            RawRate::ByYear(e) => e,
        };
        let last = self.base.plus(self.years as i32 - 1);
        let mut out = BTreeMap::new();
        let mut ok = true;
        for (y, r) in entries {
            let field = Some(format!("[{section}] key \"{key}\" year \"{}\"", y.v));
            if y.v <= self.base {
                let first = self.base.plus(1);
                report(&mut self.sink, Severity::Error, y.pos, field, format!("{} is not after the base year {}; rates act from the year after it, so the first year a table may list is {first}", y.v, self.base));
                ok = false;
            } else if y.v > last {
                if self.horizon_known {
                    report(
                        &mut self.sink,
                        Severity::Warning,
                        y.pos,
                        field,
                        format!(
                            "{} is beyond the horizon ({} to {last}); this entry is ignored",
                            y.v, self.base
                        ),
                    );
                }
            } else if key == "deflator" && *r <= Decimal::NEGATIVE_ONE {
                report(&mut self.sink, Severity::Error, y.pos, field, format!("a deflator of {}% (−100% or below) in {} cannot deflate; use a rate above -100%", (*r * Decimal::ONE_HUNDRED).normalize(), y.v));
                ok = false;
            } else {
                out.insert(y.v, *r);
            }
        }
        self.ok &= ok;
        ok.then_some(YearRate::ByYear(out))
    }
}
