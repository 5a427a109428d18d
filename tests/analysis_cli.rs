//! `compare`, `providers` and `sensitivity` run as the built binary on the
//! example workspace, their figures checked against the tidy export.

mod common;
use common::cli::{cmd, dec, run};
use common::example_dir as root;

use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;

/// The tidy export: (scenario, year, pool, partner, service, measure) → value.
type Tidy = HashMap<[String; 6], Decimal>;

fn tidy(dir: &Path, scenarios: &[&str]) -> Tidy {
    let mut args = vec!["export", "--tidy"];
    args.extend(scenarios);
    let text = run(dir, &args);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let mut out = HashMap::new();
    for row in r.records() {
        let row = row.unwrap();
        if row[6].is_empty() {
            continue;
        }
        let key = std::array::from_fn(|i| row[i].to_string());
        out.insert(key, dec(&row[6]));
    }
    out
}

fn get(t: &Tidy, k: [&str; 6]) -> Decimal {
    t[&k.map(String::from)]
}

fn cumulative_gap(t: &Tidy, scenario: &str) -> Decimal {
    t.iter()
        .filter(|(k, _)| k[0] == scenario && k[5] == "in_year_gap")
        .map(|(_, v)| *v)
        .sum()
}

/// The CSV blocks of a multi-table output: table name → rows as maps.
fn blocks(text: &str) -> HashMap<String, Vec<HashMap<String, String>>> {
    let mut out: HashMap<String, Vec<HashMap<String, String>>> = HashMap::new();
    for block in text.split("\n\n") {
        let mut r = csv::Reader::from_reader(block.as_bytes());
        let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        for row in r.records() {
            let row = row.unwrap();
            let m: HashMap<String, String> = head
                .iter()
                .cloned()
                .zip(row.iter().map(String::from))
                .collect();
            out.entry(m.get("table").cloned().unwrap_or_default())
                .or_default()
                .push(m);
        }
    }
    out
}

#[test]
fn compare_bridge_csv_has_the_spec_columns_and_sums_to_the_tidy_gaps() {
    let t = tidy(&root(), &["baseline", "workforce"]);
    for (a, b) in [("baseline", "workforce"), ("workforce", "baseline")] {
        let text = run(&root(), &["compare", a, b, "-O", "csv", "--only", "bridge"]);
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("step,driver,gap_change"));
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let total: Decimal = r.records().map(|row| dec(&row.unwrap()[2])).sum();
        assert_eq!(
            total,
            cumulative_gap(&t, b) - cumulative_gap(&t, a),
            "{a} → {b}"
        );
    }
}

#[test]
fn compare_tables_match_the_tidy_export() {
    let t = tidy(&root(), &["baseline", "nhs-cut"]);
    let text = run(&root(), &["compare", "baseline", "nhs-cut", "-O", "csv"]);
    let b = blocks(&text);
    let years = ["2009-10", "2010-11", "2011-12"];
    for row in &b["headlines"] {
        if row["measure"] != "in_year_gap" || row["scenario"] == "change" {
            continue;
        }
        for y in years {
            let want = get(&t, [&row["scenario"], y, "", "", "", "in_year_gap"]);
            assert_eq!(dec(&row[y]), want);
        }
    }
    let exposure = &b["exposure"];
    for row in exposure.iter().filter(|r| r["scenario"] != "change") {
        for y in years {
            let want = get(
                &t,
                [&row["scenario"], y, "", &row["partner"], "", "exposure"],
            );
            assert_eq!(dec(&row[y]), want, "{row:?}");
        }
    }
    // the NHS cut moves its pools' balances: every pool it funds is listed
    let pools = &b["pools"];
    for pool in [
        "early-help",
        "safeguarding-lac",
        "camhs-s75",
        "youth-justice",
    ] {
        assert!(pools.iter().any(|r| r["pool"] == pool), "{pool}");
    }
    let steps = &b["bridge"];
    let total: Decimal = steps.iter().map(|r| dec(&r["gap_change"])).sum();
    assert_eq!(
        total,
        cumulative_gap(&t, "nhs-cut") - cumulative_gap(&t, "baseline")
    );
}

