//! The Monitor tab: its figures are the `MonitorReport`'s, its keys move
//! the method, period and drill-down, and a budget without actuals says so.

use super::super::action::Action;
use super::super::app::{App, Tab};
use super::super::fmt::money;
use super::{app, example, render, run, temp_example};
use crate::analysis::monitor::{monitor, Choice, Method, MonitorReport};
use crate::model::Period;
use rust_decimal::Decimal;

/// The report `poolplan monitor` makes for the app's current scenario.
fn expected(a: &App, choice: &Choice) -> MonitorReport {
    let id = a.current_id().unwrap();
    let p = a.session.projection(id).unwrap();
    let b = a.session.budget_of(id).unwrap();
    monitor(b, p, choice).unwrap()
}

#[test]
fn pool_forecasts_and_risk_shares_are_the_reports() {
    let mut a = app(&example(), 120, 40);
    run(&mut a, vec![Action::GoTab(Tab::Monitor)]);
    let want = expected(&a, &Choice::default());
    let got = a.derived.monitor.ok().expect("a report");
    assert_eq!(got, &want);
    assert!(!want.pools.is_empty() && !want.partners.is_empty());
    let screen = render(&a);
    for p in &want.pools {
        let line = screen
            .lines()
            .find(|l| l.contains(&p.name[..20]))
            .unwrap_or_else(|| panic!("{} missing:\n{screen}", p.name));
        assert!(line.contains(&money(&a, p.forecast)), "{line}");
        assert!(line.contains(&money(&a, p.variance)), "{line}");
        assert!(line.contains(&p.rag.name().to_uppercase()), "{line}");
    }
    for s in &want.partners {
        let line = screen
            .lines()
            .find(|l| l.contains(&format!("│{} ", s.partner)))
            .unwrap_or_else(|| panic!("{} missing:\n{screen}", s.partner));
        assert!(line.contains(&money(&a, s.planned)), "{line}");
        assert!(line.contains(&money(&a, s.forecast)), "{line}");
    }
}

#[test]
fn method_period_and_drill_keys() {
    let mut a = app(&example(), 120, 40);
    run(&mut a, vec![Action::GoTab(Tab::Monitor)]);
    let first = expected(&a, &Choice::default());
    run(&mut a, vec![Action::CycleMethod, Action::PrevYear]);
    let choice = Choice {
        year: Some(first.year),
        period: Period::new(first.period.number() - 1),
        method: Method::Profile,
        ..Choice::default()
    };
    assert_eq!(a.derived.monitor.ok(), Some(&expected(&a, &choice)));
    // The app's year is untouched: `<` moved the period.
    assert_eq!(a.year, 0);
    run(&mut a, vec![Action::Down, Action::Enter]);
    let pool = &first.pools[1];
    let screen = render(&a);
    assert!(
        screen.contains(&format!("{}: services", pool.name)),
        "{screen}"
    );
    assert!(screen.contains(&pool.services[0].name), "{screen}");
    run(&mut a, vec![Action::Close]);
    assert!(!a.derived.monitor.drill);
    assert!(render(&a).contains("Pools: forecast outturn"));
}

#[test]
fn no_actuals_is_said_plainly() {
    let d = temp_example();
    let budgets = d.path().join("budgets");
    for e in std::fs::read_dir(&budgets).unwrap() {
        let _ = std::fs::remove_file(e.unwrap().path().join("actuals.csv"));
    }
    let mut a = app(d.path(), 120, 40);
    run(&mut a, vec![Action::GoTab(Tab::Monitor)]);
    assert!(render(&a).contains("No actuals"), "{}", render(&a));
}

/// At 80 columns the pools are named by id rather than cut, and a change %
/// against a near-zero planned share reads n/a (the change in £ stays).
#[test]
fn at_80_columns_ids_replace_cut_names_and_near_zero_shares_read_na() {
    let mut a = app(&example(), 80, 24);
    run(&mut a, vec![Action::GoTab(Tab::Monitor)]);
    let want = expected(&a, &Choice::default());
    let screen = render(&a);
    for p in &want.pools {
        assert!(
            screen.contains(&format!("│{} ", p.id)),
            "{}:\n{screen}",
            p.id
        );
    }
    assert!(!screen.contains("Early interv"), "{screen}");
    for s in &want.partners {
        let line = screen
            .lines()
            .find(|l| l.contains(&format!("│{} ", s.partner)))
            .unwrap_or_else(|| panic!("{} missing:\n{screen}", s.partner));
        assert!(line.contains(&money(&a, s.variance)), "{line}");
        let tiny = s.variance.abs() > s.planned.abs() * Decimal::TEN;
        assert_eq!(
            line.trim_end_matches('│').ends_with("n/a"),
            tiny || s.planned.is_zero(),
            "{line}"
        );
    }
}
