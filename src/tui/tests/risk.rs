//! The Risk view (`R`): its figures are `analysis::risk`'s for the current
//! scenario, computed off the draw path (a worker; the sync path in
//! snapshots), with a visible "computing n/N" while the worker runs.

use super::super::action::Action;
use super::super::app::App;
use super::super::fmt::money;
use super::super::risk_worker::RiskState;
use super::{app, example, render, run};
use crate::analysis::risk::{risk, Options, Risk};
use std::collections::HashMap;

fn on_worst_case(w: u16, h: u16, sync: bool) -> App {
    let mut a = app(&example(), w, h);
    a.current = a
        .session
        .ids
        .iter()
        .position(|i| i == "worst-case")
        .unwrap();
    a.risk.sync = sync;
    run(&mut a, vec![Action::Risk]);
    a
}

fn ready(a: &App) -> &Risk {
    match &a.risk.state {
        RiskState::Ready(Ok(r)) => r,
        s => panic!("not ready: {s:?}"),
    }
}

#[test]
fn snapshots_80x24_and_200x50() {
    let a = on_worst_case(80, 24, true);
    insta::assert_snapshot!("risk_80x24", render(&a));
    let a = on_worst_case(200, 50, true);
    insta::assert_snapshot!("risk_200x50", render(&a));
}

#[test]
fn the_figures_are_the_analysis_figures() {
    let a = on_worst_case(200, 50, true);
    let id = "worst-case";
    let b = a.session.budget_of(id).unwrap().clone();
    let s = a.session.scenario(id).unwrap();
    let want = risk(
        &HashMap::from([(b.id.clone(), b)]),
        s,
        &Options::default(),
        &|_| true,
    )
    .unwrap();
    assert_eq!(ready(&a), &want);
    let screen = render(&a);
    assert!(
        screen.contains(&money(&a, want.overspend.at_confidence)),
        "{screen}"
    );
    for p in &want.pools {
        let line = screen
            .lines()
            .find(|l| l.contains(&format!("{} ", p.id)))
            .unwrap();
        assert!(line.contains(&money(&a, p.stat.at_confidence)), "{line}");
    }
}

#[test]
fn the_worker_shows_progress_then_the_figures() {
    let mut a = on_worst_case(120, 40, false);
    assert!(matches!(a.risk.state, RiskState::Computing { total: 2000 }));
    let screen = render(&a);
    assert!(
        screen.contains("computing ") && screen.contains("/2000 draws"),
        "{screen}"
    );
    // Wait for the worker (no time limit is asserted; Tick polls it).
    while matches!(a.risk.state, RiskState::Computing { .. }) {
        std::thread::sleep(std::time::Duration::from_millis(50));
        run(&mut a, vec![Action::Tick]);
    }
    let r = ready(&a).clone();
    let sync = on_worst_case(120, 40, true);
    assert_eq!(&r, ready(&sync));
    // Esc closes the view.
    run(&mut a, vec![Action::Close]);
    assert!(a.popup.is_none());
}

#[test]
fn the_levers_tab_shows_each_range() {
    let a = on_worst_case(120, 40, true);
    let rows = crate::tui::data::levers::rows(&a.session, "worst-case");
    let shown = |label: &str| {
        rows.iter()
            .find(|r| r.label == label)
            .map(|r| (r.value.clone(), r.range.clone()))
            .unwrap()
    };
    let range = |s: [&str; 3]| Some(s.map(String::from));
    assert_eq!(
        shown("pay inflation"),
        ("4.0%".into(), range(["1.5%", "4.0%", "5.5%"]))
    );
    assert_eq!(
        shown("nhs-haringey"),
        ("2.5%".into(), range(["-5.0%", "2.5%", "5.0%"]))
    );
    assert_eq!(shown("deflator"), ("2.5%".into(), None), "no range");
}
