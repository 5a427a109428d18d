//! `poolplan providers --by-sector` and `--provider` (issue 18 item 5) as the
//! built binary on the example workspace and a fixture workspace.

mod common;
use common::cli::{cmd, dec, run};
use common::example_dir as root;

use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;

/// The CSV's rows as maps, each table's own header.
fn tables(text: &str) -> Vec<HashMap<String, String>> {
    let mut out = vec![];
    for block in text.split("\n\n").filter(|b| !b.trim().is_empty()) {
        let mut r = csv::Reader::from_reader(block.as_bytes());
        let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        for row in r.records() {
            let row = row.unwrap();
            out.push(
                h.iter()
                    .cloned()
                    .zip(row.iter().map(String::from))
                    .collect(),
            );
        }
    }
    out
}

fn check_sector_csv(dir: &Path) {
    let rows = tables(&run(dir, &["providers", "--by-sector", "-O", "csv"]));
    let lines: Vec<_> = rows.iter().filter(|r| r["table"] == "providers").collect();
    let savings: Vec<_> = rows.iter().filter(|r| r["table"] == "savings").collect();
    assert!(!lines.is_empty() && !savings.is_empty());
    let year = lines[0]["year"].clone();
    for total in lines.iter().filter(|r| r["service"] == "(total)") {
        let cat = &total["category"];
        let of_cat = lines
            .iter()
            .filter(|r| &r["category"] == cat && r["service"] != "(total)");
        let within: Decimal = of_cat
            .clone()
            .map(|r| dec(&r["sector_saving_at_median"]))
            .sum();
        let across: Decimal = of_cat.map(|r| dec(&r["saving_at_median"])).sum();
        assert_eq!(within, dec(&total["sector_saving_at_median"]), "{cat}");
        assert_eq!(across, dec(&total["saving_at_median"]), "{cat}");
        let by_year = |what: &str| {
            let r = savings
                .iter()
                .find(|r| &r["category"] == cat && r["saving"] == what)
                .unwrap();
            dec(&r[&year])
        };
        assert_eq!(by_year("across sectors"), across, "{cat}");
        assert_eq!(by_year("within sector"), within, "{cat}");
    }
    // Each savings row's years add up to its horizon total.
    for s in &savings {
        let years: Vec<&String> = s.keys().filter(|k| k.starts_with("20")).collect();
        let sum: Decimal = years.iter().map(|y| dec(&s[*y])).sum();
        assert_eq!(sum, dec(&s["total"]), "{s:?}");
    }
}

#[test]
fn by_sector_csv_reconciles_on_the_example_and_a_fixture() {
    check_sector_csv(&root());
    check_sector_csv(&root().join("tests/fixtures/valid-base"));
}

#[test]
fn fostering_shows_both_savings_and_says_which_is_which() {
    let text = run(
        &root(),
        &["providers", "--by-sector", "--category", "fostering"],
    );
    assert!(text.contains("saving at sector median"), "{text}");
    assert!(text.contains("Across sectors: the category's volume-weighted median unit cost is £450.00; \"saving at median\" pays every line above it that median: £3,983,200 in 2009-10."), "{text}");
    assert!(
        text.contains(
            "in_house holds 52.6% of the volume, so the across-sector median is its own rate"
        ),
        "{text}"
    );
    assert!(text.contains("£83,200 in 2009-10"), "{text}");
}

#[test]
fn without_by_sector_the_output_is_unchanged() {
    let text = run(&root(), &["providers", "-O", "csv"]);
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("category,service,provider,unit_cost,volume,cost,outcomes,cost_per_outcome,rank,median_unit_cost,saving_at_median,"), "{first}");
    assert!(!first.contains("sector_rank"));
}

#[test]
fn a_provider_drill_lists_its_services_by_year() {
    let rows = tables(&run(
        &root(),
        &[
            "providers",
            "--provider",
            "brightpath-fostering",
            "-O",
            "csv",
        ],
    ));
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["year"].as_str(), r["service"].as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("2009-10", "fo-brightpath"),
            ("2010-11", "fo-brightpath"),
            ("2011-12", "fo-brightpath")
        ]
    );
    assert_eq!(rows[0]["saving_at_median"], "2683200.00");
    let out = cmd(&root(), &["providers", "--provider", "brightpath"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no provider \"brightpath\" in providers.csv or on any service; the providers are: lbh-early-help,"), "{err}");
}