#[test]
fn compare_prints_text_and_json() {
    let text = run(&root(), &["compare", "central", "invest-to-save"]);
    assert!(text
        .contains("Bridge of the total of in-year gaps over 3 years, central to invest-to-save"));
    assert!(text.contains("add decommission rc-kestrel from 2011-12"));
    let json = run(
        &root(),
        &["compare", "central", "invest-to-save", "-O", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let bridge = v.as_array().unwrap().last().unwrap();
    assert_eq!(
        bridge["columns"],
        serde_json::json!(["step", "driver", "gap_change"])
    );
}

/// A copy of the example workspace with a second budget and extra scenarios.
fn workspace_copy(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let src = root().join("budgets/haringey-ct-2009");
    for budget in ["haringey-ct-2009", "copy"] {
        let dst = tmp.path().join("budgets").join(budget);
        std::fs::create_dir_all(&dst).unwrap();
        for f in std::fs::read_dir(&src).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dst.join(f.file_name().unwrap())).unwrap();
        }
    }
    let scen = tmp.path().join("scenarios");
    std::fs::create_dir_all(&scen).unwrap();
    for f in std::fs::read_dir(root().join("scenarios")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, scen.join(f.file_name().unwrap())).unwrap();
    }
    for (name, body) in extra {
        std::fs::write(scen.join(format!("{name}.toml")), body).unwrap();
    }
    tmp
}

#[test]
fn compare_across_budgets_or_horizons_is_an_error() {
    let tmp = workspace_copy(&[
        ("other", "budget = \"copy\"\n"),
        ("longer", "extends = \"baseline\"\nyears = 4\n"),
    ]);
    for (b, says) in [("other", "same budget"), ("longer", "same horizon")] {
        let out = cmd(tmp.path(), &["compare", "baseline", b]);
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{err}");
    }
}

fn csv_rows(text: &str) -> Vec<HashMap<String, String>> {
    blocks(text).into_values().flatten().collect()
}

#[test]
fn providers_match_the_tidy_export_and_the_median_rule() {
    let t = tidy(&root(), &["baseline"]);
    let text = run(&root(), &["providers", "-O", "csv"]);
    let head = text.lines().next().unwrap();
    assert!(head.starts_with(
        "category,service,provider,unit_cost,volume,cost,outcomes,cost_per_outcome,rank,median_unit_cost,saving_at_median"
    ));
    let rows = csv_rows(&text);
    let mut by_cat: HashMap<String, Vec<&HashMap<String, String>>> = HashMap::new();
    for r in &rows {
        assert_eq!(r["year"], "2009-10");
        assert_eq!(r["scenario"], "baseline");
        by_cat.entry(r["category"].clone()).or_default().push(r);
    }
    assert!(by_cat.contains_key("residential-care"));
    for (cat, rows) in by_cat {
        let (lines, total): (Vec<_>, Vec<_>) =
            rows.into_iter().partition(|r| r["service"] != "(total)");
        // each line's figures are the tidy export's (base year: exact)
        let mut pairs = vec![];
        for l in &lines {
            let s = l["service"].as_str();
            let pool = t.keys().find(|k| k[4] == s && k[5] == "cost").unwrap()[2].clone();
            let tk = |m: &str| get(&t, ["baseline", "2009-10", &pool, "", s, m]);
            assert_eq!(dec(&l["cost"]), tk("cost"), "{s}");
            assert_eq!(dec(&l["unit_cost"]), tk("unit_cost"), "{s}");
            assert_eq!(dec(&l["volume"]), tk("volume"), "{s}");
            pairs.push((tk("unit_cost"), tk("volume")));
        }
        // the weighted median and saving, recomputed from the tidy figures
        pairs.sort();
        let volume: Decimal = pairs.iter().map(|p| p.1).sum();
        let mut cum = Decimal::ZERO;
        let median = pairs.iter().find(|p| {
            cum += p.1;
            cum >= volume / Decimal::TWO
        });
        let median = median.map(|m| m.0).unwrap();
        let saving: Decimal = pairs
            .iter()
            .map(|(u, v)| {
                ((*u - median).max(Decimal::ZERO) * v)
                    .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            })
            .sum();
        assert_eq!(dec(&total[0]["median_unit_cost"]), median, "{cat}");
        assert_eq!(dec(&total[0]["saving_at_median"]), saving, "{cat}");
        let cost: Decimal = lines.iter().map(|l| dec(&l["cost"])).sum();
        assert_eq!(dec(&total[0]["cost"]), cost, "{cat}");
    }
}

