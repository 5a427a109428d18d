//! Monitoring from a workbook (SPEC §13): the monitor fixture with every
//! budget table — actuals and profiles included — as a sheet of budget.xlsx
//! (text cells and typed cells) gives exactly the CSV workspace's
//! `monitor -O csv`; a bad period in the actuals sheet names the sheet.

mod xlsx_support;

use xlsx_support::{convert, copy_tree, run, Cells};

fn fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/monitor")
}

#[test]
fn actuals_and_profiles_as_sheets_monitor_the_same() {
    let args = [
        "monitor", "plan", "--period", "5", "--method", "profile", "-O", "csv",
    ];
    let (code, want, err) = run(&fixture(), &args);
    assert_eq!(code, 0, "{err}");
    for cells in [Cells::Text, Cells::Typed] {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&fixture(), dir.path());
        convert(dir.path(), cells);
        assert!(!dir.path().join("budgets/mini/actuals.csv").exists());
        let (code, got, err) = run(dir.path(), &args);
        assert_eq!(code, 0, "{cells:?}: {err}");
        assert_eq!(got, want, "{cells:?}");
    }
}

#[test]
fn a_bad_period_in_the_actuals_sheet_names_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture(), dir.path());
    let p = dir.path().join("budgets/mini/actuals.csv");
    let text = std::fs::read_to_string(&p)
        .unwrap()
        .replacen("2010-11,Apr,", "2010-11,Apri,", 1);
    std::fs::write(&p, text).unwrap();
    convert(dir.path(), Cells::Text);
    let (code, _, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("budget.xlsx [actuals] C2"), "{err}");
    assert!(err.contains("cannot read \"Apri\" as a period"), "{err}");
}
