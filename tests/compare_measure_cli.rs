//! `compare --measure` (issue 18 item 2) as the built binary: the overspend
//! and exposure bridges sum exactly to the change in the tidy export's
//! figures, carry their notes in CSV, and a bad measure or partner is an
//! error a finance lead can act on.

mod common;
use common::cli::{cmd, dec, run};
use common::example_dir as root;

use rust_decimal::Decimal;
use std::path::Path;

/// Σ of the tidy export's `measure` rows of a scenario (partner filter optional).
fn tidy_total(dir: &Path, scenario: &str, measure: &str, partner: Option<&str>) -> Decimal {
    let text = run(dir, &["export", "--tidy", scenario]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    r.records()
        .map(|row| row.unwrap())
        .filter(|row| &row[5] == measure && !row[6].is_empty() && row[2].is_empty())
        .filter(|row| row[4].is_empty() && partner.is_none_or(|p| &row[3] == p))
        .map(|row| dec(&row[6]))
        .sum()
}

fn bridge_csv(dir: &Path, a: &str, b: &str, measure: &str) -> Vec<csv::StringRecord> {
    let text = run(
        dir,
        &[
            "compare",
            a,
            b,
            "--measure",
            measure,
            "--only",
            "bridge",
            "-O",
            "csv",
        ],
    );
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let id = measure.split(':').next().unwrap();
    let want = [
        "step",
        "driver",
        &format!("{id}_change"),
        "gap_change",
        "note",
    ];
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), want);
    r.records().map(|x| x.unwrap()).collect()
}

#[test]
fn overspend_bridge_sums_to_the_tidy_change_and_explains_itself() {
    let dir = root();
    let rows = bridge_csv(&dir, "baseline", "workforce", "overspend");
    let total: Decimal = rows.iter().map(|r| dec(&r[2])).sum();
    let want = tidy_total(&dir, "workforce", "overspend", None)
        - tidy_total(&dir, "baseline", "overspend", None);
    assert_eq!(total, want);
    // Every step that moves the gap but not the overspend says why.
    for r in rows
        .iter()
        .filter(|r| dec(&r[2]).is_zero() && !dec(&r[3]).is_zero())
    {
        assert!(r[4].contains("underspend returned to partners"), "{r:?}");
    }
    let text = run(
        &dir,
        &[
            "compare",
            "baseline",
            "workforce",
            "--measure",
            "overspend",
            "--only",
            "bridge",
        ],
    );
    assert!(
        text.contains("Bridge of the cumulative overspend, baseline to workforce"),
        "{text}"
    );
    assert!(
        text.contains("step 3: the gap moves -2,038,627.50 but the overspend 0"),
        "{text}"
    );
}

#[test]
fn exposure_bridges_sum_to_the_tidy_change() {
    let dir = root();
    for (measure, partner) in [
        ("exposure:nhs-haringey", Some("nhs-haringey")),
        ("exposure", None),
    ] {
        let rows = bridge_csv(&dir, "baseline", "nhs-cut", measure);
        let total: Decimal = rows.iter().map(|r| dec(&r[2])).sum();
        let want = tidy_total(&dir, "nhs-cut", "exposure", partner)
            - tidy_total(&dir, "baseline", "exposure", partner);
        assert_eq!(total, want, "{measure}");
    }
}

#[test]
fn the_gap_bridge_keeps_its_three_columns() {
    let text = run(
        &root(),
        &[
            "compare", "baseline", "central", "--only", "bridge", "-O", "csv",
        ],
    );
    assert!(text.starts_with("step,driver,gap_change\n"), "{text}");
    let same = run(
        &root(),
        &[
            "compare",
            "baseline",
            "central",
            "--measure",
            "gap",
            "--only",
            "bridge",
            "-O",
            "csv",
        ],
    );
    assert_eq!(text, same);
}

#[test]
fn a_bad_measure_or_partner_is_refused() {
    let out = cmd(
        &root(),
        &[
            "compare",
            "baseline",
            "central",
            "--measure",
            "exposure:nhs",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "no partner \"nhs\" in the budget; the partners are: council-cs, nhs-haringey"
        ),
        "{err}"
    );
    let out = cmd(
        &root(),
        &["compare", "baseline", "central", "--measure", "npv"],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("use gap, overspend, exposure (every partner) or exposure:PARTNER"),
        "{err}"
    );
}

#[test]
fn a_fixture_workspace_bridges_every_measure() {
    let dir = root().join("tests/fixtures/valid-base");
    for m in ["overspend", "exposure"] {
        let rows = bridge_csv(&dir, "base", "plan", m);
        let total: Decimal = rows.iter().map(|r| dec(&r[2])).sum();
        let id = if m == "overspend" {
            "overspend"
        } else {
            "exposure"
        };
        let want = tidy_total(&dir, "plan", id, None) - tidy_total(&dir, "base", id, None);
        assert_eq!(total, want, "{m}");
    }
}
