//! Golden tests: the tidy export and the summary of the example workspace,
//! checked in under tests/golden/ and compared exactly. A changed figure
//! shows up in review as a diff. Regenerate with `UPDATE_GOLDEN=1 cargo test`.

use assert_cmd::Command;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check_golden(name: &str, args: &[&str]) {
    let out = Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(root())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &out.stdout).unwrap();
    }
    let want = std::fs::read(&path).unwrap_or_default();
    assert!(
        want == out.stdout,
        "{name} differs from the checked-in golden file; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn tidy_export_of_the_example() {
    check_golden("example-tidy.csv", &["export", "--tidy"]);
}

#[test]
fn summary_of_the_example() {
    check_golden("example-summary.txt", &["summary"]);
}

#[test]
fn summary_csv_of_the_example() {
    check_golden("example-summary.csv", &["summary", "-O", "csv"]);
}

#[test]
fn summary_in_thousands() {
    check_golden(
        "example-summary-thousands.txt",
        &["summary", "--units", "thousands", "central", "nhs-cut"],
    );
}

#[test]
fn tidy_export_of_named_scenarios_comes_out_once_each_sorted() {
    let out = Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(root())
        .args(["export", "--tidy", "nhs-cut", "baseline", "nhs-cut"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let scenarios: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let first_nhs = scenarios.iter().position(|s| *s == "nhs-cut").unwrap();
    assert!(scenarios[..first_nhs].iter().all(|s| *s == "baseline"));
    assert!(scenarios[first_nhs..].iter().all(|s| *s == "nhs-cut"));
}
