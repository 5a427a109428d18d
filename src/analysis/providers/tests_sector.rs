//! Within-sector figures, savings by year and the provider drill, worked by
//! hand: in-house a £450 × 10; private b £880 × 6 and c £960 × 1 (provider
//! y); voluntary d £820 × 2 (provider z). Volume 19, half 9.5: the
//! across-sector median is the in-house £450 (the first 10 weeks).

use super::drill::provider_drill;
use super::savings::savings_by_year;
use super::*;
use crate::analysis::fixture::*;
use crate::engine::project;
use rust_decimal_macros::dec;

fn setup() -> (Budget, Projection) {
    let b = budget(vec![
        svc("a", "res", "x", dec!(450), dec!(10)),
        svc("b", "res", "y", dec!(880), dec!(6)),
        svc("c", "res", "y", dec!(960), dec!(1)),
        svc("d", "res", "z", dec!(820), dec!(2)),
    ]);
    let p = project(&b, &flat("s")).unwrap();
    (b, p)
}

#[test]
fn within_sector_beside_across_sector() {
    let (b, p) = setup();
    let c = &compare_providers(&b, &p, 0, None).unwrap()[0];
    assert_eq!(c.median_unit_cost, Some(dec!(450)));
    // Across: (880 − 450) × 6 + (960 − 450) × 1 + (820 − 450) × 2 = 3,830.
    assert_eq!(c.saving_at_median, dec!(3830));
    // Private: volume 7, half 3.5, median £880: only c saves (960 − 880) × 1.
    assert_eq!(c.sector_saving_at_median, dec!(80));
    let got: Vec<(&str, usize, Option<Decimal>, Decimal)> = c
        .lines
        .iter()
        .map(|l| {
            (
                l.service.as_str(),
                l.sector_rank,
                l.sector_median_unit_cost,
                l.sector_saving_at_median,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("a", 1, Some(dec!(450)), dec!(0)),
            ("d", 1, Some(dec!(820)), dec!(0)),
            ("b", 1, Some(dec!(880)), dec!(0)),
            ("c", 2, Some(dec!(880)), dec!(80)),
        ]
    );
    let sectors: Vec<(&str, Decimal, Decimal)> = c
        .sectors
        .iter()
        .map(|s| {
            (
                s.sector.as_str(),
                s.saving_at_median,
                s.saving_at_category_median,
            )
        })
        .collect();
    assert_eq!(
        sectors,
        vec![
            ("in_house", dec!(0), dec!(0)),
            ("voluntary", dec!(0), dec!(740)),
            ("private", dec!(80), dec!(3090)),
        ]
    );
    assert_eq!(
        c.lines[3].sector_diff_from_median,
        Some(dec!(80) / dec!(880))
    );
}

#[test]
fn savings_by_year_and_over_the_horizon() {
    let (b, p) = setup();
    let s = &savings_by_year(&b, &p, None).unwrap()[0];
    assert_eq!(s.across, vec![dec!(3830); 3]);
    assert_eq!(s.within, vec![dec!(80); 3]);
    assert_eq!((s.across_total, s.within_total), (dec!(11490), dec!(240)));
}

#[test]
fn a_provider_drill_lists_every_service_year() {
    let (b, p) = setup();
    let d = provider_drill(&b, &p, "y").unwrap();
    assert_eq!(
        (d.name.as_str(), d.sector.as_str()),
        ("Provider Y", "private")
    );
    let got: Vec<(usize, &str)> = d
        .lines
        .iter()
        .map(|l| (l.year, l.line.service.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![(0, "b"), (0, "c"), (1, "b"), (1, "c"), (2, "b"), (2, "c")]
    );
    assert!(d
        .lines
        .iter()
        .all(|l| l.median_unit_cost == Some(dec!(450))));
    let e = provider_drill(&b, &p, "nobody").unwrap_err();
    assert_eq!(
        e.to_string(),
        "no provider \"nobody\" in providers.csv or on any service; the providers are: x, y, z"
    );
}

#[test]
fn the_example_fostering_saving_within_sector() {
    let (budget, scenarios) = example();
    let s = example_scenario(&scenarios, "baseline");
    let p = project(&budget, &s).unwrap();
    let c = &compare_providers(&budget, &p, 0, Some("fostering")).unwrap()[0];
    assert_eq!(c.saving_at_median, dec!(3983200));
    // Private: BrightPath £880 × 6,240 and Summit £960 × 1,040: median £880,
    // Summit saves 80 × 1,040 = 83,200; the voluntary and in-house lines are
    // alone in their sectors.
    assert_eq!(c.sector_saving_at_median, dec!(83200));
}
