//! SPEC §14 `[ranges]` in scenario files, as `poolplan check` reports them:
//! each broken range on a copy of `tests/fixtures/valid-base` must give
//! exit 1 with the file, the line and the problem; valid ranges pass, and
//! ranges inherit through `extends` key by key.

mod common;
use common::cli::check;

use std::path::{Path, PathBuf};

fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-base")
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dst = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), dst).unwrap();
        }
    }
}

/// A copy of the valid base with `scenarios/<stem>.toml` written.
fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(&base(), dir.path());
    for (stem, text) in files {
        std::fs::write(dir.path().join(format!("scenarios/{stem}.toml")), text).unwrap();
    }
    dir
}

const HEAD: &str =
    "budget = \"mini\"\n[rates]\npay_inflation = \"2.5%\"\n[demand]\nfamily-support = \"3%\"\n";

/// One broken range: exit 1, exactly one error, naming what it must.
fn broken(ranges: &str, expect: &[&str]) {
    let text = format!("{HEAD}{ranges}");
    let dir = workspace(&[("r", &text)]);
    let (code, err) = check(dir.path());
    assert_eq!(code, 1, "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    for e in expect {
        assert!(errors[0].contains(e), "wanted {e:?} in {}", errors[0]);
    }
}

#[test]
fn valid_ranges_pass() {
    let text = format!("{HEAD}[ranges.rates]\npay_inflation = {{ low = \"1%\", high = \"4%\" }}\n[ranges.demand]\nfamily-support = {{ low = \"0%\", mode = \"3%\", high = \"8%\" }}\nparenting = {{ low = \"-1%\", high = \"2%\" }}\n[ranges.contribution_growth]\nnhs = {{ low = \"-2%\", high = \"1%\" }}\n");
    let dir = workspace(&[("r", &text)]);
    let (code, err) = check(dir.path());
    assert_eq!(code, 0, "{err}");
}

#[test]
fn unknown_key_in_a_range() {
    broken(
        "[ranges.demand]\nfamily-support = { lo = \"1%\", high = \"4%\" }\n",
        &["scenarios/r.toml:7", "did you mean \"low\"?"],
    );
}

#[test]
fn unknown_section_and_rate() {
    broken(
        "[ranges.demnd]\nx = { low = \"1%\", high = \"4%\" }\n",
        &["r.toml:6", "did you mean \"demand\"?"],
    );
    broken(
        "[ranges.rates]\npay_inflaton = { low = \"1%\", high = \"4%\" }\n",
        &["r.toml:7", "did you mean \"pay_inflation\"?"],
    );
    broken(
        "[ranges]\npay_inflation = { low = \"1%\", high = \"4%\" }\n",
        &["r.toml:7", "under [ranges.rates]"],
    );
}

#[test]
fn discount_rate_takes_no_range() {
    broken(
        "[ranges.rates]\ndiscount_rate = { low = \"1%\", high = \"4%\" }\n",
        &["r.toml:7", "discount_rate takes no range"],
    );
}

#[test]
fn a_year_table_key_takes_no_range() {
    let text = "budget = \"mini\"\n[rates]\npay_inflation = { 2010-11 = \"3%\" }\n[ranges.rates]\npay_inflation = { low = \"1%\", high = \"4%\" }\n";
    let dir = workspace(&[("r", text)]);
    let (code, err) = check(dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("scenarios/r.toml:5"), "{err}");
    assert!(err.contains("is a rate by year"), "{err}");
}

#[test]
fn order_of_low_mode_high() {
    broken(
        "[ranges.demand]\nfamily-support = { low = \"5%\", high = \"4%\" }\n",
        &["r.toml:7", "low 5% is above high 4%"],
    );
    broken(
        "[ranges.demand]\nfamily-support = { low = \"1%\", mode = \"5%\", high = \"4%\" }\n",
        &["r.toml:7", "mode 5% is outside low 1% to high 4%"],
    );
    // The mode defaults to the key's value (3%), outside 4%–6%.
    broken(
        "[ranges.demand]\nfamily-support = { low = \"4%\", high = \"6%\" }\n",
        &["r.toml:7", "defaults to family-support's value", "3%"],
    );
}

#[test]
fn bad_rate_grammar_and_missing_high() {
    broken(
        "[ranges.demand]\nfamily-support = { low = \"1%\", high = \"lots\" }\n",
        &["r.toml:7", "lots"],
    );
    broken(
        "[ranges.demand]\nfamily-support = { low = 1, high = \"4%\" }\n",
        &["r.toml:7", "did you mean \"1%\"?"],
    );
    broken(
        "[ranges.demand]\nfamily-support = { low = \"1%\" }\n",
        &["r.toml:7", "has no high"],
    );
    broken(
        "[ranges.demand]\nfamily-support = \"4%\"\n",
        &["r.toml:7", "a range is a table"],
    );
}

#[test]
fn unknown_partner_in_a_range() {
    broken(
        "[ranges.contribution_growth]\nnhss = { low = \"-1%\", high = \"4%\" }\n",
        &[
            "r.toml:7",
            "[ranges.contribution_growth] key \"nhss\"",
            "did you mean \"nhs\"?",
        ],
    );
}

#[test]
fn ranges_inherit_key_by_key() {
    let parent = format!("{HEAD}[ranges.demand]\nfamily-support = {{ low = \"1%\", high = \"5%\" }}\n[ranges.rates]\npay_inflation = {{ low = \"2%\", high = \"3%\" }}\n");
    // The child moves pay to 4%: the parent's pay range (mode defaulting to
    // 4%) is then out of order, reported in the parent's file.
    let bad = "extends = \"p\"\n[rates]\npay_inflation = \"4%\"\n";
    let dir = workspace(&[("p", &parent), ("c", bad)]);
    let (code, err) = check(dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("scenarios/p.toml:9"), "{err}");
    assert!(err.contains("in scenario c, 4%"), "{err}");
    // A child's range replaces the parent's for that key; the rest inherit.
    let good = "extends = \"p\"\n[rates]\npay_inflation = \"4%\"\n[ranges.rates]\npay_inflation = { low = \"3%\", high = \"6%\" }\n";
    let dir = workspace(&[("p", &parent), ("c", good)]);
    let (ws, s) = poolplan::load::load_for(dir.path(), &["c".to_string()]).unwrap();
    assert!(ws.diagnostics.iter().all(|d| !d.is_error()));
    let labels: Vec<String> = s[0]
        .ranges
        .iter()
        .map(|(k, r)| format!("{} {} {} {} {}", k.label(), r.low, r.mode, r.high, r.origin))
        .collect();
    assert_eq!(
        labels,
        [
            "rates.pay_inflation 0.03 0.04 0.06 scenarios/c.toml:5".to_string(),
            "demand.family-support 0.01 0.03 0.05 scenarios/p.toml:7".to_string(),
        ]
    );
}
