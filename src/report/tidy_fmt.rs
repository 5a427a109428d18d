//! Number formatting for the tidy writer straight into the output buffer:
//! the same text as `format::money` and `format::plain` (tested against
//! them), without a `String` per figure; and the row writer.

use super::format::{csv_field, money, plain};
use crate::engine::Projection;
use crate::model::{round, round_dp};
use rust_decimal::Decimal;

/// 2^96: mantissas below it are what a `Decimal` can hold.
const U96: u128 = 1 << 96;

/// Append the decimal digits of `v`.
fn digits(out: &mut Vec<u8>, mut v: u128) {
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// `format::money(x)` appended to `out`: to the penny, two places.
pub fn money_into(out: &mut Vec<u8>, x: Decimal) {
    let r = round(x);
    let s = r.scale();
    let m = r.mantissa().unsigned_abs() * 10u128.pow(2u32.saturating_sub(s));
    if s > 2 || m >= U96 {
        // Not reached for rounded money in range; the general routine.
        out.extend_from_slice(money(x).as_bytes());
        return;
    }
    if r.is_sign_negative() && m != 0 {
        out.push(b'-');
    }
    digits(out, m / 100);
    let c = (m % 100) as u8;
    out.extend_from_slice(&[b'.', b'0' + c / 10, b'0' + c % 10]);
}

/// `format::plain(x, dp)` appended to `out`: rounded to `dp` places,
/// trailing zeros stripped, `0` for zero.
pub fn plain_into(out: &mut Vec<u8>, x: Decimal, dp: u32) {
    let r = round_dp(x, dp);
    let (mut m, mut s) = (r.mantissa().unsigned_abs(), r.scale());
    if m == 0 {
        out.push(b'0');
        return;
    }
    if s > 28 {
        out.extend_from_slice(plain(x, dp).as_bytes());
        return;
    }
    while s > 0 && m % 10 == 0 {
        m /= 10;
        s -= 1;
    }
    if r.is_sign_negative() {
        out.push(b'-');
    }
    let p = 10u128.pow(s);
    digits(out, m / p);
    if s > 0 {
        out.push(b'.');
        let frac = m % p;
        let start = out.len();
        digits(out, frac);
        let width = out.len() - start;
        // Leading zeros of the fraction.
        for _ in width..s as usize {
            out.insert(start, b'0');
        }
    }
}

pub(super) struct Rows<'a> {
    pub out: &'a mut Vec<u8>,
    pub scenario: &'a str,
}

/// A figure's text, written straight into the buffer.
pub(super) enum V<'a> {
    Money(Decimal),
    Plain(Decimal, u32),
    Text(&'a str),
}

impl Rows<'_> {
    pub fn row(
        &mut self,
        year: &str,
        pool: &str,
        partner: &str,
        service: &str,
        measure: &str,
        v: V,
    ) {
        csv_field(self.out, self.scenario);
        for f in [year, pool, partner, service, measure] {
            self.out.push(b',');
            csv_field(self.out, f);
        }
        self.out.push(b',');
        self.value(v);
    }

    fn value(&mut self, v: V) {
        match v {
            V::Money(x) => money_into(self.out, x),
            V::Plain(x, dp) => plain_into(self.out, x, dp),
            V::Text(t) => csv_field(self.out, t),
        }
        self.out.push(b'\n');
    }

    /// A row from pre-escaped pieces: `head` is `scenario,year,`, `key` is
    /// `pool,partner,service,` and `measure` needs no quoting.
    pub fn fast(&mut self, head: &[u8], key: &[u8], measure: &str, v: V) {
        self.out.extend_from_slice(head);
        self.out.extend_from_slice(key);
        self.out.extend_from_slice(measure.as_bytes());
        self.out.push(b',');
        self.value(v);
    }
}

/// `pool,,service,` of every service in `order`, escaped once: one buffer
/// and each service's range in it (indexed by service).
pub(super) fn service_keys(
    p: &Projection,
    order: &[usize],
) -> (Vec<u8>, Vec<std::ops::Range<usize>>) {
    let mut buf = Vec::with_capacity(order.len() * 24);
    let mut at = vec![0..0; p.services.len()];
    for &i in order {
        let s = &p.services[i];
        let start = buf.len();
        csv_field(&mut buf, &s.pool);
        buf.extend_from_slice(b",,");
        csv_field(&mut buf, &s.id);
        buf.push(b',');
        at[i] = start..buf.len();
    }
    (buf, at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn m(x: Decimal) -> String {
        let mut v = vec![];
        money_into(&mut v, x);
        String::from_utf8(v).unwrap()
    }

    fn p(x: Decimal, dp: u32) -> String {
        let mut v = vec![];
        plain_into(&mut v, x, dp);
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn by_hand() {
        assert_eq!(m(dec!(-1234.5)), "-1234.50");
        assert_eq!(m(dec!(0)), "0.00");
        assert_eq!(m(dec!(-0.001)), "0.00");
        assert_eq!(m(dec!(-0.05)), "-0.05");
        assert_eq!(m(dec!(2.675)), "2.68");
        assert_eq!(m(dec!(1e6)), "1000000.00");
        assert_eq!(p(dec!(1040.0000), 4), "1040");
        assert_eq!(p(dec!(12.345678), 4), "12.3457");
        assert_eq!(p(dec!(-0.00001), 4), "0");
        assert_eq!(p(dec!(0.00005), 4), "0.0001");
        assert_eq!(p(dec!(-0.0502), 4), "-0.0502");
        assert_eq!(p(Decimal::MAX, 4), plain(Decimal::MAX, 4));
        assert_eq!(m(Decimal::MAX), money(Decimal::MAX));
        assert_eq!(m(Decimal::MIN), money(Decimal::MIN));
    }

    proptest! {
        #[test]
        fn the_same_text_as_format(lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(),
                                   neg in any::<bool>(), scale in 0u32..=28, dp in 0u32..=6) {
            let x = Decimal::from_parts(lo, mid, hi, neg, scale);
            prop_assert_eq!(m(x), money(x));
            prop_assert_eq!(p(x, dp), plain(x, dp));
            let small = Decimal::from_parts(lo, mid % 1000, 0, neg, scale % 12);
            prop_assert_eq!(m(small), money(small));
            prop_assert_eq!(p(small, 4), plain(small, 4));
        }
    }
}
