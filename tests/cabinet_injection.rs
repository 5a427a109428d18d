//! Formula injection (SPEC §8): in tests/fixtures/injection every partner,
//! pool, provider, service, unit and outcome name starts with `=`, `+`, `-`
//! or `@` (a tab or CR cannot lead any text: SPEC §9 "Settled later" refuses
//! control characters in names; `safe` still prefixes them). Every such text cell comes out of the
//! CSV and the XLSX prefixed with `'`; numbers — negative ones too — never.

mod common;

use assert_cmd::Command;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use poolplan::report::cabinet::safe::TRIGGERS;
use rust_decimal::Decimal;
use std::io::Cursor;
use std::str::FromStr;

const EXPECTED: &[&str] = &[
    "'=HYPERLINK(\"http://example.invalid\",\"click\")",
    "'+44 NHS trust",
    "'-Police partner",
    "'@Schools forum",
    "'=1+1 pool",
    "'-2 pool",
    "'@provider at",
    "'+provider plus",
    "'=cmd|' /C calc'!A0",
    "'=service one",
    "'-service two",
    "'@service three",
    "'+unit",
    "'=outcome",
    "'=A scenario",
    "'+Plus scenario",
];

fn export(format: &str, file: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(file);
    Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(common::fixture("injection"))
        .args(["export", "--format", format, "-o"])
        .arg(&out)
        .assert()
        .success();
    std::fs::read(&out).unwrap()
}

/// A text cell must not start a formula, and a prefixed cell must not be a number.
fn assert_safe_text(s: &str) {
    assert!(!s.starts_with(TRIGGERS), "unsafe text cell {s:?}");
    if let Some(rest) = s.strip_prefix('\'') {
        assert!(
            Decimal::from_str(rest).is_err(),
            "a number was prefixed: {s:?}"
        );
    }
}

#[test]
fn csv_text_is_prefixed_and_numbers_are_not() {
    let bytes = export("csv", "cabinet.csv");
    let mut texts = vec![];
    let mut negatives = 0;
    for b in common::parse_blocks(&bytes) {
        let cells = b.rows.iter().flatten().chain(&b.header).chain(&b.notes);
        for cell in cells.chain([&b.title]) {
            match Decimal::from_str(cell) {
                Ok(x) => negatives += usize::from(x.is_sign_negative() && !x.is_zero()),
                Err(_) => {
                    assert_safe_text(cell);
                    texts.push(cell.clone());
                }
            }
        }
    }
    for want in EXPECTED {
        assert!(
            texts.iter().any(|t| t == want),
            "{want:?} is missing from the CSV"
        );
    }
    assert!(
        negatives > 10,
        "the fixture has negative figures, written as plain numbers"
    );
}

#[test]
fn xlsx_text_is_prefixed_and_numbers_stay_numbers() {
    let bytes = export("xlsx", "cabinet.xlsx");
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let mut texts = vec![];
    let mut negatives = 0;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        for cell in range.used_cells().map(|(_, _, c)| c) {
            match cell {
                Data::String(s) => {
                    assert_safe_text(s);
                    texts.push(s.clone());
                }
                Data::Float(f) => negatives += usize::from(*f < 0.0),
                Data::Empty => {}
                other => panic!("unexpected cell type {other:?} in {name}"),
            }
        }
    }
    for want in EXPECTED {
        assert!(
            texts.iter().any(|t| t == want),
            "{want:?} is missing from the XLSX"
        );
    }
    assert!(negatives > 10, "negative figures are numbers, not text");
}
