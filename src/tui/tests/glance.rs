//! The Pools tab's first screen: all pools at a glance, its ranking and
//! its matrix equal `analysis::glance` on the engine's projection.

use super::super::action::Action;
use super::super::app::Tab;
use super::{app, example, render, run};
use crate::analysis::glance::{matrix, pool_figures, Bears, Span};
use crate::report::table::{Cell, Unit};

fn worst_case(w: u16, h: u16) -> super::super::app::App {
    let mut a = app(&example(), w, h);
    let at = a
        .session
        .ids
        .iter()
        .position(|s| s == "worst-case")
        .unwrap();
    a.set_current(at);
    run(&mut a, vec![Action::GoTab(Tab::Pools)]);
    a
}

#[test]
fn glance_snapshots() {
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let a = worst_case(w, h);
        insta::assert_snapshot!(format!("glance_worst_case_{w}x{h}"), render(&a));
    }
    let mut a = worst_case(80, 24);
    run(&mut a, vec![Action::CycleBears, Action::ToggleHorizon]);
    insta::assert_snapshot!("glance_exposure_year_80x24", render(&a));
}

#[test]
fn ranking_and_matrix_are_the_analysis_figures() {
    let mut a = worst_case(200, 50);
    a.unit = Unit::Pounds;
    let p = a.session.projection("worst-case").unwrap().clone();
    let figs = pool_figures(&p, Span::Horizon).unwrap();
    let g = a.derived.glance(true).unwrap().as_ref().unwrap().clone();
    assert_eq!(g.pools, figs);
    // Ranked by overspend, largest first: the top line is the worst pool.
    let worst = figs.iter().max_by_key(|f| f.overspend).unwrap();
    let (order, top) = g.ranked(&a.pools);
    assert_eq!(g.pools[top].id, worst.id);
    assert!(order
        .windows(2)
        .all(|w| figs[w[0]].overspend >= figs[w[1]].overspend));
    for b in [Bears::Contribution, Bears::RiskShare, Bears::Exposure] {
        let m = matrix(&p, Span::Horizon, b).unwrap();
        assert_eq!(g.matrix(b), &m);
        a.pools.bears = b;
        let screen = render(&a);
        for x in m.partner_totals.iter().chain(&m.pool_totals) {
            let shown = Cell::Money(*x).display(Unit::Pounds);
            assert!(screen.contains(&shown), "{shown} not in\n{screen}");
        }
    }
    // The year view follows the year.
    run(&mut a, vec![Action::ToggleHorizon, Action::NextYear]);
    let y = pool_figures(&p, Span::Year(1)).unwrap();
    assert_eq!(a.derived.glance(false).unwrap().as_ref().unwrap().pools, y);
}

#[test]
fn keys_sort_drill_and_return() {
    let mut a = worst_case(120, 40);
    let (_, top) = a
        .derived
        .glance(true)
        .unwrap()
        .as_ref()
        .unwrap()
        .ranked(&a.pools);
    run(&mut a, vec![Action::Enter]);
    assert!(a.pools.detail);
    assert_eq!(a.pool, top);
    let name = a.session.projection("worst-case").unwrap().pools[top]
        .name
        .clone();
    assert!(render(&a).contains(&name));
    run(&mut a, vec![Action::WhoPays]);
    assert!(render(&a).contains("Who pays"));
    run(&mut a, vec![Action::Close, Action::Close]);
    assert!(!a.pools.detail && !a.who_pays);
    // s: next column (closing reserve), then pools by name A→Z.
    run(&mut a, vec![Action::SortNext, Action::SortNext]);
    assert_eq!((a.pools.sort, a.pools.desc), (0, false));
    run(&mut a, vec![Action::Down]);
    let g = a.derived.glance(true).unwrap().as_ref().unwrap();
    let (o, i) = g.ranked(&a.pools);
    assert_eq!((o[1], a.pool), (i, i));
    // `/` finds a pool in the ranking; n the next match.
    let mut acts = vec![Action::Filter];
    acts.extend(super::typed("youth"));
    acts.push(Action::Enter);
    run(&mut a, acts);
    let p = a.session.projection("worst-case").unwrap();
    assert_eq!(p.pools[a.pool].id, "youth-justice");
    let g = a.derived.glance(true).unwrap().as_ref().unwrap();
    assert_eq!(g.ranked(&a.pools).1, a.pool);
}

#[test]
fn the_matrix_scrolls_no_further_than_its_last_column() {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = worst_case(w, h);
        let before = render(&a);
        run(&mut a, (0..40).map(|_| Action::ScrollRight).collect());
        let most = a.pools.left;
        assert!(most < 10, "{w}x{h}: scrolled past the pools: {most}");
        if most == 0 {
            assert_eq!(render(&a), before, "{w}x{h}: everything fits");
            continue;
        }
        let end = render(&a);
        run(&mut a, vec![Action::ScrollLeft]);
        assert_ne!(render(&a), end, "{w}x{h}: one press back moves the view");
    }
}
