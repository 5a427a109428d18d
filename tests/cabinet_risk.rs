//! The Cabinet risk table (SPEC §14, issue 19 item 4) reconciles with
//! `poolplan risk worst-case -O csv`: every pool's and the partnership's
//! P(overspend), P10, P50, P90 and reserve needed is the risk run's exact
//! figure rounded on its own to the unit (percentages to one place). A
//! paper without ranged scenarios has no risk table. The risk-by-year table
//! (the fan chart's figures) is the run's in-year gap by year, and the fan
//! chart exists only where it does.

mod common;

use assert_cmd::Command;
use poolplan::model::round_dp;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::str::FromStr;

fn poolplan() -> Command {
    let mut cmd = Command::cargo_bin("poolplan").unwrap();
    cmd.arg("--dir").arg(common::example_dir());
    cmd
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("not a number: {s:?}"))
}

/// `poolplan risk worst-case -O csv`'s pools table: pool id → [share, p10,
/// p50, p90, reserve needed], exact.
fn risk_pools() -> HashMap<String, [Decimal; 5]> {
    let out = poolplan()
        .args(["risk", "worst-case", "-O", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&out.stdout[..]);
    let mut pools = HashMap::new();
    for r in rdr.records() {
        let r = r.unwrap();
        if &r[0] != "pools" {
            continue;
        }
        // table,pool,name,probability,deterministic,mean,p10,p50,p90,reserve
        let f = [3, 6, 7, 8, 9].map(|i| dec(&r[i]));
        pools.insert(r[1].to_string(), f);
    }
    pools
}

/// `poolplan risk worst-case -O csv`'s gap_by_year table: per year [p10,
/// p50, p90, deterministic], exact.
fn risk_by_year() -> Vec<[Decimal; 4]> {
    let out = poolplan()
        .args(["risk", "worst-case", "-O", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&out.stdout[..]);
    let mut years = vec![];
    for r in rdr.records() {
        let r = r.unwrap();
        // table,year,deterministic,mean,p10,p50,p90,at_confidence
        if &r[0] == "gap_by_year" {
            years.push([4, 5, 6, 2].map(|i| dec(&r[i])));
        }
    }
    years
}

fn export(units: &str, scenarios: &[&str]) -> Vec<common::Block> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cabinet.csv");
    poolplan()
        .args(["export", "--units", units])
        .args(scenarios)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    common::parse_blocks(&std::fs::read(&out).unwrap())
}

#[test]
fn risk_table_reconciles_with_poolplan_risk_in_every_unit() {
    let risk = risk_pools();
    assert_eq!(risk.len(), 6, "five pools and the partnership");
    for (units, divisor, dp) in [
        ("pounds", Decimal::ONE, 0),
        ("thousands", Decimal::from(1000), 0),
        ("millions", Decimal::from(1_000_000), 1),
    ] {
        let blocks = export(units, &[]);
        let risks: Vec<_> = blocks
            .iter()
            .filter(|b| b.title.starts_with("Risk: total overspend"))
            .collect();
        assert_eq!(risks.len(), 1, "{units}: one risk table");
        let t = risks[0];
        assert_eq!(t.rows.len(), 6, "{units}: five pools and the partnership");
        for row in &t.rows {
            assert_eq!(row[0], "Worst case", "only the ranged scenario");
            let id = if row[1] == "Partnership" {
                "partnership"
            } else {
                &row[1]
            };
            let want = risk.get(id).unwrap_or_else(|| panic!("pool {id}"));
            let share = round_dp(want[0] * Decimal::ONE_HUNDRED, 1);
            assert_eq!(dec(&row[3]), share, "{units} {id} P(overspend)");
            for (k, col) in ["P10", "P50", "P90", "reserve"].iter().enumerate() {
                let shown = round_dp(want[k + 1] / divisor, dp);
                assert_eq!(dec(&row[4 + k]), shown, "{units} {id} {col}");
                assert_eq!(
                    row[4 + k].split('.').nth(1).map_or(0, str::len),
                    dp as usize
                );
            }
        }
    }
}

#[test]
fn no_risk_table_without_ranges() {
    let blocks = export("thousands", &["baseline", "central"]);
    assert!(!blocks.is_empty());
    assert!(blocks.iter().all(|b| !b.title.starts_with("Risk")));
}

#[test]
fn risk_by_year_is_the_run_s_gap_by_year_in_every_unit() {
    let want = risk_by_year();
    assert_eq!(want.len(), 3, "three years");
    for (units, divisor, dp) in [
        ("pounds", Decimal::ONE, 0),
        ("thousands", Decimal::from(1000), 0),
        ("millions", Decimal::from(1_000_000), 1),
    ] {
        let blocks = export(units, &["baseline", "worst-case"]);
        let t = blocks
            .iter()
            .find(|b| b.title.starts_with("Risk: in-year gap by year"))
            .unwrap_or_else(|| panic!("{units}: a risk-by-year table"));
        let measures: Vec<&str> = t.rows.iter().map(|r| r[1].as_str()).collect();
        assert_eq!(measures, ["P10", "P50", "P90", "As planned"], "{units}");
        for (k, row) in t.rows.iter().enumerate() {
            assert_eq!(row[0], "Worst case", "only the ranged scenario");
            for (y, year) in want.iter().enumerate() {
                let shown = round_dp(year[k] / divisor, dp);
                assert_eq!(dec(&row[2 + y]), shown, "{units} {} year {y}", row[1]);
            }
        }
        // As planned is the headline's in-year gap (cash).
        let headline = &blocks[0];
        let gap = headline
            .rows
            .iter()
            .find(|r| r[0] == "Worst case" && r[1].starts_with("In-year gap"))
            .unwrap();
        assert_eq!(t.rows[3][2..5], gap[2..5], "{units}");
    }
}

#[test]
fn the_fan_chart_is_drawn_only_for_a_scenario_with_ranges() {
    for (scenarios, fan) in [
        (&["baseline", "central"][..], false),
        (&["baseline", "worst-case"][..], true),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let charts = dir.path().join("charts");
        let out = poolplan()
            .arg("export")
            .args(scenarios)
            .arg("-o")
            .arg(dir.path().join("c.xlsx"))
            .arg("--charts")
            .arg(&charts)
            .output()
            .unwrap();
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("warning"), "no warning: {stderr}");
        assert_eq!(charts.join("chart-fan.svg").exists(), fan, "{scenarios:?}");
        assert!(charts.join("chart-gap.svg").exists());
    }
    let out = poolplan()
        .args(["chart", "fan", "baseline"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("needs a scenario with [ranges]"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}
