//! `poolplan monitor` on the fixture workspace tests/fixtures/monitor (the
//! valid base with actuals.csv, a seasonal camhs profile and a scenario that
//! stops a contract still being paid): golden CSV for every method, the
//! table view, JSON, and the errors. Regenerate the goldens with
//! `UPDATE_GOLDEN=1 cargo test --test monitor_cli` and review the diff.

mod common;
use common::cli::outcome;
use common::example_dir as root;

fn fixture() -> PathBuf {
    common::fixture("monitor")
}

use std::path::{Path, PathBuf};

fn golden(name: &str, args: &[&str]) -> String {
    golden_in(&fixture(), name, args)
}

fn golden_in(dir: &Path, name: &str, args: &[&str]) -> String {
    let (code, out, err) = outcome(dir, args);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let path = root().join("tests/golden/monitor").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &out).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(want == out, "{name} differs from the golden file; if intended, rerun with UPDATE_GOLDEN=1 and review the diff\n{out}");
    out
}

#[test]
fn golden_csv_for_every_method() {
    for method in ["straight", "profile", "run-rate", "remaining"] {
        let name = format!("mini-plan-aug-{method}.csv");
        golden(
            &name,
            &[
                "monitor", "plan", "--period", "Aug", "--method", method, "-O", "csv",
            ],
        );
    }
}

#[test]
fn the_profile_method_by_hand() {
    // camhs weighs 1,1,1,0.5,0.5 to August out of 12: p = 1/3; 22,600 × 3 = 67,800
    // against a budget of 61,200: +6,600 = 10.78%, red.
    let out = golden(
        "mini-plan-aug-profile.csv",
        &[
            "monitor", "plan", "--period", "5", "--method", "profile", "-O", "csv",
        ],
    );
    assert!(
        out.contains(
            "\nservice,camhs,camhs-clinic,,61200.00,22600.00,67800.00,6600.00,0.1078,red,profile\n"
        ),
        "{out}"
    );
    // family-support has no profile: flat, 42,800 × 12 / 5 = 102,720.
    assert!(out.contains("\nservice,early-help,family-support,,104857.60,42800.00,102720.00,-2137.60,-0.0204,green,profile\n"), "{out}");
}

#[test]
fn defaults_are_the_latest_year_and_period_and_a_stopped_contract_is_red() {
    let out = golden("mini-plan-default.csv", &["monitor", "plan", "-O", "csv"]);
    assert!(
        out.contains("\nservice,early-help,family-support,,104857.60,142799.00,190398.67,"),
        "{out}"
    );
    let out = golden(
        "mini-stopped-aug.csv",
        &["monitor", "stopped", "--period", "aug", "-O", "csv"],
    );
    assert!(
        out.contains(
            "\nservice,early-help,parenting,,0.00,7000.00,16800.00,16800.00,,red,straight\n"
        ),
        "{out}"
    );
}

#[test]
fn the_table_view_and_json() {
    let out = golden(
        "mini-stopped-aug.txt",
        &[
            "monitor",
            "stopped",
            "--period",
            "5",
            "--units",
            "thousands",
        ],
    );
    assert!(out.contains("Money in £000"), "{out}");
    assert!(!out.contains('\x1b'), "NO_COLOR: no escape codes");
    let (code, json, _) = outcome(
        &fixture(),
        &["monitor", "plan", "--period", "5", "-O", "json"],
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["period"], 5);
    assert_eq!(v["pools"][1]["pool"], "camhs");
    assert_eq!(v["pools"][1]["forecast"].to_string(), "97440.01");
}

#[test]
fn errors_name_the_problem() {
    let dir = fixture();
    let (code, _, err) = outcome(&dir, &["monitor", "base"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("budgets/mini/actuals.csv:16, column A \"service\": unknown service \"mst\""),
        "{err}"
    );
    let (code, _, err) = outcome(&dir, &["monitor", "plan", "--year", "2013-14"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("2013-14 is outside the horizon of scenario \"plan\""),
        "{err}"
    );
    let (code, _, err) = outcome(&dir, &["monitor", "plan", "--year", "2011-12"]);
    assert_eq!(code, 1);
    assert!(err.contains("no actuals for 2011-12"), "{err}");
    let (code, _, err) = outcome(&dir, &["monitor", "plan", "--period", "13"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--period: the period \"13\" is not a month"),
        "{err}"
    );
    let (code, _, err) = outcome(&dir, &["monitor", "plan", "--amber", "-1%"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = outcome(&root().join("tests/fixtures/valid-base"), &["monitor"]);
    assert_eq!(code, 1);
    assert!(err.contains("has no actuals"), "{err}");
}

#[test]
fn risk_share_rows_sum_to_each_pools_forecast_overspend() {
    let (_, json, _) = outcome(
        &fixture(),
        &["monitor", "stopped", "--period", "5", "-O", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for p in v["pools"].as_array().unwrap() {
        let d = |x: &serde_json::Value| x.to_string().parse::<rust_decimal::Decimal>().unwrap();
        let shares: rust_decimal::Decimal = p["risk_shares"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| d(&s["forecast"]))
            .sum();
        let balance = d(&p["forecast_balance"]);
        let carried = d(&p["carry_forward"]);
        assert_eq!(shares, -(balance - carried), "{}", p["pool"]);
    }
}

#[test]
fn golden_csv_of_the_example() {
    // The repository's example: baseline, 2009-10, April to September.
    let out = golden_in(&root(), "example.csv", &["monitor", "-O", "csv"]);
    // The pilot still invoiced though the plan funds it only from 2010-11.
    assert!(out.contains("\nservice,youth-justice,yo-police-triage,,0.00,9450.00,18900.00,18900.00,,red,straight\n"), "{out}");
    golden_in(
        &root(),
        "example-profile.csv",
        &["monitor", "baseline", "--method", "profile", "-O", "csv"],
    );
}

#[test]
fn the_readme_shows_the_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let (code, out, _) = outcome(&root(), &["monitor", "--units", "thousands"]);
    assert_eq!(code, 0);
    for block in out
        .split("\n\n")
        .filter(|b| b.starts_with("Safeguarding") || b.starts_with("What each"))
    {
        assert!(
            readme.contains(block.trim_end()),
            "README.md must quote:\n{block}"
        );
    }
    let (_, csv, _) = outcome(&root(), &["monitor", "-O", "csv"]);
    let total = csv.lines().last().unwrap();
    assert!(readme.contains(total), "README.md must quote {total}");
}
