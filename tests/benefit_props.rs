//! Properties of SPEC §11 over generated budgets: outcome values split by
//! beneficiary (partners and outside agencies, every kind, cashable or
//! not), legacy unallocated rows, additionality, persistence with drop-off,
//! decommissions and `benefit` pools.
//!
//! - For every service and year: Σ benefit_to over beneficiaries + the
//!   unallocated row = benefit.
//! - Σ beneficiaries' fiscal = benefit_fiscal; Σ cashable = benefit_cashable.
//! - benefit_total = Σ services' benefit.
//! - A `benefit` pool's shares sum exactly to its overspend (or −refund), and
//!   no agency outside the partnership ever holds a share.

use poolplan::engine::project;
use poolplan::model::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// outcome, volume tenths, rate %, legacy value, deadweight %, attribution %, bias %, years, drop %.
type GenService = (usize, i64, u32, i64, u32, u32, u32, u32, u32);

#[derive(Debug, Clone)]
struct Gen {
    partners: usize,
    /// outcome (0..3), beneficiary (0..6: partners first, then agencies), value cents, kind, cashable
    rows: Vec<(usize, usize, i64, u8, bool)>,
    /// outcome (0..4; 3 = none valued), volume tenths, rate %, legacy value, deadweight %, attribution %, bias %, years, drop %
    services: Vec<GenService>,
    contribution: i64,
    rule: u8,
    deflator_bp: i64,
    years: usize,
    decommission: Option<(usize, usize)>,
}

fn gen() -> impl Strategy<Value = Gen> {
    (
        2usize..4,
        prop::collection::vec(
            (
                0usize..3,
                0usize..6,
                -50_000i64..200_000,
                0u8..3,
                any::<bool>(),
            ),
            0..10,
        ),
        prop::collection::vec(
            (
                0usize..4,
                0i64..500,
                0u32..150,
                0i64..90_000,
                0u32..101,
                0u32..101,
                0u32..101,
                1u32..6,
                0u32..101,
            ),
            1..6,
        ),
        0i64..20_000_000,
        0u8..2,
        -300i64..600,
        1usize..6,
        prop::option::of((0usize..6, 0usize..5)),
    )
        .prop_map(
            |(partners, rows, services, contribution, rule, deflator_bp, years, decommission)| {
                Gen {
                    partners,
                    rows,
                    services,
                    contribution,
                    rule,
                    deflator_bp,
                    years,
                    decommission,
                }
            },
        )
}

const AGENCIES: [&str; 3] = ["dwp", "hmcts", "society"];

