//! Scenarios on budgets with different base years: the year columns are the
//! union of their horizons, the comparison covers only the shared years (and
//! says so), and real terms — which need one price base — are refused.

mod common;

use assert_cmd::Command;
use predicates::str::contains;
use std::fs;
use std::path::Path;

/// The injection fixture plus a copy of its budget starting a year later.
fn workspace(root: &Path) {
    let src = common::fixture("injection");
    for sub in ["budgets/inj", "budgets/later", "scenarios"] {
        fs::create_dir_all(root.join(sub)).unwrap();
    }
    for f in fs::read_dir(src.join("budgets/inj")).unwrap() {
        let f = f.unwrap().path();
        let name = f.file_name().unwrap();
        fs::copy(&f, root.join("budgets/inj").join(name)).unwrap();
        let text = fs::read_to_string(&f)
            .unwrap()
            .replace("2009-10", "2010-11");
        fs::write(root.join("budgets/later").join(name), text).unwrap();
    }
    fs::copy(src.join("scenarios/a.toml"), root.join("scenarios/a.toml")).unwrap();
    fs::write(
        root.join("scenarios/z.toml"),
        "name = \"Later\"\nbudget = \"later\"\n",
    )
    .unwrap();
}

#[test]
fn union_of_years_and_shared_years_compared() {
    let d = tempfile::tempdir().unwrap();
    workspace(d.path());
    Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(d.path())
        .args(["export", "-o"])
        .arg(d.path().join("p.csv"))
        .assert()
        .success();
    let blocks = common::parse_blocks(&fs::read(d.path().join("p.csv")).unwrap());
    assert_eq!(
        blocks[0].header[2..],
        ["2009-10 £", "2010-11 £", "2011-12 £", "Total £"]
    );
    let later = blocks[0].rows.iter().find(|r| r[0] == "Later").unwrap();
    assert_eq!(later[2], "", "Later does not cover 2009-10");
    let cmp = &blocks[4];
    let row = cmp.rows.iter().find(|r| r[2] == "Contributions").unwrap();
    assert_eq!(row[4..], ["", "0", "", "0"], "only 2010-11 is shared");
    assert!(
        cmp.notes[0].contains("only the years both cover are compared"),
        "{:?}",
        cmp.notes
    );
}

#[test]
fn real_terms_need_one_price_base() {
    let d = tempfile::tempdir().unwrap();
    workspace(d.path());
    Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(d.path())
        .args(["export", "--real", "-o"])
        .arg(d.path().join("p.csv"))
        .assert()
        .code(1)
        .stderr(contains("different years (2009-10, 2010-11)"));
    assert!(!d.path().join("p.csv").exists());
}
