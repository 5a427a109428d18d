//! The Providers table: `analysis::providers` lines across and within
//! sector, category filter, find, sort, drill into a provider.

use super::super::action::Action;
use super::super::app::Tab;
use super::{app, example, render, run, typed};
use crate::analysis::providers::{compare_providers, drill::provider_drill};
use crate::report::table::{Cell, Unit};

#[test]
fn fostering_across_and_within_sector() {
    let mut a = app(&example(), 200, 50);
    a.unit = Unit::Pounds;
    run(&mut a, vec![Action::GoTab(Tab::Providers)]);
    insta::assert_snapshot!("providers_all_200x50", render(&a));
    let id = a.current_id().unwrap().to_string();
    let p = a.session.projection(&id).unwrap().clone();
    let b = a.session.budget_of(&id).unwrap().clone();
    let cats = compare_providers(&b, &p, a.year, None).unwrap();
    let k = cats.iter().position(|c| c.category == "fostering").unwrap();
    run(&mut a, (0..=k).map(|_| Action::CycleCategory).collect());
    let screen = render(&a);
    let c = &cats[k];
    for l in &c.lines {
        let cost = Cell::Money(l.cost).display(Unit::Pounds);
        let line = screen.lines().find(|x| x.contains(&cost)).unwrap();
        for x in [l.saving_at_median, l.sector_saving_at_median, l.cost] {
            let shown = Cell::Money(x).display(Unit::Pounds);
            assert!(line.contains(&shown), "{shown} not in {line}");
        }
        assert!(
            line.contains(&l.sector) && line.contains(&l.provider_name[..12]),
            "{line}"
        );
    }
    let tot = Cell::Money(c.saving_at_median).display(Unit::Pounds);
    let within = Cell::Money(c.sector_saving_at_median).display(Unit::Pounds);
    let total = screen.lines().find(|x| x.contains("Σ total")).unwrap();
    assert!(total.contains(&tot) && total.contains(&within), "{total}");
    insta::assert_snapshot!("providers_fostering_200x50", screen);
    // Sort by unit cost (column 6 of the key cycle), largest first.
    run(&mut a, (0..6).map(|_| Action::SortNext).collect());
    assert_eq!(a.providers_view.sort, 6);
    // Find a provider, drill into it: its lines equal provider_drill.
    let mut acts = vec![Action::Filter];
    acts.extend(typed("independent"));
    acts.extend([Action::Enter, Action::Enter]);
    run(&mut a, acts);
    let want = a.providers_view.drill.clone().expect("drilled");
    let d = provider_drill(&b, &p, &want).unwrap();
    assert_eq!(a.derived.providers_extra.drill.clone().unwrap().unwrap(), d);
    let screen = render(&a);
    assert!(screen.contains(&d.name), "{screen}");
    run(&mut a, vec![Action::Close]);
    assert!(a.providers_view.drill.is_none());
}

#[test]
fn providers_80x24() {
    let mut a = app(&example(), 80, 24);
    run(&mut a, vec![Action::GoTab(Tab::Providers)]);
    insta::assert_snapshot!("providers_all_80x24", render(&a));
    run(&mut a, vec![Action::CycleCategory, Action::Enter]);
    insta::assert_snapshot!("providers_drill_80x24", render(&a));
}

#[test]
fn scrolling_right_stops_at_the_last_column() {
    let mut a = app(&example(), 80, 24);
    run(&mut a, vec![Action::GoTab(Tab::Providers)]);
    run(&mut a, (0..40).map(|_| Action::ScrollRight).collect());
    let most = a.providers_view.left;
    assert!(most < 20, "scrolled past the columns: {most}");
    let end = render(&a);
    // One press back shows another column at once (before, `}` kept
    // counting past the last column and `{` had to undo every extra press).
    run(&mut a, vec![Action::ScrollLeft]);
    assert_eq!(a.providers_view.left, most - 1);
    assert_ne!(render(&a), end);
}
