//! The workbook reader against an independent one (calamine), and against
//! damaged workbooks: every byte edit of every part loads without a panic.

mod xlsx_support;

use calamine::{open_workbook, Data, Reader, Xlsx};
use poolplan::load::xlsx::Book;
use rust_decimal::Decimal;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use xlsx_support::{convert, copy_tree, run, Cells};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example_book(cells: Cells) -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("budgets"), &d.path().join("budgets"));
    copy_tree(&repo().join("scenarios"), &d.path().join("scenarios"));
    convert(d.path(), cells);
    let p = d.path().join("budgets/haringey-ct-2009/budget.xlsx");
    (d, p)
}

/// What a cell's text means as a number, if it is one (`40%` → 0.4).
fn as_decimal(text: &str) -> Option<Decimal> {
    match text.strip_suffix('%') {
        Some(p) => Decimal::from_str(p).ok().map(|d| d / Decimal::from(100)),
        None => Decimal::from_str(text).ok(),
    }
}

#[test]
fn every_cell_reads_as_calamine_reads_it() {
    for cells in [Cells::Text, Cells::Typed] {
        let (_d, path) = example_book(cells);
        let mut cal: Xlsx<_> = open_workbook(&path).unwrap();
        let mut book = Book::open(std::fs::read(&path).unwrap()).unwrap();
        let names: Vec<String> = book.sheets.iter().map(|s| s.name.clone()).collect();
        assert_eq!(names, cal.sheet_names().to_vec());
        let mut numbers = 0;
        for (i, name) in names.iter().enumerate() {
            let range = cal.worksheet_range(name).unwrap();
            let ours = book.rows(i).unwrap();
            assert!(ours.problems.is_empty(), "{name}: {:?}", ours.problems);
            for (r, row) in range.rows().enumerate() {
                let line = r as u32 as usize + 1;
                let mine = ours
                    .rows
                    .iter()
                    .find(|(l, _)| *l == line)
                    .map(|(_, c)| c.clone())
                    .unwrap_or_default();
                for (c, v) in row.iter().enumerate() {
                    let got = mine.get(c).cloned().unwrap_or_default();
                    match v {
                        Data::Empty => assert_eq!(got, "", "{name} r{line} c{c}"),
                        Data::String(s) => assert_eq!(&got, s, "{name} r{line} c{c}"),
                        Data::Float(x) => {
                            numbers += 1;
                            let want = Decimal::from_str(&format!("{x}")).unwrap();
                            assert_eq!(
                                as_decimal(&got),
                                Some(want),
                                "{name} r{line} c{c}: {got} vs {x}"
                            );
                        }
                        Data::Int(x) => {
                            numbers += 1;
                            assert_eq!(
                                as_decimal(&got),
                                Some(Decimal::from(*x)),
                                "{name} r{line} c{c}"
                            );
                        }
                        other => panic!("{name} r{line} c{c}: unexpected {other:?}"),
                    }
                }
            }
        }
        assert_eq!(
            numbers > 0,
            cells == Cells::Typed,
            "{cells:?}: {numbers} number cells"
        );
    }
}

/// A deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn parts(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = vec![];
            f.read_to_end(&mut b).unwrap();
            (f.name().to_string(), b)
        })
        .collect()
}

fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (n, b) in parts {
        out.start_file(n.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(b).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn damaged_workbooks_never_panic() {
    let (d, path) = example_book(Cells::Typed);
    let good = parts(&path);
    let xml: Vec<usize> = (0..good.len())
        .filter(|&i| good[i].0.ends_with(".xml") || good[i].0.ends_with(".rels"))
        .collect();
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let alphabet = b"<>/\"=&;#x0123456789.-%E sr tvcf";
    for round in 0..300 {
        let mut p = good.clone();
        let i = xml[rng.below(xml.len())];
        let bytes = &mut p[i].1;
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => bytes[at] = alphabet[rng.below(alphabet.len())],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, alphabet[rng.below(alphabet.len())]),
            }
        }
        let data = zip_parts(&p);
        // The reader alone, then the whole loader.
        if let Ok(mut b) = Book::open(data.clone()) {
            for s in 0..b.sheets.len() {
                let _ = b.rows(s);
            }
        }
        std::fs::write(&path, &data).unwrap();
        let mut diags = vec![];
        let _ = poolplan::load::budget::load_budget(d.path(), "haringey-ct-2009", &mut diags);
        let _ = round;
    }
    // Truncated archives and raw bytes.
    let whole = std::fs::read(&path).unwrap();
    for cut in [0, 1, 4, 100, whole.len() / 2, whole.len() - 1] {
        let _ = Book::open(whole[..cut].to_vec());
    }
}

