//! Checked exact arithmetic for the engine: overflow is an error, never a
//! panic; powers are built by repeated multiplication, year by year.

use super::EngineError;
use rust_decimal::Decimal;

pub type R<T> = Result<T, EngineError>;

fn too_big(what: &str) -> EngineError {
    EngineError::Overflow(what.to_string())
}

#[inline]
pub fn mul(a: Decimal, b: Decimal, what: &str) -> R<Decimal> {
    a.checked_mul(b).ok_or_else(|| too_big(what))
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
    fn overflow_is_an_error() {
        assert!(mul(Decimal::MAX, dec!(2), "x").is_err());
        assert!(powers(dec!(10), 60, "growth").is_err());
        assert!(div(dec!(1), dec!(0), "x").is_err());
    }
}
