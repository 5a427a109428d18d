//! The native Excel charts of the Cabinet workbook: unzip it, read each
//! chart's series references (`<c:f>` in xl/charts/chartN.xml) and check
//! they point at the ranges of the Cabinet table the figures stand in (gap:
//! Headline; benefits: Who pays) or of the chart's data sheet, and that
//! those cells hold the figures of the Cabinet tables in the same workbook.

mod common;

use assert_cmd::Command;
use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use std::io::{Cursor, Read};

fn workbook() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.xlsx");
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
    std::fs::read(out).unwrap()
}

/// The `<c:f>` references of xl/charts/chart{n}.xml, in order.
fn refs(bytes: &[u8], n: usize) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/charts/chart{n}.xml"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.split("<c:f>")
        .skip(1)
        .map(|s| s.split("</c:f>").next().unwrap().to_string())
        .collect()
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    wb.worksheet_range(name).unwrap()
}

fn cell(r: &Range<Data>, row: u32, col: u32) -> Data {
    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

/// The rows of the table under the header (the notes follow a blank row).
fn body_rows(r: &Range<Data>) -> u32 {
    (2..r.height() as u32)
        .take_while(|&i| cell(r, i, 1) != Data::Empty)
        .count() as u32
}

/// `$A$3` style → (row, col), zero-based.
fn at(a1: &str) -> (u32, u32) {
    let a1 = a1.replace('$', "");
    let col = a1.chars().next().unwrap() as u32 - 'A' as u32;
    (a1[1..].parse::<u32>().unwrap() - 1, col)
}

/// A1 reference of a zero-based (row, col) on a sheet, as Excel writes it
/// (the sheet name quoted only where it has a space).
fn a1(sheet: &str, row: u32, col: u32) -> String {
    let c = (b'A' + col as u8) as char;
    let sheet = match sheet.contains(' ') {
        true => format!("'{sheet}'"),
        false => sheet.to_string(),
    };
    format!("{sheet}!${c}${}", row + 1)
}

/// A1 range on one sheet: `first` to `last` (zero-based row, col).
fn span(sheet: &str, first: (u32, u32), last: (u32, u32)) -> String {
    let end = a1(sheet, last.0, last.1);
    format!(
        "{}:{}",
        a1(sheet, first.0, first.1),
        end.split('!').nth(1).unwrap()
    )
}

#[test]
fn the_gap_chart_reads_the_headline_sheets_gap_rows() {
    let b = workbook();
    let r = refs(&b, 1);
    let headline = sheet(&b, "Headline");
    let gap = Data::String("In-year gap (spend less contributions; MTFS cumulative gap)".into());
    let rows: Vec<u32> = (2..headline.height() as u32)
        .filter(|&i| cell(&headline, i, 1) == gap)
        .collect();
    assert_eq!(rows.len(), 2, "baseline and worst case");
    let mut want = vec![];
    for h in &rows {
        want.push(a1("Headline", *h, 0));
        want.push(span("Headline", (1, 2), (1, 4)));
        want.push(span("Headline", (*h, 2), (*h, 4)));
    }
    assert_eq!(r, want);
    assert_eq!(cell(&headline, 1, 2), Data::String("2009-10 £000".into()));
    assert_eq!(cell(&headline, rows[0], 0), Data::String("Baseline".into()));
    let names: Vec<String> = sheets_of(&b);
    assert!(!names.contains(&"Chart gap".to_string()), "{names:?}");
}

#[test]
fn the_benefits_chart_reads_the_who_pays_sheets_rows_of_the_scenario() {
    let b = workbook();
    let r = refs(&b, 5);
    let who = sheet(&b, "Who pays who benefits");
    let base = Data::String("Baseline".into());
    let rows: Vec<u32> = (2..who.height() as u32)
        .filter(|&i| cell(&who, i, 0) == base && cell(&who, i, 1) != Data::String("Total".into()))
        .collect();
    let (r0, r1) = (rows[0], *rows.last().unwrap());
    let s = "Who pays who benefits";
    let range = |c: u32| span(s, (r0, c), (r1, c));
    let mut want = vec![];
    for c in [3, 4, 5] {
        want.push(a1(s, 1, c));
        want.push(range(1));
        want.push(range(c));
    }
    assert_eq!(r, want);
    assert_eq!(
        cell(&who, 1, 4),
        Data::String("Receives, fiscal (cash) £000".into())
    );
}

fn sheets_of(bytes: &[u8]) -> Vec<String> {
    let wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    wb.sheet_names().to_vec()
}

#[test]
fn the_exposure_chart_stacks_the_pools_tables_partner_totals() {
    let b = workbook();
    let r = refs(&b, 3);
    assert_eq!(
        r,
        [
            "'Chart exposure'!$B$2",
            "'Chart exposure'!$A$3:$A$8",
            "'Chart exposure'!$B$3:$B$8",
            "'Chart exposure'!$C$2",
            "'Chart exposure'!$A$3:$A$8",
            "'Chart exposure'!$C$3:$C$8",
        ]
    );
    let (data, pools) = (sheet(&b, "Chart exposure"), sheet(&b, "Pools"));
    let total = pools.width() as u32 - 1;
    for d in 2..8 {
        let partner = cell(&data, d, 0);
        for (col, measure) in [(1, "Contribution"), (2, "Risk share")] {
            let row = (2..pools.height() as u32)
                .find(|&i| {
                    cell(&pools, i, 0) == Data::String("Baseline".into())
                        && cell(&pools, i, 1) == Data::String("All pools".into())
                        && cell(&pools, i, 2) == partner
                        && cell(&pools, i, 3) == Data::String(measure.into())
                })
                .unwrap_or_else(|| panic!("{partner:?} {measure} in Pools"));
            assert_eq!(
                cell(&data, d, col),
                cell(&pools, row, total),
                "{partner:?} {measure}"
            );
        }
    }
}

#[test]
fn the_bridge_is_a_stacked_waterfall_ending_on_the_headline_gap() {
    let b = workbook();
    let r = refs(&b, 2);
    let data = sheet(&b, "Chart bridge");
    let last = 1 + body_rows(&data); // zero-based: the end row
                                     // Base, Increase, Decrease, Total: name, driver categories, values.
    for (k, col) in ["E", "F", "G", "H"].iter().enumerate() {
        assert_eq!(r[3 * k], format!("'Chart bridge'!${col}$2"));
        assert_eq!(r[3 * k + 1], format!("'Chart bridge'!$B$3:$B${}", last + 1));
        assert_eq!(
            r[3 * k + 2],
            format!("'Chart bridge'!${col}$3:${col}${}", last + 1)
        );
    }
    let headline = sheet(&b, "Headline");
    let gap = Data::String("Total of in-year gaps over 3 years".into());
    let worst = (2..headline.height() as u32)
        .find(|&i| {
            cell(&headline, i, 0) == Data::String("Worst case".into())
                && cell(&headline, i, 1) == gap
        })
        .unwrap();
    let total = cell(&headline, worst, headline.width() as u32 - 1);
    assert_eq!(cell(&data, last, 3), total, "gap after the last step");
    assert_eq!(cell(&data, last, 7), total, "the end total bar");
}

#[test]
fn the_providers_chart_is_bars_and_a_median_line() {
    let b = workbook();
    let r = refs(&b, 4);
    let data = sheet(&b, "Chart providers");
    let end = 2 + body_rows(&data);
    assert_eq!(
        r,
        [
            "'Chart providers'!$C$2".to_string(),
            format!("'Chart providers'!$A$3:$A${end}"),
            format!("'Chart providers'!$C$3:$C${end}"),
            "'Chart providers'!$D$2".to_string(),
            format!("'Chart providers'!$A$3:$A${end}"),
            format!("'Chart providers'!$D$3:$D${end}"),
        ]
    );
    let (row, col) = at("$C$3");
    assert!(
        matches!(cell(&data, row, col), Data::Float(_)),
        "unit costs are numbers"
    );
}

/// xl/charts/chart{n}.xml as text.
fn chart_xml(bytes: &[u8], n: usize) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/charts/chart{n}.xml"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn the_fan_chart_reads_the_risk_by_year_rows_p10_first_and_p90_last() {
    let b = workbook();
    let s = "Risk by year";
    let risk = sheet(&b, s);
    let row_of = |m: &str| {
        (2..risk.height() as u32)
            .find(|&i| {
                cell(&risk, i, 0) == Data::String("Worst case".into())
                    && cell(&risk, i, 1) == Data::String(m.into())
            })
            .unwrap_or_else(|| panic!("no {m} row"))
    };
    // The fan is the seventh chart (after the monitor chart).
    let r = refs(&b, 7);
    let mut want = vec![];
    for m in ["P10", "P50", "As planned", "P90"] {
        let k = row_of(m);
        want.push(a1(s, k, 1));
        want.push(span(s, (1, 2), (1, 4)));
        want.push(span(s, (k, 2), (k, 4)));
    }
    assert_eq!(r, want);
    // The band: up-down bars between the first series (P10) and the last (P90).
    let xml = chart_xml(&b, 7);
    assert!(xml.contains("<c:upDownBars>"), "{xml}");
    assert_eq!(cell(&risk, 1, 2), Data::String("2009-10 £000".into()));
    // The cells hold P10 ≤ P50 ≤ P90 in every year.
    for c in 2..5 {
        let v = |m: &str| match cell(&risk, row_of(m), c) {
            Data::Float(x) => x,
            Data::Int(x) => x as f64,
            d => panic!("{m}: {d:?}"),
        };
        assert!(v("P10") <= v("P50") && v("P50") <= v("P90"));
    }
    assert!(!sheets_of(&b).contains(&"Chart fan".to_string()));
}

#[test]
fn a_workbook_without_ranges_has_no_fan_chart() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.xlsx");
    Command::cargo_bin("poolplan")
        .unwrap()
        .arg("--dir")
        .arg(common::example_dir())
        .args(["export", "baseline", "central", "-o"])
        .arg(&out)
        .assert()
        .success();
    let b = std::fs::read(out).unwrap();
    assert!(!sheets_of(&b).contains(&"Risk by year".to_string()));
    let mut zip = zip::ZipArchive::new(Cursor::new(&b[..])).unwrap();
    for n in 1..=zip.len() {
        if let Ok(mut f) = zip.by_name(&format!("xl/charts/chart{n}.xml")) {
            let mut xml = String::new();
            f.read_to_string(&mut xml).unwrap();
            assert!(!xml.contains("upDownBars"), "chart{n} is a fan chart");
        }
    }
}
