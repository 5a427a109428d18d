//! The grammar of a lever's values, by kind and key: the one table that the
//! loader parses with and the TUI nudges and writes back with (issue 11:
//! the TUI had its own table that disagreed, so an `outcome_rate` lever
//! written `by = "-5%"` could not be nudged).

/// How one lever value is written and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grammar {
    /// A growth rate (`change`): `"-10%"` or a fraction inside (−1, 1).
    Growth,
    /// Money (§3): `£1,234.56`, `450k`, `(1,200)`.
    Money,
    /// A plain quantity: `52`, `1,040`, `-12.5`.
    Quantity,
    /// An outcome rate (`set`): 0 or more, a quantity or a percentage.
    OutcomeRate,
    /// A signed change of an outcome rate (`by`): `"5%"`, `"-5%"` or `0.05`.
    SignedOutcomeRate,
}

/// The grammar of `key` in a lever of kind `kind` (the word written in the
/// file), or `None` for keys that are not numbers (ids, years, names).
pub fn grammar(kind: &str, key: &str) -> Option<Grammar> {
    use Grammar::*;
    Some(match (key, kind) {
        ("change", _) => Growth,
        ("by" | "set", "volume") => Quantity,
        ("set", "outcome_rate") => OutcomeRate,
        ("by", "outcome_rate") => SignedOutcomeRate,
        ("by" | "set", "contribution" | "unit_cost" | "saving") => Money,
        ("unit_cost", "recommission") => Money,
        ("outcome_rate", "recommission") => OutcomeRate,
        ("per_unit", "volume") => Quantity,
        _ => return None,
    })
}

impl Grammar {
    /// True for money (nudged by 1% and rounded to the penny).
    pub fn is_money(self) -> bool {
        self == Grammar::Money
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_and_key() {
        assert_eq!(grammar("unit_cost", "change"), Some(Grammar::Growth));
        assert_eq!(grammar("contribution", "by"), Some(Grammar::Money));
        assert_eq!(grammar("volume", "set"), Some(Grammar::Quantity));
        assert_eq!(
            grammar("outcome_rate", "by"),
            Some(Grammar::SignedOutcomeRate)
        );
        assert_eq!(grammar("outcome_rate", "set"), Some(Grammar::OutcomeRate));
        assert_eq!(grammar("saving", "by"), Some(Grammar::Money));
        assert_eq!(grammar("recommission", "unit_cost"), Some(Grammar::Money));
        assert_eq!(grammar("unit_cost", "service"), None);
    }
}
