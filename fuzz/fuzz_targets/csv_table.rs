//! One CSV table: the bytes read straight as a table (every schema), then as
//! one budget file of an otherwise valid workspace, loaded and checked.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use poolplan::load::diag::{Owner, Sink};
use poolplan::load::{budget::load_budget_from, table::read_table};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let mut out = vec![];
    let mut sink = Sink {
        out: &mut out,
        owner: Owner::Workspace,
        file: "t.csv".into(),
    };
    if let Some(t) = read_table(bytes, &mut sink, &["id", "name"], &["kind", "amount"]) {
        for r in &t.rows {
            let _ = t.cell(r, "id");
            let _ = t.cell(r, "amount");
        }
    }
    // 1..=6: a CSV file of the budget (0 would be budget.toml).
    let (root, src) = common::workspace(1 + pick % 6, bytes, true);
    let mut diags = vec![];
    let _ = load_budget_from(&src, &root, "mini", &mut diags);
    for d in &diags {
        let _ = d.to_string();
    }
});
