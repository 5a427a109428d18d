//! Bridges of the overspend and of exposure, hand-worked on a one-pool
//! budget: the steps' notes say why the measure moved differently from the gap.

use super::*;
use crate::analysis::fixture::*;
use crate::model::{Cap, LeverKind, Op, RiskCap, Underspend};
use rust_decimal_macros::dec;

fn volume(by: Decimal) -> LeverKind {
    LeverKind::Volume {
        service: "s1".into(),
        op: Op::By(by),
        reduces: None,
    }
}

/// £100 × `units` a year; contributions a 1,000 + b 500 = 1,500 a year.
fn one_pool(units: Decimal, underspend: Underspend) -> Budget {
    let mut b = budget(vec![svc("s1", "res", "x", dec!(100), units)]);
    b.pools[0].underspend = underspend;
    b
}

fn with(lever: LeverKind, from: usize) -> Scenario {
    let mut s = flat("b");
    s.levers.push(super::super::fixture::lever(lever, from));
    s
}

#[test]
fn a_saving_in_a_returning_pool_moves_the_gap_not_the_overspend() {
    // Spend 1,000 against 1,500: the 500 is returned each year. Two units
    // fewer from 2010-11 save 200 in each of two years.
    let b = one_pool(dec!(10), Underspend::Return);
    let r = bridge_of(
        &b,
        &flat("a"),
        &with(volume(dec!(-2)), 1),
        &Measure::Overspend,
    )
    .unwrap();
    assert_eq!((r.start, r.end), (dec!(0), dec!(0)));
    let s = r.steps.last().unwrap();
    assert_eq!((s.change, s.gap_change), (dec!(0), dec!(-400)));
    assert_eq!(
        s.note.as_deref(),
        Some("the gap moves -400 but the overspend 0: underspend returned to partners +400 (p, which returns underspends to its partners)")
    );
    // Pay and price (unchanged) move nothing: no note.
    assert!(r.steps[0].note.is_none());
    // b's third of the refunds: 166.67 of 500, then 233.33 of 700 (pennies by largest remainder), in two years.
    let e = bridge_of(
        &b,
        &flat("a"),
        &with(volume(dec!(-2)), 1),
        &Measure::Exposure(Some("b".into())),
    )
    .unwrap();
    let s = e.steps.last().unwrap();
    assert_eq!(s.change, dec!(-133.32));
    let note = s.note.as_deref().unwrap();
    assert!(
        note.contains("underspend returned to it +133.32 (exposure -133.32)"),
        "{note}"
    );
}

#[test]
fn a_saving_in_a_carry_forward_pool_goes_to_reserve() {
    // 20 units: spend 2,000 against 1,500, overspend 500 a year. Ten fewer
    // from the base year: spend 1,000, underspend 500 a year carried.
    let b = one_pool(dec!(20), Underspend::CarryForward);
    let r = bridge_of(
        &b,
        &flat("a"),
        &with(volume(dec!(-10)), 0),
        &Measure::Overspend,
    )
    .unwrap();
    assert_eq!((r.start, r.end), (dec!(1500), dec!(0)));
    let s = r.steps.last().unwrap();
    assert_eq!((s.change, s.gap_change), (dec!(-1500), dec!(-3000)));
    assert_eq!(
        s.note.as_deref(),
        Some("the gap moves -3,000 but the overspend -1,500: carried forward in reserve: closing reserve +1,500 (p)")
    );
    // Every partner's exposure: contributions unchanged, so only the reserve.
    let e = bridge_of(
        &b,
        &flat("a"),
        &with(volume(dec!(-10)), 0),
        &Measure::Exposure(None),
    )
    .unwrap();
    assert_eq!(e.end - e.start, dec!(-1500));
    let note = e.steps.last().unwrap().note.clone().unwrap();
    assert!(
        note.contains("carried forward in reserve: closing reserve +1,500"),
        "{note}"
    );
}

#[test]
fn a_cap_passes_the_excess_to_the_host() {
    // Ten more units: spend 2,000, overspend 500 a year; b's pro-rata third
    // 166.67 capped at 100: 66.67 a year (200.01) passes to the host a.
    let mut b = one_pool(dec!(10), Underspend::CarryForward);
    b.risk_caps.push(RiskCap {
        pool: "p".into(),
        partner: "b".into(),
        cap: Cap::Money(dec!(100)),
    });
    let bb = with(volume(dec!(10)), 0);
    let e = bridge_of(&b, &flat("a"), &bb, &Measure::Exposure(Some("b".into()))).unwrap();
    let s = e.steps.last().unwrap();
    assert_eq!(s.change, dec!(300));
    let note = s.note.clone().unwrap();
    assert!(note.contains("its share of overspends +300"), "{note}");
    assert!(
        note.contains("capped: +200.01 above its cap, borne by the host"),
        "{note}"
    );
    let h = bridge_of(&b, &flat("a"), &bb, &Measure::Exposure(Some("a".into()))).unwrap();
    let note = h.steps.last().unwrap().note.clone().unwrap();
    assert!(
        note.contains("as host it bears +200.01 of other partners' excess"),
        "{note}"
    );
    assert_eq!(h.end - h.start, dec!(1200));
}

#[test]
fn an_unknown_partner_is_an_error_naming_the_partners() {
    let b = one_pool(dec!(10), Underspend::Return);
    let e = bridge_of(
        &b,
        &flat("a"),
        &flat("b"),
        &Measure::Exposure(Some("zz".into())),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "no partner \"zz\" in the budget; the partners are: a, b"
    );
}

#[test]
fn the_gap_from_pool_accounts_equals_the_headline_gap() {
    let (budget, scenarios) = example();
    for s in &scenarios {
        let p = crate::engine::project(&budget, s).unwrap();
        assert_eq!(
            measure::gap(&p.pools).unwrap(),
            crate::analysis::cumulative_gap(&p).unwrap()
        );
    }
}

#[test]
fn the_example_workforce_levers_move_the_gap_but_not_the_overspend() {
    let (budget, scenarios) = example();
    let a = example_scenario(&scenarios, "baseline");
    let b = example_scenario(&scenarios, "workforce");
    let r = bridge_of(&budget, &a, &b, &Measure::Overspend).unwrap();
    let levers = &r.steps[2..];
    let gap: Decimal = levers.iter().map(|s| s.gap_change).sum();
    assert_eq!(gap, dec!(-264441.46));
    assert!(levers.iter().all(|s| s.change.is_zero()));
    for s in levers.iter().filter(|s| !s.gap_change.is_zero()) {
        let n = s.note.as_deref().unwrap();
        assert!(
            n.contains("underspend returned to partners")
                && n.contains("(workforce, which returns"),
            "{n}"
        );
    }
}
