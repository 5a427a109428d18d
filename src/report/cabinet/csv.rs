//! CSV bytes for the Cabinet tables. Each table is a block: its title line,
//! the header row, the rows, then its notes, one per line. Numbers are raw
//! (no `£`, no thousands commas, exactly the unit's places, `-` for
//! negatives); `n/a` where a ratio has no denominator. Text goes through
//! `safe` and is quoted only when needed. LF line endings; a UTF-8 BOM only
//! when asked. The provenance block closes every file.

use super::safe::safe_text;
use super::{CabTable, Value};
use rust_decimal::Decimal;

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One file of a folder export.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvFile {
    /// File name, e.g. `headline.csv`.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A number with exactly `dp` places, never `-0`.
pub fn number(x: Decimal, dp: u32) -> String {
    let mut r = if x.is_zero() { Decimal::ZERO } else { x };
    r.rescale(dp);
    r.to_string()
}

fn text(out: &mut Vec<u8>, s: &str) {
    crate::report::format::csv_field(out, &safe_text(s));
}

fn cell(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Text(s) => text(out, s),
        Value::Num(x, dp) => out.extend_from_slice(number(*x, *dp).as_bytes()),
        Value::NA => out.extend_from_slice(b"n/a"),
        Value::Empty => {}
    }
}

fn line(out: &mut Vec<u8>, cells: &[Value]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        cell(out, c);
    }
    out.push(b'\n');
}

/// One table's block (no blank line around it).
pub fn block(t: &CabTable, out: &mut Vec<u8>) {
    line(out, &[Value::text(&t.title)]);
    let header: Vec<Value> = t.columns.iter().map(Value::text).collect();
    line(out, &header);
    for r in &t.rows {
        line(out, &r.cells);
    }
    for n in &t.notes {
        line(out, &[Value::text(n)]);
    }
}

fn start(bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 16);
    if bom {
        out.extend_from_slice(BOM);
    }
    out
}

/// Every table in one file, a blank line between blocks, provenance last.
pub fn single_file(tables: &[CabTable], provenance: &CabTable, bom: bool) -> Vec<u8> {
    let mut out = start(bom);
    for (i, t) in tables.iter().chain([provenance]).enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        block(t, &mut out);
    }
    out
}

/// One file per table (`<slug>.csv`), each closed by the provenance block.
pub fn per_table(tables: &[CabTable], provenance: &CabTable, bom: bool) -> Vec<CsvFile> {
    tables
        .iter()
        .map(|t| {
            let mut out = start(bom);
            block(t, &mut out);
            out.push(b'\n');
            block(provenance, &mut out);
            CsvFile {
                name: format!("{}.csv", t.slug),
                bytes: out,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{Row, RowKind};
    use super::*;
    use rust_decimal_macros::dec;

    fn table() -> CabTable {
        CabTable {
            slug: "t",
            sheet: "T",
            title: "Title, with comma".into(),
            columns: vec!["Name".into(), "2010-11 £000".into()],
            rows: vec![Row {
                kind: RowKind::Body,
                cells: vec![Value::text("=HYPERLINK(\"x\")"), Value::Num(dec!(-1234), 0)],
            }],
            notes: vec!["Figures may not sum because of rounding.".into()],
        }
    }

    #[test]
    fn numbers_are_raw_and_text_is_safe() {
        let mut out = vec![];
        block(&table(), &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"Title, with comma\"\nName,2010-11 £000\n\"'=HYPERLINK(\"\"x\"\")\",-1234\nFigures may not sum because of rounding.\n"
        );
    }

    #[test]
    fn fixed_places_and_no_negative_zero() {
        assert_eq!(number(dec!(12), 1), "12.0");
        assert_eq!(number(dec!(-0.0), 1), "0.0");
        assert_eq!(number(dec!(-3), 0), "-3");
    }

    #[test]
    fn bom_and_blocks() {
        let p = table();
        let one = single_file(&[table()], &p, true);
        assert!(one.starts_with(BOM));
        let files = per_table(&[table()], &p, false);
        assert_eq!(files[0].name, "t.csv");
        assert_eq!(one[BOM.len()..], files[0].bytes[..]);
    }
}
