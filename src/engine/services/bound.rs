//! A proof, by magnitudes, that the benefit passes cannot fail: the
//! per-service benefit (§11.1–11.2), its sums by beneficiary and in total,
//! the outcomes totals, and the present values, NPV and paybacks built on
//! them (§6.6, §11.4–11.5). When it holds, a projection that skips those
//! passes (`engine::project_money`) has the same result — Ok with the same
//! warnings, or the same error — as the whole projection, because every
//! step it does run is the same code on the same inputs, and every step it
//! skips is shown below to stay far inside the range of exact decimals.
//!
//! The bounds are decimals computed with checked arithmetic, from maxima
//! over the whole budget (cheap scans of exponents, no per-service products):
//! `O = N × 10^e`, where `N` is the number of service lines and every
//! outcome figure is below `10^e` (its mantissa's digits less its scale),
//! bounds Σ over services of each one's largest outcome; `K = (1 +
//! 10^e(deadweight)) × 10^e(attribution) × (1 + 10^e(optimism bias))`, each
//! `e` the largest over the services, bounds every net factor; `V =
//! 10^e(value per outcome)` every value per outcome (`K` and `V` at least 1, so
//! that `T` bounds every partial product too); `P = max(1, max|1 −
//! drop_off|)^(n−1)` every persistence factor (so no persistence series can
//! overflow either); `Y = max(1, benefit years)`; `D = max(1,
//! max|deflator|)`. Then `T = rows × O × K × V × P × Y × D`, with `rows` the
//! most value rows one outcome has, widened by 0.1 % and £1 (the penny
//! rounding, and rust_decimal's rounding of an inexact product: a relative
//! 10^-28), bounds every intermediate of every value row and any sum of
//! rows within a year (a service's benefit, a beneficiary's, the total).
//! Over the horizon `n × T`; outcomes likewise; real terms divide by at
//! least `min(1, min|deflator|)`, present values by `min(1, min|discount
//! factor|)`. Every bound must stay ≤ 10^26 (rust_decimal overflows only
//! beyond 7.9 × 10^28), otherwise the caller projects in full. A zero
//! deflator or discount factor (a division by zero) or a bound that
//! overflows also sends it to the full projection.

use crate::engine::arith::powers;
use crate::engine::benefit::index;
use crate::engine::ServiceLine;
use crate::model::{Budget, LeverKind, Scenario, Service};
use rust_decimal::Decimal;

/// The bound every magnitude must stay within: 10^26.
const LIMIT: Decimal = Decimal::from_parts(0xe400_0000, 0xdcc8_0cd2, 0x0052_b7d2, false, 0);

/// The largest `exponent` of the decimals pushed (`None` when there are
/// none): the same as `xs.map(exponent).max()`, but the logarithm is taken
/// once per scale, of the largest mantissa at that scale (a national model
/// has 10^6 outcomes per projection).
struct TopExponent {
    top: [u128; 29],
    any: bool,
}

impl TopExponent {
    fn new() -> Self {
        TopExponent {
            top: [0; 29],
            any: false,
        }
    }

    #[inline]
    fn push(&mut self, x: &Decimal) {
        self.any = true;
        let (m, k) = (x.mantissa().unsigned_abs(), x.scale() as usize);
        if m > self.top[k] {
            self.top[k] = m;
        }
    }

    fn get(&self) -> Option<i32> {
        self.any.then(|| {
            (0..self.top.len())
                .map(|k| exponent(Decimal::from_i128_with_scale(self.top[k] as i128, k as u32)))
                .max()
                .unwrap_or(-28)
        })
    }
}

#[cfg(test)]
fn max_exponent<'a>(xs: impl IntoIterator<Item = &'a Decimal>) -> Option<i32> {
    let mut top = TopExponent::new();
    xs.into_iter().for_each(|x| top.push(x));
    top.get()
}

/// `e` with `|x| < 10^e`: the mantissa's digits less the scale.
fn exponent(x: Decimal) -> i32 {
    let m = x.mantissa().unsigned_abs();
    if m == 0 {
        return -28;
    }
    m.ilog10() as i32 + 1 - x.scale() as i32
}

/// `10^e`, for −28 ≤ e ≤ 28.
fn power_of_ten(e: i32) -> Option<Decimal> {
    match e {
        -28..=0 => Some(Decimal::new(1, e.unsigned_abs())),
        1..=28 => Decimal::from_i128_with_scale(10i128.pow(e as u32), 0).into(),
        _ => None,
    }
}

fn max_abs<'a>(xs: impl IntoIterator<Item = &'a Decimal>) -> Decimal {
    xs.into_iter()
        .map(|x| x.abs())
        .max()
        .unwrap_or(Decimal::ZERO)
}

/// `x × 1.001 + 1`: room for every rounding below the bound.
fn widen(x: Decimal) -> Option<Decimal> {
    x.checked_mul(Decimal::new(1001, 3))?
        .checked_add(Decimal::ONE)
}

/// Whether the benefit passes of a projection of `s` on `b` cannot fail,
/// given its service lines (cost and outcomes final), deflator factors and
/// yearly spend.
pub fn benefit_cannot_fail(
    b: &Budget,
    s: &Scenario,
    lines: &[ServiceLine],
    deflator: &[Decimal],
    spend: &[Decimal],
) -> bool {
    bound(b, s, lines, deflator, spend).is_some_and(|m| m <= LIMIT)
}

