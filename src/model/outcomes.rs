//! SPEC §11.1–11.2: the value of an outcome to each beneficiary
//! (outcomes.csv), and a service's additionality and persistence terms.
//!
//! A beneficiary is a partner or an agency outside the partnership; the
//! engine never needs to know which, except for the `benefit` risk rule
//! (outside agencies never share).

use rust_decimal::Decimal;

/// What kind of value an outcome yields to a beneficiary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A saving to the beneficiary's budget (some of it cashable).
    Fiscal,
    /// Economic value (e.g. earnings).
    Economic,
    /// Wider social value.
    Social,
    /// A service's own `outcome_value`: counted in `benefit`, never in fiscal figures.
    Unallocated,
}

impl ValueKind {
    /// The kinds an outcomes.csv row may name (`unallocated` is not one).
    pub const ALL: &'static [(&'static str, ValueKind)] = &[
        ("fiscal", ValueKind::Fiscal),
        ("economic", ValueKind::Economic),
        ("social", ValueKind::Social),
    ];
    pub fn name(self) -> &'static str {
        match self {
            ValueKind::Fiscal => "fiscal",
            ValueKind::Economic => "economic",
            ValueKind::Social => "social",
            ValueKind::Unallocated => "unallocated",
        }
    }
}

/// One outcomes.csv row: the value of one outcome to one beneficiary.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeValue {
    /// The outcome measure as written (trimmed); matched case-insensitively.
    pub outcome: String,
    /// A partner id or an outside agency's id.
    pub beneficiary: String,
    /// Base-year prices; any sign.
    pub value: Decimal,
    pub kind: ValueKind,
    /// Only ever true for a fiscal row.
    pub cashable: bool,
    pub note: String,
}

impl OutcomeValue {
    /// The key an outcome is matched on (trimmed, lower case).
    pub fn key(outcome: &str) -> String {
        outcome.trim().to_lowercase()
    }
}

/// A service's §11.2 terms: additionality, optimism bias and persistence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenefitTerms {
    /// Share of outcomes that would have happened anyway, in [0, 1].
    pub deadweight: Decimal,
    /// Share of outcomes due to this service, in [0, 1].
    pub attribution: Decimal,
    /// Green Book optimism-bias correction, in [0, 1].
    pub optimism_bias: Decimal,
    /// Years an outcome keeps yielding value (the year achieved included), ≥ 1.
    pub benefit_years: u32,
    /// The fall in that value each later year, in [0, 1].
    pub drop_off: Decimal,
    /// Whether the service's `outcome_value` cell was written (`0` included).
    pub outcome_value_given: bool,
}

impl Default for BenefitTerms {
    fn default() -> Self {
        BenefitTerms {
            deadweight: Decimal::ZERO,
            attribution: Decimal::ONE,
            optimism_bias: Decimal::ZERO,
            benefit_years: 1,
            drop_off: Decimal::ZERO,
            outcome_value_given: false,
        }
    }
}

impl BenefitTerms {
    /// `(1 − deadweight) × attribution × (1 − optimism_bias)`: net outcomes per gross outcome.
    pub fn net_factor(&self) -> Decimal {
        let bits = |x: &Decimal| x.serialize();
        if bits(&self.deadweight) == bits(&Decimal::ZERO)
            && bits(&self.attribution) == bits(&Decimal::ONE)
            && bits(&self.optimism_bias) == bits(&Decimal::ZERO)
        {
            // Every default: (1 − 0) × 1 × (1 − 0) is this very 1.
            return Decimal::ONE;
        }
        (Decimal::ONE - self.deadweight) * self.attribution * (Decimal::ONE - self.optimism_bias)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_default_net_factor_is_the_formulas_own_one() {
        let d = BenefitTerms::default();
        let formula =
            (Decimal::ONE - d.deadweight) * d.attribution * (Decimal::ONE - d.optimism_bias);
        assert_eq!(d.net_factor().serialize(), formula.serialize());
        // Written forms of the defaults take the formula, whatever it gives.
        for (dw, at, ob) in [
            (dec!(0.00), dec!(1), dec!(0)),
            (dec!(0), dec!(1.00), dec!(0)),
            (dec!(0), dec!(1), dec!(0.0)),
        ] {
            let t = BenefitTerms {
                deadweight: dw,
                attribution: at,
                optimism_bias: ob,
                ..BenefitTerms::default()
            };
            let formula = (Decimal::ONE - dw) * at * (Decimal::ONE - ob);
            assert_eq!(t.net_factor().serialize(), formula.serialize());
        }
        let t = BenefitTerms {
            deadweight: dec!(0.2),
            attribution: dec!(0.5),
            optimism_bias: dec!(0.1),
            ..BenefitTerms::default()
        };
        assert_eq!(t.net_factor(), dec!(0.36));
    }
}
