//! A workbook from any bytes (SPEC §13): opened, every sheet read to rows of
//! cell texts, and every sheet's rows checked by the CSV table rules, all in
//! memory. A damaged, hostile or foreign file must give a message, never a
//! panic, a hang or a huge allocation (parts are capped when inflated).
#![no_main]

use libfuzzer_sys::fuzz_target;
use poolplan::load::diag::{Owner, Sink};
use poolplan::load::table::from_rows;
use poolplan::load::xlsx::Book;

fuzz_target!(|data: &[u8]| {
    let Ok(mut book) = Book::open(data.to_vec()) else {
        return;
    };
    for i in 0..book.sheets.len().min(16) {
        let Ok(rows) = book.rows(i) else { continue };
        for p in &rows.problems {
            assert!(p.row >= 1, "rows are 1-based: {p:?}");
        }
        let mut out = vec![];
        let mut sink = Sink {
            out: &mut out,
            owner: Owner::Workspace,
            file: "budget.xlsx [t]".into(),
        };
        let _ = from_rows(rows.rows, &mut sink, &["id", "name"], &["amount"], "the sheet is empty");
        for d in &out {
            let _ = d.to_string();
        }
    }
});
