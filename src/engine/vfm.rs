//! Value for money (SPEC §6.4, §6.6): real terms, present values, NPV, BCR,
//! payback and cost per outcome, for any series of cash figures — a service,
//! a pool or a whole scenario.

use super::arith::{add, div, powers, sub, R};
use crate::model::round;
use rust_decimal::Decimal;

/// `real(x[t]) = round(x[t] / P_deflator[t])` (§10.1; `(1 + deflator)^t`
/// for a single rate). `deflator` is the factor series, one per year.
pub fn real_series(x: &[Decimal], deflator: &[Decimal]) -> R<Vec<Decimal>> {
    if deflator.len() < x.len() {
        return Err(super::EngineError::Overflow(
            "real terms: a deflator factor per year".into(),
        ));
    }
    let df = deflator;
    x.iter()
        .zip(df)
        .map(|(v, d)| div(*v, *d, "real terms").map(round))
        .collect()
}

/// A projection's cash series in real terms (its base-year prices), at the
/// projection's own deflator factor by year: the one accessor every view
/// (summary, compare, the Cabinet export) reads real terms through.
pub fn real_terms(p: &super::Projection, cash: &[Decimal]) -> R<Vec<Decimal>> {
    real_series(cash, &p.deflator)
}

/// `pv(x) = round(Σ_t real(x[t]) / (1 + discount)^t)`: discounted
/// penny-rounded real figures, summed unrounded, rounded once.
pub fn pv(x: &[Decimal], deflator: &[Decimal], discount: Decimal) -> R<Decimal> {
    let real = real_series(x, deflator)?;
    let disc = powers(discount, x.len(), "the discount rate")?;
    let mut total = Decimal::ZERO;
    for (r, d) in real.iter().zip(&disc) {
        total = add(total, div(*r, *d, "present value")?, "present value")?;
    }
    Ok(round(total))
}

/// Value for money of one line (service, pool or scenario).
#[derive(Debug, Clone, PartialEq)]
pub struct Vfm {
    pub pv_cost: Decimal,
    pub pv_benefit: Decimal,
    pub npv: Decimal,
    /// Unrounded; `None` when pv_cost is 0.
    pub bcr: Option<Decimal>,
    pub payback: Option<usize>,
    /// Σ cost / Σ outcomes over the horizon; `None` when outcomes are 0.
    pub cost_per_outcome: Option<Decimal>,
}

/// Value for money from cost, benefit and outcome series.
pub fn vfm(
    cost: &[Decimal],
    benefit: &[Decimal],
    outcomes: &[Decimal],
    deflator: &[Decimal],
    discount: Decimal,
) -> R<Vfm> {
    let pv_cost = pv(cost, deflator, discount)?;
    let pv_benefit = pv(benefit, deflator, discount)?;
    let total_cost = cost
        .iter()
        .try_fold(Decimal::ZERO, |a, c| add(a, *c, "cost"))?;
    let total_out = outcomes
        .iter()
        .try_fold(Decimal::ZERO, |a, c| add(a, *c, "outcomes"))?;
    Ok(Vfm {
        pv_cost,
        pv_benefit,
        npv: sub(pv_benefit, pv_cost, "NPV")?,
        bcr: if pv_cost.is_zero() {
            None
        } else {
            pv_benefit.checked_div(pv_cost)
        },
        payback: payback(benefit, cost, deflator)?,
        cost_per_outcome: cost_per_outcome(total_cost, total_out),
    })
}

/// §11.4 financial return on investment, a ratio like `bcr`:
/// pv_fiscal_benefit / pv_cost, unrounded; `None` when pv_cost is 0.
pub fn financial_roi(pv_fiscal_benefit: Decimal, pv_cost: Decimal) -> Option<Decimal> {
    if pv_cost.is_zero() {
        None
    } else {
        pv_fiscal_benefit.checked_div(pv_cost)
    }
}

/// cost / outcomes, or `None` ("n/a") where outcomes are 0.
pub fn cost_per_outcome(cost: Decimal, outcomes: Decimal) -> Option<Decimal> {
    if outcomes.is_zero() {
        None
    } else {
        cost.checked_div(outcomes)
    }
}

/// First year index whose cumulative real (benefit − cost) is ≥ 0.
pub fn payback(benefit: &[Decimal], cost: &[Decimal], deflator: &[Decimal]) -> R<Option<usize>> {
    let net: Vec<Decimal> = benefit
        .iter()
        .zip(cost)
        .map(|(b, c)| sub(*b, *c, "payback"))
        .collect::<R<_>>()?;
    let real = real_series(&net, deflator)?;
    let mut cum = Decimal::ZERO;
    for (t, r) in real.iter().enumerate() {
        cum = add(cum, *r, "payback")?;
        if cum >= Decimal::ZERO {
            return Ok(Some(t));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn real_terms_by_hand() {
        // 1,025.00 in year 1 at a 2.5% deflator is 1,000.00 in base-year prices.
        let d = powers(dec!(0.025), 3, "d").unwrap();
        let r = real_series(&[dec!(1000), dec!(1025), dec!(1050.625)], &d).unwrap();
        assert_eq!(r, vec![dec!(1000.00), dec!(1000.00), dec!(1000.00)]);
    }

    #[test]
    fn pv_by_hand() {
        // real 1000, 1000; discount 10%: 1000 + 909.0909… = 1909.09
        let p = pv(&[dec!(1000), dec!(1000)], &[dec!(1); 2], dec!(0.1)).unwrap();
        assert_eq!(p, dec!(1909.09));
    }

    #[test]
    fn pv_rounds_once() {
        // three terms of 0.004 after discounting would each round to 0.00; summed they are 0.01.
        let p = pv(
            &[dec!(0.01), dec!(0.01), dec!(0.01)],
            &[dec!(1); 3],
            dec!(1.5),
        )
        .unwrap();
        // 0.01 + 0.004 + 0.0016 = 0.0156 → 0.02
        assert_eq!(p, dec!(0.02));
    }

    #[test]
    fn payback_and_bcr() {
        let v = vfm(
            &[dec!(100), dec!(100), dec!(100)],
            &[dec!(0), dec!(150), dec!(160)],
            &[dec!(0), dec!(3), dec!(2)],
            &[dec!(1); 3],
            dec!(0),
        )
        .unwrap();
        assert_eq!(v.payback, Some(2));
        assert_eq!(v.pv_cost, dec!(300));
        // net −100, +50, +60: cumulative −100, −50, +10 → pays back in year 2.
        assert_eq!(v.pv_benefit, dec!(310));
        assert_eq!(v.npv, dec!(10));
        assert_eq!(crate::model::round_dp(v.bcr.unwrap(), 4), dec!(1.0333));
        assert_eq!(v.cost_per_outcome, Some(dec!(60)));
    }

    #[test]
    fn cost_per_outcome_na() {
        assert_eq!(cost_per_outcome(dec!(100), dec!(0)), None);
    }
}
