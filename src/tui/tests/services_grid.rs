//! The Services tab on the shared grid (issue 18 item 6): sort by any
//! column, `/` filter with n/N, sideways scroll, columns sized to content,
//! and a total row that is the engine's figure (cost; volume and outcomes
//! only where the rows count the same thing).

use super::super::action::Action;
use super::super::app::Tab;
use super::super::data::services::{rows, total, COLUMNS};
use super::{app, example, render, run, typed};
use rust_decimal::Decimal;

fn on_services(w: u16, h: u16) -> super::super::app::App {
    let mut a = app(&example(), w, h);
    run(
        &mut a,
        vec![Action::NextScenario, Action::GoTab(Tab::Services)],
    );
    a
}

fn filter(a: &mut super::super::app::App, text: &str) {
    let mut acts = vec![Action::Filter];
    acts.extend(typed(text));
    acts.push(Action::Enter);
    run(a, acts);
}

/// The service column of the drawn table, top to bottom (cut where the
/// header's second column starts).
fn names(screen: &str) -> Vec<String> {
    let head = screen.lines().nth(3).unwrap();
    let w = head[..head.find("provider").unwrap()].chars().count();
    screen
        .lines()
        .skip(4)
        .filter(|l| l.starts_with("│▶ ") || l.starts_with("│  "))
        .map(|l| l.chars().skip(3).take(w - 3).collect::<String>())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn sort_by_cost_puts_the_engines_largest_cost_first() {
    let mut a = on_services(200, 50);
    // Column 4 is cost: a figure, so largest first.
    run(&mut a, (0..4).map(|_| Action::SortNext).collect());
    assert_eq!((a.services.sort, a.services.desc), (4, true));
    let p = a.session.projection("central").unwrap();
    let mut want: Vec<(Decimal, String)> = p
        .services
        .iter()
        .filter(|s| s.runs[0])
        .map(|s| (s.cost[0], s.name.clone()))
        .collect();
    want.sort_by_key(|x| std::cmp::Reverse(x.0));
    let shown = names(&render(&a));
    assert_eq!(shown.len(), want.len());
    for (s, w) in shown.iter().zip(&want) {
        assert!(w.1.starts_with(s.trim_end_matches('…')), "{s} vs {}", w.1);
    }
    assert!(render(&a).contains("cost▼"));
    // S reverses: the smallest first.
    run(&mut a, vec![Action::SortReverse]);
    let first = names(&render(&a))[0].clone();
    assert!(want
        .last()
        .unwrap()
        .1
        .starts_with(first.trim_end_matches('…')));
    // A text column sorts A to Z.
    run(&mut a, (0..3).map(|_| Action::SortNext).collect());
    assert_eq!(COLUMNS[a.services.sort], "unit");
    assert!(!a.services.desc);
}

#[test]
fn unfiltered_total_is_the_engines_service_cost() {
    let a = on_services(200, 50);
    let p = a.session.projection("central").unwrap();
    let list = rows(p, 0, "", 0, false);
    let t = total(p, 0, &list, true).unwrap();
    assert_eq!(t.cost, p.totals.service_cost[0]);
    // The same as the sum of the rows (nothing runs unshown).
    let sum: Decimal = list.iter().map(|r| r.line.cost[0]).sum();
    assert_eq!(t.cost, sum);
    // Many units and outcome measures: neither is summed.
    assert_eq!((t.volume, t.outcomes), (None, None));
    let screen = render(&a);
    let row = screen.lines().find(|l| l.contains("Σ total")).unwrap();
    let shown = crate::report::table::Cell::Money(t.cost).display(a.unit);
    assert!(row.contains(&shown) && row.contains("mixed"), "{row}");
}

#[test]
fn a_pools_filter_totals_to_the_pools_service_cost() {
    let mut a = on_services(200, 50);
    filter(&mut a, "youth-justice");
    let p = a.session.projection("central").unwrap();
    let pool = p.pools.iter().find(|l| l.id == "youth-justice").unwrap();
    let list = rows(p, 0, "youth-justice", 0, false);
    assert!(list.iter().all(|r| r.line.pool == "youth-justice"));
    let n = p
        .services
        .iter()
        .filter(|s| s.pool == "youth-justice" && s.runs[0])
        .count();
    assert_eq!(list.len(), n);
    let t = total(p, 0, &list, false).unwrap();
    // The pool's spend is its services' cost less its savings (engine).
    assert_eq!(t.cost, pool.spend[0] + pool.saving[0]);
    let screen = render(&a);
    assert!(screen.contains(&format!("{n} running")), "{screen}");
    assert_eq!(names(&screen).len(), n);
    // n and N step through the filtered rows only.
    run(
        &mut a,
        vec![Action::FindNext, Action::FindNext, Action::FindNext],
    );
    assert_eq!(a.services.selected, n - 1);
    run(&mut a, vec![Action::FindPrev]);
    assert_eq!(a.services.selected, n - 2);
}

#[test]
fn one_unit_sums_volume_and_outcomes() {
    let mut a = on_services(200, 50);
    filter(&mut a, "fostering");
    let p = a.session.projection("central").unwrap();
    let list = rows(p, 0, "fostering", 0, false);
    let t = total(p, 0, &list, false).unwrap();
    let (unit, v) = t.volume.clone().unwrap();
    assert_eq!(unit, "placement-week");
    assert_eq!(v, list.iter().map(|r| r.line.volume[0]).sum::<Decimal>());
    let (measure, o) = t.outcomes.clone().unwrap();
    assert_eq!(measure, "stable-placement");
    assert_eq!(o, list.iter().map(|r| r.line.outcomes[0]).sum::<Decimal>());
    insta::assert_snapshot!("services_fostering_200x50", render(&a));
}

#[test]
fn scrolls_sideways_keeping_the_service_column() {
    let mut a = on_services(80, 24);
    let before = render(&a);
    assert!(!before.contains("safeguarding-"), "{before}");
    run(&mut a, (0..20).map(|_| Action::ScrollRight).collect());
    let most = a.services.left;
    run(&mut a, vec![Action::ScrollRight]);
    assert_eq!(a.services.left, most, "stops once the last column shows");
    let after = render(&a);
    assert!(
        after.contains("safeguarding-") && after.contains("category"),
        "{after}"
    );
    assert!(after.contains("service▲") && after.contains("◀"), "{after}");
    insta::assert_snapshot!("services_scrolled_80x24", after);
    // Every press moves the view: one back shows another column.
    run(&mut a, vec![Action::ScrollLeft]);
    assert_ne!(render(&a), after);
    run(&mut a, (0..20).map(|_| Action::ScrollLeft).collect());
    assert_eq!(render(&a), before);
}

#[test]
fn clicking_a_header_sorts_by_it() {
    let mut a = on_services(200, 50);
    let screen = render(&a);
    let head = screen.lines().nth(3).unwrap();
    let col = head.find("volume").unwrap();
    let x = head[..col].chars().count() as u16;
    run(&mut a, vec![Action::Click(x, 3)]);
    assert_eq!(
        (COLUMNS[a.services.sort], a.services.desc),
        ("volume", true)
    );
    run(&mut a, vec![Action::Click(x, 3)]);
    assert!(!a.services.desc, "a second click reverses");
}
