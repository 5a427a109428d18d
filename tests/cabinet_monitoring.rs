//! The Cabinet export's monitoring table reconciles with `monitor -O csv`:
//! every pool, risk share and total figure is the CSV's penny figure rounded
//! to the unit on its own, and the RAG is the same. The XLSX sheet holds the
//! same cells (tests/cabinet_xlsx.rs checks every sheet against the CSV).

mod common;

use assert_cmd::Command;
use rust_decimal::Decimal;
use std::str::FromStr;

fn stdout(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(common::example_dir())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("not a number: {s:?}"))
}

/// The rounding of the Cabinet tables: to `dp` places of the unit, half away from zero.
fn in_unit(pounds: &str, divisor: Decimal, dp: u32) -> Decimal {
    (dec(pounds) / divisor)
        .round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

#[test]
fn the_monitoring_table_reconciles_with_monitor_csv() {
    let monitor = String::from_utf8(stdout(&["monitor", "-O", "csv"])).unwrap();
    let rows: Vec<Vec<&str>> = monitor
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    for (units, divisor, dp) in [
        ("pounds", Decimal::ONE, 0),
        ("thousands", Decimal::from(1000), 0),
        ("millions", Decimal::from(1_000_000), 1),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.csv");
        stdout(&["export", "--units", units, "-o", file.to_str().unwrap()]);
        let blocks = common::parse_blocks(&std::fs::read(&file).unwrap());
        let table = blocks
            .iter()
            .find(|b| {
                b.title
                    .starts_with("In-year monitoring, Baseline: 2009-10 to Sep")
            })
            .expect("a monitoring table");
        // Pool rows, in order, then the total.
        let pools: Vec<&Vec<&str>> = rows
            .iter()
            .filter(|r| r[0] == "pool" || r[0] == "total")
            .collect();
        let cab: Vec<&Vec<String>> = table
            .rows
            .iter()
            .filter(|r| r[1] == "Whole pool" || r[0] == "Total")
            .collect();
        assert_eq!(pools.len(), cab.len());
        for (m, c) in pools.iter().zip(&cab) {
            for (i, j) in [(4, 2), (5, 3), (6, 4), (7, 5)] {
                assert_eq!(
                    in_unit(m[i], divisor, dp),
                    dec(&c[j]),
                    "{units} {m:?} vs {c:?}"
                );
            }
            assert_eq!(m[9], c[7].to_lowercase(), "RAG of {m:?}");
        }
        // Risk-share rows: planned and forecast shares, pool by pool.
        let shares: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "risk_share").collect();
        let cab: Vec<&Vec<String>> = table
            .rows
            .iter()
            .filter(|r| r[1].ends_with("risk share (planned → forecast)") && r[0] != "All pools")
            .collect();
        assert_eq!(shares.len(), cab.len());
        for (m, c) in shares.iter().zip(&cab) {
            assert_eq!(
                in_unit(m[4], divisor, dp),
                dec(&c[2]),
                "{units} {m:?} vs {c:?}"
            );
            assert_eq!(
                in_unit(m[6], divisor, dp),
                dec(&c[4]),
                "{units} {m:?} vs {c:?}"
            );
        }
    }
}

#[test]
fn without_actuals_there_is_no_monitoring_table() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.csv");
    let ok = Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(common::fixture("valid-base"))
        .args(["export", "-o", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(ok.status.success(), "{ok:?}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("In-year monitoring"));
    assert!(!text.contains("actuals.csv"));
}