#[test]
fn a_workbook_under_another_name_is_a_warning() {
    let (d, path) = example_book(Cells::Text);
    let dir = path.parent().unwrap();
    std::fs::rename(&path, dir.join("Budget 2025.xlsx")).unwrap();
    let (code, _, err) = run(d.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("warning: budgets/haringey-ct-2009/Budget 2025.xlsx: this workbook is not read: poolplan reads a budget's tables from budget.xlsx"), "{err}");
}

/// A workbook as other programs write it: no shared strings (inline
/// strings), a namespace prefix on the workbook's elements, absolute part
/// paths, numbers as `t="n"` with exponents, a percent style by a custom
/// code, a boolean and a formula string result.
fn foreign_workbook(sheets: &[(&str, &str)]) -> Vec<u8> {
    let mut parts: Vec<(String, Vec<u8>)> = vec![];
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    parts.push((
        "_rels/.rels".into(),
        format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>"#).into_bytes(),
    ));
    let list: String = sheets
        .iter()
        .enumerate()
        .map(|(i, (n, _))| {
            format!(
                r#"<x:sheet name="{n}" sheetId="{}" r:id="rId{}"/>"#,
                i + 1,
                i + 1
            )
        })
        .collect();
    parts.push((
        "xl/workbook.xml".into(),
        format!(r#"<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{rel}"><x:sheets>{list}</x:sheets></x:workbook>"#).into_bytes(),
    ));
    let links: String = (0..sheets.len())
        .map(|i| format!(r#"<Relationship Id="rId{}" Type="{rel}/worksheet" Target="/xl/worksheets/s{}.xml"/>"#, i + 1, i + 1))
        .collect();
    parts.push((
        "xl/_rels/workbook.xml.rels".into(),
        format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{links}<Relationship Id="rIdS" Type="{rel}/styles" Target="styles.xml"/></Relationships>"#).into_bytes(),
    ));
    parts.push((
        "xl/styles.xml".into(),
        br#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="170" formatCode="0.00%;[Red]-0.00%"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>"#.to_vec(),
    ));
    for (i, (_, body)) in sheets.iter().enumerate() {
        parts.push((
            format!("xl/worksheets/s{}.xml", i + 1),
            format!(r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>"#).into_bytes(),
        ));
    }
    zip_parts(&parts)
}

fn inline(r: &str, s: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{s}</t></is></c>"#)
}

#[test]
fn workbooks_from_other_programs() {
    let row1 = format!(
        "<row r=\"1\">{}{}{}{}</row>",
        inline("A1", "pool"),
        inline("B1", "partner"),
        inline("C1", "share"),
        inline("D1", "flag")
    );
    let row2 = format!(
        "<row r=\"2\">{}{}<c r=\"C2\" s=\"1\" t=\"n\"><v>4.0000000000000002E-1</v></c><c r=\"D2\" t=\"b\"><v>1</v></c></row>",
        inline("A2", "camhs"),
        inline("B2", "council &amp; co")
    );
    let row3 = "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>\"cam\"&amp;\"hs\"</f><v>camhs</v></c><c r=\"C3\" t=\"n\"><v>1.5E-3</v></c></row>";
    let bytes = foreign_workbook(&[("Risk_Shares", &format!("{row1}{row2}{row3}"))]);
    let mut book = Book::open(bytes).unwrap();
    assert_eq!(book.sheets[0].name, "Risk_Shares");
    let rows = book.rows(0).unwrap();
    assert!(rows.problems.is_empty(), "{:?}", rows.problems);
    let cells: Vec<Vec<String>> = rows.rows.iter().map(|(_, c)| c.clone()).collect();
    assert_eq!(cells[0], ["pool", "partner", "share", "flag"]);
    assert_eq!(cells[1], ["camhs", "council & co", "40%", "true"]);
    assert_eq!(cells[2], ["camhs", "", "0.0015"]);
}
