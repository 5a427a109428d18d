//! The XLSX Cabinet export, reopened with calamine: sheet names, titles,
//! headers, number cells that are numbers (floats in calamine) and agree
//! with the CSV export cell for cell, and determinism.

mod common;

use assert_cmd::Command;
use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::io::Cursor;
use std::str::FromStr;

fn export(args: &[&str], file: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(file);
    Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(common::example_dir())
        .arg("export")
        .args(args)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    std::fs::read(&out).unwrap()
}

fn sheets(bytes: Vec<u8>) -> Vec<(String, Range<Data>)> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    wb.sheet_names()
        .into_iter()
        .map(|n| {
            let r = wb.worksheet_range(&n).unwrap();
            (n, r)
        })
        .collect()
}

fn cell(r: &Range<Data>, row: u32, col: u32) -> Data {
    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn sheets_titles_headers_and_types() {
    let s = sheets(export(
        &["--units", "thousands", "--format", "xlsx"],
        "c.xlsx",
    ));
    let names: Vec<&str> = s.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Headline",
            "Value for money",
            "Pools",
            "Services",
            "Comparison",
            "Who pays who benefits",
            "Risk",
            "Risk by year",
            "Monitoring",
            "Provenance",
            "Charts",
            "Chart bridge",
            "Chart exposure",
            "Chart providers",
            "Chart monitor"
        ]
    );
    let h = &s[0].1;
    assert_eq!(
        cell(h, 0, 0),
        Data::String("Headline by scenario and year, £000 (cash)".into())
    );
    assert_eq!(cell(h, 1, 1), Data::String("Measure".into()));
    assert_eq!(cell(h, 1, 2), Data::String("2009-10 £000".into()));
    assert_eq!(cell(h, 1, 5), Data::String("Total £000".into()));
    assert_eq!(cell(h, 2, 0), Data::String("Baseline".into()));
    assert_eq!(cell(h, 2, 1), Data::String("Contributions".into()));
    assert_eq!(cell(h, 2, 2), Data::Float(45430.0));
    assert_eq!(
        cell(h, 4, 2),
        Data::Float(-137.0),
        "a negative gap is a number"
    );
    assert_eq!(cell(&s[1].1, 2, 4), Data::Float(0.7), "BCR to 2 places");
    let r = &s[6].1;
    assert_eq!(
        cell(r, 1, 7),
        Data::String("Reserve needed at 90% £000".into())
    );
    assert_eq!(cell(r, 2, 1), Data::String("early-help".into()));
    assert_eq!(cell(r, 2, 7), Data::Float(668.0), "the reserve is a number");
    let g = &s[7].1;
    assert_eq!(cell(g, 1, 1), Data::String("Measure".into()));
    assert_eq!(cell(g, 2, 1), Data::String("P10".into()));
    assert_eq!(
        cell(g, 2, 4),
        Data::Float(3633.0),
        "the P10 gap in 2011-12 is a number"
    );
    let p = &s[9].1;
    assert_eq!(cell(p, 2, 0), Data::String("poolplan version".into()));
    assert_eq!(
        cell(p, 2, 1),
        Data::String(env!("CARGO_PKG_VERSION").into())
    );
}

#[test]
fn every_xlsx_cell_matches_the_csv() {
    for units in ["pounds", "millions"] {
        // The chart sheets come after the tables (tests/charts.rs checks them).
        let mut xlsx = sheets(export(
            &["--units", units, "--real", "--format", "xlsx"],
            "c.xlsx",
        ));
        xlsx.retain(|(n, _)| !n.starts_with("Chart"));
        let csv = common::parse_blocks(&export(&["--units", units, "--real"], "c.csv"));
        assert_eq!(xlsx.len(), csv.len());
        for ((name, range), block) in xlsx.iter().zip(&csv) {
            assert_eq!(
                cell(range, 0, 0),
                Data::String(block.title.clone()),
                "{name}"
            );
            for (i, row) in [&block.header].into_iter().chain(&block.rows).enumerate() {
                for (j, text) in row.iter().enumerate() {
                    let got = cell(range, i as u32 + 1, j as u32);
                    let want = match Decimal::from_str(text) {
                        Ok(x) => Data::Float(x.to_f64().unwrap()),
                        Err(_) if text.is_empty() => Data::Empty,
                        Err(_) => Data::String(text.clone()),
                    };
                    assert_eq!(got, want, "{name} row {} column {j}", i + 1);
                }
            }
        }
    }
}

#[test]
fn two_runs_give_the_same_workbook() {
    let a = export(&["--format", "xlsx"], "a.xlsx");
    let b = export(&["--format", "xlsx"], "b.xlsx");
    assert_eq!(a, b, "byte-identical (the creation time is fixed)");
    assert_eq!(sheets(a), sheets(b));
}
