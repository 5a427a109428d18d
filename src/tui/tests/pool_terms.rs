//! Pools detail: the §10 terms (opening reserve, agreement offsets, cap
//! excess borne by the host) from the engine's `PoolLine`; Services
//! detail: the years schedules.csv fixes are marked as scheduled.

use super::super::action::Action;
use super::super::app::Tab;
use super::super::fmt::money;
use super::{app, example, render, run};

/// The cells after `label` on the last screen line that has it.
fn cells(screen: &str, label: &str) -> Vec<String> {
    let line = screen
        .lines()
        .rfind(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no {label:?}:\n{screen}"));
    let at = line.find(label).unwrap() + label.len();
    line[at..]
        .split(['│', ' '])
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn early_help_shows_its_offsets_and_the_capped_share_above_its_cap() {
    let mut a = app(&example(), 120, 40);
    a.pools.detail = true; // one pool's detail, not the glance
    run(&mut a, vec![Action::GoTab(Tab::Pools)]);
    let screen = render(&a);
    let p = a.session.projection(a.current_id().unwrap()).unwrap();
    let pool = &p.pools[a.pool];
    assert_eq!(pool.id, "early-help");
    assert!(screen.contains("offsets: childrens-trust"), "{screen}");
    let received: Vec<String> = pool
        .offset
        .iter()
        .map(|o| money(&a, o.max(&rust_decimal::Decimal::ZERO).to_owned()))
        .collect();
    assert_eq!(cells(&screen, "  received")[..3], received[..], "{screen}");
    let capped = pool
        .cap_excess
        .iter()
        .find(|x| x.values.iter().any(|v| !v.is_zero()));
    if let Some(x) = capped {
        assert!(screen.contains("above cap → council-cs"), "{screen}");
        let want: Vec<String> = x.values.iter().map(|v| money(&a, *v)).collect();
        assert_eq!(cells(&screen, &format!("  {}", x.partner))[..3], want[..]);
    }
    insta::assert_snapshot!("pool_terms_early_help_120x40", screen);
}

#[test]
fn a_scheduled_year_is_marked_in_the_service_detail() {
    let mut a = app(&example(), 120, 40);
    run(
        &mut a,
        vec![
            Action::GoTab(Tab::Services),
            Action::Filter,
            Action::Char('r'),
            Action::Char('i'),
            Action::Char('v'),
            Action::Char('e'),
            Action::Char('r'),
            Action::Enter,
            Action::Enter,
        ],
    );
    let screen = render(&a);
    assert!(screen.contains("rc-riverside"), "{screen}");
    // 2009-10 follows the formulas; 2010-11 and 2011-12 are contracted.
    assert_eq!(
        cells(&screen, "schedules.csv"),
        ["scheduled", "scheduled"],
        "{screen}"
    );
}
