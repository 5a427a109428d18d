//! The forecast risk share under the plan's §10 terms: a binding cap and an
//! offset between two pools of one agreement.

use super::*;
use crate::analysis::fixture::{budget, flat, svc};
use crate::model::{Cap, Contribution, Pool, RiskCap};
use rust_decimal_macros::dec;

fn shares(r: &MonitorReport, pool: usize) -> Vec<(&str, Decimal, Decimal)> {
    r.pools[pool]
        .shares
        .iter()
        .map(|s| (s.partner.as_str(), s.planned, s.forecast))
        .collect()
}

#[test]
fn a_binding_cap_passes_the_excess_to_the_host() {
    // Plan: 1,500 in, 1,200 out: underspend, no shares. By March 2,100 spent:
    // forecast overspend 600, 2:1 → a 400, b 200; b is capped at 100, so a bears 500.
    let mut b = budget(vec![s1()]);
    b.risk_caps = vec![RiskCap {
        pool: "p".into(),
        partner: "b".into(),
        cap: Cap::Money(dec!(100)),
    }];
    b.monitoring.actuals = vec![actual("s1", 2009, 12, dec!(2100))];
    let r = run(&b, &flat("s"), Choice::default());
    assert_eq!(r.pools[0].overspend, dec!(600));
    assert_eq!(
        shares(&r, 0),
        vec![("a", dec!(0), dec!(500)), ("b", dec!(0), dec!(100))]
    );
}

#[test]
fn two_pools_of_one_agreement_offset_their_forecast_balances() {
    // Pool q (host b, 600 from b) runs s2 at 600. By March p is forecast at
    // 1,800 (300 over), q at 400 (200 under): 200 moves from q to p, and p's
    // 100 left splits 2:1 → a 66.67, b 33.33; q is left with nothing to carry.
    let mut s2 = svc("s2", "care", "y", dec!(50), dec!(12));
    s2.pool = "q".into();
    let mut b = budget(vec![s1(), s2]);
    b.pools[0].agreement = Some("s75".into());
    let mut q: Pool = b.pools[0].clone();
    q.id = "q".into();
    q.host = "b".into();
    b.pools.push(q);
    b.contributions.push(Contribution {
        pool: "q".into(),
        partner: "b".into(),
        year: Year(2009),
        amount: dec!(600),
        note: String::new(),
    });
    b.monitoring.actuals = vec![
        actual("s1", 2009, 12, dec!(1800)),
        actual("s2", 2009, 12, dec!(400)),
    ];
    let r = run(&b, &flat("s"), Choice::default());
    let (p, q) = (&r.pools[0], &r.pools[1]);
    assert_eq!(
        (p.forecast_balance, q.forecast_balance),
        (dec!(-300), dec!(200))
    );
    assert_eq!((p.offset, q.offset), (dec!(200), dec!(-200)));
    assert_eq!(
        (p.overspend, q.overspend, q.carry_out),
        (dec!(100), dec!(0), dec!(0))
    );
    assert_eq!(
        shares(&r, 0),
        vec![("a", dec!(0), dec!(66.67)), ("b", dec!(0), dec!(33.33))]
    );
    assert!(q.shares.is_empty());
    assert_eq!(r.total.forecast, dec!(2200));
}
