//! Rates (`"2.5%"` or a fraction) and outcome rates, in the grammar of
//! SPEC §3 and §9.

use super::{parse_unsigned, take_sign, RATE_HINT};
use rust_decimal::Decimal;

/// Parse a percentage string's number part (`2.5` of `2.5%`) to a fraction.
fn parse_percent(text: &str) -> Result<Decimal, String> {
    let num = text.strip_suffix('%').unwrap_or(text).trim_end();
    if num.len() != text.len() - 1 {
        return Err(format!(
            "cannot read \"{text}\" as a rate (a space before %); write \"{}%\"",
            num.trim()
        ));
    }
    let (neg, rest) = take_sign(num)
        .map_err(|r| format!("cannot read \"{text}\" as a rate ({r}); {RATE_HINT}"))?;
    let v = parse_unsigned(rest, false)
        .map_err(|r| format!("cannot read \"{text}\" as a rate ({r}); {RATE_HINT}"))?;
    let v = v / Decimal::ONE_HUNDRED;
    Ok(if neg { -v } else { v })
}

/// Parse a rate: `"2.5%"` (any size) or a plain fraction within [-1, 1].
pub fn parse_rate(raw: &str) -> Result<Decimal, String> {
    let text = crate::model::text::trim(raw);
    if text.is_empty() {
        return Err(format!("a rate is empty; {RATE_HINT}"));
    }
    if text.ends_with('%') {
        return parse_percent(text);
    }
    let (neg, rest) = take_sign(text)
        .map_err(|r| format!("cannot read \"{text}\" as a rate ({r}); {RATE_HINT}"))?;
    let v = parse_unsigned(rest, false)
        .map_err(|r| format!("cannot read \"{text}\" as a rate ({r}); {RATE_HINT}"))?;
    let v = if neg { -v } else { v };
    if v > Decimal::ONE || v < Decimal::NEGATIVE_ONE {
        return Err(format!(
            "the rate {text} is outside -1 to 1 as a fraction; did you mean \"{text}%\"?"
        ));
    }
    Ok(v)
}

/// Parse an outcome rate (outcomes per unit): a percentage string, or a plain
/// non-negative decimal of any size.
pub fn parse_outcome_rate(raw: &str) -> Result<Decimal, String> {
    let text = crate::model::text::trim(raw);
    if text.starts_with('-') {
        return Err(format!(
            "the outcome rate \"{text}\" is negative; outcomes per unit must be 0 or more, e.g. 0.6, 3 or \"60%\""
        ));
    }
    let v = if text.ends_with('%') {
        parse_percent(text)?
    } else {
        parse_unsigned(text.strip_prefix('+').unwrap_or(text), true).map_err(|r| {
            format!(
                "cannot read \"{text}\" as an outcome rate ({r}); write outcomes per unit such as 0.6, 3 or \"60%\""
            )
        })?
    };
    if v < Decimal::ZERO {
        return Err(format!(
            "the outcome rate \"{text}\" is negative; outcomes per unit must be 0 or more"
        ));
    }
    Ok(v)
}
