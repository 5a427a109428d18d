//! `summary`, `compare`, `sensitivity`, `tui` and `--help` as a finance lead
//! meets them: cost per outcome is always in £, whatever `--units`; one
//! snake_case id per measure in CSV and JSON and human labels in tables;
//! `--real` reads the engine's real-terms figures; unknown scenarios are
//! refused by every command; help text for every argument, citing nothing a
//! user does not have.

mod common;
use common::cli::{dec, poolplan, run};
use common::example_dir as ex;

use predicates::str::contains;
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap};

fn csv_rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let head = r.headers().unwrap().clone();
    r.records()
        .map(|row| {
            let row = row.unwrap();
            head.iter()
                .zip(row.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The cells after the label of the first line of `table` starting with `label`.
fn text_row(text: &str, table: &str, label: &str) -> Vec<String> {
    let start = text.find(table).unwrap_or_else(|| panic!("no {table}"));
    let line = text[start..]
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no {label} row in {table}:\n{text}"));
    line[label.len()..]
        .split_whitespace()
        .map(String::from)
        .collect()
}

fn is_snake_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[test]
fn cost_per_outcome_is_in_pounds_whatever_the_units() {
    let pounds = run(&ex(), &["summary", "baseline"]);
    let row = text_row(
        &pounds,
        "Baseline (baseline)",
        "cost per outcome (£, all outcomes)",
    );
    assert_eq!(row.len(), 4, "{row:?}");
    assert!(row.iter().all(|c| dec(&c.replace(',', "")) > dec("1000")));
    for units in ["thousands", "millions"] {
        let text = run(&ex(), &["summary", "baseline", "--units", units]);
        assert_eq!(
            text_row(
                &text,
                "Baseline (baseline)",
                "cost per outcome (£, all outcomes)"
            ),
            row,
            "--units {units}"
        );
    }
}

#[test]
fn summary_csv_and_json_use_one_snake_case_id_per_measure() {
    let rows = csv_rows(&run(&ex(), &["summary", "-O", "csv"]));
    let measures: BTreeSet<&str> = rows.iter().map(|r| r["measure"].as_str()).collect();
    for m in &measures {
        assert!(is_snake_id(m), "measure {m:?}");
    }
    for m in [
        "in_year_gap",
        "cost_per_outcome",
        "benefit_total",
        "overspend",
    ] {
        assert!(measures.contains(m), "{m} missing from {measures:?}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&run(&ex(), &["summary", "-O", "json"])).unwrap();
    let mut seen = BTreeSet::new();
    for t in json.as_array().unwrap() {
        for c in t["columns"].as_array().unwrap() {
            let c = c.as_str().unwrap();
            assert!(is_snake_id(c) || c.contains('-'), "column {c:?}");
        }
        for r in t["rows"].as_array().unwrap() {
            if let Some(m) = r.get("measure") {
                seen.insert(m.as_str().unwrap().to_string());
            }
        }
    }
    let csv_ids: BTreeSet<String> = measures
        .iter()
        .filter(|m| !matches!(**m, "pv_cost" | "pv_benefit" | "npv" | "bcr"))
        .filter(|m| !matches!(**m, "payback_year" | "closing_reserve"))
        .filter(|m| {
            !matches!(
                **m,
                "pv_fiscal_benefit" | "financial_roi" | "fiscal_payback_year"
            )
        })
        .map(|m| m.to_string())
        .collect();
    assert_eq!(seen, csv_ids, "the JSON's measures are the CSV's");
}

#[test]
fn tables_show_human_labels() {
    let text = run(&ex(), &["summary", "baseline"]);
    assert!(text.contains("\nin-year gap "), "{text}");
    assert!(text.contains("PV of spend"), "{text}");
    assert!(!text.contains("pv_cost"), "{text}");
    let text = run(
        &ex(),
        &["compare", "baseline", "worst-case", "--only", "headlines"],
    );
    assert!(text.contains("\nin-year gap "), "{text}");
    assert!(!text.contains("in_year_gap"), "{text}");
    let text = run(
        &ex(),
        &["compare", "baseline", "worst-case", "--only", "value"],
    );
    assert!(text.contains("\nNPV "), "{text}");
}

#[test]
fn bridge_labels_group_numbers_as_the_money_beside_them() {
    let text = run(
        &ex(),
        &["compare", "baseline", "workforce", "--only", "bridge"],
    );
    assert!(
        text.contains("add volume sw-permanent by 15,000 from 2010-11"),
        "{text}"
    );
    assert!(
        text.contains("add volume sw-permanent by 8,000 from 2011-12"),
        "{text}"
    );
}

#[test]
fn providers_shows_one_number_style() {
    let text = run(&ex(), &["providers", "--category", "residential-care"]);
    assert!(text.contains("      0.0%  "), "{text}");
    assert!(text.contains("      -8.5%  "), "{text}");
    // the note's saving is written as the saving column writes it
    assert!(text.contains("would save £639,600 in 2009-10."), "{text}");
}

#[test]
fn compare_csv_names_tables_by_the_ids_only_takes() {
    let text = run(&ex(), &["compare", "baseline", "worst-case", "-O", "csv"]);
    let tables: BTreeSet<String> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("table,"))
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let want: BTreeSet<String> = [
        "headlines",
        "value",
        "pools",
        "exposure",
        "services",
        "bridge",
        "who-pays",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(tables, want);
    for id in &want {
        poolplan(&ex())
            .args(["compare", "baseline", "worst-case", "--only", id])
            .assert()
            .success();
    }
    let rows = csv_rows(&run(
        &ex(),
        &[
            "compare",
            "baseline",
            "worst-case",
            "-O",
            "csv",
            "--only",
            "headlines",
        ],
    ));
    let measures: BTreeSet<&str> = rows.iter().map(|r| r["measure"].as_str()).collect();
    assert!(measures.contains("in_year_gap") && measures.contains("benefit_total"));
    assert!(measures.iter().all(|m| is_snake_id(m)), "{measures:?}");
    let json: serde_json::Value = serde_json::from_str(&run(
        &ex(),
        &["compare", "baseline", "worst-case", "-O", "json"],
    ))
    .unwrap();
    let ids: BTreeSet<String> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["table"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, want);
}

#[test]
fn sensitivity_headers_say_they_are_changes() {
    let text = run(&ex(), &["sensitivity", "baseline"]);
    for h in [
        "Δ gap at −1 pp",
        "Δ gap at +1 pp",
        "Δ NPV at −1 pp",
        "Δ NPV at +1 pp",
    ] {
        assert!(text.contains(h), "{h}:\n{text}");
    }
    assert!(!text.contains("gap −1pp"), "{text}");
}

/// The tidy export's `measure` for `scenario` by year label.
fn tidy_series(scenario: &str, measure: &str) -> Vec<(String, Decimal)> {
    csv_rows(&run(&ex(), &["export", "--tidy", scenario]))
        .into_iter()
        .filter(|r| r["measure"] == measure && r["pool"].is_empty() && !r["year"].is_empty())
        .map(|r| (r["year"].clone(), dec(&r["value"])))
        .collect()
}

fn summary_series(args: &[&str], scenario: &str, measure: &str) -> Vec<(String, Decimal)> {
    csv_rows(&run(&ex(), args))
        .into_iter()
        .filter(|r| r["scenario"] == scenario && r["measure"] == measure && r["year"] != "total")
        .filter(|r| !r["year"].is_empty())
        .map(|r| (r["year"].clone(), dec(&r["value"])))
        .collect()
}

#[test]
fn summary_real_reads_the_engines_real_terms() {
    let real = summary_series(
        &["summary", "worst-case", "--real", "-O", "csv"],
        "worst-case",
        "spend",
    );
    assert_eq!(real, tidy_series("worst-case", "real_spend"));
    // By hand: the example's deflator is 2.5%, so a cash figure x in year t
    // is round(x / 1.025^t) in 2009-10 prices; year 0 is unchanged.
    let cash = tidy_series("worst-case", "contributions");
    let real = summary_series(
        &["summary", "worst-case", "--real", "-O", "csv"],
        "worst-case",
        "contributions",
    );
    assert_eq!(real[0], cash[0]);
    let df = dec("1.025") * dec("1.025");
    assert_eq!(real[2].1, (cash[2].1 / df).round_dp(2));
    assert_ne!(real[2].1, cash[2].1);
    let text = run(
        &ex(),
        &["summary", "worst-case", "--real", "--units", "thousands"],
    );
    assert!(
        text.starts_with("Money in £000 (real terms, 2009-10 prices)"),
        "{text}"
    );
}

#[test]
fn compare_real_reads_the_engines_real_terms() {
    let rows = csv_rows(&run(
        &ex(),
        &[
            "compare",
            "baseline",
            "worst-case",
            "--real",
            "-O",
            "csv",
            "--only",
            "headlines",
        ],
    ));
    let spend = rows
        .iter()
        .find(|r| r["measure"] == "spend" && r["scenario"] == "worst-case")
        .unwrap();
    for (year, v) in tidy_series("worst-case", "real_spend") {
        assert_eq!(dec(&spend[&year]), v, "{year}");
    }
    let text = run(&ex(), &["compare", "baseline", "worst-case", "--real"]);
    assert!(text.contains("real terms, 2009-10 prices"), "{text}");
    assert!(text.contains("bridge is in cash terms"), "{text}");
}

#[test]
fn tui_refuses_unknown_scenarios_as_summary_does() {
    for args in [&["tui", "nosuch"][..], &["tui", "baseline", "nosuch"]] {
        poolplan(&ex()).args(args).assert().code(1).stderr(contains(
            "no scenario \"nosuch\"; the workspace has: baseline, central",
        ));
    }
    poolplan(&ex())
        .args(["tui", "baseline", "central", "worst-case"])
        .assert()
        .code(2)
        .stderr(contains("poolplan tui opens one scenario"));
}

#[test]
fn help_describes_every_argument_and_cites_no_spec() {
    let help = |args: &[&str]| {
        let out = poolplan(&ex()).args(args).arg("-h").output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let compare = help(&["compare"]);
    assert!(
        compare.contains("<A>  The scenario to start from"),
        "{compare}"
    );
    assert!(
        compare.contains("<B>  The scenario to compare"),
        "{compare}"
    );
    let providers = help(&["providers"]);
    assert!(
        providers.contains("[SCENARIO]  The scenario"),
        "{providers}"
    );
    assert!(
        providers.contains("--category <CATEGORY>  Only"),
        "{providers}"
    );
    let sensitivity = help(&["sensitivity"]);
    assert!(
        sensitivity.contains("<SCENARIO>  The scenario"),
        "{sensitivity}"
    );
    let tui = help(&["tui"]);
    assert!(
        tui.contains("[SCENARIO]...  The scenario to open on"),
        "{tui}"
    );
    for cmd in [
        "",
        "check",
        "summary",
        "compare",
        "providers",
        "sensitivity",
        "export",
        "tui",
    ] {
        let args: Vec<&str> = if cmd.is_empty() { vec![] } else { vec![cmd] };
        let text = help(&args);
        assert!(!text.contains("SPEC"), "{cmd} --help: {text}");
    }
    let readme = std::fs::read_to_string(common::example_dir().join("README.md")).unwrap();
    assert!(!readme.contains("SPEC"), "README cites SPEC");
}
