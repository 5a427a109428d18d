//! A rate given by year (SPEC §10.1) on the Levers tab: a row per year;
//! `+`/`-` and Enter on one year, `y` adds a year, `d` removes one; saved
//! through the usual path with the file's comments kept.

use super::super::action::Action;
use super::super::app::{App, Tab};
use super::super::data::levers::{rows, RowKind};
use super::super::edge;
use super::{app, render, run, temp_example, typed};

fn workforce(root: &std::path::Path) -> App {
    let mut a = app(root, 120, 40);
    let at = a.session.ids.iter().position(|s| s == "workforce").unwrap();
    a.set_current(at);
    run(&mut a, vec![Action::GoTab(Tab::Levers), Action::Top]);
    a
}

/// Select the row of `[table] key` year `year` (or the key's own row).
fn select(a: &mut App, key: &str, year: Option<&str>) {
    let all = rows(&a.session, "workforce");
    a.lever_row = all
        .iter()
        .position(|r| match (&r.kind, year) {
            (
                RowKind::YearEntry {
                    key: k, year: y, ..
                },
                Some(want),
            ) => k == key && y.to_string() == want,
            (k, None) => k.table_key().is_some_and(|t| t.1 == key),
            _ => false,
        })
        .unwrap_or_else(|| panic!("no row {key} {year:?}"));
}

fn text(a: &App) -> String {
    a.session.text("workforce").unwrap().to_string()
}

#[test]
fn a_year_table_is_a_row_per_year_and_the_heading_is_not_nudged() {
    let d = temp_example();
    let mut a = workforce(d.path());
    let screen = render(&a);
    assert!(
        screen.contains("%/2") && screen.contains("% by"),
        "{screen}"
    );
    let line = |s: &str, y: &str| s.lines().find(|l| l.contains(y)).unwrap_or("").to_string();
    assert!(line(&screen, "  2010-11").contains("3.0%"), "{screen}");
    assert!(line(&screen, "  2011-12").contains("2.0%"), "{screen}");
    insta::assert_snapshot!("levers_year_table_120x40", screen);
    for (w, h) in [(80, 24), (200, 50)] {
        a.size = (w, h);
        insta::assert_snapshot!(format!("levers_year_table_{w}x{h}"), render(&a));
    }
    a.size = (120, 40);
    let before = text(&a);
    select(&mut a, "pay_inflation", None);
    run(&mut a, vec![Action::NudgeUp]);
    assert_eq!(text(&a), before);
    assert!(a
        .status
        .as_ref()
        .unwrap()
        .text
        .contains("+/- on one of its years"));
}

#[test]
fn nudge_type_add_and_remove_a_year_then_save() {
    let d = temp_example();
    let mut a = workforce(d.path());
    let gap = |a: &App| {
        a.session
            .projection("workforce")
            .unwrap()
            .totals
            .in_year_gap
            .clone()
    };
    let g0 = gap(&a);
    select(&mut a, "pay_inflation", Some("2011-12"));
    run(&mut a, vec![Action::NudgeUp]);
    let t = text(&a);
    assert!(
        t.contains("pay_inflation = { 2010-11 = \"3%\", 2011-12 = \"2.5%\" }"),
        "{t}"
    );
    assert!(
        t.contains("# The council's two-year pay deal"),
        "comments kept"
    );
    assert_ne!(gap(&a), g0, "the projection follows the edit");
    // The status line says how the headline moved, in the engine's figures.
    let before: rust_decimal::Decimal = g0.iter().sum();
    let after: rust_decimal::Decimal = gap(&a).iter().sum();
    let shown = |x| crate::report::table::Cell::Money(x).display(a.unit);
    let st = a.status.as_ref().unwrap().text.clone();
    assert!(
        st.contains(&format!("gap {} → {}", shown(before), shown(after))),
        "{st}"
    );
    assert!(st.contains("overspend "), "{st}");
    // Enter on 2010-11, type 4%.
    select(&mut a, "pay_inflation", Some("2010-11"));
    let mut acts = vec![Action::Enter];
    acts.extend((0..8).map(|_| Action::Backspace));
    acts.extend(typed("4%"));
    acts.push(Action::Enter);
    run(&mut a, acts);
    assert!(
        text(&a).contains("2010-11 = \"4%\", 2011-12 = \"2.5%\""),
        "{}",
        text(&a)
    );
    // The table reaches the horizon's last year: no year to add.
    run(&mut a, vec![Action::AddYear]);
    assert!(a.status.as_ref().unwrap().error, "{:?}", a.status);
    // A single rate becomes a table from base+1; a year removed; the only one kept.
    select(&mut a, "price_inflation", None);
    run(&mut a, vec![Action::AddYear]);
    let t = text(&a);
    let line = t
        .lines()
        .find(|l| l.starts_with("price_inflation"))
        .unwrap()
        .to_string();
    assert!(
        line.contains("{ 2010-11 = ") && line.contains("2011-12 = "),
        "{t}"
    );
    assert_eq!(gap(&a).len(), g0.len());
    select(&mut a, "price_inflation", Some("2010-11"));
    run(&mut a, vec![Action::Delete]);
    let line = text(&a)
        .lines()
        .find(|l| l.starts_with("price_inflation"))
        .unwrap()
        .to_string();
    assert!(
        !line.contains("2010-11") && line.contains("2011-12"),
        "{line}"
    );
    select(&mut a, "price_inflation", Some("2011-12"));
    run(&mut a, vec![Action::Delete]);
    assert!(a.status.as_ref().unwrap().text.contains("only year"));
    // Undo goes back one edit; save writes the text to disk.
    run(&mut a, vec![Action::Undo, Action::Save]);
    edge::perform_all(&mut a);
    let disk = std::fs::read_to_string(d.path().join("scenarios/workforce.toml")).unwrap();
    assert_eq!(disk, text(&a));
    assert!(
        disk.contains("2010-11 = \"4%\", 2011-12 = \"2.5%\""),
        "{disk}"
    );
    assert!(
        disk.contains("# Halve Carewise agency hours"),
        "comments kept on disk"
    );
}
