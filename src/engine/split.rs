//! The penny-exact largest-remainder split of an amount by weights.
//!
//! Each partner's exact share `a × w_i / W` is truncated to the penny toward
//! zero; the pennies left go one at a time to the partners with the largest
//! remainders, ties to the partner listed first. The shares always sum to
//! the amount. Remainders are compared in exact integer arithmetic.

use rust_decimal::Decimal;

/// Split `amount` (whole pennies, any sign: the split works on its magnitude
/// and the sign is applied to every share) by `weights` (≥ 0, not all zero),
/// given in tie-break order. Returns one share per weight.
pub fn largest_remainder(amount: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    let neg = amount.is_sign_negative();
    let mag = amount.abs();
    let shares = split_exact(mag, weights).unwrap_or_else(|| split_decimal(mag, weights));
    shares
        .into_iter()
        .map(|s| if neg && !s.is_zero() { -s } else { s })
        .collect()
}

/// Integer mantissa of `x` at scale `s` (s ≥ x.scale()).
fn at_scale(x: Decimal, s: u32) -> Option<i128> {
    let m = x.mantissa();
    let up = s.checked_sub(x.scale())?;
    10i128.checked_pow(up).and_then(|p| m.checked_mul(p))
}

fn split_exact(mag: Decimal, weights: &[Decimal]) -> Option<Vec<Decimal>> {
    let s = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
    let ws: Vec<i128> = weights
        .iter()
        .map(|w| at_scale(*w, s))
        .collect::<Option<_>>()?;
    let total: i128 = ws.iter().try_fold(0i128, |a, w| a.checked_add(*w))?;
    if total <= 0 {
        return None;
    }
    let pennies = at_scale(mag.round_dp(2), 2)?;
    let mut floors = Vec::with_capacity(ws.len());
    let mut rems = Vec::with_capacity(ws.len());
    for w in &ws {
        let num = pennies.checked_mul(*w)?;
        floors.push(num / total);
        rems.push(num % total);
    }
    let given: i128 = floors.iter().sum();
    let left = pennies - given;
    let mut order: Vec<usize> = (0..ws.len()).collect();
    order.sort_by(|a, b| rems[*b].cmp(&rems[*a]).then(a.cmp(b)));
    for &i in order.iter().take(left.max(0) as usize) {
        floors[i] += 1;
    }
    Some(
        floors
            .into_iter()
            .map(|p| Decimal::from_i128_with_scale(p, 2))
            .collect(),
    )
}

/// Fallback for weights too fine for 128-bit integers: the same rule in
/// decimal arithmetic (exact to 28 significant digits).
fn split_decimal(mag: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    let total: Decimal = weights
        .iter()
        .copied()
        .fold(Decimal::ZERO, |a, w| a.saturating_add(w));
    if total.is_zero() {
        return weights.iter().map(|_| Decimal::ZERO).collect();
    }
    let exact: Vec<Decimal> = weights
        .iter()
        .map(|w| {
            mag.checked_mul(*w)
                .and_then(|x| x.checked_div(total))
                .unwrap_or(Decimal::ZERO)
        })
        .collect();
    let mut shares: Vec<Decimal> = exact
        .iter()
        .map(|e| crate::model::trunc_penny(*e))
        .collect();
    let rems: Vec<Decimal> = exact.iter().zip(&shares).map(|(e, s)| *e - *s).collect();
    let given: Decimal = shares.iter().copied().sum();
    let left = ((mag - given) * Decimal::ONE_HUNDRED).round();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| rems[*b].cmp(&rems[*a]).then(a.cmp(b)));
    let n = usize::try_from(left.mantissa().max(0)).unwrap_or(0);
    for &i in order.iter().take(n) {
        shares[i] += Decimal::new(1, 2);
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn thirds_tie_to_first_listed() {
        // £100.00 three ways: 33.333… each; one penny left, to the first.
        let s = largest_remainder(dec!(100.00), &[dec!(1), dec!(1), dec!(1)]);
        assert_eq!(s, vec![dec!(33.34), dec!(33.33), dec!(33.33)]);
    }

    #[test]
    fn largest_remainder_wins() {
        // £10.00 by 1:2:4 (W=7): 1.428571…, 2.857142…, 5.714285…
        // truncated 1.42 + 2.85 + 5.71 = 9.98; remainders .0085…, .0071…, .0042…
        // two pennies: first and second.
        let s = largest_remainder(dec!(10.00), &[dec!(1), dec!(2), dec!(4)]);
        assert_eq!(s, vec![dec!(1.43), dec!(2.86), dec!(5.71)]);
    }

    #[test]
    fn refunds_are_negative_and_sum() {
        let s = largest_remainder(dec!(-100.00), &[dec!(1), dec!(1), dec!(1)]);
        assert_eq!(s, vec![dec!(-33.34), dec!(-33.33), dec!(-33.33)]);
    }

    #[test]
    fn zero_weight_gets_nothing() {
        let s = largest_remainder(dec!(0.05), &[dec!(0), dec!(3), dec!(0)]);
        assert_eq!(s, vec![dec!(0), dec!(0.05), dec!(0)]);
    }

    #[test]
    fn agreed_shares_as_fractions() {
        let s = largest_remainder(dec!(1000.01), &[dec!(0.4), dec!(0.6)]);
        // 400.004 and 600.006: truncated 400.00 + 600.00, one penny to the larger remainder (0.006).
        assert_eq!(s, vec![dec!(400.00), dec!(600.01)]);
    }

    #[test]
    fn very_fine_weights_fall_back_and_still_sum() {
        let w = [
            dec!(0.3333333333333333333333333333),
            dec!(0.6666666666666666666666666667),
        ];
        let s = largest_remainder(dec!(12345678.91), &w);
        assert_eq!(s.iter().copied().sum::<Decimal>(), dec!(12345678.91));
    }
}
