//! Property tests over generated models: the engine's accounting identities
//! hold for any valid budget and scenario, and the tidy export re-sums to
//! every headline.

use poolplan::engine::{project, Projection};
use poolplan::model::*;
use poolplan::report::tidy::tidy_bytes;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

fn d(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

#[derive(Debug, Clone)]
struct Gen {
    partners: usize,
    pools: Vec<(u8, u8, usize)>,                 // rule, underspend, host
    contribs: Vec<(usize, usize, i64, u32)>,     // pool, partner, cents, year offset
    services: Vec<(usize, i64, i64, u8, u32)>, // pool, unit cost (mills), volume (tenths), uplift, pay share %
    rates: (i64, i64, i64, i64),               // pay, price, deflator, discount in basis points
    growth: Vec<i64>,                          // per partner, bp
    levers: Vec<(u8, usize, i64, usize, usize)>, // kind, target, value, from, len
    years: usize,
    terms: Vec<(i64, u8)>, // per pool: opening reserve (cents), agreement (0 none, 1 "a", 2 "b")
    caps: Vec<(usize, usize, u8, i64)>, // pool, partner, money (0) or % (1), cents or bp
}

fn gen() -> impl Strategy<Value = Gen> {
    (2usize..5, 1usize..4, 1usize..6).prop_flat_map(|(np, npool, years)| {
        (
            Just(np),
            prop::collection::vec((0u8..3, 0u8..2, 0..np), npool),
            prop::collection::vec((0..npool, 0..np, 0i64..50_000_000, 0u32..3), 1..10),
            prop::collection::vec(
                (0..npool, 1i64..5_000_000, 0i64..5_000, 0u8..3, 0u32..101),
                0..8,
            ),
            (-500i64..800, -500i64..800, -300i64..600, 0i64..900),
            prop::collection::vec(-1000i64..1000, np),
            prop::collection::vec(
                (0u8..5, 0usize..8, -3000i64..3000, 0usize..5, 0usize..5),
                0..8,
            ),
            Just(years),
            prop::collection::vec((0i64..5_000_000, 0u8..3), npool),
            prop::collection::vec((0..npool, 0..np, 0u8..2, 0i64..20_000), 0..5),
        )
            .prop_map(
                |(
                    partners,
                    pools,
                    contribs,
                    services,
                    rates,
                    growth,
                    levers,
                    years,
                    terms,
                    caps,
                )| {
                    Gen {
                        partners,
                        pools,
                        contribs,
                        services,
                        rates,
                        growth,
                        levers,
                        years,
                        terms,
                        caps,
                    }
                },
            )
    })
}

fn build(g: &Gen) -> (Budget, Scenario) {
    let partners: Vec<Partner> = (0..g.partners)
        .map(|i| Partner {
            id: format!("p{i}"),
            name: format!("P{i}"),
            kind: PartnerKind::Other,
        })
        .collect();
    let pools: Vec<Pool> = g
        .pools
        .iter()
        .zip(&g.terms)
        .enumerate()
        .map(|(i, ((rule, under, host), (reserve, agreement)))| Pool {
            id: format!("pool{i}"),
            name: format!("Pool {i}"),
            host: format!("p{host}"),
            basis: "s75",
            risk_share: [RiskRule::ProRata, RiskRule::Host, RiskRule::Agreed][*rule as usize],
            underspend: [Underspend::CarryForward, Underspend::Return][*under as usize],
            opening_reserve: d(*reserve),
            agreement: [None, Some("a".to_string()), Some("b".to_string())][*agreement as usize]
                .clone(),
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    let contributions: Vec<Contribution> = g
        .contribs
        .iter()
        .filter(|(pool, partner, _, y)| seen.insert((*pool, *partner, *y)))
        .map(|(pool, partner, cents, y)| Contribution {
            pool: format!("pool{pool}"),
            partner: format!("p{partner}"),
            year: Year(2009 + *y as i32),
            amount: d(*cents),
            note: String::new(),
        })
        .collect();
    // Agreed pools: thirds-ish shares over the first partners, summing to 1.
    let mut risk_shares = vec![];
    for (i, p) in pools.iter().enumerate() {
        if p.risk_share == RiskRule::Agreed {
            let k = 1 + i % g.partners;
            let mut left = Decimal::ONE;
            for j in 0..k {
                let share = if j + 1 == k {
                    left
                } else {
                    (Decimal::ONE / Decimal::from(k)).round_dp(4)
                };
                left -= share;
                risk_shares.push(RiskShare {
                    pool: p.id.clone(),
                    partner: format!("p{j}"),
                    share,
                });
            }
        }
    }
    let services: Vec<Service> = g
        .services
        .iter()
        .enumerate()
        .map(|(i, (pool, mills, tenths, uplift, ps))| Service {
            id: format!("s{i}"),
            name: format!("S{i}"),
            pool: format!("pool{pool}"),
            provider: "prov".into(),
            category: format!("cat{}", i % 3),
            unit: "unit".into(),
            unit_cost: Decimal::new(*mills, 3),
            volume: Decimal::new(*tenths, 1),
            pay_share: Decimal::new(*ps as i64, 2),
            uplift: [
                Uplift::Index,
                Uplift::None,
                Uplift::Rate(Decimal::new(25, 3)),
            ][*uplift as usize],
            outcome: "o".into(),
            outcome_rate: Decimal::new(3, 1),
            outcome_value: Decimal::from(1000),
            benefit: BenefitTerms::default(),
            start: None,
            end: None,
        })
        .collect();
    let budget = Budget {
        id: "b".into(),
        name: "B".into(),
        base_year: Year(2009),
        years: g.years,
        currency: "GBP".into(),
        description: String::new(),
        partners,
        pools,
        contributions,
        providers: vec![Provider {
            id: "prov".into(),
            name: "Prov".into(),
            sector: "private",
            rating: String::new(),
        }],
        services,
        risk_shares,
        outcomes: vec![],
        risk_caps: vec![],
        schedules: vec![],
        files: vec![],
        monitoring: Default::default(),
    };
    let mut budget = budget;
    for (pool, partner, kind, v) in &g.caps {
        let (pool, partner) = (format!("pool{pool}"), format!("p{partner}"));
        let host = budget.pool(&pool).is_some_and(|p| p.host == partner);
        let dup = budget
            .risk_caps
            .iter()
            .any(|c| c.pool == pool && c.partner == partner);
        if host || dup {
            continue;
        }
        let cap = if *kind == 0 {
            Cap::Money(d(*v * 100))
        } else {
            Cap::Share(Decimal::new(*v, 4))
        };
        budget.risk_caps.push(RiskCap { pool, partner, cap });
    }
    let bp = |x: i64| Decimal::new(x, 4);
    let mut levers = vec![];
    for (kind, target, value, from, len) in &g.levers {
        let to = Some(from + len);
        let kind = match kind {
            0 if !budget.contributions.is_empty() => {
                let c = &budget.contributions[target % budget.contributions.len()];
                LeverKind::Contribution {
                    partner: c.partner.clone(),
                    pool: c.pool.clone(),
                    op: Op::Change(bp(*value).max(Decimal::NEGATIVE_ONE)),
                }
            }
            1 if !budget.services.is_empty() => LeverKind::Volume {
                service: budget.services[target % budget.services.len()].id.clone(),
                op: Op::By(Decimal::new(*value, 1)),
                reduces: Some(Reduces {
                    service: budget.services[(target + 1) % budget.services.len()]
                        .id
                        .clone(),
                    per_unit: Decimal::new(5, 1),
                    lag: len % 3,
                }),
            },
            2 => LeverKind::Saving {
                pool: budget.pools[target % budget.pools.len()].id.clone(),
                by: d(*value * 1000),
            },
            3 if !budget.services.is_empty() => LeverKind::UnitCost {
                service: budget.services[target % budget.services.len()].id.clone(),
                op: Op::Change(bp(*value).max(Decimal::NEGATIVE_ONE)),
            },
            4 if !budget.services.is_empty() => LeverKind::Decommission {
                service: budget.services[target % budget.services.len()].id.clone(),
            },
            _ => continue,
        };
        levers.push(Lever {
            kind,
            from: *from,
            to,
            origin: "gen".into(),
            active: true,
        });
    }
    let scenario = Scenario {
        id: "s".into(),
        name: "S".into(),
        budget: "b".into(),
        years: g.years,
        description: String::new(),
        rates: Rates {
            pay_inflation: bp(g.rates.0).into(),
            price_inflation: bp(g.rates.1).into(),
            deflator: bp(g.rates.2).into(),
            discount_rate: bp(g.rates.3),
        },
        demand: [("cat1".to_string(), Decimal::new(4, 2).into())]
            .into_iter()
            .collect::<BTreeMap<_, _>>(),
        contribution_growth: g
            .growth
            .iter()
            .enumerate()
            .map(|(i, x)| (format!("p{i}"), bp(*x).into()))
            .collect(),
        ranges: Default::default(),
        levers,
        chain: vec![],
        extends: None,
    };
    (budget, scenario)
}

fn identities(b: &Budget, p: &Projection) {
    let n = p.years;
    for pool in &p.pools {
        let rule = b.pool(&pool.id).unwrap();
        for t in 0..n {
            let contributions: Decimal = p
                .contributions
                .iter()
                .filter(|c| c.pool == pool.id)
                .map(|c| c.values[t])
                .sum();
            assert_eq!(
                pool.contributions[t], contributions,
                "pool income = Σ contributions"
            );
            let cost: Decimal = p
                .services
                .iter()
                .filter(|s| s.pool == pool.id)
                .map(|s| s.cost[t])
                .sum();
            assert_eq!(
                pool.spend[t],
                cost - pool.saving[t],
                "Σ services' cost − savings = pool spend"
            );
            assert_eq!(
                pool.balance[t],
                pool.contributions[t] + pool.carry_in[t] - pool.spend[t],
                "balance = income − spend"
            );
            assert_eq!(
                pool.carry_in[0], rule.opening_reserve,
                "carry_in[0] = opening reserve"
            );
            let shared: Decimal = pool.shares.iter().map(|s| s.values[t]).sum();
            // §10.5: the balance after the agreement offset is what is settled.
            let bal = pool.balance[t] + pool.offset[t];
            // Overspends are shared (positive shares); returned underspends refunded (negative).
            let shared_out = bal < Decimal::ZERO
                || (bal > Decimal::ZERO && rule.underspend == Underspend::Return);
            let expected = if shared_out { -bal } else { Decimal::ZERO };
            assert_eq!(
                shared, expected,
                "risk shares after caps sum exactly to the over/underspend"
            );
            assert_eq!(pool.overspend[t], (-bal).max(Decimal::ZERO));
            for (s, x) in pool.shares.iter().zip(&pool.cap_excess) {
                assert_eq!(
                    s.values[t],
                    s.values[t].round_dp(2),
                    "shares are whole pennies"
                );
                assert!(x.values[t] >= Decimal::ZERO, "cap excess ≥ 0");
                if bal >= Decimal::ZERO {
                    assert!(x.values[t].is_zero(), "caps never touch refunds");
                }
                let cap = b
                    .risk_caps
                    .iter()
                    .find(|c| c.pool == pool.id && c.partner == s.partner);
                if let (Some(c), true) = (cap, bal < Decimal::ZERO) {
                    let contrib: Decimal = p
                        .contributions
                        .iter()
                        .filter(|l| l.pool == pool.id && l.partner == s.partner)
                        .map(|l| l.values[t])
                        .sum();
                    let limit = match c.cap {
                        Cap::Money(m) => m.round_dp(2),
                        Cap::Share(r) => round(r * contrib),
                    };
                    assert!(
                        s.values[t] <= limit.max(Decimal::ZERO),
                        "a capped share ≤ its limit"
                    );
                }
            }
            if t + 1 < n {
                let carry = if bal > Decimal::ZERO && rule.underspend == Underspend::CarryForward {
                    bal
                } else {
                    Decimal::ZERO
                };
                assert_eq!(
                    pool.carry_in[t + 1],
                    carry,
                    "pool income = contributions + carry"
                );
            }
        }
    }
    for t in 0..n {
        // Σ offsets in an agreement = 0; a pool alone in its agreement (or in none) has none.
        for a in ["a", "b"] {
            let members: Vec<&poolplan::engine::PoolLine> = p
                .pools
                .iter()
                .filter(|l| b.pool(&l.id).unwrap().agreement.as_deref() == Some(a))
                .collect();
            let total: Decimal = members.iter().map(|l| l.offset[t]).sum();
            assert_eq!(total, Decimal::ZERO, "Σ offsets in an agreement = 0");
            if members.len() < 2 {
                assert!(members.iter().all(|l| l.offset[t].is_zero()));
            }
        }
        for l in &p.pools {
            if b.pool(&l.id).unwrap().agreement.is_none() {
                assert!(l.offset[t].is_zero());
            }
        }
    }
    for t in 0..n {
        let spend: Decimal = p.pools.iter().map(|l| l.spend[t]).sum();
        assert_eq!(p.totals.spend[t], spend, "headline spend = Σ pool spend");
        assert_eq!(
            p.totals.in_year_gap[t],
            p.totals.spend[t] - p.totals.contributions[t]
        );
        for e in &p.exposure {
            let c: Decimal = p
                .contributions
                .iter()
                .filter(|c| c.partner == e.partner)
                .map(|c| c.values[t])
                .sum();
            let sh: Decimal = p
                .pools
                .iter()
                .flat_map(|l| &l.shares)
                .filter(|s| s.partner == e.partner)
                .map(|s| s.values[t])
                .sum();
            assert_eq!(e.values[t], c + sh, "exposure = contributions + shares");
        }
    }
}

/// The tidy export re-sums to every headline.
fn tidy_resums(p: &Projection) {
    let text = String::from_utf8(tidy_bytes(&[p])).unwrap();
    let mut sums: HashMap<(String, String), Decimal> = HashMap::new();
    let mut headline: HashMap<(String, String), Decimal> = HashMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), 7, "{line}");
        let v: Decimal = if f[6].is_empty() {
            Decimal::ZERO
        } else {
            f[6].parse().unwrap()
        };
        let key = (f[1].to_string(), f[5].to_string());
        if f[2].is_empty() && f[3].is_empty() && f[4].is_empty() {
            headline.insert(key, v);
        } else {
            *sums.entry(key).or_default() += v;
        }
    }
    for t in 0..p.years {
        let y = p.year_label(t);
        let get = |m: &str| {
            sums.get(&(y.clone(), m.to_string()))
                .copied()
                .unwrap_or_default()
        };
        let head = |m: &str| headline[&(y.clone(), m.to_string())];
        assert_eq!(get("contribution"), head("contributions"));
        assert_eq!(get("pool_contributions"), head("contributions"));
        assert_eq!(get("pool_spend"), head("spend"));
        assert_eq!(get("benefit"), head("benefit_total"));
        assert_eq!(get("cost") - get("pool_saving"), head("spend"));
        let overspend: Decimal = p.pools.iter().map(|l| l.overspend[t]).sum();
        assert_eq!(head("overspend"), overspend);
        assert_eq!(get("exposure"), head("contributions") + get("risk_share"));
        assert_eq!(
            get("pool_offset"),
            Decimal::ZERO,
            "offsets move money between pools"
        );
        // The headline overspend is after offsets, from the pool rows alone.
        let rows = |m: &str| -> HashMap<String, Decimal> {
            text.lines()
                .map(|l| l.split(',').collect::<Vec<_>>())
                .filter(|f| f[1] == y && f[5] == m)
                .map(|f| (f[2].to_string(), f[6].parse::<Decimal>().unwrap()))
                .collect()
        };
        let (bal, off) = (rows("pool_balance"), rows("pool_offset"));
        let after: Decimal = bal
            .iter()
            .map(|(k, b)| (-(*b + off.get(k).copied().unwrap_or_default())).max(Decimal::ZERO))
            .sum();
        assert_eq!(head("overspend"), after);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn accounting_identities_hold(g in gen()) {
        let (b, s) = build(&g);
        // A generated lever may push a value negative: that is a clean error, never a panic.
        if let Ok(p) = project(&b, &s) {
            identities(&b, &p);
            tidy_resums(&p);
        }
    }

    #[test]
    fn projection_is_deterministic(g in gen()) {
        let (b, s) = build(&g);
        prop_assert_eq!(project(&b, &s), project(&b, &s));
    }
}
