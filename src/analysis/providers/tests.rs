//! The provider comparison worked by hand on a small budget.

use super::*;
use crate::analysis::fixture::*;
use crate::engine::project;
use crate::model::{Lever, LeverKind};
use rust_decimal_macros::dec;

fn run(services: Vec<crate::model::Service>, levers: Vec<Lever>, t: usize) -> Vec<Category> {
    let b = budget(services);
    let mut s = flat("s");
    s.levers = levers;
    let p = project(&b, &s).unwrap();
    compare_providers(&b, &p, t, None).unwrap()
}

#[test]
fn odd_total_volume_ties_and_saving() {
    // Volumes 3, 4, 4, 2 at £10, £20, £20, £30: total 13, half 6.5;
    // cumulative 3, 7 → median £20. The two £20 lines share rank 2.
    // Saving: only the £30 line is above: (30 − 20) × 2 = £20.
    let c = run(
        vec![
            svc("d", "res", "z", dec!(30), dec!(2)),
            svc("a", "res", "x", dec!(10), dec!(3)),
            svc("c", "res", "y", dec!(20), dec!(4)),
            svc("b", "res", "x", dec!(20), dec!(4)),
        ],
        vec![],
        0,
    );
    let res = &c[0];
    assert_eq!(res.median_unit_cost, Some(dec!(20)));
    let order: Vec<(&str, usize)> = res
        .lines
        .iter()
        .map(|l| (l.service.as_str(), l.rank))
        .collect();
    assert_eq!(order, vec![("a", 1), ("b", 2), ("c", 2), ("d", 4)]);
    assert_eq!(res.lines[3].saving_at_median, dec!(20));
    assert_eq!(res.lines[3].diff_from_median, Some(dec!(0.5)));
    assert_eq!(res.lines[0].diff_from_median, Some(dec!(-0.5)));
    assert_eq!(res.saving_at_median, dec!(20));
    assert_eq!(res.volume, dec!(13));
    // cost: 30 + 80 + 80 + 60 = 250
    assert_eq!(res.cost, dec!(250));
    assert_eq!(res.lines[0].provider_name, "Provider X");
    assert_eq!(res.lines[3].sector, "voluntary");
    assert_eq!(res.lines[0].cost_per_outcome, None);
}

#[test]
fn even_split_takes_the_lower_cost() {
    // 5 at £100.50 and 5 at £140.25: half 5 is reached by the first line.
    // Saving: (140.25 − 100.50) × 5 = 198.75.
    let c = run(
        vec![
            svc("cheap", "res", "x", dec!(100.50), dec!(5)),
            svc("dear", "res", "y", dec!(140.25), dec!(5)),
        ],
        vec![],
        0,
    );
    assert_eq!(c[0].median_unit_cost, Some(dec!(100.50)));
    assert_eq!(c[0].saving_at_median, dec!(198.75));
}

#[test]
fn single_provider_and_zero_volume_categories() {
    let c = run(
        vec![
            svc("only", "solo", "x", dec!(55), dec!(7)),
            svc("idle1", "idle", "y", dec!(10), dec!(0)),
            svc("idle2", "idle", "z", dec!(20), dec!(0)),
        ],
        vec![],
        0,
    );
    assert_eq!(c[0].category, "solo");
    assert_eq!(c[0].median_unit_cost, Some(dec!(55)));
    assert_eq!(c[0].saving_at_median, dec!(0));
    assert_eq!(c[0].lines[0].rank, 1);
    assert_eq!(c[1].category, "idle");
    assert_eq!(c[1].median_unit_cost, None);
    assert_eq!(c[1].saving_at_median, dec!(0));
    assert_eq!(c[1].lines[1].diff_from_median, None);
}

#[test]
fn saving_is_rounded_per_service() {
    // Median £10 (volume 10). Each dear line is £0.004 over at volume 1:
    // round(0.004) = 0.00 each, so £0.00 in all, where rounding the total
    // instead would give round(0.008) = £0.01.
    let c = run(
        vec![
            svc("m", "res", "x", dec!(10), dec!(10)),
            svc("p1", "res", "y", dec!(10.004), dec!(1)),
            svc("p2", "res", "z", dec!(10.004), dec!(1)),
        ],
        vec![],
        0,
    );
    assert_eq!(c[0].median_unit_cost, Some(dec!(10)));
    assert_eq!(c[0].saving_at_median, dec!(0));
}

#[test]
fn recommissioned_provider_and_year_choice() {
    let recommission = lever(
        LeverKind::Recommission {
            service: "s".into(),
            provider: "z".into(),
            unit_cost: Some(dec!(90)),
            outcome_rate: None,
        },
        1,
    );
    let before = run(
        vec![svc("s", "res", "x", dec!(100), dec!(4))],
        vec![recommission.clone()],
        0,
    );
    let after = run(
        vec![svc("s", "res", "x", dec!(100), dec!(4))],
        vec![recommission],
        1,
    );
    assert_eq!(before[0].lines[0].provider, "x");
    assert_eq!(after[0].lines[0].provider, "z");
    assert_eq!(after[0].lines[0].unit_cost, dec!(90));
}

#[test]
fn unknown_category_lists_the_known_ones() {
    let b = budget(vec![svc("s", "res", "x", dec!(1), dec!(1))]);
    let p = project(&b, &flat("s")).unwrap();
    let e = compare_providers(&b, &p, 0, Some("nope")).unwrap_err();
    assert!(e.to_string().contains("the categories are: res"), "{e}");
}

#[test]
fn a_category_counting_two_outcome_measures_has_no_single_cost_per_outcome() {
    // a: £10 × 10 = 100 for 5 "placement stable"; b: £20 × 10 = 200 for 10
    // "Placement Stable " (the same measure, matched ignoring case and spaces):
    // 300 / 15 = 20. With c counting "child-improved" the category is mixed.
    let with = |o: &str, id: &str, cost| {
        let mut s = svc(id, "res", "x", cost, dec!(10));
        s.outcome = o.into();
        s.outcome_rate = dec!(0.5) * cost / dec!(10);
        s
    };
    let same = run(
        vec![
            with("placement stable", "a", dec!(10)),
            with("Placement Stable ", "b", dec!(20)),
        ],
        vec![],
        0,
    );
    assert!(!same[0].mixed_outcomes);
    assert_eq!(same[0].cost_per_outcome, Some(dec!(20)));
    assert_eq!(same[0].lines[0].outcome, "placement stable");
    let mixed = run(
        vec![
            with("placement stable", "a", dec!(10)),
            with("child-improved", "c", dec!(20)),
        ],
        vec![],
        0,
    );
    assert!(mixed[0].mixed_outcomes);
    assert_eq!(mixed[0].cost_per_outcome, None);
    assert_eq!(mixed[0].lines[1].cost_per_outcome, Some(dec!(20)));
}
