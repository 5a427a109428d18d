//! SPEC §11 figures as the tidy export writes them (`benefit_to`,
//! `fiscal_benefit_to`, `pv_fiscal_benefit`, `financial_roi`,
//! `benefit_fiscal`), on the hand-worked budgets of `engine::tests_s11`.
//! Here, not in `engine`, because the engine never imports the views.

use crate::engine::tests::{lever, run, scenario};
use crate::engine::tests_s11::{row, valued};
use crate::engine::*;
use crate::model::*;
use rust_decimal_macros::dec;

fn tidy_rows(p: &Projection, measure: &str) -> Vec<String> {
    let bytes = super::tidy::tidy_bytes(&[p]);
    String::from_utf8(bytes)
        .unwrap()
        .lines()
        .filter(|l| l.split(',').nth(5) == Some(measure))
        .map(str::to_string)
        .collect()
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
    assert_eq!(s.benefit, crate::engine::Series::from_vec(vec![dec!(500)]));
    assert!(s.benefit_to.is_empty());
    // Counted in benefit_total, never in fiscal figures.
    assert_eq!(p.totals.benefit_total, vec![dec!(500)]);
    assert_eq!(p.fiscal.benefit_fiscal, vec![dec!(0)]);
    assert!(tidy_rows(&p, "benefit_to").is_empty());
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
    let want = [dec!(500), dec!(950), dec!(855), dec!(405), dec!(0)];
    assert_eq!(p.services[0].benefit[..], want[..]);
    assert_eq!(p.services[0].benefit_to[0].values[..], want[..]);
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
        crate::engine::Series::from_vec(vec![dec!(500), dec!(950), dec!(1355)])
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
