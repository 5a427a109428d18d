//! The Monitor tab's chart of actual to date against the profile (issue
//! 14 item 3): its figures are `analysis::monitor::curve`'s for the
//! selected pool, or the selected service when a pool is open; a chart
//! where there is room, two sparklines with the same figures at 80×24.

use super::super::action::Action;
use super::super::app::{App, Tab};
use super::super::fmt::money;
use super::{app, example, render, run};
use crate::analysis::monitor::curve::{curve, service_curve, Curve};

fn on_monitor(w: u16, h: u16) -> App {
    let mut a = app(&example(), w, h);
    run(&mut a, vec![Action::GoTab(Tab::Monitor)]);
    a
}

/// The curve the analysis gives for pool `pool` (or service `service`).
fn expected(a: &App, pool: usize, service: Option<usize>) -> Curve {
    let id = a.current_id().unwrap();
    let (p, b) = (
        a.session.projection(id).unwrap(),
        a.session.budget_of(id).unwrap(),
    );
    let r = a.derived.monitor.ok().unwrap();
    match service {
        None => curve(b, p, r, Some(&r.pools[pool].id)).unwrap(),
        Some(s) => service_curve(b, p, r, &r.pools[pool].services[s].id).unwrap(),
    }
}

fn assert_figures(a: &App, c: &Curve, screen: &str) {
    let to_date = c.actual.last().unwrap();
    let m = c.actual.len();
    for want in [
        format!("{} to date", money(a, *to_date)),
        format!("{} by", money(a, c.profile[m - 1])),
        format!("budget {}", money(a, c.budget)),
        format!("forecast {}", money(a, c.forecast)),
    ] {
        assert!(screen.contains(&want), "{want} not in\n{screen}");
    }
}

#[test]
fn the_selected_pools_curve_at_120x40() {
    let mut a = on_monitor(120, 40);
    let c = expected(&a, 0, None);
    assert_eq!(a.derived.monitor.curve, Some(Ok(c.clone())));
    let screen = render(&a);
    assert!(screen.contains("actual to date against the profile"));
    assert_figures(&a, &c, &screen);
    // Moving down follows the selection.
    run(&mut a, vec![Action::Down]);
    let c1 = expected(&a, 1, None);
    assert_ne!(c1, c);
    assert_eq!(a.derived.monitor.curve, Some(Ok(c1.clone())));
    assert_figures(&a, &c1, &render(&a));
}

#[test]
fn an_open_pool_charts_the_selected_service() {
    let mut a = on_monitor(200, 50);
    run(&mut a, vec![Action::Down, Action::Enter, Action::Down]);
    let c = expected(&a, 1, Some(1));
    assert_eq!(a.derived.monitor.curve, Some(Ok(c.clone())));
    let screen = render(&a);
    let name = &a.derived.monitor.ok().unwrap().pools[1].services[1].name;
    assert!(
        screen.contains(&format!("{name}: actual to date")),
        "{screen}"
    );
    assert_figures(&a, &c, &screen);
    insta::assert_snapshot!("monitor_chart_service_200x50", screen);
}

#[test]
fn the_chart_sits_beside_the_table_at_200x50() {
    let a = on_monitor(200, 50);
    let screen = render(&a);
    let line = screen.lines().nth(4).unwrap();
    assert!(line.contains("pool") && line.contains("┌"), "{line}");
    insta::assert_snapshot!("monitor_chart_200x50", screen);
}

#[test]
fn at_80x24_sparklines_keep_every_row_of_the_table() {
    let a = on_monitor(80, 24);
    let screen = render(&a);
    let c = expected(&a, 0, None);
    assert_figures(&a, &c, &screen);
    // The pools table keeps its total row; the partners table stays.
    assert!(screen.contains("│total "), "{screen}");
    assert!(screen.contains("council-cs"), "{screen}");
    assert!(screen.contains('▁') || screen.contains('█'), "{screen}");
    insta::assert_snapshot!("monitor_chart_80x24", screen);
}

#[test]
fn an_open_pool_at_80x24_still_shows_the_services_curve() {
    let mut a = on_monitor(80, 24);
    run(&mut a, vec![Action::Down, Action::Enter]);
    let c = expected(&a, 1, Some(0));
    let screen = render(&a);
    assert_figures(&a, &c, &screen);
    insta::assert_snapshot!("monitor_chart_service_80x24", screen);
}