fn build(g: &Gen) -> (Budget, Scenario) {
    let who = |i: usize| {
        if i < g.partners {
            format!("p{i}")
        } else {
            AGENCIES[(i - g.partners) % 3].to_string()
        }
    };
    let mut seen = std::collections::HashSet::new();
    let kinds = [ValueKind::Fiscal, ValueKind::Economic, ValueKind::Social];
    let outcomes: Vec<OutcomeValue> = g
        .rows
        .iter()
        .filter(|(o, b, _, k, _)| seen.insert((*o, who(*b), *k)))
        .map(|(o, b, cents, k, cash)| OutcomeValue {
            outcome: format!("O{o}"),
            beneficiary: who(*b),
            value: Decimal::new(*cents, 2),
            kind: kinds[*k as usize],
            cashable: *cash && *k == 0,
            note: String::new(),
        })
        .collect();
    let valued = |o: usize| outcomes.iter().any(|r| r.outcome == format!("O{o}"));
    let pct = |x: u32| Decimal::new(x as i64, 2);
    let services: Vec<Service> = g
        .services
        .iter()
        .enumerate()
        .map(
            |(i, &(o, vol, rate, legacy, dw, attr, bias, years, drop))| Service {
                id: format!("s{i}"),
                name: format!("S{i}"),
                pool: "pool".into(),
                provider: "prov".into(),
                category: "cat".into(),
                unit: "unit".into(),
                unit_cost: Decimal::from(100),
                volume: Decimal::new(vol, 1),
                pay_share: Decimal::ZERO,
                uplift: Uplift::None,
                outcome: if o < 3 {
                    format!(" o{o} ")
                } else {
                    String::new()
                },
                outcome_rate: pct(rate),
                outcome_value: if o < 3 && valued(o) {
                    Decimal::ZERO
                } else {
                    Decimal::new(legacy, 2)
                },
                benefit: BenefitTerms {
                    deadweight: pct(dw),
                    attribution: pct(attr),
                    optimism_bias: pct(bias),
                    benefit_years: years,
                    drop_off: pct(drop),
                    outcome_value_given: !(o < 3 && valued(o)),
                },
                start: None,
                end: None,
            },
        )
        .collect();
    let partners: Vec<Partner> = (0..g.partners)
        .map(|i| Partner {
            id: format!("p{i}"),
            name: format!("P{i}"),
            kind: PartnerKind::Other,
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
        pools: vec![Pool {
            id: "pool".into(),
            name: "Pool".into(),
            host: "p0".into(),
            basis: "s75",
            risk_share: [RiskRule::Benefit, RiskRule::ProRata][g.rule as usize],
            underspend: [Underspend::Return, Underspend::CarryForward]
                [(g.contribution % 2) as usize],
            opening_reserve: Decimal::ZERO,
            agreement: None,
        }],
        contributions: vec![Contribution {
            pool: "pool".into(),
            partner: "p1".into(),
            year: Year(2009),
            amount: Decimal::new(g.contribution, 2),
            note: String::new(),
        }],
        providers: vec![Provider {
            id: "prov".into(),
            name: "Prov".into(),
            sector: "private",
            rating: String::new(),
        }],
        services,
        risk_shares: vec![],
        outcomes,
        risk_caps: vec![],
        schedules: vec![],
        files: vec![],
        monitoring: Default::default(),
    };
    let levers = g
        .decommission
        .filter(|(s, _)| *s < budget.services.len())
        .map(|(s, from)| Lever {
            kind: LeverKind::Decommission {
                service: format!("s{s}"),
            },
            from,
            to: None,
            origin: "gen".into(),
            active: true,
        })
        .into_iter()
        .collect();
    let scenario = Scenario {
        id: "s".into(),
        name: "S".into(),
        budget: "b".into(),
        years: g.years,
        description: String::new(),
        rates: Rates {
            deflator: Decimal::new(g.deflator_bp, 4).into(),
            ..Rates::default()
        },
        demand: BTreeMap::new(),
        contribution_growth: BTreeMap::new(),
        ranges: Default::default(),
        levers,
        chain: vec![],
        extends: None,
    };
    (budget, scenario)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn benefit_to_and_unallocated_sum_to_benefit(g in gen()) {
        let (b, s) = build(&g);
        let p = project(&b, &s).expect("projects");
        let n = p.years;
        for sv in &p.services {
            for t in 0..n {
                let to: Decimal = sv.benefit_to.iter().map(|x| x.values[t]).sum();
                let unallocated: Decimal = sv
                    .value_rows
                    .iter()
                    .filter(|r| r.beneficiary.is_none())
                    .map(|r| r.benefit[t])
                    .sum();
                prop_assert_eq!(to + unallocated, sv.benefit[t], "service {} year {}", &sv.id, t);
            }
        }
        for t in 0..n {
            let fiscal: Decimal = p.beneficiaries.iter().map(|x| x.fiscal[t]).sum();
            let cashable: Decimal = p.beneficiaries.iter().map(|x| x.cashable[t]).sum();
            prop_assert_eq!(fiscal, p.fiscal.benefit_fiscal[t]);
            prop_assert_eq!(cashable, p.fiscal.benefit_cashable[t]);
            let total: Decimal = p.services.iter().map(|x| x.benefit[t]).sum();
            prop_assert_eq!(total, p.totals.benefit_total[t]);
            let pool = &p.pools[0];
            let shared: Decimal = pool.shares.iter().map(|x| x.values[t]).sum();
            let returned = b.pools[0].underspend == Underspend::Return;
            let refund = if returned { pool.balance[t].max(Decimal::ZERO) } else { Decimal::ZERO };
            prop_assert_eq!(shared, pool.overspend[t] - refund, "year {}", t);
            prop_assert!(pool.shares.iter().all(|x| b.partner(&x.partner).is_some()));
        }
    }
}
