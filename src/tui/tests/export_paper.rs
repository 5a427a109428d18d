//! The TUI's Cabinet export carries what `poolplan export` does: the
//! monitoring table (when the budget has actuals) with the monitoring files
//! in its provenance, and in a workbook the native charts, the monitor
//! chart among them — through the same `analysis::monitor::paper` and
//! `report::chart::set` as the CLI — and, for a scenario with ranges, the
//! risk table from `analysis::risk::paper`.

use super::super::action::Action;
use super::super::edge;
use super::{app, run, temp_example};
use calamine::{open_workbook_from_rs, Reader, Xlsx};

#[test]
fn the_csv_paper_has_the_monitoring_table_and_its_files() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    run(&mut a, vec![Action::Export, Action::Enter]);
    edge::perform_all(&mut a);
    let text = std::fs::read_to_string(d.path().join("exports/baseline-cabinet.csv")).unwrap();
    assert!(
        text.contains("\"In-year monitoring, Baseline: 2009-10 to Sep"),
        "{text}"
    );
    assert!(
        text.contains("budgets/haringey-ct-2009/actuals.csv,"),
        "{text}"
    );
    assert!(
        text.contains("budgets/haringey-ct-2009/profiles.csv,"),
        "{text}"
    );
}

#[test]
fn the_workbook_has_the_charts_the_cli_draws() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    // Format: Cabinet tables, XLSX.
    run(
        &mut a,
        vec![Action::Export, Action::KindNext, Action::Enter],
    );
    edge::perform_all(&mut a);
    let bytes = std::fs::read(d.path().join("exports/baseline-cabinet.xlsx")).unwrap();
    let wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names().to_vec();
    for sheet in ["Headline", "Monitoring", "Charts", "Chart monitor"] {
        assert!(names.iter().any(|n| n == sheet), "{sheet}: {names:?}");
    }
    // One scenario: no bridge (as `poolplan export baseline`).
    assert!(!names.iter().any(|n| n == "Chart bridge"), "{names:?}");
}

#[test]
fn the_paper_of_a_ranged_scenario_has_the_cli_s_risk_table() {
    let d = temp_example();
    let mut a = app(d.path(), 120, 40);
    let at = a
        .session
        .ids
        .iter()
        .position(|s| s == "worst-case")
        .unwrap();
    a.set_current(at);
    run(&mut a, vec![Action::Export, Action::Enter]);
    edge::perform_all(&mut a);
    let text = std::fs::read_to_string(d.path().join("exports/worst-case-cabinet.csv")).unwrap();
    // In £000, as `poolplan export worst-case --units thousands` has it (tests/cabinet_risk.rs
    // reconciles those figures with `poolplan risk`).
    assert!(
        text.contains("\nWorst case,Partnership,All pools,100.0,5141,6468,7787,7787\n"),
        "{text}"
    );
    // Baseline has no ranges: its paper has no risk table.
    let mut base = app(d.path(), 120, 40);
    run(&mut base, vec![Action::Export, Action::Enter]);
    edge::perform_all(&mut base);
    let text = std::fs::read_to_string(d.path().join("exports/baseline-cabinet.csv")).unwrap();
    assert!(!text.contains("Risk:"), "{text}");
}
