//! Hand-worked who-pays and cost-per-outcome-by-measure figures.

use super::*;
use crate::analysis::fixture::{budget, flat, svc};
use crate::analysis::outcome_costs::by_outcome;
use crate::engine::project;
use crate::model::*;
use rust_decimal_macros::dec;

fn value(who: &str, v: Decimal, kind: ValueKind, cashable: bool) -> OutcomeValue {
    OutcomeValue {
        outcome: "o".into(),
        beneficiary: who.into(),
        value: v,
        kind,
        cashable,
        note: String::new(),
    }
}

/// Pool p (a 1,000, b 500, host a, pro rata): s costs 100 × 20 = 2,000 and
/// achieves 2 outcomes of "o"; t runs in the same pool with outcome "q".
fn projected() -> Projection {
    let mut s = svc("s", "c", "x", dec!(100), dec!(20));
    s.outcome = "o".into();
    s.outcome_rate = dec!(0.1);
    let mut t = svc("t", "c", "y", dec!(10), dec!(5));
    t.outcome = "Q".into();
    t.outcome_rate = dec!(1);
    t.outcome_value = dec!(7);
    let mut b = budget(vec![s, t]);
    b.outcomes = vec![
        value("a", dec!(300), ValueKind::Fiscal, true),
        value("dwp", dec!(200), ValueKind::Fiscal, false),
        value("b", dec!(100), ValueKind::Social, false),
    ];
    let mut sc = flat("s");
    sc.years = 1;
    sc.rates.discount_rate = Decimal::ZERO;
    project(&b, &sc).unwrap()
}

#[test]
fn partners_pay_their_exposure_and_receive_their_fiscal_benefit() {
    let p = projected();
    // Spend 2,000 + 50 = 2,050 against 1,500: overspend 550 shared 1,000 : 500
    // → a 366.67, b 183.33. a pays 1,366.67, b 683.33; a receives 2 × 300 = 600
    // (cashable), dwp 400, b nothing fiscal (its row is social).
    let rows = who_pays(&p, None).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "b", "dwp"]);
    assert_eq!(
        (rows[0].pays, rows[0].receives, rows[0].cashable),
        (dec!(1366.67), dec!(600), dec!(600))
    );
    assert_eq!(rows[0].net, dec!(-766.67));
    assert_eq!((rows[1].pays, rows[1].receives), (dec!(683.33), dec!(0)));
    assert!(!rows[2].partner);
    assert_eq!(
        (rows[2].pays, rows[2].receives, rows[2].net),
        (dec!(0), dec!(400), dec!(400))
    );
    // One year, no deflator, no discounting: PVs equal the cash figures.
    assert_eq!(rows[0].pv_net, rows[0].net);
    let sh = shares(&rows);
    assert_eq!(sh[2], (Some(dec!(0)), Some(dec!(0.4))));
    // In pool p the same (it is the only pool).
    assert_eq!(who_pays(&p, Some("p")).unwrap(), rows);
    assert_eq!(pools_with_fiscal_benefit(&p), vec!["p"]);
}

#[test]
fn cost_per_outcome_by_measure_never_adds_unlike_outcomes() {
    let p = projected();
    let rows = by_outcome(&p, None).unwrap();
    // o: 2,000 / 2 = 1,000 an outcome; Q: 50 / 5 = 10. All outcomes together: 2,050 / 7.
    let got: Vec<(&str, Option<Decimal>)> = rows
        .iter()
        .map(|r| (r.outcome.as_str(), r.total_cost_per_outcome))
        .collect();
    assert_eq!(got, vec![("o", Some(dec!(1000))), ("Q", Some(dec!(10)))]);
}

#[test]
fn sums_by_measure_are_the_fold_in_service_order_even_where_it_rounds() {
    let mut p = projected();
    // Both services under one measure: "O " has the same key as "o".
    p.services[1].outcome = "O ".into();
    let fold = |xs: &[Decimal]| {
        xs.iter()
            .try_fold(Decimal::ZERO, |a, x| a.checked_add(*x))
            .unwrap()
    };
    let cases = [
        // Exact on integers: mixed scales, a zero first.
        (
            [dec!(0.00), dec!(12.5)],
            [dec!(0.1234567890123456789), dec!(5)],
        ),
        // Every value zero: the fold gives the last zero (its scale kept).
        ([dec!(0.0), dec!(0.000)], [dec!(0), dec!(0.00)]),
        // The fold rounds (2^96 − 1 at 28 places, plus 1): integers refuse,
        // the group is folded and gives the fold's rounded value.
        (
            [dec!(1), dec!(2)],
            [dec!(7.9228162514264337593543950335), dec!(1)],
        ),
    ];
    for (cost, outcomes) in cases {
        for (i, s) in p.services.iter_mut().enumerate() {
            s.cost[0] = cost[i];
            s.outcomes[0] = outcomes[i];
        }
        let rows = by_outcome(&p, None).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].services, vec![0, 1]);
        let (c, o) = (fold(&cost), fold(&outcomes));
        assert_eq!(rows[0].cost[0].serialize(), c.serialize(), "{cost:?}");
        assert_eq!(
            rows[0].outcomes[0].serialize(),
            o.serialize(),
            "{outcomes:?}"
        );
    }
    // A sum beyond the range of exact arithmetic is an error, as before.
    p.services[0].outcomes[0] = Decimal::MAX;
    p.services[1].outcomes[0] = Decimal::MAX;
    assert!(by_outcome(&p, None).is_err());
}
