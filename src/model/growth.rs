//! SPEC §9 "Settled later": growth-type rates (`[rates]` except
//! `discount_rate`, `[demand]`, `[contribution_growth]`, a lever's `change`,
//! a service's `uplift`). A plain number must lie strictly inside (−1, 1);
//! a plain number of magnitude 0.25 or more, and any rate above 100% a year,
//! read but with a warning.

use super::value::parse_rate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A growth rate and, when it looks like a slip, a warning to show.
pub fn parse_growth(raw: &str) -> Result<(Decimal, Option<String>), String> {
    let text = raw.trim();
    let r = parse_rate(text)?;
    let percent = text.ends_with('%');
    if !percent && r.abs() == Decimal::ONE {
        return Err(format!(
            "a plain {text} would mean {}100% a year; did you mean \"{text}%\"? (write \"{}100%\" if you mean it)",
            if r < Decimal::ZERO { "-" } else { "" },
            if r < Decimal::ZERO { "-" } else { "" },
        ));
    }
    let warning = if !percent && r.abs() >= dec!(0.25) {
        let as_pct = (r * Decimal::ONE_HUNDRED).normalize();
        Some(format!(
            "{text} is read as {as_pct}% a year; write \"{as_pct}%\" to confirm it, or did you mean \"{text}%\"?"
        ))
    } else if r > Decimal::ONE {
        Some(format!(
            "\"{text}\" is more than 100% a year (the figure more than doubles each year); check it"
        ))
    } else {
        None
    };
    Ok((r, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_an_error_with_a_hint() {
        let e = parse_growth("1").unwrap_err();
        assert!(e.contains("did you mean \"1%\"?"), "{e}");
        assert!(parse_growth("-1").unwrap_err().contains("\"-1%\""));
        assert_eq!(parse_growth("100%").unwrap(), (dec!(1), None));
        assert_eq!(parse_growth("-100%").unwrap(), (dec!(-1), None));
    }

    #[test]
    fn large_plain_numbers_and_big_percentages_warn() {
        let (r, w) = parse_growth("0.25").unwrap();
        assert_eq!(r, dec!(0.25));
        assert!(w.unwrap().contains("\"25%\""));
        assert!(parse_growth("-0.3").unwrap().1.is_some());
        assert_eq!(parse_growth("0.2499").unwrap().1, None);
        assert_eq!(parse_growth("25%").unwrap().1, None);
        assert!(parse_growth("150%")
            .unwrap()
            .1
            .unwrap()
            .contains("more than 100%"));
        assert!(parse_growth("1.5").is_err());
    }
}