#[test]
fn providers_year_category_and_recommissioned_provider() {
    let text = run(
        &root(),
        &[
            "providers",
            "--category",
            "workforce-development",
            "--year",
            "2011-12",
            "workforce",
            "-O",
            "csv",
        ],
    );
    let rows = csv_rows(&text);
    let training = rows.iter().find(|r| r["service"] == "wd-training").unwrap();
    assert_eq!(training["provider"], "nl-university");
    assert_eq!(training["year"], "2011-12");
    assert!(rows
        .iter()
        .all(|r| r["category"] == "workforce-development"));
    let text = run(&root(), &["providers", "--category", "residential-care"]);
    assert!(
        text.contains("Volume-weighted median unit cost £2,950.00"),
        "{text}"
    );
    for (args, code) in [
        (vec!["providers", "--year", "2009-11"], 2),
        (vec!["providers", "--year", "2015-16"], 1),
        (vec!["providers", "--category", "nope"], 1),
    ] {
        let out = cmd(&root(), &args);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
}

#[test]
fn sensitivity_matches_reruns_through_scenario_files() {
    let text = run(&root(), &["sensitivity", "baseline", "-O", "csv"]);
    let b = blocks(&text);
    let t = tidy(&root(), &["baseline"]);
    assert_eq!(
        dec(&b["base"][0]["cumulative_gap"]),
        cumulative_gap(&t, "baseline")
    );
    let row = |name: &str| {
        b["inputs"]
            .iter()
            .find(|r| r["input"] == name)
            .unwrap()
            .clone()
    };
    let pay = row("pay_inflation");
    let rc = row("demand:residential-care");
    let switching = rc["switching_value"].clone();
    // re-run both moves as real scenario files and read their tidy gaps
    let tmp = workspace_copy(&[
        (
            "pay-up",
            "extends = \"baseline\"\n[rates]\npay_inflation = \"3.5%\"\n",
        ),
        (
            "rc-switch",
            &format!("extends = \"baseline\"\n[demand]\nresidential-care = \"{switching}\"\n"),
        ),
    ]);
    let t2 = tidy(tmp.path(), &["baseline", "pay-up", "rc-switch"]);
    let base = cumulative_gap(&t2, "baseline");
    assert_eq!(
        dec(&pay["gap_plus_1pp"]),
        cumulative_gap(&t2, "pay-up") - base
    );
    assert!(
        cumulative_gap(&t2, "rc-switch").abs() <= Decimal::ONE,
        "{switching}"
    );
    assert_eq!(row("deflator")["switching_value"], "n/a");
}

#[test]
fn sensitivity_text_is_a_sorted_tornado() {
    let text = run(
        &root(),
        &["sensitivity", "baseline", "--units", "thousands"],
    );
    assert!(text.contains("Money in £000"));
    assert!(text.contains("Switching values"));
    let json = run(&root(), &["sensitivity", "baseline", "-O", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v[1]["rows"].as_array().unwrap();
    let swings: Vec<Decimal> = rows.iter().map(|r| dec(&r["swing"].to_string())).collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]));
}
