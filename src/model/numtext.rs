//! Numbers as text: the one place display rounding happens. In `model`
//! (beside the rounding rules and the value grammar it writes back) so that
//! every layer — analysis labels, the session's file rewrites, the reports —
//! formats a figure the same way without reaching up into `report`.

use super::{round, round_dp};
use rust_decimal::Decimal;

/// Money to exactly 2 places, half away from zero, never `-0.00`: `-1234.50`.
pub fn money(x: Decimal) -> String {
    let mut r = round(x);
    r.rescale(2);
    r.to_string()
}

/// A quantity or rate rounded to `dp` places, trailing zeros stripped, `0`
/// for zero, never an exponent or `-0`.
pub fn plain(x: Decimal, dp: u32) -> String {
    let r = round_dp(x, dp).normalize();
    if r.is_zero() {
        "0".into()
    } else {
        r.to_string()
    }
}

/// Money divided by the unit (1, 1,000 or 1,000,000) and rounded to `dp`
/// places, with thousands separators: `-1,234,567.89`.
pub fn grouped(x: Decimal, dp: u32) -> String {
    let mut r = round_dp(x, dp);
    r.rescale(dp);
    let s = r.to_string();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, s),
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s, None),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    if neg {
        format!("-{out}")
    } else {
        out
    }
}

/// A quantity rounded to `dp` places, trailing zeros stripped, with
/// thousands separators (labels beside grouped money): `15,000`, `2.5`.
pub fn grouped_plain(x: Decimal, dp: u32) -> String {
    let r = round_dp(x, dp).normalize();
    if r.is_zero() {
        "0".into()
    } else {
        grouped(r, r.scale())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_has_two_places() {
        assert_eq!(money(dec!(-1234.5)), "-1234.50");
        assert_eq!(money(dec!(0)), "0.00");
        assert_eq!(money(dec!(-0.001)), "0.00");
        assert_eq!(money(dec!(2.675)), "2.68");
        assert_eq!(money(dec!(1e6)), "1000000.00");
    }

    #[test]
    fn plain_strips_zeros() {
        assert_eq!(plain(dec!(1040.0000), 4), "1040");
        assert_eq!(plain(dec!(12.345678), 4), "12.3457");
        assert_eq!(plain(dec!(-0.00001), 4), "0");
        assert_eq!(plain(dec!(100), 4), "100");
        assert_eq!(plain(dec!(0.00005), 4), "0.0001");
    }

    #[test]
    fn grouping() {
        assert_eq!(grouped(dec!(1234567.891), 2), "1,234,567.89");
        assert_eq!(grouped(dec!(-1234), 0), "-1,234");
        assert_eq!(grouped(dec!(999), 0), "999");
        assert_eq!(grouped(dec!(-0.4), 0), "0");
        assert_eq!(grouped_plain(dec!(15000), 6), "15,000");
        assert_eq!(grouped_plain(dec!(8000.000), 6), "8,000");
        assert_eq!(grouped_plain(dec!(-1234.50), 6), "-1,234.5");
        assert_eq!(grouped_plain(dec!(2.5), 6), "2.5");
        assert_eq!(grouped_plain(dec!(-0.0000001), 6), "0");
    }
}
