//! Engine benchmark: project one scenario of N services over Y years.
//! Run: `cargo bench --bench engine` (prints median wall time per projection).

use poolplan::engine::project;
use poolplan::model::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::time::Instant;

fn budget(services: usize, years: usize) -> Budget {
    let partners: Vec<Partner> = (0..5)
        .map(|i| Partner {
            id: format!("p{i}"),
            name: format!("P{i}"),
            kind: PartnerKind::Other,
        })
        .collect();
    let pools: Vec<Pool> = (0..20)
        .map(|i| Pool {
            id: format!("pool{i:02}"),
            name: format!("Pool {i}"),
            host: "p0".into(),
            basis: "s75",
            risk_share: if i % 2 == 0 {
                RiskRule::ProRata
            } else {
                RiskRule::Host
            },
            underspend: if i % 3 == 0 {
                Underspend::Return
            } else {
                Underspend::CarryForward
            },
            opening_reserve: Decimal::ZERO,
            agreement: None,
        })
        .collect();
    let contributions = (0..20)
        .flat_map(|i| (0..5).map(move |p| (i, p)))
        .map(|(i, p)| Contribution {
            pool: format!("pool{i:02}"),
            partner: format!("p{p}"),
            year: Year(2009),
            amount: Decimal::new(100_000_000 + (i * 7 + p) as i64 * 12_345, 2),
            note: String::new(),
        })
        .collect();
    let services = (0..services)
        .map(|i| Service {
            id: format!("s{i:06}"),
            name: format!("Service {i}"),
            pool: format!("pool{:02}", i % 20),
            provider: format!("prov{}", i % 50),
            category: format!("cat{}", i % 40),
            unit: "week".into(),
            unit_cost: Decimal::new(250_000 + (i as i64 % 997) * 131, 2),
            volume: Decimal::new(52 + (i as i64 % 13), 0),
            pay_share: Decimal::new(6, 1),
            uplift: if i % 5 == 0 {
                Uplift::None
            } else {
                Uplift::Index
            },
            outcome: "o".into(),
            outcome_rate: Decimal::new(2, 2),
            outcome_value: Decimal::from(20_000),
            benefit: poolplan::model::BenefitTerms::default(),
            start: None,
            end: None,
        })
        .collect();
    Budget {
        id: "bench".into(),
        name: "Bench".into(),
        base_year: Year(2009),
        years,
        currency: "GBP".into(),
        description: String::new(),
        partners,
        pools,
        contributions,
        providers: (0..50)
            .map(|i| Provider {
                id: format!("prov{i}"),
                name: format!("Prov {i}"),
                sector: "private",
                rating: String::new(),
            })
            .collect(),
        services,
        risk_shares: vec![],
        outcomes: vec![],
        risk_caps: vec![],
        schedules: vec![],
        files: vec![],
        monitoring: Default::default(),
    }
}

fn scenario(b: &Budget, years: usize) -> Scenario {
    let mut demand = BTreeMap::new();
    for c in 0..40 {
        demand.insert(format!("cat{c}"), Decimal::new(c % 7, 2).into());
    }
    let levers = b
        .services
        .iter()
        .step_by(10)
        .map(|s| Lever {
            kind: LeverKind::UnitCost {
                service: s.id.clone(),
                op: Op::Change(Decimal::new(-5, 2)),
            },
            from: 1,
            to: None,
            origin: "bench".into(),
            active: true,
        })
        .collect();
    Scenario {
        id: "bench".into(),
        name: "Bench".into(),
        budget: b.id.clone(),
        years,
        description: String::new(),
        rates: Rates {
            pay_inflation: Decimal::new(25, 3).into(),
            price_inflation: Decimal::new(2, 2).into(),
            deflator: Decimal::new(25, 3).into(),
            discount_rate: Decimal::new(35, 3),
        },
        demand,
        contribution_growth: BTreeMap::new(),
        ranges: Default::default(),
        levers,
        chain: vec![],
        extends: None,
    }
}

fn main() {
    // POOLPLAN_BENCH_SIZES=1000x10,10000x5 picks sizes (e.g. for callgrind runs).
    let sizes: Vec<(usize, usize)> = match std::env::var("POOLPLAN_BENCH_SIZES") {
        Ok(v) => v
            .split(',')
            .filter_map(|p| p.split_once('x'))
            .filter_map(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
            .collect(),
        Err(_) => vec![(1_000, 5), (10_000, 5), (10_000, 10), (100_000, 10)],
    };
    for (services, years) in sizes {
        let b = budget(services, years);
        let s = scenario(&b, years);
        let runs = std::env::var("POOLPLAN_BENCH_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(if services >= 100_000 { 5 } else { 20 });
        let mut times = vec![];
        for _ in 0..runs {
            let t0 = Instant::now();
            let p = project(&b, &s).expect("projects");
            times.push(t0.elapsed());
            std::hint::black_box(p);
        }
        times.sort();
        println!("project: {services:>7} services × {years:>2} years: median {:>8.2?} (min {:.2?}, {runs} runs)", times[runs / 2], times[0]);
    }
}
