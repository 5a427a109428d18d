//! Hand-worked tests of SPEC §11: value rows by beneficiary, the legacy
//! unallocated row, additionality, persistence with drop-off after a
//! decommission, the `benefit` risk rule and `fiscal_benefit_to`.

use super::tests::{budget, run, scenario, svc};
use super::*;
use crate::model::*;
use rust_decimal_macros::dec;

pub(crate) fn row(
    outcome: &str,
    who: &str,
    value: Decimal,
    kind: ValueKind,
    cashable: bool,
) -> OutcomeValue {
    OutcomeValue {
        outcome: outcome.into(),
        beneficiary: who.into(),
        value,
        kind,
        cashable,
        note: String::new(),
    }
}

/// Service `s` in pool `p`: 10 units at £1 a year, 0.5 outcomes a unit (5 outcomes), outcome "O".
pub(crate) fn valued() -> Budget {
    let mut b = budget();
    let mut s = svc("s", "p", dec!(1), dec!(10));
    s.outcome = "O".into();
    s.outcome_rate = dec!(0.5);
    b.services = vec![s];
    b
}

#[test]
fn a_beneficiary_split_by_kind_and_cashable() {
    use ValueKind::*;
    let mut b = valued();
    // Matched trimmed and case-insensitively: " o " is outcome "O".
    b.outcomes = vec![
        row(" o ", "a", dec!(100), Fiscal, true),
        row("o", "b", dec!(40), Fiscal, false),
        row("o", "dwp", dec!(10), Fiscal, false),
        row("o", "dwp", dec!(20), Economic, false),
        row("o", "society", dec!(30), Social, false),
    ];
    let p = run(&b, &scenario(1));
    let s = &p.services[0];
    // 5 outcomes × (100 + 40 + 10 + 20 + 30) = 1,000.
    assert_eq!(s.benefit, crate::engine::Series::from_vec(vec![dec!(1000)]));
    let to: Vec<(&str, Decimal)> = s
        .benefit_to
        .iter()
        .map(|x| (&*x.beneficiary, x.values[0]))
        .collect();
    assert_eq!(
        to,
        vec![
            ("a", dec!(500)),
            ("b", dec!(200)),
            ("dwp", dec!(150)),
            ("society", dec!(150))
        ]
    );
    // Fiscal: 500 + 200 + 50 = 750; cashable: a's 500 only.
    assert_eq!(p.fiscal.benefit_fiscal, vec![dec!(750)]);
    assert_eq!(p.fiscal.benefit_cashable, vec![dec!(500)]);
    let dwp = p.beneficiaries.iter().find(|x| x.id == "dwp").unwrap();
    assert!(!dwp.partner && dwp.has_fiscal_row);
    assert_eq!(dwp.fiscal, vec![dec!(50)]);
    let society = p.beneficiaries.iter().find(|x| x.id == "society").unwrap();
    assert!(!society.has_fiscal_row);
    // Partners first (partners.csv order), then agencies in first-row order.
    let ids: Vec<&str> = p.beneficiaries.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "b", "dwp", "society"]);
    // pv_cost 1 × 10 = 10 (discount 0); financial ROI = 750 / 10 = 75.
    assert_eq!(p.fiscal.financial_roi, Some(dec!(75)));
}

#[test]
fn deadweight_attribution_and_optimism_bias_multiply() {
    let mut b = valued();
    b.services[0].outcome_value = dec!(100);
    b.services[0].benefit.deadweight = dec!(0.2);
    b.services[0].benefit.attribution = dec!(0.5);
    b.services[0].benefit.optimism_bias = dec!(0.1);
    let mut sc = scenario(2);
    sc.rates.deflator = dec!(0.1).into();
    let p = run(&b, &sc);
    // Net = 5 × 0.8 × 0.5 × 0.9 = 1.8 outcomes; × £100 = 180; year 1 in cash × 1.1 = 198.
    assert_eq!(
        p.services[0].benefit,
        crate::engine::Series::from_vec(vec![dec!(180), dec!(198)])
    );
    // Outcomes themselves stay gross.
    assert_eq!(
        p.services[0].outcomes,
        crate::engine::Series::from_vec(vec![dec!(5), dec!(5)])
    );
}
