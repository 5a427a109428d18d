use super::*;
use crate::analysis::risk::{Figures, Named, Options, Risk, Stat};
use crate::model::{Range, RangeKey, Section, Year};
use crate::report::table::{render_csv, Unit};
use rust_decimal_macros::dec;

fn stat(v: Decimal, share: Decimal) -> Stat {
    Stat {
        mean: v,
        p10: v - dec!(100),
        p50: v,
        p90: v + dec!(100),
        at_confidence: v + dec!(100),
        share_positive: share,
        draws: [0, 1, 2, 2],
    }
}

fn sample() -> Risk {
    let f = Figures {
        gap: dec!(1000),
        gap_by_year: vec![dec!(0), dec!(1000)],
        overspend: dec!(500),
        pools: vec![dec!(500)],
        exposure: vec![dec!(2000)],
    };
    Risk {
        scenario_id: "w".into(),
        scenario_name: "W".into(),
        base_year: Year(2009),
        years: 2,
        options: Options::default(),
        inputs: vec![(
            RangeKey::new(Section::Demand, "fostering"),
            Range {
                low: dec!(0.01),
                mode: dec!(0.025),
                high: dec!(0.06),
                origin: "scenarios/w.toml:9".into(),
            },
        )],
        deterministic: f,
        gap: stat(dec!(1000), dec!(1)),
        gap_by_year: vec![stat(dec!(0), dec!(0)), stat(dec!(1000), dec!(1))],
        overspend: stat(dec!(600), dec!(0.75)),
        pools: vec![Named {
            id: "p".into(),
            name: "Pool P".into(),
            stat: stat(dec!(600), dec!(0.75)),
        }],
        partners: vec![Named {
            id: "a".into(),
            name: "A".into(),
            stat: stat(dec!(2000), dec!(1)),
        }],
    }
}

#[test]
fn the_headline_says_how_likely_and_what_reserve() {
    let h = headline(&sample(), Unit::Pounds);
    assert_eq!(h[0], "The partnership overspends in 75.0% of draws; a reserve of £700 covers its total overspend at 90% confidence (as planned: £500).");
    assert_eq!(
        h[1],
        "  Pool P (p): overspends in 75.0% of draws; reserve needed at 90%: £700."
    );
}

#[test]
fn csv_is_raw_fractions_and_pounds() {
    let csv = render_csv(&risk_tables(&sample(), true));
    assert!(
        csv.contains("inputs,demand.fostering,0.01,0.025,0.06,scenarios/w.toml:9\n"),
        "{csv}"
    );
    assert!(
        csv.contains("pools,p,Pool P,0.75,500.00,600.00,500.00,600.00,700.00,700.00\n"),
        "{csv}"
    );
    assert!(
        csv.contains("gap_by_year,2010-11,1000.00,1000.00,900.00,1000.00,1100.00,1100.00\n"),
        "{csv}"
    );
}

#[test]
fn text_shows_percentages_and_units() {
    let t = risk_text(&sample(), Unit::Thousands);
    assert!(
        t.starts_with(
            "Risk of scenario W (w): 2,000 draws, seed 1 (ChaCha8), 1 ranged input. Money in £000"
        ),
        "{t}"
    );
    assert!(t.contains("demand.fostering  1%   2.5%  6%"), "{t}");
}
