//! The SVG charts of the example workspace: golden files (byte for byte,
//! so the output is deterministic), and every figure label checked against
//! the table cell it shows, read from the exported Cabinet CSV tables and
//! the `compare` / `providers` CSV (the tables a paper prints beside the
//! chart). Regenerate the goldens with `UPDATE_GOLDEN=1 cargo test --test charts`.

mod common;

use assert_cmd::Command;
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

fn poolplan(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(common::example_dir())
        .args(args)
        .assert()
        .success();
    out.get_output().stdout.clone()
}

fn chart(kind: &str) -> String {
    String::from_utf8(poolplan(&["chart", kind, "baseline", "worst-case"])).unwrap()
}

/// The figure labels (the text in the label colour), as numbers.
fn labels(svg: &str) -> Vec<Decimal> {
    let mut out = vec![];
    for part in svg.split("<text ").skip(1) {
        let (attrs, rest) = part.split_once('>').unwrap();
        if !attrs.contains("fill=\"#101010\"") {
            continue;
        }
        let text = rest.split("</text>").next().unwrap().trim();
        let n = Decimal::from_str(&text.replace(',', ""))
            .unwrap_or_else(|_| panic!("figure label {text:?} is not a number"));
        out.push(n);
    }
    out.sort();
    out
}

/// The Cabinet CSV tables in £000 for baseline and worst-case.
fn blocks() -> Vec<common::Block> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.csv");
    Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(common::example_dir())
        .args([
            "export",
            "baseline",
            "worst-case",
            "--units",
            "thousands",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    common::parse_blocks(&std::fs::read(out).unwrap())
}

fn num(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("{s:?} is not a number"))
}

fn sorted(mut v: Vec<Decimal>) -> Vec<Decimal> {
    v.sort();
    v
}

/// Rows of a block whose leading cells are `keys`.
fn rows<'a>(b: &'a common::Block, keys: &'a [&str]) -> impl Iterator<Item = &'a Vec<String>> {
    b.rows
        .iter()
        .filter(move |r| keys.iter().zip(r.iter()).all(|(k, c)| k == c))
}

#[test]
fn charts_match_their_golden_files() {
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    for kind in [
        "gap",
        "bridge",
        "exposure",
        "providers",
        "benefits",
        "monitor",
        "fan",
    ] {
        let svg = chart(kind);
        assert_eq!(svg, chart(kind), "{kind}: two runs give the same bytes");
        let path = common::example_dir()
            .join("tests/golden/charts")
            .join(format!("{kind}.svg"));
        if update {
            std::fs::write(&path, &svg).unwrap();
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
        assert!(svg == want, "{kind}.svg differs from {}", path.display());
    }
}

#[test]
fn gap_labels_are_the_headline_cells_of_the_last_year() {
    let b = blocks();
    let gap = "In-year gap (spend less contributions; MTFS cumulative gap)";
    let want: Vec<Decimal> = ["Baseline", "Worst case"]
        .iter()
        .map(|s| num(&rows(&b[0], &[s, gap]).next().unwrap()[4]))
        .collect();
    assert_eq!(labels(&chart("gap")), sorted(want));
}

#[test]
fn fan_labels_are_the_risk_by_year_cells_of_the_last_year() {
    let b = blocks();
    let t = b
        .iter()
        .find(|x| x.title.starts_with("Risk: in-year gap by year"))
        .unwrap();
    let want: Vec<Decimal> = ["P10", "P50", "P90", "As planned"]
        .iter()
        .map(|m| num(&rows(t, &["Worst case", m]).next().unwrap()[4]))
        .collect();
    assert_eq!(labels(&chart("fan")), sorted(want));
    let svg = chart("fan");
    assert!(
        svg.contains("under the ranges of Worst case"),
        "the first ranged scenario"
    );
}

#[test]
fn exposure_and_benefit_labels_are_the_pools_and_headline_cells() {
    let b = blocks();
    let pools = &b[2];
    let total = |r: &Vec<String>| num(r.last().unwrap());
    let partners: Vec<&Vec<String>> = rows(pools, &["Baseline", "All pools"])
        .filter(|r| r[2] != "All partners")
        .collect();
    let measure = |m: &str| -> Vec<Decimal> {
        partners
            .iter()
            .filter(|r| r[3] == m)
            .map(|r| total(r))
            .collect()
    };
    let mut want = measure("Contribution");
    want.extend(measure("Risk share"));
    assert_eq!(labels(&chart("exposure")), sorted(want));
    // Benefits: pays, receives (fiscal) and of which cashable of each
    // partner and agency in the who-pays table (not its total, nor a row
    // of zeros).
    let who = b.iter().find(|x| x.title.starts_with("Who pays")).unwrap();
    let mut want: Vec<Decimal> = vec![];
    for r in rows(who, &["Baseline"]).filter(|r| r[1] != "Total") {
        let v: Vec<Decimal> = r[3..6].iter().map(|c| num(c)).collect();
        if v.iter().any(|x| !x.is_zero()) {
            want.extend(v);
        }
    }
    assert_eq!(labels(&chart("benefits")), sorted(want));
}

#[test]
fn bridge_labels_are_the_bridge_and_headline_cells() {
    let b = blocks();
    let gap = "Total of in-year gaps over 3 years";
    let cumulative = |s: &str| num(rows(&b[0], &[s, gap]).next().unwrap().last().unwrap());
    let raw = poolplan(&[
        "compare",
        "baseline",
        "worst-case",
        "--only",
        "bridge",
        "-O",
        "csv",
    ]);
    let text = String::from_utf8(raw).unwrap();
    let mut want: Vec<Decimal> = text
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let pounds = num(l.rsplit(',').next().unwrap());
            (pounds / Decimal::from(1000))
                .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        })
        .collect();
    want.push(cumulative("Baseline"));
    want.push(cumulative("Worst case"));
    assert_eq!(labels(&chart("bridge")), sorted(want));
}

