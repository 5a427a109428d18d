//! `poolplan export`: the format follows the output name (`.xlsx` → XLSX,
//! `.csv` or a folder → CSV); `--format` and the name must agree; the tidy
//! export is CSV only. A refused export exits 2 and writes nothing.

mod common;
use common::cli::example_in as poolplan;

use predicates::str::contains;
use std::fs;
use std::path::Path;

/// An XLSX file is a zip archive.
fn is_xlsx(p: &Path) -> bool {
    p.is_file() && fs::read(p).unwrap().starts_with(b"PK\x03\x04")
}

fn is_empty(dir: &Path) -> bool {
    fs::read_dir(dir).unwrap().next().is_none()
}

#[test]
fn an_xlsx_name_writes_a_workbook() {
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path())
        .args(["export", "-o", "paper.xlsx"])
        .assert()
        .success();
    assert!(is_xlsx(&d.path().join("paper.xlsx")), "not a workbook");
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path())
        .args(["export", "-o", "PAPER.XLSX", "worst-case", "baseline"])
        .assert()
        .success();
    assert!(is_xlsx(&d.path().join("PAPER.XLSX")));
}

#[test]
fn a_csv_name_or_a_folder_writes_csv() {
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path())
        .args(["export", "-o", "paper.csv"])
        .assert()
        .success();
    let text = fs::read_to_string(d.path().join("paper.csv")).unwrap();
    assert!(
        text.starts_with("\"Headline by scenario and year"),
        "{text}"
    );
    poolplan(d.path())
        .args(["export", "-o", "folder"])
        .assert()
        .success();
    assert!(d.path().join("folder/headline.csv").is_file());
}

#[test]
fn format_and_name_must_agree() {
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path())
        .args(["export", "--format", "csv", "-o", "paper.xlsx"])
        .assert()
        .code(2)
        .stderr(contains(
            "-o paper.xlsx names an .xlsx file but --format is csv",
        ));
    poolplan(d.path())
        .args(["export", "--format", "xlsx", "-o", "paper.csv"])
        .assert()
        .code(2)
        .stderr(contains(
            "-o paper.csv names a .csv file but --format is xlsx",
        ));
    assert!(is_empty(d.path()), "nothing is written");
}

#[test]
fn another_extension_is_refused() {
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path())
        .args(["export", "-o", "paper.xls"])
        .assert()
        .code(2)
        .stderr(contains("name a .xlsx file, a .csv file or a folder"));
    assert!(is_empty(d.path()), "no folder called paper.xls");
}

#[test]
fn the_tidy_export_is_csv_only() {
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path())
        .args(["export", "--tidy", "--format", "xlsx", "-o", "t.xlsx"])
        .assert()
        .code(2)
        .stderr(contains("the tidy export is CSV only"));
    poolplan(d.path())
        .args(["export", "--tidy", "--format", "xlsx"])
        .assert()
        .code(2)
        .stderr(contains("the tidy export is CSV only"));
    poolplan(d.path())
        .args(["export", "--tidy", "-o", "t.xlsx"])
        .assert()
        .code(2)
        .stderr(contains(
            "-o t.xlsx names an .xlsx file but the tidy export is CSV only",
        ));
    assert!(is_empty(d.path()), "nothing is written");
    poolplan(d.path())
        .args(["export", "--tidy", "--format", "csv", "-o", "t.csv"])
        .assert()
        .success();
    let text = fs::read_to_string(d.path().join("t.csv")).unwrap();
    assert!(text.starts_with("scenario,year,pool,partner,service,measure,value\n"));
}

#[test]
fn the_tidy_export_refuses_options_it_would_ignore() {
    let d = tempfile::tempdir().unwrap();
    for opt in [&["--units", "thousands"][..], &["--real"], &["--bom"]] {
        poolplan(d.path())
            .args(["export", "--tidy"])
            .args(opt)
            .assert()
            .code(2)
            .stderr(contains("the tidy export"))
            .stdout("");
    }
}
