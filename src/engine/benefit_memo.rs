//! A line's benefit, kept from the projection that last filled the line
//! (`engine::memory` reuses lines across projections) when every input of
//! `benefit::apply_rows` is the same, bit for bit: its outcomes, its §11.2
//! terms, its value rows and the deflator. Scenarios that differ in pay,
//! prices or contributions but not in a service's volumes (most of a
//! national model's scenarios, and every rate edit in the TUI) then skip
//! the benefit arithmetic for that service. It changes no value: a kept
//! benefit is the benefit `apply_rows` would compute again.
//!
//! The inputs are compared by their exact representation (mantissa,
//! scale and sign, of zero too), since `apply_rows` keeps scales
//! and an equal value at another scale may print differently.

use super::benefit::{found, OutcomeIndex};
use super::{Series, ServiceLine};
use crate::model::{Service, ValueKind};
use rust_decimal::Decimal;

/// What a line's benefit was computed from. Not part of the line's value:
/// two lines with the same figures are equal whatever their memos hold.
#[derive(Clone, Default)]
pub struct Memo {
    /// Whether `value_rows`, `benefit_to` and `benefit` hold the benefit
    /// of the inputs below (false for a new line, or once either the memo
    /// or those fields are cleared).
    valid: bool,
    outcomes: Series<Decimal>,
    deflator: Series<Decimal>,
    /// The §11.2 terms: deadweight, attribution, optimism bias, drop-off.
    terms: [Decimal; 4],
    benefit_years: u32,
    /// Each value row's value per outcome, in row order.
    values: smallvec::SmallVec<[Decimal; 4]>,
}

impl PartialEq for Memo {
    fn eq(&self, _: &Memo) -> bool {
        true
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.valid { "Memo(kept)" } else { "Memo" })
    }
}

/// The same representation: mantissa, scale and sign (of zero too).
fn same(a: &Decimal, b: &Decimal) -> bool {
    a.scale() == b.scale()
        && a.is_sign_negative() == b.is_sign_negative()
        && a.mantissa() == b.mantissa()
}

fn same_all(a: &[Decimal], b: &[Decimal]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
}

/// The terms `apply_rows` reads besides the benefit years (the net
/// factor is made of the first three).
fn terms(svc: &Service) -> [Decimal; 4] {
    let t = &svc.benefit;
    [t.deadweight, t.attribution, t.optimism_bias, t.drop_off]
}

impl Memo {
    /// Forget: the line's benefit fields no longer hold a kept benefit.
    pub fn clear(&mut self) {
        self.valid = false;
    }

    /// Whether `line` (its outcomes final) already holds the benefit
    /// `apply_rows` would give `svc` with these value rows and deflator.
    pub fn holds(
        line: &ServiceLine,
        svc: &Service,
        ix: &OutcomeIndex<'_>,
        deflator: &[Decimal],
    ) -> bool {
        let m = &line.memo;
        if !(m.valid
            && m.benefit_years == svc.benefit.benefit_years
            && (m.terms.iter().zip(terms(svc))).all(|(a, b)| same(a, &b))
            && same_all(&m.outcomes, &line.outcomes)
            && same_all(&m.deflator, deflator))
        {
            return false;
        }
        let rows = &line.value_rows;
        match found(svc, ix) {
            Some(found) => {
                rows.len() == found.len()
                    && (rows.iter().zip(found).zip(&m.values)).all(|((r, (o, who)), v)| {
                        r.beneficiary.as_deref() == Some(&**who)
                            && r.kind == o.kind
                            && r.cashable == o.cashable
                            && same(v, &o.value)
                    })
            }
            None => {
                rows.len() == 1
                    && rows[0].beneficiary.is_none()
                    && rows[0].kind == ValueKind::Unallocated
                    && !rows[0].cashable
                    && m.values
                        .first()
                        .is_some_and(|v| same(v, &svc.outcome_value))
            }
        }
    }

    /// Record the inputs of the benefit `apply_rows` has just put in
    /// `line` (`values`: each value row's value per outcome, in order).
    pub fn remember(
        line: &mut ServiceLine,
        svc: &Service,
        values: &[Decimal],
        deflator: &[Decimal],
    ) {
        let m = &mut line.memo;
        m.outcomes.clear();
        m.outcomes.extend_from_slice(&line.outcomes);
        m.deflator.clear();
        m.deflator.extend_from_slice(deflator);
        m.terms = terms(svc);
        m.benefit_years = svc.benefit.benefit_years;
        m.values.clear();
        m.values.extend_from_slice(values);
        m.valid = true;
    }
}

#[cfg(test)]
mod tests {
    use super::super::benefit::{apply, index};
    use super::super::tests::{run, scenario};
    use super::super::tests_s11::{row, valued};
    use super::*;
    use crate::engine::arith::products;
    use crate::engine::recycle;
    use crate::model::{Budget, Scenario, ValueKind::*, YearRate};
    use rust_decimal_macros::dec;

