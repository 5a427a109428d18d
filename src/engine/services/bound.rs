//! A proof, by magnitudes, that the benefit passes cannot fail: the
//! per-service benefit (§11.1–11.2), its sums by beneficiary and in total,
//! the outcomes totals, and the present values, NPV and paybacks built on
//! them (§6.6, §11.4–11.5). When it holds, a projection that skips those
//! passes (`engine::project_money`) has the same result — Ok with the same
//! warnings, or the same error — as the whole projection, because every
//! step it does run is the same code on the same inputs, and every step it
//! skips is shown below to stay far inside the range of exact decimals.
//!
//! The bounds are decimals computed with checked arithmetic: for each
//! service, `b_i = max|outcomes| × |net factor| × max|value per outcome| ×
//! max(1, max|persistence|) × max(1, benefit years) × max(1, max|deflator|)`
//! bounds every intermediate of every one of its value rows in every year;
//! widened by 0.1 % and £1 (the penny rounding, and rust_decimal's rounding
//! of an inexact product: a relative 10^-28), `T = Σ_i rows_i × b_i` bounds
//! any sum of rows within a year (a service's benefit, a beneficiary's, the
//! total). Over the horizon `n × T`; outcomes likewise; real terms divide
//! by at least `min(1, min|deflator|)`, present values by `min(1,
//! min|discount factor|)`. Every bound must stay ≤ 10^26 (rust_decimal
//! overflows only beyond 7.9 × 10^28), otherwise the caller projects in
//! full. A zero deflator or discount factor (a division by zero), a
//! persistence series that overflows, or a bound that overflows also sends
//! it to the full projection.

use super::tables::Persistence;
use crate::engine::arith::powers;
use crate::engine::benefit::{index, rows_of};
use crate::engine::ServiceLine;
use crate::model::{Budget, LeverKind, Scenario, Service};
use rust_decimal::Decimal;

/// The bound every magnitude must stay within: 10^26.
const LIMIT: Decimal = Decimal::from_parts(0xe400_0000, 0xdcc8_0cd2, 0x0052_b7d2, false, 0);

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
    // Persistence series (1 − drop_off)^t: the full pass fails if one does.
    let keep = Persistence::build(&all, n);
    let valued = index(&b.outcomes);
    let mut rows_total = Decimal::ZERO; // T
    let mut outcomes_total = Decimal::ZERO;
    for (svc, line) in all.iter().zip(lines) {
        let t = &svc.benefit;
        let k = (one.checked_sub(t.deadweight))?
            .checked_mul(t.attribution)?
            .checked_mul(one.checked_sub(t.optimism_bias)?)?;
        let series = keep.get(t.drop_off, String::new).ok()?;
        let rows = rows_of(svc, &valued);
        let v = max_abs(rows.iter().map(|r| &r.3));
        let o = max_abs(&line.outcomes);
        let y = Decimal::from(t.benefit_years).max(one);
        let b_i = o
            .checked_mul(k.abs())?
            .checked_mul(v)?
            .checked_mul(max_abs(series).max(one))?
            .checked_mul(y)?
            .checked_mul(d_max)?;
        let r = Decimal::from(rows.len() as u64);
        rows_total = rows_total.checked_add(widen(b_i)?.checked_mul(r)?)?;
        outcomes_total = outcomes_total.checked_add(widen(o)?)?;
    }
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
    fn widen_adds_a_tenth_of_a_percent_and_a_pound() {
        assert_eq!(widen(Decimal::new(1000, 0)), Some(Decimal::new(1002, 0)));
        assert_eq!(widen(Decimal::MAX), None);
    }
}
