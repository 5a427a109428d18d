//! The starter workbook holds exactly the CSV starter's values: each cell
//! read back by poolplan's own workbook reader means the same decimal as
//! the example text (issue 15: money never passes through binary
//! arithmetic on its way into the workbook).

use super::*;
use crate::load::xlsx::Book;
use rust_decimal_macros::dec;

/// What a cell's text means, by the column's grammar: a decimal where it
/// is a number, else the text itself.
fn meaning(kind: Kind, v: &str) -> Result<Decimal, String> {
    if v.ends_with('%') {
        return parse_rate(v);
    }
    match kind {
        Kind::Money => parse_money(v),
        Kind::Quantity | Kind::Rate => parse_quantity(v),
        _ => Err(v.to_string()),
    }
}

fn sheet_rows(book: &mut Book, name: &str) -> Vec<Vec<String>> {
    let i = book.sheets.iter().position(|s| s.name == name).unwrap();
    book.rows(i)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.1)
        .collect()
}

#[test]
fn every_starter_value_reads_back_as_the_csv_value_exactly() {
    let mut book = Book::open(build("starter").unwrap()).unwrap();
    let mut numbers = 0;
    for t in TABLES {
        let rows = sheet_rows(&mut book, t.sheet());
        assert_eq!(rows.len(), t.example.len() + 1, "{}", t.sheet());
        for (row, want) in rows[1..].iter().zip(t.example) {
            for (c, col) in t.columns.iter().enumerate() {
                let got = row.get(c).map(String::as_str).unwrap_or("");
                let csv = want[c];
                let (a, b) = (meaning(col.kind, got), meaning(col.kind, csv));
                if b.is_ok() {
                    numbers += 1;
                }
                assert_eq!(a, b, "{} {}: {got:?} against {csv:?}", t.sheet(), col.name);
            }
        }
    }
    assert!(numbers >= 10, "the examples hold numbers: {numbers}");
}

/// Values whose binary form depends on how it is computed: `0.07 / 100.0`
/// is not the nearest f64 to 0.0007, so a percentage computed in binary
/// reads back as 0.07000000000000001%.
#[test]
fn awkward_values_survive_the_round_trip() {
    let cases: [(Kind, &str, Decimal); 6] = [
        (Kind::Rate, "0.57%", dec!(0.0057)),
        (Kind::Money, "0.07%", dec!(0.0007)),
        (Kind::Money, "1234.56", dec!(1234.56)),
        (Kind::Money, "£1.2m", dec!(1200000)),
        (Kind::Money, "0.3", dec!(0.3)),
        (Kind::Quantity, "1,000.1", dec!(1000.1)),
    ];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let text = Format::new().set_num_format("@");
    for (r, (kind, v, _)) in cases.iter().enumerate() {
        let col = Column {
            name: "x",
            required: false,
            kind: *kind,
            help: "",
        };
        cell(ws, r as u32, 0, &col, v, &text).unwrap();
    }
    let mut book = Book::open(wb.save_to_buffer().unwrap()).unwrap();
    let rows = sheet_rows(&mut book, "Sheet1");
    for ((kind, v, want), row) in cases.iter().zip(&rows) {
        assert_eq!(
            meaning(*kind, &row[0]),
            Ok(*want),
            "{v} read back as {row:?}"
        );
    }
    let binary = std::hint::black_box(0.07_f64) / 100.0;
    assert_ne!(binary, 0.0007, "the case this test guards");
}

#[test]
fn excel_number_is_the_nearest_binary_number() {
    assert_eq!(excel_number(dec!(0.0735)), Some(0.0735));
    assert_eq!(excel_number(dec!(450.00)), Some(450.0));
    assert_eq!(excel_number(dec!(-0.1)), Some(-0.1));
}
