//! Hand-worked tests of SPEC §11: value rows by beneficiary, the legacy
//! unallocated row, additionality, persistence with drop-off after a
//! decommission, the `benefit` risk rule and `fiscal_benefit_to`.

use super::tests::{budget, lever, run, scenario, svc};
use super::*;
use crate::model::*;
use rust_decimal_macros::dec;

pub(super) fn row(
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
pub(super) fn valued() -> Budget {
    let mut b = budget();
    let mut s = svc("s", "p", dec!(1), dec!(10));
    s.outcome = "O".into();
    s.outcome_rate = dec!(0.5);
    b.services = vec![s];
    b
}

fn tidy_rows(p: &Projection, measure: &str) -> Vec<String> {
    let bytes = crate::report::tidy::tidy_bytes(&[p]);
    String::from_utf8(bytes)
        .unwrap()
        .lines()
        .filter(|l| l.split(',').nth(5) == Some(measure))
        .map(str::to_string)
        .collect()
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
    assert_eq!(s.benefit, vec![dec!(1000)]);
    let to: Vec<(&str, Decimal)> = s
        .benefit_to
        .iter()
        .map(|x| (x.beneficiary.as_str(), x.values[0]))
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
fn the_legacy_outcome_value_is_one_unallocated_row() {
    let mut b = valued();
    b.services[0].outcome_value = dec!(100);
    let p = run(&b, &scenario(1));
    let s = &p.services[0];
    assert_eq!(s.value_rows.len(), 1);
    assert_eq!(s.value_rows[0].beneficiary, None);
    assert_eq!(s.value_rows[0].kind, ValueKind::Unallocated);
    assert_eq!(s.benefit, vec![dec!(500)]);
    assert!(s.benefit_to.is_empty());
    // Counted in benefit_total, never in fiscal figures.
    assert_eq!(p.totals.benefit_total, vec![dec!(500)]);
    assert_eq!(p.fiscal.benefit_fiscal, vec![dec!(0)]);
    assert!(tidy_rows(&p, "benefit_to").is_empty());
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
    assert_eq!(p.services[0].benefit, vec![dec!(180), dec!(198)]);
    // Outcomes themselves stay gross.
    assert_eq!(p.services[0].outcomes, vec![dec!(5), dec!(5)]);
}

#[test]
fn benefits_persist_with_drop_off_after_a_decommission_and_stop_at_the_horizon() {
    let mut b = valued();
    b.outcomes = vec![row("o", "b", dec!(100), ValueKind::Fiscal, false)];
    b.services[0].benefit.benefit_years = 3;
    b.services[0].benefit.drop_off = dec!(0.1);
    let mut sc = scenario(5);
    let stop = LeverKind::Decommission {
        service: "s".into(),
    };
    sc.levers = vec![lever(stop, 2, None)];
    let p = run(&b, &sc);
    // net = 5, 5, 0, 0, 0 outcomes, each worth £100 (500 a year achieved):
    // t0: 500; t1: 500 + 500×0.9 = 950; t2: 500×0.81 + 500×0.9 = 855;
    // t3: only year 1's outcomes are still within 3 years: 500×0.81 = 405; t4: 0.
    let want = vec![dec!(500), dec!(950), dec!(855), dec!(405), dec!(0)];
    assert_eq!(p.services[0].benefit, want);
    assert_eq!(p.services[0].benefit_to[0].values, want);
    // Tidy: benefit rows while it runs and after, while non-zero; cost rows only while it runs.
    let years = |m: &str| -> Vec<String> {
        tidy_rows(&p, m)
            .iter()
            .map(|l| l.split(',').nth(1).unwrap().to_string())
            .collect()
    };
    assert_eq!(
        years("benefit"),
        vec!["2009-10", "2010-11", "2011-12", "2012-13"]
    );
    assert_eq!(
        years("benefit_to"),
        vec!["2009-10", "2010-11", "2011-12", "2012-13"]
    );
    assert_eq!(years("cost"), vec!["2009-10", "2010-11"]);
    // A horizon of 3 years counts nothing beyond it.
    let short = run(&b, &scenario(3));
    assert_eq!(
        short.services[0].benefit,
        vec![dec!(500), dec!(950), dec!(1355)]
    );
}

#[test]
fn fiscal_benefit_to_for_every_fiscal_beneficiary_every_year() {
    use ValueKind::*;
    let mut b = valued();
    b.outcomes = vec![
        row("o", "b", dec!(10), Fiscal, false),
        row("o", "society", dec!(10), Social, false),
        // An outcome no service uses: police still has rows, of 0.
        row("unused", "police", dec!(99), Fiscal, false),
    ];
    let p = run(&b, &scenario(2));
    let rows = tidy_rows(&p, "fiscal_benefit_to");
    assert_eq!(
        rows,
        vec![
            "s,2009-10,,b,,fiscal_benefit_to,50.00",
            "s,2009-10,,police,,fiscal_benefit_to,0.00",
            "s,2010-11,,b,,fiscal_benefit_to,50.00",
            "s,2010-11,,police,,fiscal_benefit_to,0.00",
        ]
    );
    // Once-only rows: pv_fiscal_benefit 100.00, financial_roi = 100 / 20 = 5.
    assert_eq!(
        tidy_rows(&p, "pv_fiscal_benefit"),
        vec!["s,,,,,pv_fiscal_benefit,100.00"]
    );
    assert_eq!(
        tidy_rows(&p, "financial_roi"),
        vec!["s,,,,,financial_roi,5"]
    );
}

#[test]
fn financial_roi_is_empty_when_pv_cost_is_zero() {
    let mut b = valued();
    b.services[0].unit_cost = dec!(0);
    let p = run(&b, &scenario(1));
    assert_eq!(p.fiscal.financial_roi, None);
    assert_eq!(tidy_rows(&p, "financial_roi"), vec!["s,,,,,financial_roi,"]);
    assert_eq!(
        tidy_rows(&p, "benefit_fiscal"),
        vec!["s,2009-10,,,,benefit_fiscal,0.00"]
    );
}