/// The largest of the bounds, or `None` when one cannot be given.
fn bound(
    b: &Budget,
    s: &Scenario,
    lines: &[ServiceLine],
    deflator: &[Decimal],
    spend: &[Decimal],
) -> Option<Decimal> {
    let n = s.years;
    let mut all: Vec<&Service> = b.services.iter().collect();
    for l in &s.levers {
        if let LeverKind::Commission { service } = &l.kind {
            all.push(service);
        }
    }
    if all.len() != lines.len() || deflator.len() < n || spend.len() < n {
        return None;
    }
    let deflator = &deflator[..n];
    if deflator.iter().any(Decimal::is_zero) {
        return None;
    }
    let one = Decimal::ONE;
    let d_max = max_abs(deflator).max(one);
    let d_min = deflator.iter().map(|d| d.abs()).min()?.min(one);
    let disc = powers(s.rates.discount_rate, n, "").ok()?;
    if disc.iter().any(Decimal::is_zero) {
        return None;
    }
    let q_min = disc.iter().map(|d| d.abs()).min()?.min(one);
    let most = index(&b.outcomes).values().map(Vec::len).max().unwrap_or(1);
    let rows = Decimal::from(most.max(1) as u64);
    // One walk over the services (10^5 in a national model), by exponents
    // (no decimal comparisons): |x| < 10^e(x), |1 − x| < 1 + 10^e(x); the
    // distinct drop-offs (few in practice) and the most benefit years.
    let mut tops: [TopExponent; 4] = std::array::from_fn(|_| TopExponent::new());
    let mut seen: Vec<[u8; 16]> = vec![];
    let mut m = one;
    let mut years = None;
    for svc in &all {
        let t = &svc.benefit;
        for (top, x) in tops.iter_mut().zip([
            &t.deadweight,
            &t.attribution,
            &t.optimism_bias,
            &svc.outcome_value,
        ]) {
            top.push(x);
        }
        let key = t.drop_off.serialize();
        if !seen.contains(&key) {
            seen.push(key);
            m = m.max(one.checked_sub(t.drop_off)?.abs());
        }
        years = years.max(Some(t.benefit_years));
    }
    let [deadweight, attribution, optimism, value] =
        tops.map(|t| power_of_ten(t.get().unwrap_or(-28)));
    let k = one
        .checked_add(deadweight?)?
        .checked_mul(attribution?)?
        .checked_mul(one.checked_add(optimism?)?)?
        .max(one);
    let v = power_of_ten(
        b.outcomes
            .iter()
            .map(|o| exponent(o.value))
            .max()
            .unwrap_or(-28),
    )?
    .max(value?)
    .max(one);
    // Persistence: exactly, over the distinct drop-offs.
    let p = *powers(m - one, n.max(1), "").ok()?.last()?;
    let y = Decimal::from(years?).max(one);
    let mut top = TopExponent::new();
    for l in lines {
        l.outcomes.iter().for_each(|x| top.push(x));
    }
    let e = top.get().unwrap_or(0);
    let o = Decimal::from(lines.len() as u64).checked_mul(power_of_ten(e)?)?;
    let rows_total = widen(
        rows.checked_mul(o)?
            .checked_mul(k)?
            .checked_mul(v)?
            .checked_mul(p)?
            .checked_mul(y)?
            .checked_mul(d_max)?,
    )?;
    let outcomes_total = widen(o)?;
    let n_ = Decimal::from(n as u64).max(one);
    let horizon = rows_total.checked_mul(n_)?;
    let outcomes = outcomes_total.checked_mul(n_)?;
    // benefit − spend, in real terms, cumulated (payback); present values:
    // Σ real / discount factor, rounded; NPV a difference of two of them.
    let x = rows_total.checked_add(max_abs(spend))?;
    let real = widen(x.checked_div(d_min)?)?;
    let payback = real.checked_mul(n_)?;
    let pv = widen(payback.checked_div(q_min)?)?;
    let npv = pv.checked_mul(Decimal::TWO)?;
    Some(horizon.max(outcomes).max(payback).max(npv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_ten_to_the_26() {
        assert_eq!(LIMIT, Decimal::from_i128_with_scale(10i128.pow(26), 0));
    }

    #[test]
    fn exponents_bound_the_value() {
        use rust_decimal_macros::dec;
        for x in [
            dec!(1),
            dec!(9.99),
            dec!(10),
            dec!(0.05),
            dec!(-123.4),
            Decimal::MAX,
        ] {
            let e = exponent(x);
            assert!(e > 28 || x.abs() < power_of_ten(e).unwrap(), "{x}");
            assert!(e > 28 || x.abs() >= power_of_ten(e - 1).unwrap(), "{x}");
        }
        assert_eq!(exponent(dec!(0.05)), -1);
        let xs = [
            dec!(0),
            dec!(-123.4),
            dec!(9.99),
            dec!(0.05),
            dec!(1000.0000),
        ];
        for k in 0..=xs.len() {
            let want = xs[..k].iter().map(|x| exponent(*x)).max();
            assert_eq!(max_exponent(&xs[..k]), want, "{k}");
        }
        assert_eq!(max_exponent(&[Decimal::MAX, dec!(1)]), Some(29));
        assert_eq!(exponent(Decimal::MAX), 29);
        assert_eq!(power_of_ten(-2), Some(dec!(0.01)));
        assert_eq!(power_of_ten(3), Some(dec!(1000)));
        assert_eq!(power_of_ten(29), None);
    }

    #[test]
    fn widen_adds_a_tenth_of_a_percent_and_a_pound() {
        assert_eq!(widen(Decimal::new(1000, 0)), Some(Decimal::new(1002, 0)));
        assert_eq!(widen(Decimal::MAX), None);
    }
}
