//! Risk benchmark (SPEC §14): 2,000 draws of a scenario, each an exact
//! projection, on every core. Run: `cargo bench --bench risk`.
//!
//! By default the example workspace's `worst-case`. With
//! `POOLPLAN_RISK_DIR=/tmp/synth10k` (from `examples/synth`, see
//! docs/performance.md) it runs that workspace's `POOLPLAN_RISK_SCENARIO`
//! (default `s01`), adding ranges in code on pay, price, the first demand
//! key and the first partner's contribution growth when the file has none.
//! `POOLPLAN_RISK_DRAWS` sets the number of draws (default 2,000).

use poolplan::analysis::risk::{risk, Options};
use poolplan::model::{Range, RangeKey, Section};
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::time::Instant;

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn main() {
    let dir = env("POOLPLAN_RISK_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let default = if env("POOLPLAN_RISK_DIR").is_some() {
        "s01"
    } else {
        "worst-case"
    };
    let id = env("POOLPLAN_RISK_SCENARIO").unwrap_or_else(|| default.to_string());
    let draws = env("POOLPLAN_RISK_DRAWS")
        .and_then(|d| d.parse().ok())
        .unwrap_or(2_000);
    let t0 = Instant::now();
    let (ws, scenarios) =
        poolplan::load::load_for(&dir, std::slice::from_ref(&id)).expect("the workspace loads");
    let load = t0.elapsed();
    let mut s = scenarios[0].clone();
    if s.ranges.is_empty() {
        let b = &ws.budgets[&s.budget];
        let pct = |n: i64| Decimal::new(n, 3);
        let mut put = |k: RangeKey, low: Decimal, high: Decimal| {
            let mode = s.rate_of(&k).and_then(|r| r.single()).unwrap_or_default();
            s.ranges.insert(
                k,
                Range {
                    low: low.min(mode),
                    mode,
                    high: high.max(mode),
                    origin: "bench".into(),
                },
            );
        };
        put(
            RangeKey::new(Section::Rates, "pay_inflation"),
            pct(0),
            pct(50),
        );
        put(
            RangeKey::new(Section::Rates, "price_inflation"),
            pct(5),
            pct(45),
        );
        let cat = b
            .services
            .first()
            .map(|x| x.category.clone())
            .unwrap_or_default();
        put(RangeKey::new(Section::Demand, &cat), pct(-10), pct(80));
        let partner = b.partners.first().map(|x| x.id.clone()).unwrap_or_default();
        put(
            RangeKey::new(Section::ContributionGrowth, &partner),
            pct(-30),
            pct(30),
        );
    }
    let services = ws.budgets[&s.budget].services.len();
    let o = Options {
        draws,
        ..Options::default()
    };
    let t1 = Instant::now();
    let r = risk(&ws.budgets, &s, &o, &|_| true).expect("the draws project");
    let took = t1.elapsed();
    println!(
        "risk {} ({} services × {} years, {} ranged inputs): {draws} draws in {:.2} s ({:.1} ms a draw, {} threads); load {:.2} s; reserve needed at 90%: £{}",
        s.id,
        services,
        s.years,
        s.ranges.len(),
        took.as_secs_f64(),
        took.as_secs_f64() * 1000.0 / draws as f64,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        load.as_secs_f64(),
        r.overspend.at_confidence,
    );
}
