//! The five §11.2 service fields (services.csv columns and `commission`
//! keys): deadweight, attribution, optimism_bias (rates in [0, 1]),
//! benefit_years (a whole number ≥ 1, digits only: `3.0` is an error) and
//! drop_off (a rate in [0, 1]).

use super::ServiceFields;
use crate::model::value::parse_rate;
use crate::model::BenefitTerms;
use rust_decimal::Decimal;

/// Parse a share in [0, 1] (`"10%"` or `0.1`); empty gives the default.
fn share(
    col: &str,
    v: &str,
    default: Decimal,
    meaning: &str,
    report: &mut dyn FnMut(&str, String, bool),
) -> Option<Decimal> {
    let v = crate::model::text::trim(v);
    if v.is_empty() {
        return Some(default);
    }
    match parse_rate(v) {
        Ok(r) if (Decimal::ZERO..=Decimal::ONE).contains(&r) => Some(r),
        Ok(_) => {
            report(
                col,
                format!("the {col} \"{v}\" is outside 0 to 1; write {meaning} as a share from 0 to 1, e.g. 0.2 or \"20%\""),
                false,
            );
            None
        }
        Err(e) => {
            report(
                col,
                format!("{e}; {col} is {meaning}, a share from 0 to 1"),
                false,
            );
            None
        }
    }
}

/// `benefit_years`: digits only, at least 1; empty gives 1.
pub fn benefit_years(v: &str) -> Result<u32, String> {
    let v = crate::model::text::trim(v);
    if v.is_empty() {
        return Ok(1);
    }
    let hint =
        "write the number of years an outcome keeps yielding value as a whole number, e.g. 3";
    if !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "benefit_years \"{v}\" is not a whole number; {hint}"
        ));
    }
    match v.parse::<u32>() {
        Ok(0) => Err(format!(
            "benefit_years \"{v}\" must be at least 1 (the year the outcome is achieved); {hint}"
        )),
        Ok(y) => Ok(y),
        Err(_) => Err(format!("benefit_years \"{v}\" is too large; {hint}")),
    }
}

impl ServiceFields<'_> {
    /// The §11.2 terms; every problem is reported, `None` if any.
    pub(super) fn benefit_terms(
        &self,
        report: &mut dyn FnMut(&str, String, bool),
    ) -> Option<BenefitTerms> {
        let d = BenefitTerms::default();
        let deadweight = share(
            "deadweight",
            self.deadweight,
            d.deadweight,
            "the share of outcomes that would have happened anyway",
            report,
        );
        let attribution = share(
            "attribution",
            self.attribution,
            d.attribution,
            "the share of outcomes due to this service",
            report,
        );
        let optimism_bias = share(
            "optimism_bias",
            self.optimism_bias,
            d.optimism_bias,
            "the optimism-bias correction",
            report,
        );
        let drop_off = share(
            "drop_off",
            self.drop_off,
            d.drop_off,
            "the fall in an outcome's value each later year",
            report,
        );
        let years =
            benefit_years(self.benefit_years).map_err(|e| report("benefit_years", e, false));
        Some(BenefitTerms {
            deadweight: deadweight?,
            attribution: attribution?,
            optimism_bias: optimism_bias?,
            benefit_years: years.ok()?,
            drop_off: drop_off?,
            outcome_value_given: !crate::model::text::trim(self.outcome_value).is_empty(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benefit_years_grammar() {
        assert_eq!(benefit_years(""), Ok(1));
        assert_eq!(benefit_years(" 3 "), Ok(3));
        assert!(benefit_years("3.0").is_err());
        assert!(benefit_years("2.5").is_err());
        assert!(benefit_years("0").unwrap_err().contains("at least 1"));
        assert!(benefit_years("-1").is_err());
    }
}
