//! Hand-worked settlements (SPEC §10.4 caps, §10.5 offsets). Figures are
//! worked in the comments.

use super::*;
use crate::engine::tests::{budget, contrib, partner};
use crate::engine::ContributionLine;
use crate::model::{Pool, RiskCap};
use rust_decimal_macros::dec;

fn line(pool: &str, partner: &str, values: &[Decimal]) -> ContributionLine {
    ContributionLine {
        pool: pool.into(),
        partner: partner.into(),
        values: values.to_vec(),
    }
}

fn pool(id: &str, host: &str, under: Underspend, agreement: Option<&str>) -> Pool {
    Pool {
        id: id.into(),
        name: id.into(),
        host: host.into(),
        basis: "s75",
        risk_share: RiskRule::ProRata,
        underspend: under,
        opening_reserve: Decimal::ZERO,
        agreement: agreement.map(str::to_string),
    }
}

/// Pool p hosted by h; h, a, b put in 100, 300, 600.
fn capped() -> (Budget, Vec<ContributionLine>) {
    let mut b = budget();
    b.partners = vec![partner("h"), partner("a"), partner("b")];
    b.pools = vec![pool("p", "h", Underspend::Return, None)];
    b.contributions = vec![];
    b.risk_caps = vec![
        RiskCap {
            pool: "p".into(),
            partner: "a".into(),
            cap: Cap::Money(dec!(20)),
        },
        RiskCap {
            pool: "p".into(),
            partner: "b".into(),
            cap: Cap::Share(dec!(0.05)),
        },
    ];
    let lines = vec![
        line("p", "h", &[dec!(100)]),
        line("p", "a", &[dec!(300)]),
        line("p", "b", &[dec!(600)]),
    ];
    (b, lines)
}

#[test]
fn money_and_percentage_caps_pass_the_excess_to_the_host() {
    // Overspend 100.00 split 1:3:6 → h 10, a 30, b 60.
    // a's cap £20 → excess 10; b's cap 5% of its 600 = 30 → excess 30.
    // The host bears 10 + 10 + 30 = 50. Shares still sum to 100.
    let (b, lines) = capped();
    let st = Settler::new(&b, &lines, &[]);
    assert_eq!(st.sharers(0), ["h", "a", "b"]);
    let s = &st.settle_year(0, &[dec!(-100.00)]).unwrap()[0];
    assert_eq!(s.overspend, dec!(100.00));
    assert_eq!(s.shares, vec![dec!(50.00), dec!(20), dec!(30)]);
    assert_eq!(s.cap_excess, vec![dec!(0), dec!(10.00), dec!(30.00)]);
    assert_eq!(s.shares.iter().copied().sum::<Decimal>(), dec!(100.00));
}

#[test]
fn caps_never_touch_refunds() {
    // A returned underspend of 100.00 is refunded 1:3:6 whatever the caps.
    let (b, lines) = capped();
    let s = &Settler::new(&b, &lines, &[])
        .settle_year(0, &[dec!(100.00)])
        .unwrap()[0];
    assert_eq!(s.shares, vec![dec!(-10.00), dec!(-30.00), dec!(-60.00)]);
    assert_eq!(s.cap_excess, vec![dec!(0); 3]);
    assert_eq!(s.carry_out, dec!(0));
}

#[test]
fn a_partner_without_a_contribution_has_a_percentage_limit_of_zero() {
    // Agreed 50:50 between h and a; a gives nothing and is capped at 100%
    // of its contribution: limit 0, so the host bears all 80.00.
    let (mut b, _) = capped();
    b.pools[0].risk_share = RiskRule::Agreed;
    b.risk_shares = ["h", "a"]
        .iter()
        .map(|p| crate::model::RiskShare {
            pool: "p".into(),
            partner: p.to_string(),
            share: dec!(0.5),
        })
        .collect();
    b.risk_caps[0].cap = Cap::Share(dec!(1));
    let lines = vec![line("p", "h", &[dec!(100)])];
    let s = &Settler::new(&b, &lines, &[])
        .settle_year(0, &[dec!(-80.00)])
        .unwrap()[0];
    assert_eq!(s.shares, vec![dec!(80.00), dec!(0)]);
    assert_eq!(s.cap_excess, vec![dec!(0), dec!(40.00)]);
}

