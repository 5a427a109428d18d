//! SPEC §10 points that are warnings, not errors: `check` passes (exit 0)
//! and says where. Each case copies tests/fixtures/valid-base and changes
//! one thing.

use assert_cmd::Command;
use std::path::Path;

fn copy(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
            copy(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// `check` on valid-base with `edit` applied: (exit code, stderr).
fn check_with(edit: impl Fn(&Path)) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-base");
    copy(&base, dir.path());
    edit(dir.path());
    let out = Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(dir.path())
        .arg("check")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), stderr)
}

fn replace(path: &Path, old: &str, new: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(old), "{old} not in {}", path.display());
    std::fs::write(path, text.replacen(old, new, 1)).unwrap();
}

#[test]
fn a_rate_table_year_beyond_the_horizon_is_a_warning_and_ignored() {
    let (code, err) = check_with(|d| {
        replace(
            &d.join("scenarios/base.toml"),
            "pay_inflation = \"2.5%\"",
            "pay_inflation = { 2010-11 = \"4%\", 2014-15 = \"2%\" }",
        )
    });
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: scenarios/base.toml:6:35, [rates] key \"pay_inflation\" year \"2014-15\": 2014-15 is beyond the horizon"),
        "{err}"
    );
}

#[test]
fn a_plain_cap_below_one_is_a_warning() {
    let (code, err) = check_with(|d| {
        std::fs::write(
            d.join("budgets/mini/risk_caps.csv"),
            "pool,partner,cap,note\nearly-help,nhs,0.5,\n",
        )
        .unwrap()
    });
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: budgets/mini/risk_caps.csv:2, column C \"cap\"")
            && err.contains("did you mean \"50%\"?"),
        "{err}"
    );
}

#[test]
fn large_plain_growth_numbers_warn() {
    let (code, err) = check_with(|d| {
        replace(
            &d.join("scenarios/base.toml"),
            "family-support = \"3%\"",
            "family-support = 0.3",
        )
    });
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: scenarios/base.toml:10:18, [demand] key \"family-support\"")
            && err.contains("\"30%\""),
        "{err}"
    );
}

#[test]
fn schedule_rows_outside_the_horizon_are_warnings() {
    let (code, err) = check_with(|d| {
        std::fs::write(
            d.join("budgets/mini/schedules.csv"),
            "service,year,unit_cost,volume,note\nparenting,2008-09,900,,\nparenting,2013-14,,40,\n",
        )
        .unwrap()
    });
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("schedules.csv:2, column B \"year\": 2008-09 is before the base year"),
        "{err}"
    );
    assert!(
        err.contains("schedules.csv:3, column B \"year\": 2013-14 is after the budget's horizon"),
        "{err}"
    );
}

/// The tidy value of one row of `export --tidy`.
fn tidy_value(dir: &Path, scenario: &str, year: &str, service: &str, measure: &str) -> String {
    let out = Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(dir)
        .args(["export", "--tidy", scenario])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f[1] == year && f[4] == service && f[5] == measure)
        .map(|f| f[6].to_string())
        .unwrap_or_else(|| panic!("no {measure} row for {service} in {year}:\n{text}"))
}

#[test]
fn a_longer_child_uses_a_parent_entry_the_parent_ignores_and_a_child_key_replaces_whole() {
    let dir = tempfile::tempdir().unwrap();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-base");
    copy(&base, dir.path());
    let d = dir.path();
    replace(
        &d.join("scenarios/base.toml"),
        "pay_inflation = \"2.5%\"",
        "pay_inflation = { 2010-11 = \"4%\", 2012-13 = \"10%\" }",
    );
    replace(
        &d.join("scenarios/plan.toml"),
        "extends = \"base\"",
        "extends = \"base\"\nyears = 4",
    );
    // family-support: £2,000, pay share 0.8, index; price 2%.
    // plan, 2012-13 (t = 3): the rate in force in 2011-12 is 2010-11's 4%, so
    // P_pay = 1.04 × 1.04 × 1.10 = 1.18976, P_price = 1.02³ = 1.061208;
    // f = 0.8 × 1.18976 + 0.2 × 1.061208 = 1.1640496 → £2,328.0992.
    assert_eq!(
        tidy_value(d, "plan", "2012-13", "family-support", "unit_cost"),
        "2328.10"
    );
    // A child's table replaces the parent's whole: { 2011-12 = "1%" } means
    // 0% in 2010-11 (not the parent's 4%): f = 0.8 + 0.2 × 1.02 = 1.004.
    let plan = d.join("scenarios/plan.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        text.replacen(
            "years = 4",
            "years = 4\n\n[rates]\npay_inflation = { 2011-12 = \"1%\" }",
            1,
        ),
    )
    .unwrap();
    assert_eq!(
        tidy_value(d, "plan", "2010-11", "family-support", "unit_cost"),
        "2008.00"
    );
}
