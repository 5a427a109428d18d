//! Golden Cabinet CSV exports of the example workspace: every unit, cash and
//! real, all tables in one file, compared byte for byte with the checked-in
//! files under tests/golden/cabinet/. Regenerate with `UPDATE_GOLDEN=1 cargo
//! test --test cabinet_golden` and review the diff.

mod common;

use assert_cmd::Command;
use std::path::PathBuf;

fn golden_path(units: &str, real: bool) -> PathBuf {
    let terms = if real { "real" } else { "cash" };
    common::example_dir()
        .join("tests/golden/cabinet")
        .join(format!("{units}-{terms}.csv"))
}

fn export(units: &str, real: bool) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cabinet.csv");
    let mut cmd = Command::cargo_bin("poolplan").unwrap();
    cmd.arg("--dir").arg(common::example_dir());
    cmd.args(["export", "--units", units]);
    if real {
        cmd.arg("--real");
    }
    cmd.arg("-o").arg(&out).assert().success();
    std::fs::read(&out).unwrap()
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  got:    {x}\n  golden: {y}", i + 1);
        }
    }
    format!(
        "lengths differ: {} vs {} lines",
        a.lines().count(),
        b.lines().count()
    )
}

#[test]
fn golden_csv_in_every_unit_cash_and_real() {
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    for units in ["pounds", "thousands", "millions"] {
        for real in [false, true] {
            let got = export(units, real);
            let path = golden_path(units, real);
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &got).unwrap();
                continue;
            }
            let want = std::fs::read(&path).unwrap_or_else(|_| {
                panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display())
            });
            if got != want {
                let (g, w) = (
                    String::from_utf8_lossy(&got),
                    String::from_utf8_lossy(&want),
                );
                panic!("{} differs at {}", path.display(), first_difference(&g, &w));
            }
        }
    }
}

#[test]
fn thousands_headline_sample_is_documented() {
    // docs/exports.md shows the £000 headline block; keep it in step.
    let doc = std::fs::read_to_string(common::example_dir().join("docs/exports.md")).unwrap();
    let golden = std::fs::read_to_string(golden_path("thousands", false)).unwrap();
    let headline = golden.split("\n\n").next().unwrap();
    assert!(
        doc.contains(headline),
        "docs/exports.md must quote the £000 headline block:\n{headline}"
    );
}