#[test]
fn provider_labels_are_the_providers_table_to_the_penny() {
    let raw = poolplan(&[
        "providers",
        "baseline",
        "--category",
        "fostering",
        "-O",
        "csv",
    ]);
    let text = String::from_utf8(raw).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let (unit, median, service) = (col("unit_cost"), col("median_unit_cost"), col("service"));
    let pence = |s: &str| num(s).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let mut want = vec![];
    for l in lines.filter(|l| !l.is_empty()) {
        let f: Vec<&str> = l.split(',').collect();
        if f[service] == "(total)" {
            want.push(pence(f[median]));
        } else {
            want.push(pence(f[unit]));
        }
    }
    let svg = String::from_utf8(poolplan(&[
        "chart",
        "providers",
        "baseline",
        "--category",
        "fostering",
    ]))
    .unwrap();
    assert_eq!(labels(&svg), sorted(want));
}

#[test]
fn a_bridge_of_one_scenario_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.svg");
    Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(common::example_dir())
        .args(["chart", "bridge", "baseline", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("needs two scenarios"));
    assert!(!out.exists());
}

/// The monitor chart's end figures are the monitoring table's total row:
/// the profile ends at the budget, the actual at the actual to date, and
/// the forecast outturn at March.
#[test]
fn monitor_labels_are_the_monitoring_table_totals() {
    let b = blocks();
    let m = b
        .iter()
        .find(|x| x.title.starts_with("In-year monitoring"))
        .unwrap();
    let total = rows(m, &["Total", "All pools"]).next().unwrap();
    let want: Vec<Decimal> = total[2..5].iter().map(|c| num(c)).collect();
    assert_eq!(labels(&chart("monitor")), sorted(want));
}

#[test]
fn export_charts_writes_every_kind_beside_the_tables_in_their_units() {
    let dir = tempfile::tempdir().unwrap();
    let charts = dir.path().join("charts");
    Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(common::example_dir())
        .args([
            "export",
            "baseline",
            "worst-case",
            "--units",
            "thousands",
            "-o",
        ])
        .arg(dir.path().join("tables"))
        .arg("--charts")
        .arg(&charts)
        .assert()
        .success();
    for kind in [
        "gap",
        "bridge",
        "exposure",
        "providers",
        "benefits",
        "monitor",
        "fan",
    ] {
        let got = std::fs::read_to_string(charts.join(format!("chart-{kind}.svg"))).unwrap();
        assert_eq!(
            got,
            chart(kind),
            "{kind}: the same chart as `poolplan chart`"
        );
    }
    assert!(dir.path().join("tables/headline.csv").exists());
}
