//! Property: on the example budget, for generated pairs of scenarios (rates,
//! demand, contribution growth and levers varied, levers shared, reordered
//! or only in one), the bridge's steps sum exactly to B's cumulative gap
//! minus A's, start at A's gap and land on B's.

use poolplan::analysis::bridge::{bridge, bridge_of, Measure};
use poolplan::analysis::cumulative_gap;
use poolplan::engine::project;
use poolplan::model::{Budget, Lever, LeverKind, Op, Scenario};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::Path;
use std::sync::OnceLock;

struct Example {
    budget: Budget,
    baseline: Scenario,
    levers: Vec<Lever>,
}

/// The example budget, its baseline and every lever its scenarios use.
fn example() -> &'static Example {
    static EX: OnceLock<Example> = OnceLock::new();
    EX.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (ws, scenarios) = poolplan::load::load_for(root, &[]).expect("example loads");
        let mut levers: Vec<Lever> = vec![];
        for s in &scenarios {
            for l in &s.levers {
                if !levers.contains(l) {
                    levers.push(l.clone());
                }
            }
        }
        Example {
            budget: ws.budgets["haringey-ct-2009"].clone(),
            baseline: scenarios
                .iter()
                .find(|s| s.id == "baseline")
                .expect("baseline")
                .clone(),
            levers,
        }
    })
}

fn rate(permille: i64) -> Decimal {
    Decimal::new(permille, 3)
}

/// A generated lever on the example budget: a contribution change or
/// amount (on one of three pairs, so they meet and their order matters), a
/// volume or unit cost change, or a saving, from a year index 0–2.
fn extra_lever() -> impl Strategy<Value = Lever> {
    let ex = example();
    let pairs: Vec<(String, String)> = ex
        .budget
        .contributions
        .iter()
        .map(|c| (c.partner.clone(), c.pool.clone()))
        .collect();
    let services: Vec<String> = ex.budget.services.iter().map(|s| s.id.clone()).collect();
    let pools: Vec<String> = ex.budget.pools.iter().map(|p| p.id.clone()).collect();
    (0usize..5, 0usize..100, -300i64..300, 0usize..3).prop_map(move |(kind, pick, pm, from)| {
        let change = Op::Change(rate(pm));
        let kind = match kind {
            0 => {
                let (partner, pool) = pairs[pick % 3].clone();
                LeverKind::Contribution {
                    partner,
                    pool,
                    op: change,
                }
            }
            4 => {
                let (partner, pool) = pairs[pick % 3].clone();
                let op = Op::By(Decimal::from(pm * 2000));
                LeverKind::Contribution { partner, pool, op }
            }
            1 => LeverKind::Volume {
                service: services[pick % services.len()].clone(),
                op: change,
                reduces: None,
            },
            2 => LeverKind::UnitCost {
                service: services[pick % services.len()].clone(),
                op: change,
            },
            _ => LeverKind::Saving {
                pool: pools[pick % pools.len()].clone(),
                by: Decimal::from(pm * 1000),
            },
        };
        Lever {
            kind,
            from,
            to: None,
            origin: "generated".into(),
            active: true,
        }
    })
}

