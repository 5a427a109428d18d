//! The value grammar of SPEC §3 and §9, in one place: money, rates,
//! quantities and outcome rates (identifiers and fixed words in
//! `model::ident`, re-exported here).
//!
//! Every parser takes the trimmed text of a cell (or a TOML literal) and returns
//! the exact decimal, or a message that quotes the value, says what is wrong
//! and shows what would be valid. Nothing is guessed: an ambiguous spelling is
//! an error.

use rust_decimal::Decimal;

const MONEY_HINT: &str =
    "write digits with optional £, sign, thousands commas, k or m, and (brackets) for negatives, e.g. £1,234.56, 450k, (1,200)";
const QTY_HINT: &str = "write a plain number such as 52, 1,040 or 12.5";
const RATE_HINT: &str = "write a percentage such as \"2.5%\" or a fraction such as 0.025";

fn describe_char(c: char) -> String {
    if c.is_alphabetic() {
        format!("the letter \"{c}\"")
    } else if c == ' ' {
        "a space inside the number".to_string()
    } else if c.is_whitespace() {
        format!(
            "a space (U+{:04X}, e.g. a non-breaking space) inside the number",
            c as u32
        )
    } else if c.is_numeric() {
        format!("the digit \"{c}\", which is not one of 0-9")
    } else if c.is_control() {
        format!("the control character U+{:04X}", c as u32)
    } else {
        format!("\"{c}\"")
    }
}

/// Parse a plain unsigned decimal: digits, optionally with thousands commas
/// grouped in threes, optionally a point and more digits. Returns the
/// reason when the text is not of that shape.
fn parse_unsigned(body: &str, commas: bool) -> Result<Decimal, String> {
    if body.is_empty() {
        return Err("no digits".into());
    }
    if let Some(c) = body
        .chars()
        .find(|c| !(c.is_ascii_digit() || *c == '.' || *c == ','))
    {
        if c == 'e' || c == 'E' {
            return Err("exponents such as 1e3 are not allowed".into());
        }
        return Err(format!("found {}", describe_char(c)));
    }
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => {
            if f.contains('.') {
                return Err("more than one decimal point".into());
            }
            if f.contains(',') {
                return Err("a comma after the decimal point".into());
            }
            if f.is_empty() {
                return Err("no digits after the decimal point".into());
            }
            (i, Some(f))
        }
        None => (body, None),
    };
    let grouped = int.contains(',');
    if !grouped && !int.is_empty() {
        // Plain digits with an optional fraction: the text as written is
        // what would be built below, so it is parsed as it is.
        return exact(body);
    }
    let digits: String = if grouped {
        if !commas {
            return Err("thousands commas are not allowed here".into());
        }
        let groups: Vec<&str> = int.split(',').collect();
        let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !(first_ok && rest_ok) {
            return Err(
                "thousands commas must group digits in threes, e.g. 1,000 or 12,345".into(),
            );
        }
        groups.concat()
    } else {
        int.to_string()
    };
    if digits.is_empty() && frac.is_none() {
        return Err("no digits".into());
    }
    let text = match frac {
        Some(f) => format!("{}.{f}", if digits.is_empty() { "0" } else { &digits }),
        None => digits,
    };
    exact(&text)
}

/// Exact or not at all: a literal that needs more than 28 significant
/// digits would be silently rounded, so it is refused.
fn exact(text: &str) -> Result<Decimal, String> {
    Decimal::from_str_exact(text).map_err(|_| {
        "the number is too large or has too many digits (at most 28 significant digits are held exactly)".to_string()
    })
}

/// Split one leading sign off: `Some(true)` for `-`, `Some(false)` for `+`.
fn split_sign(s: &str) -> (Option<bool>, &str) {
    match s.as_bytes().first() {
        Some(b'-') => (Some(true), &s[1..]),
        Some(b'+') => (Some(false), &s[1..]),
        _ => (None, s),
    }
}

/// Split one leading sign off; two signs are an error.
fn take_sign(s: &str) -> Result<(bool, &str), String> {
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if rest.starts_with(['-', '+']) {
        return Err("two signs".into());
    }
    Ok((neg, rest))
}

