use super::*;
use crate::analysis::fixture::{budget, example, example_scenario, flat, svc};
use crate::model::Section;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal_macros::dec;

fn go() -> &'static (dyn Fn(usize) -> bool + Sync) {
    &|_| true
}

fn opts(draws: usize) -> Options {
    Options {
        draws,
        ..Options::default()
    }
}

fn range(low: Decimal, mode: Decimal, high: Decimal) -> Range {
    Range {
        low,
        mode,
        high,
        origin: String::new(),
    }
}

/// The example's worst case with ranges on pay, price, placement demand and
/// the PCT's contribution growth.
fn ranged_example() -> (HashMap<String, Budget>, Scenario) {
    let (b, all) = example();
    let mut s = example_scenario(&all, "worst-case");
    let mut put = |sec, key: &str, low, high| {
        let k = RangeKey::new(sec, key);
        let mode = s.rate_of(&k).and_then(|r| r.single()).unwrap_or_default();
        s.ranges.insert(k, range(low, mode, high));
    };
    put(Section::Rates, "pay_inflation", dec!(0.02), dec!(0.06));
    put(Section::Rates, "price_inflation", dec!(0.015), dec!(0.05));
    put(Section::Demand, "residential-care", dec!(0.02), dec!(0.10));
    put(
        Section::ContributionGrowth,
        "nhs-haringey",
        dec!(-0.02),
        dec!(0.04),
    );
    (HashMap::from([(b.id.clone(), b)]), s)
}

fn all_stats(r: &Risk) -> Vec<&Stat> {
    let mut v = vec![&r.gap, &r.overspend];
    v.extend(r.gap_by_year.iter());
    v.extend(r.pools.iter().map(|p| &p.stat));
    v.extend(r.partners.iter().map(|p| &p.stat));
    v
}