/// Pools x, y (carry forward), z (return) under agreement "s75", and w alone;
/// each hosted by h with h and a putting in equal amounts.
fn agreement() -> (Budget, Vec<ContributionLine>) {
    let mut b = budget();
    b.partners = vec![partner("h"), partner("a")];
    b.pools = vec![
        pool("x", "h", Underspend::CarryForward, Some("s75")),
        pool("y", "h", Underspend::CarryForward, Some("s75")),
        pool("w", "h", Underspend::CarryForward, None),
        pool("z", "h", Underspend::Return, Some("s75")),
    ];
    b.contributions = vec![contrib("x", "h", 2009, dec!(1))];
    let mut lines = vec![];
    for p in ["x", "y", "w", "z"] {
        lines.push(line(p, "h", &[dec!(100)]));
        lines.push(line(p, "a", &[dec!(100)]));
    }
    (b, lines)
}

#[test]
fn three_pool_offset_with_a_penny_tie_then_carry_and_return() {
    // x overspends 0.01; y and z underspend 10.00 each; w (no agreement) −5.
    // X = min(0.01, 20.00) = 0.01, taken 10:10 → 0.005 each, truncated 0 and 0,
    // the penny to the first listed (y). x +0.01, y −0.01, z 0.
    // Then: x balanced; y carries 9.99; z returns 10.00 (5.00 each);
    // w shares its own 5.00 (2.50 each), untouched by the agreement.
    let (b, lines) = agreement();
    let st = Settler::new(&b, &lines, &[]);
    let s = st
        .settle_year(0, &[dec!(-0.01), dec!(10.00), dec!(-5.00), dec!(10.00)])
        .unwrap();
    let offsets: Vec<Decimal> = s.iter().map(|p| p.offset).collect();
    assert_eq!(offsets, vec![dec!(0.01), dec!(-0.01), dec!(0), dec!(0)]);
    assert_eq!(offsets.iter().copied().sum::<Decimal>(), Decimal::ZERO);
    assert_eq!((s[0].overspend, s[0].carry_out), (dec!(0), dec!(0)));
    assert_eq!(s[0].shares, vec![dec!(0), dec!(0)]);
    assert_eq!(s[1].carry_out, dec!(9.99));
    assert_eq!(s[3].shares, vec![dec!(-5.00), dec!(-5.00)]);
    assert_eq!(s[2].overspend, dec!(5.00));
    assert_eq!(s[2].shares, vec![dec!(2.50), dec!(2.50)]);
}

#[test]
fn an_offset_that_does_not_cover_the_overspend() {
    // x −30.00, y +10.00, z +5.00: X = 15.00, credited to x; x still
    // overspends 15.00, shared 7.50 each; y and z have nothing left.
    let (b, lines) = agreement();
    let st = Settler::new(&b, &lines, &[]);
    let s = st
        .settle_year(0, &[dec!(-30.00), dec!(10.00), dec!(0), dec!(5.00)])
        .unwrap();
    assert_eq!(s[0].offset, dec!(15.00));
    assert_eq!(s[1].offset, dec!(-10.00));
    assert_eq!(s[3].offset, dec!(-5.00));
    assert_eq!(s[0].overspend, dec!(15.00));
    assert_eq!(s[0].shares, vec![dec!(7.50), dec!(7.50)]);
    assert_eq!(
        (s[1].carry_out, s[3].shares.clone()),
        (dec!(0), vec![dec!(0), dec!(0)])
    );
}
