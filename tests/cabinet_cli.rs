//! `poolplan export` on the command line: the folder and one-file layouts,
//! no silent clobbering (`--force`), a read-only folder, `--bom`, the
//! comparison's reference, and byte-identical repeat runs.

mod common;
use common::cli::example_in as poolplan;

use predicates::str::contains;
use std::fs;
use std::path::Path;

/// The example has actuals, so its export carries the monitoring table too;
/// its `worst-case` has `[ranges]`, so the risk table as well.
const TABLES: [&str; 9] = [
    "headline",
    "value-for-money",
    "pools",
    "services",
    "comparison",
    "who-pays",
    "risk",
    "risk-gap",
    "monitoring",
];

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn default_is_one_file_per_table_in_exports() {
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path()).arg("export").assert().success();
    let files = read_all(&d.path().join("exports"));
    let mut names: Vec<String> = TABLES.iter().map(|t| format!("{t}.csv")).collect();
    names.sort();
    assert_eq!(
        files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>(),
        names
    );
    for (name, bytes) in &files {
        let blocks = common::parse_blocks(bytes);
        assert_eq!(blocks.len(), 2, "{name}: the table then provenance");
        assert_eq!(blocks[1].title, "Provenance");
    }
}

#[test]
fn two_runs_give_identical_bytes() {
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path())
        .args(["export", "-o", "a"])
        .assert()
        .success();
    poolplan(d.path())
        .args(["export", "-o", "b"])
        .assert()
        .success();
    assert_eq!(read_all(&d.path().join("a")), read_all(&d.path().join("b")));
}

#[test]
fn an_existing_folder_export_needs_force() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("exports");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("pools.csv"), "mine").unwrap();
    poolplan(d.path())
        .arg("export")
        .assert()
        .code(1)
        .stderr(contains("pools.csv already exists; use --force"));
    assert_eq!(
        read_all(&out),
        vec![("pools.csv".to_string(), b"mine".to_vec())],
        "nothing written"
    );
    poolplan(d.path())
        .args(["export", "--force"])
        .assert()
        .success();
    assert_eq!(read_all(&out).len(), TABLES.len());
    assert_ne!(fs::read(out.join("pools.csv")).unwrap(), b"mine");
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let d = tempfile::tempdir().unwrap();
    for (file, format) in [("paper.csv", "csv"), ("paper.xlsx", "xlsx")] {
        let p = d.path().join(file);
        fs::write(&p, "keep me").unwrap();
        poolplan(d.path())
            .args(["export", "--format", format, "-o", file])
            .assert()
            .code(1)
            .stderr(contains("--force"));
        assert_eq!(fs::read(&p).unwrap(), b"keep me");
        poolplan(d.path())
            .args(["export", "--format", format, "-o", file, "--force"])
            .assert()
            .success();
        assert_ne!(fs::read(&p).unwrap(), b"keep me");
    }
    assert_eq!(
        read_all(d.path()).len(),
        2,
        "no temporary files left behind"
    );
}

#[test]
fn bom_and_one_file() {
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path())
        .args(["export", "--bom", "-o", "p.csv"])
        .assert()
        .success();
    let bytes = fs::read(d.path().join("p.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF\"Headline"));
    assert_eq!(common::parse_blocks(&bytes).len(), TABLES.len() + 1);
}

#[test]
fn the_first_named_scenario_is_the_reference() {
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path())
        .args(["export", "central", "baseline", "-o", "p.csv"])
        .assert()
        .success();
    let blocks = common::parse_blocks(&fs::read(d.path().join("p.csv")).unwrap());
    assert!(
        blocks[4].title.starts_with("Change from Central "),
        "{}",
        blocks[4].title
    );
    assert_eq!(blocks[4].rows[0][0], "Baseline");
    assert_eq!(
        blocks[0].rows[0][0], "Central",
        "tables follow the order named"
    );
}

#[test]
fn xlsx_to_a_csv_name_is_a_usage_error() {
    let d = tempfile::tempdir().unwrap();
    poolplan(d.path())
        .args(["export", "--format", "xlsx", "-o", "p.csv"])
        .assert()
        .code(2);
    assert!(read_all(d.path()).is_empty());
}
