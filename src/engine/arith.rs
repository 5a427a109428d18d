//! Checked exact arithmetic for the engine: overflow is an error, never a
//! panic; powers are built by repeated multiplication, year by year.

use super::EngineError;
use crate::model::{Year, YearRate};
use rust_decimal::Decimal;

pub type R<T> = Result<T, EngineError>;

fn too_big(what: &str) -> EngineError {
    EngineError::Overflow(what.to_string())
}

#[inline]
pub fn mul(a: Decimal, b: Decimal, what: &str) -> R<Decimal> {
    // × exactly 1 (scale 0) gives the other operand bit for bit unless it
    // is zero (a zero product is always the plain 0): an uprating or demand
    // factor is exactly 1 in the base year and wherever a rate is 0.
    if is_exactly_one(&b) && !a.is_zero() {
        return Ok(a);
    }
    if is_exactly_one(&a) && !b.is_zero() {
        return Ok(b);
    }
    a.checked_mul(b).ok_or_else(|| too_big(what))
}

/// `x` is 1 written with no decimal places (not 1.0 or 1.00, whose
/// products carry more places).
#[inline]
pub fn is_exactly_one(x: &Decimal) -> bool {
    x.scale() == 0 && !x.is_sign_negative() && x.mantissa() == 1
}

#[inline]
pub fn add(a: Decimal, b: Decimal, what: &str) -> R<Decimal> {
    a.checked_add(b).ok_or_else(|| too_big(what))
}

#[inline]
pub fn sub(a: Decimal, b: Decimal, what: &str) -> R<Decimal> {
    a.checked_sub(b).ok_or_else(|| too_big(what))
}

#[inline]
pub fn div(a: Decimal, b: Decimal, what: &str) -> R<Decimal> {
    if b.is_zero() {
        return Err(EngineError::DivisionByZero(what.to_string()));
    }
    a.checked_div(b).ok_or_else(|| too_big(what))
}

/// `x < 0`, without the general comparison (a sign test and a zero test).
#[inline]
pub fn negative_value(x: &Decimal) -> bool {
    x.is_sign_negative() && !x.is_zero()
}

pub fn sum<'a>(xs: impl IntoIterator<Item = &'a Decimal>, what: &str) -> R<Decimal> {
    xs.into_iter()
        .try_fold(Decimal::ZERO, |acc, x| add(acc, *x, what))
}

/// `(1 + rate)^t` for t = 0 … n−1.
pub fn powers(rate: Decimal, n: usize, what: &str) -> R<Vec<Decimal>> {
    let base = add(Decimal::ONE, rate, what)?;
    let mut out = Vec::with_capacity(n);
    let mut x = Decimal::ONE;
    for t in 0..n {
        if t > 0 {
            x = mul(x, base, what)?;
        }
        out.push(x);
    }
    Ok(out)
}

/// SPEC §10.1 running product: `P[0] = 1`, `P[t] = P[t−1] × (1 + r[t])`
/// for t = 0 … n−1. With a single rate this is `(1 + r)^t` exactly.
pub fn products(rate: &YearRate, base: Year, n: usize, what: &str) -> R<Vec<Decimal>> {
    if let YearRate::One(r) = rate {
        return powers(*r, n, what);
    }
    let mut out = Vec::with_capacity(n);
    let mut x = Decimal::ONE;
    for t in 0..n {
        if t > 0 {
            x = mul(x, add(Decimal::ONE, rate.at(base, t), what)?, what)?;
        }
        out.push(x);
    }
    Ok(out)
}

/// The demand factor (SPEC §9 "Settled later"): the running product, but
/// `P_g[t] = max(0, P_g[t−1] × (1 + g[t]))`, so once 0 it stays 0.
pub fn demand_products(rate: &YearRate, base: Year, n: usize, what: &str) -> R<Vec<Decimal>> {
    let mut out = Vec::with_capacity(n);
    let mut x = Decimal::ONE;
    for t in 0..n {
        if t > 0 {
            x = mul(x, add(Decimal::ONE, rate.at(base, t), what)?, what)?.max(Decimal::ZERO);
        }
        out.push(x);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn powers_by_hand() {
        let p = powers(dec!(0.1), 4, "x").unwrap();
        assert_eq!(p, vec![dec!(1), dec!(1.1), dec!(1.21), dec!(1.331)]);
    }

    #[test]
    fn product_over_a_table_whose_first_year_is_after_base_plus_one() {
        // base 2009-10; entries 2011-12 = 10%, 2013-14 = -50%.
        // rates: t1 0, t2 10%, t3 10%, t4 -50% → 1, 1, 1.1, 1.21, 0.605
        let r = YearRate::ByYear(
            [(Year(2011), dec!(0.1)), (Year(2013), dec!(-0.5))]
                .into_iter()
                .collect(),
        );
        let p = products(&r, Year(2009), 5, "x").unwrap();
        assert_eq!(
            p,
            vec![dec!(1), dec!(1), dec!(1.1), dec!(1.21), dec!(0.605)]
        );
    }

    #[test]
    fn demand_stops_at_zero() {
        // -150% a year: 1, max(0, -0.5) = 0, then 0 for ever (not 0.25).
        let p = demand_products(&YearRate::One(dec!(-1.5)), Year(2009), 4, "x").unwrap();
        assert_eq!(p, vec![dec!(1), dec!(0), dec!(0), dec!(0)]);
        let p = demand_products(&YearRate::One(dec!(0.1)), Year(2009), 3, "x").unwrap();
        assert_eq!(p, vec![dec!(1), dec!(1.1), dec!(1.21)]);
    }

    #[test]
    fn negative_value_is_less_than_zero() {
        for x in [
            dec!(-1),
            dec!(-0.0001),
            -Decimal::ZERO,
            Decimal::ZERO,
            dec!(0.00),
            dec!(3),
        ] {
            assert_eq!(negative_value(&x), x < Decimal::ZERO, "{x}");
        }
    }

    #[test]
    fn multiplying_by_exactly_one_is_the_general_product_bit_for_bit() {
        let mut xs = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::new(0, 5),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            dec!(1.00),
            dec!(-1),
            dec!(2537.12),
        ];
        let mut k: u64 = 0x9e37_79b9_7f4a_7c15;
        for i in 0..20_000u32 {
            k = k
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let (lo, mid, hi) = (
                k as u32,
                (k >> 32) as u32,
                if i % 3 == 0 { k as u32 ^ 0x5bd1 } else { 0 },
            );
            xs.push(Decimal::from_parts(lo, mid, hi, i % 2 == 0, i % 29));
        }
        for x in xs {
            for (a, b) in [(x, Decimal::ONE), (Decimal::ONE, x)] {
                let want = a.checked_mul(b).unwrap().serialize();
                assert_eq!(mul(a, b, "x").unwrap().serialize(), want, "{a} × {b}");
            }
        }
    }

    #[test]
    fn overflow_is_an_error() {
        assert!(mul(Decimal::MAX, dec!(2), "x").is_err());
        assert!(powers(dec!(10), 60, "growth").is_err());
        assert!(div(dec!(1), dec!(0), "x").is_err());
    }
}
