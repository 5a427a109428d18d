//! SPEC §11 end to end on `tests/fixtures/valid-outcomes` (beneficiaries
//! inside and outside the partnership, every kind, the five §11.2 columns,
//! `benefit` pools, a decommission with benefits continuing, a commission
//! valued through outcomes.csv, an outcome no service uses): the tidy export
//! and the summary are checked in under tests/golden/ (the tidy file was
//! checked byte for byte against tools/oracle.py on branch `oracle`), and the
//! who-pays table reconciles with the tidy rows to the penny.
//! Regenerate with `UPDATE_GOLDEN=1 cargo test --test outcomes_golden`.

mod common;

use assert_cmd::Command;
use poolplan::analysis::who_pays::who_pays;
use rust_decimal::Decimal;
use std::str::FromStr;

fn check_golden(name: &str, args: &[&str]) {
    let out = Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(common::fixture("valid-outcomes"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = common::example_dir().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &out.stdout).unwrap();
    }
    let want = std::fs::read(&path).unwrap_or_default();
    assert!(
        want == out.stdout,
        "{name} differs from the golden file; rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn tidy_export_with_outcomes() {
    check_golden("outcomes-tidy.csv", &["export", "--tidy"]);
}

#[test]
fn summary_with_who_pays_who_benefits() {
    check_golden("outcomes-summary.txt", &["summary"]);
}

#[test]
fn who_pays_reconciles_with_the_tidy_export() {
    let (_, ps) = common::load(&common::fixture("valid-outcomes"));
    let refs: Vec<&poolplan::engine::Projection> = ps.iter().collect();
    let tidy = String::from_utf8(poolplan::report::tidy::tidy_bytes(&refs)).unwrap();
    let sum = |scenario: &str, measure: &str, who: &str| -> Decimal {
        tidy.lines()
            .map(|l| l.split(',').collect::<Vec<_>>())
            .filter(|c| c[0] == scenario && c[5] == measure && c[3] == who)
            .map(|c| Decimal::from_str(c[6]).unwrap())
            .sum()
    };
    let mut checked = 0;
    for p in &ps {
        let rows = who_pays(p, None).unwrap();
        assert!(
            rows.iter().any(|r| !r.partner),
            "an outside agency is listed"
        );
        for r in rows {
            assert_eq!(
                r.pays,
                sum(&p.scenario_id, "exposure", &r.id),
                "{} pays",
                r.id
            );
            assert_eq!(
                r.receives,
                sum(&p.scenario_id, "fiscal_benefit_to", &r.id),
                "{} receives",
                r.id
            );
            checked += 1;
        }
    }
    assert!(checked >= 10);
}