#[test]
fn degenerate_ranges_reproduce_the_projection_exactly() {
    let (budgets, mut s) = ranged_example();
    for r in s.ranges.values_mut() {
        r.low = r.mode;
        r.high = r.mode;
    }
    let r = risk(&budgets, &s, &opts(50), go()).unwrap();
    let d = &r.deterministic;
    let mut want = vec![d.gap, d.overspend];
    want.extend(d.gap_by_year.iter().copied());
    want.extend(d.pools.iter().copied());
    want.extend(d.exposure.iter().copied());
    let stats = all_stats(&r);
    assert_eq!(stats.len(), want.len());
    assert!(d.overspend > Decimal::ZERO, "the worst case overspends");
    for (st, w) in stats.iter().zip(want) {
        for v in [st.mean, st.p10, st.p50, st.p90, st.at_confidence] {
            assert_eq!(v, w);
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_result_and_another_seed_does_not() {
    let (budgets, s) = ranged_example();
    let a = risk(&budgets, &s, &opts(120), go()).unwrap();
    assert_eq!(a, risk(&budgets, &s, &opts(120), go()).unwrap());
    let other = Options {
        seed: 2,
        ..opts(120)
    };
    assert_ne!(a.gap, risk(&budgets, &s, &other, go()).unwrap().gap);
}

#[test]
fn percentiles_are_monotone_and_each_is_a_reprojected_draw() {
    let (budgets, s) = ranged_example();
    let r = risk(&budgets, &s, &opts(200), go()).unwrap();
    let b = &budgets["haringey-ct-2009"];
    for st in all_stats(&r) {
        assert!(st.p10 <= st.p50 && st.p50 <= st.p90, "{st:?}");
    }
    // Re-project the draw each percentile came from: the figure is exact.
    let again = |i: usize| Figures::of(&project(b, &draw_scenario(&s, 1, i)).unwrap()).unwrap();
    for (k, i) in r.gap.draws.iter().enumerate() {
        let v = [r.gap.p10, r.gap.p50, r.gap.p90, r.gap.at_confidence][k];
        assert_eq!(again(*i).gap, v);
    }
    for (k, i) in r.overspend.draws.iter().enumerate() {
        let v = [
            r.overspend.p10,
            r.overspend.p50,
            r.overspend.p90,
            r.overspend.at_confidence,
        ][k];
        assert_eq!(again(*i).overspend, v);
    }
    for (j, p) in r.pools.iter().enumerate() {
        assert_eq!(
            again(p.stat.draws[3]).pools[j],
            p.stat.at_confidence,
            "{}",
            p.id
        );
    }
    for (j, p) in r.partners.iter().enumerate() {
        assert_eq!(again(p.stat.draws[1]).exposure[j], p.stat.p50, "{}", p.id);
    }
    for (t, st) in r.gap_by_year.iter().enumerate() {
        assert_eq!(again(st.draws[2]).gap_by_year[t], st.p90);
    }
    assert!(r.overspend.share_positive > Decimal::ZERO);
}

/// The closed-form triangular quantile.
fn quantile(a: f64, m: f64, b: f64, q: f64) -> f64 {
    if q < (m - a) / (b - a) {
        a + (q * (b - a) * (m - a)).sqrt()
    } else {
        b - ((1.0 - q) * (b - a) * (b - m)).sqrt()
    }
}

fn density(a: f64, m: f64, b: f64, x: f64) -> f64 {
    if x < m {
        2.0 * (x - a) / ((b - a) * (m - a))
    } else {
        2.0 * (b - x) / ((b - a) * (b - m))
    }
}

#[test]
fn a_linear_gap_has_the_triangular_quantiles() {
    // One service costing £1,000,000 in the base year, two years, demand
    // growth g on its category: gap = (1,000,000 − 1,500) × 2 + 1,000,000 g,
    // exactly (g has 6 places, so 1,000,000 g is whole pounds).
    let b = budget(vec![svc("s", "c", "x", dec!(1000), dec!(1000))]);
    let mut s = flat("lin");
    s.years = 2;
    s.demand.insert("c".into(), dec!(0.02).into());
    let (a, m, h) = (0.0, 0.02, 0.06);
    s.ranges.insert(
        RangeKey::new(Section::Demand, "c"),
        range(dec!(0), dec!(0.02), dec!(0.06)),
    );
    let n = 2_000;
    let budgets = HashMap::from([(b.id.clone(), b)]);
    let r = risk(&budgets, &s, &opts(n), go()).unwrap();
    let base = 2.0 * (1_000_000.0 - 1_500.0);
    for (q, got) in [(0.1, r.gap.p10), (0.5, r.gap.p50), (0.9, r.gap.p90)] {
        let x = quantile(a, m, h, q);
        // Four standard errors of a sample quantile: √(q(1−q)/N) / f(x).
        let tol = 4.0 * (q * (1.0 - q) / n as f64).sqrt() / density(a, m, h, x);
        let got = (got.to_f64().unwrap() - base) / 1_000_000.0;
        assert!((got - x).abs() < tol, "q {q}: {got} vs {x} ± {tol}");
    }
    // The deterministic gap is the mode's.
    assert_eq!(r.deterministic.gap, dec!(1997000) + dec!(20000));
}

#[test]
fn no_ranges_means_every_draw_is_the_scenario() {
    let (b, all) = example();
    let s = example_scenario(&all, "baseline");
    let budgets = HashMap::from([(b.id.clone(), b)]);
    let r = risk(&budgets, &s, &opts(3), go()).unwrap();
    assert_eq!(r.gap.p90, r.deterministic.gap);
    assert!(r.inputs.is_empty());
}

#[test]
fn cancelling_stops_the_run() {
    let (budgets, s) = ranged_example();
    let stop: &(dyn Fn(usize) -> bool + Sync) = &|_| false;
    assert_eq!(
        risk(&budgets, &s, &opts(300), stop),
        Err(RiskError::Cancelled)
    );
}