/// Rates, demand and growth varied from the baseline, and a lever list.
fn scenario(id: &'static str) -> impl Strategy<Value = (Scenario, Vec<Lever>)> {
    let ex = example();
    let cats: Vec<String> = ex
        .budget
        .categories()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let partners: Vec<String> = ex.budget.partners.iter().map(|p| p.id.clone()).collect();
    (
        (-20i64..80, -20i64..80, -10i64..60, 0i64..80),
        prop::collection::vec((0usize..100, -60i64..120), 0..4),
        prop::collection::vec((0usize..100, -50i64..60), 0..3),
        prop::collection::vec(0usize..100, 0..6),
        prop::collection::vec(extra_lever(), 0..3),
    )
        .prop_map(
            move |((pay, price, defl, disc), demand, growth, picks, extra)| {
                let mut s = ex.baseline.clone();
                s.id = id.into();
                s.rates.pay_inflation = rate(pay).into();
                s.rates.price_inflation = rate(price).into();
                s.rates.deflator = rate(defl).into();
                s.rates.discount_rate = rate(disc);
                for (k, v) in demand {
                    s.demand
                        .insert(cats[k % cats.len()].clone(), rate(v).into());
                }
                for (k, v) in growth {
                    s.contribution_growth
                        .insert(partners[k % partners.len()].clone(), rate(v).into());
                }
                let mut levers: Vec<Lever> = picks
                    .iter()
                    .map(|i| ex.levers[i % ex.levers.len()].clone())
                    .collect();
                levers.extend(extra);
                (s, levers)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn steps_sum_exactly_to_the_change(
        (mut a, own_a) in scenario("a"),
        (mut b, own_b) in scenario("b"),
        shared in prop::collection::vec(0usize..100, 0..4),
        shared_extra in prop::collection::vec(extra_lever(), 0..4),
        reverse_shared_in_b in any::<bool>(),
        b_extends_a in any::<bool>(),
    ) {
        let ex = example();
        let mut common: Vec<Lever> =
            shared.iter().map(|i| ex.levers[i % ex.levers.len()].clone()).collect();
        common.extend(shared_extra);
        a.levers = common.clone();
        a.levers.extend(own_a);
        if b_extends_a {
            // B = A's levers then its own, A's rates where B sets none.
            b.rates = a.rates.clone();
            b.levers = a.levers.clone();
        } else {
            b.levers = common;
            if reverse_shared_in_b {
                b.levers.reverse();
            }
        }
        b.levers.extend(own_b);
        let (Ok(pa), Ok(pb)) = (project(&ex.budget, &a), project(&ex.budget, &b)) else {
            // a generated scenario the engine refuses (e.g. a negative contribution)
            return Ok(());
        };
        let gap_a = cumulative_gap(&pa).unwrap();
        let gap_b = cumulative_gap(&pb).unwrap();
        let r = bridge(&ex.budget, &a, &b).unwrap();
        prop_assert_eq!(r.start, gap_a);
        prop_assert_eq!(r.end, gap_b);
        let total: Decimal = r.steps.iter().map(|s| s.gap_change).sum();
        prop_assert_eq!(total, gap_b - gap_a);
        prop_assert_eq!(r.steps.last().map(|s| s.gap_after), Some(gap_b));
        for (k, s) in r.steps.iter().enumerate() {
            prop_assert_eq!(s.number, k + 1);
        }
        // The overspend and every exposure bridge (issue 18 item 2): the same
        // drivers, steps that sum exactly to the change of their own measure,
        // and a note wherever a step moves the overspend differently from the gap.
        let overspend = |p: &poolplan::engine::Projection| -> Decimal { p.totals.overspend.iter().sum() };
        let exposure = |p: &poolplan::engine::Projection, who: Option<&str>| -> Decimal {
            p.exposure
                .iter()
                .filter(|e| who.is_none_or(|w| w == e.partner))
                .flat_map(|e| e.values.iter())
                .sum()
        };
        let mut measures = vec![
            (Measure::Overspend, overspend(&pa), overspend(&pb)),
            (Measure::Exposure(None), exposure(&pa, None), exposure(&pb, None)),
        ];
        for partner in &ex.budget.partners {
            let id = partner.id.as_str();
            measures.push((Measure::Exposure(Some(id.into())), exposure(&pa, Some(id)), exposure(&pb, Some(id))));
        }
        for (m, from, to) in measures {
            let rm = bridge_of(&ex.budget, &a, &b, &m).unwrap();
            prop_assert_eq!(rm.start, from);
            prop_assert_eq!(rm.end, to);
            let total: Decimal = rm.steps.iter().map(|s| s.change).sum();
            prop_assert_eq!(total, to - from, "{:?}", m);
            prop_assert_eq!(rm.steps.last().map(|s| s.after), Some(to));
            let gaps: Decimal = rm.steps.iter().map(|s| s.gap_change).sum();
            prop_assert_eq!(gaps, gap_b - gap_a);
            if m == Measure::Overspend {
                for s in &rm.steps {
                    prop_assert_eq!(s.note.is_some(), s.change != s.gap_change, "{:?}", s);
                }
            }
        }
    }
}
