//! Pools `b`: who pays, who benefits, read from `analysis::who_pays`.

use super::super::action::Action;
use super::super::app::Tab;
use super::{app, example, render, run};
use crate::analysis::who_pays::{shares, who_pays};
use crate::report::table::{Cell, Unit};

#[test]
fn early_help_who_pays_120x40() {
    let mut a = app(&example(), 120, 40);
    a.pools.detail = true; // one pool's detail, not the glance
    run(&mut a, vec![Action::GoTab(Tab::Pools), Action::WhoPays]);
    let p = a.session.projection(a.current_id().unwrap()).unwrap();
    assert_eq!(p.pools[a.pool].id, "early-help");
    let screen = render(&a);
    assert!(screen.contains("Gains most:"), "{screen}");
    insta::assert_snapshot!("who_pays_early_help_120x40", screen);
    // `b` again: back to the account.
    run(&mut a, vec![Action::WhoPays]);
    assert!(!render(&a).contains("Who pays"));
    // At 80×24 the pool's table and its headline still show, figures whole.
    let mut a = app(&example(), 80, 24);
    a.pools.detail = true; // one pool's detail, not the glance
    run(&mut a, vec![Action::GoTab(Tab::Pools), Action::WhoPays]);
    let screen = render(&a);
    assert!(screen.contains("Gains most: dwp"), "{screen}");
    assert!(screen.contains("│dwp (outside)"), "{screen}");
    // The title is whole at 80 columns: the pool's full name, and that the
    // figures are cash only.
    assert!(
        screen.contains(
            "┌ Early intervention and family support: who pays, who benefits (£000, cash) ─"
        ),
        "{screen}"
    );
}

#[test]
fn figures_are_analysis_who_pays() {
    let mut a = app(&example(), 120, 40);
    a.pools.detail = true;
    run(
        &mut a,
        vec![
            Action::NextScenario,
            Action::GoTab(Tab::Pools),
            Action::WhoPays,
        ],
    );
    let p = a
        .session
        .projection(a.current_id().unwrap())
        .unwrap()
        .clone();
    let want_all = who_pays(&p, None).unwrap();
    let want_pool = who_pays(&p, Some("early-help")).unwrap();
    let (got_all, got_sh) = a.derived.who_pays.clone().unwrap();
    assert_eq!(got_all, want_all);
    assert_eq!(got_sh, shares(&want_all));
    let (got_pool, _) = a.derived.who_pays_pools[0].clone().unwrap();
    assert_eq!(got_pool, want_pool);
    assert!(want_pool.iter().any(|r| !r.receives.is_zero()));
    // The screen shows them: cash to the pound, present values in £000.
    a.unit = Unit::Pounds;
    let screen = render(&a);
    assert!(screen.contains("no room for PV"), "{screen}");
    for r in want_pool.iter().chain(&want_all) {
        for x in [r.pays, r.receives, r.cashable, r.net] {
            let shown = Cell::Money(x).display(Unit::Pounds);
            assert!(
                screen.contains(&shown),
                "{shown} ({}) not in\n{screen}",
                r.id
            );
        }
    }
    a.unit = Unit::Thousands;
    let screen = render(&a);
    for r in want_pool.iter().chain(&want_all) {
        let shown = format!(" {}", Cell::Money(r.pv_net).display(Unit::Thousands));
        assert!(
            screen.contains(&shown),
            "{shown} ({}) not in\n{screen}",
            r.id
        );
    }
    // Another scenario recomputes them.
    run(&mut a, vec![Action::NextScenario]);
    let q = a.session.projection(a.current_id().unwrap()).unwrap();
    assert_eq!(
        a.derived.who_pays.clone().unwrap().0,
        who_pays(q, None).unwrap()
    );
}

#[test]
fn services_cost_per_outcome_by_measure() {
    use crate::analysis::outcome_costs::by_outcome;
    let mut a = app(&example(), 120, 40);
    run(
        &mut a,
        vec![Action::GoTab(Tab::Services), Action::ByOutcome],
    );
    let p = a.session.projection(a.current_id().unwrap()).unwrap();
    let want = by_outcome(p, None).unwrap();
    assert!(want.len() > 1);
    assert_eq!(a.derived.outcome_costs.clone().unwrap().0, want);
    let screen = render(&a);
    assert!(screen.contains("all outcomes added together"), "{screen}");
    for o in &want {
        let c = o.total_cost_per_outcome.unwrap();
        let shown = Cell::Qty(crate::model::round_dp(c, 2), 0).display(Unit::Pounds);
        assert!(
            screen.contains(&shown),
            "{shown} ({}) not in\n{screen}",
            o.outcome
        );
    }
    insta::assert_snapshot!("services_by_outcome_120x40", screen);
}