/// Is this a European thousands group such as `1.000` or `12.500`?
fn looks_european(body: &str) -> bool {
    match body.split_once('.') {
        Some((i, f)) => {
            !i.is_empty()
                && i.len() <= 3
                && !i.starts_with('0')
                && i.bytes().all(|b| b.is_ascii_digit())
                && f.len() == 3
                && f.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

fn money_err(text: &str, reason: &str) -> String {
    format!("cannot read \"{text}\" as money ({reason}); {MONEY_HINT}")
}

/// Parse money: `1234.56`, `1,234.56`, `£1,234.56`, `-£1,234`, `£-1,234`,
/// `(1,234.56)`, `£(916)`, `£1.2m`, `450k`.
pub fn parse_money(raw: &str) -> Result<Decimal, String> {
    let text = super::text::trim(raw);
    money_inner(text).map_err(|r| {
        if r.starts_with("cannot read") {
            r
        } else {
            money_err(text, &r)
        }
    })
}

fn money_inner(text: &str) -> Result<Decimal, String> {
    if text.is_empty() {
        return Err("it is empty".into());
    }
    // Accounting negatives: (…) or £(…).
    let (paren, inner) = if let Some(rest) = text.strip_prefix("£(") {
        match rest.strip_suffix(')') {
            Some(i) => (true, i),
            None => return Err("an opening bracket without a closing one".into()),
        }
    } else if let Some(rest) = text.strip_prefix('(') {
        match rest.strip_suffix(')') {
            Some(i) => (true, i.strip_prefix('£').unwrap_or(i)),
            None => return Err("an opening bracket without a closing one".into()),
        }
    } else if text.ends_with(')') {
        return Err("a closing bracket without an opening one".into());
    } else {
        (false, text)
    };
    if paren && inner.starts_with(['-', '+']) {
        return Err("a sign inside brackets; brackets already mean negative".into());
    }
    if inner.contains(['(', ')']) {
        return Err("misplaced brackets".into());
    }
    // Sign and £ in either order, one sign at most.
    let (neg, rest) = if paren {
        (true, inner)
    } else {
        let (s1, r1) = split_sign(inner);
        let (s2, r3) = match r1.strip_prefix('£') {
            Some(r2) => split_sign(r2),
            None => (None, r1),
        };
        if (s1.is_some() && s2.is_some()) || r3.starts_with(['-', '+']) {
            return Err("two signs".into());
        }
        (s1.or(s2) == Some(true), r3)
    };
    if rest.contains('£') {
        return Err("a misplaced £ sign".into());
    }
    let (body, mult) = match rest.chars().last() {
        Some('k' | 'K') => (&rest[..rest.len() - 1], Decimal::from(1_000)),
        Some('m' | 'M') => (&rest[..rest.len() - 1], Decimal::from(1_000_000)),
        _ => (rest, Decimal::ONE),
    };
    if mult == Decimal::ONE && !body.contains(',') && looks_european(body) {
        let (i, f) = body.split_once('.').unwrap_or((body, ""));
        // The same amount with the point read as a decimal point, written
        // so it cannot be mistaken: two places, or four if the third is used.
        let decimal = if f.ends_with('0') {
            format!("{i}.{}", &f[..2])
        } else {
            format!("{i}.{f}0")
        };
        let small = match f.trim_end_matches('0') {
            "" => i.to_string(),
            frac => format!("{i}.{frac}"),
        };
        return Err(format!(
            "cannot read \"{text}\" as money: it is ambiguous (in much of Europe it means {i}{f}); write \"{i},{f}\" if you mean {i}{f}, or \"{decimal}\" if you mean {small}"
        ));
    }
    let v = parse_unsigned(body, true)?;
    let v = v
        .checked_mul(mult)
        .ok_or_else(|| "the amount is too large".to_string())?;
    Ok(if neg { -v } else { v })
}

/// Parse a quantity: a plain decimal with an optional sign and thousands
/// commas grouped in threes.
pub fn parse_quantity(raw: &str) -> Result<Decimal, String> {
    let text = raw.trim();
    let inner = || -> Result<Decimal, String> {
        if text.is_empty() {
            return Err("it is empty".into());
        }
        let (neg, rest) = take_sign(text)?;
        let v = parse_unsigned(rest, true)?;
        Ok(if neg { -v } else { v })
    };
    inner().map_err(|r| format!("cannot read \"{text}\" as a quantity ({r}); {QTY_HINT}"))
}

mod rates;
pub use rates::{parse_outcome_rate, parse_rate};

// Identifiers and fixed words: `model::ident`, re-exported here so that the
// whole grammar is reachable from one module.
pub use super::ident::{is_id, parse_enum, parse_id, suggest_id};

/// The closest of `options` to `word`, if it is close enough to be a typo
/// (see `suggest`).
pub use super::suggest::did_you_mean;

#[cfg(test)]
mod tests;
