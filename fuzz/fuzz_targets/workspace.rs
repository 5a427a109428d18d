//! The whole pipeline from fuzzed files: any one file of the valid
//! workspace replaced (the first byte picks which), then load, check,
//! project every scenario and write the tidy export.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use poolplan::engine::project;
use poolplan::load::{check_all_from, load_for_from};
use poolplan::report::tidy::tidy_bytes;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let (root, src) = common::workspace(pick, bytes, false);
    let (diags, _, _) = check_all_from(&src, &root);
    for d in &diags {
        let _ = d.to_string();
    }
    if let Ok((ws, scenarios)) = load_for_from(&src, &root, &[]) {
        let ps: Vec<_> = scenarios
            .iter()
            .filter_map(|s| ws.budgets.get(&s.budget).map(|b| project(b, s)))
            .filter_map(Result::ok)
            .collect();
        let refs: Vec<_> = ps.iter().collect();
        let out = tidy_bytes(&refs);
        assert!(std::str::from_utf8(&out).is_ok());
    }
});