    fn base() -> (Budget, Scenario) {
        let mut b = valued();
        b.outcomes = vec![
            row("o", "a", dec!(100), Fiscal, true),
            row("o", "b", dec!(40), Social, false),
        ];
        let mut s = scenario(3);
        s.rates.deflator = YearRate::One(dec!(-0.02));
        (b, s)
    }

    /// Each change of an input `apply_rows` reads, and two that it does not.
    fn variants() -> Vec<(&'static str, bool, Budget, Scenario)> {
        let v = |name, keeps, f: &dyn Fn(&mut Budget, &mut Scenario)| {
            let (mut b, mut s) = base();
            f(&mut b, &mut s);
            (name, keeps, b, s)
        };
        vec![
            v("nothing", true, &|_, _| {}),
            v("pay", true, &|_, s| {
                s.rates.pay_inflation = YearRate::One(dec!(0.03))
            }),
            v("deflator", false, &|_, s| {
                s.rates.deflator = YearRate::One(dec!(-0.03))
            }),
            v("rate scale", false, &|b, _| {
                b.services[0].outcome_rate = dec!(0.50)
            }),
            v("demand", false, &|_, s| {
                s.demand.insert("cat".into(), YearRate::One(dec!(0.1)));
            }),
            v("value", false, &|b, _| b.outcomes[1].value = dec!(41)),
            v("value scale", false, &|b, _| {
                b.outcomes[1].value = dec!(40.0)
            }),
            // The same mantissa at another scale.
            v("value tenth", false, &|b, _| {
                b.outcomes[1].value = dec!(4.0)
            }),
            v("beneficiary", false, &|b, _| {
                b.outcomes[1].beneficiary = "c".into()
            }),
            v("kind", false, &|b, _| b.outcomes[1].kind = Economic),
            v("cashable", false, &|b, _| b.outcomes[0].cashable = false),
            v("a row more", false, &|b, _| {
                b.outcomes.push(row("o", "c", dec!(1), Social, false))
            }),
            v("deadweight", false, &|b, _| {
                b.services[0].benefit.deadweight = dec!(0.1)
            }),
            v("years", false, &|b, _| {
                b.services[0].benefit.benefit_years = 2
            }),
            v("drop-off", false, &|b, _| {
                b.services[0].benefit.benefit_years = 3;
                b.services[0].benefit.drop_off = dec!(0.5)
            }),
            v("unallocated", false, &|b, _| {
                b.outcomes.clear();
                b.services[0].outcome_value = dec!(100);
            }),
            v("horizon", false, &|_, s| s.years = 4),
        ]
    }

    /// `holds` keeps the benefit of the base projection exactly where the
    /// variant's benefit is the same, bit for bit.
    #[test]
    fn holds_only_when_every_input_is_the_same() {
        let (b0, s0) = base();
        let p0 = run(&b0, &s0);
        let was = &p0.services[0];
        assert!(was.memo.valid);
        for (name, keeps, b, s) in variants() {
            let p = run(&b, &s);
            let mut line = p.services[0].clone();
            line.memo = was.memo.clone();
            line.value_rows = was.value_rows.clone();
            let d = products(&s.rates.deflator, b.base_year, s.years, "").unwrap();
            let ix = index(&b.outcomes);
            assert_eq!(Memo::holds(&line, &b.services[0], &ix, &d), keeps, "{name}");
            if keeps {
                let bits =
                    |l: &ServiceLine| format!("{:?}", (&l.benefit, &l.value_rows, &l.benefit_to));
                assert_eq!(bits(&p.services[0]), bits(was), "{name}");
            }
            let mut forgot = line.clone();
            forgot.memo.clear();
            assert!(!Memo::holds(&forgot, &b.services[0], &ix, &d), "{name}");
        }
    }

    /// Projections of every variant in turn, each reusing the lines the
    /// last gave back, hold the benefit `apply` computes afresh.
    #[test]
    fn reused_lines_hold_the_benefit_computed_afresh() {
        let all = variants();
        for (name, _, b, s) in all.iter().chain(all.iter().rev()) {
            let p = run(b, s);
            let d = products(&s.rates.deflator, b.base_year, s.years, "").unwrap();
            let ix = index(&b.outcomes);
            let mut fresh = p.services[0].clone();
            fresh.value_rows.clear();
            fresh.benefit_to.clear();
            fresh.benefit.clear();
            apply(&mut fresh, &b.services[0], &ix, &d).unwrap();
            let bits =
                |l: &ServiceLine| format!("{:?}", (&l.benefit, &l.value_rows, &l.benefit_to));
            assert_eq!(bits(&p.services[0]), bits(&fresh), "{name}");
            recycle(p);
        }
    }
}
