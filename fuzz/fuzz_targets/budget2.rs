//! The second edition's budget files (SPEC §10–§12): the example budget
//! (`budgets/haringey-ct-2009`, which has every table: schedules, risk caps,
//! outcomes by beneficiary, actuals and profiles) with one file replaced by
//! the fuzzer's bytes — the first byte picks which — then loaded and
//! checked; every diagnostic renders.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use poolplan::load::budget::load_budget_from;

const ID: &str = "haringey-ct-2009";
/// Each file by its name under the workspace root.
const FILES: &[(&str, &[u8])] = &[
    ("budgets/haringey-ct-2009/budget.toml", include_bytes!("../../budgets/haringey-ct-2009/budget.toml")),
    ("budgets/haringey-ct-2009/partners.csv", include_bytes!("../../budgets/haringey-ct-2009/partners.csv")),
    ("budgets/haringey-ct-2009/providers.csv", include_bytes!("../../budgets/haringey-ct-2009/providers.csv")),
    ("budgets/haringey-ct-2009/pools.csv", include_bytes!("../../budgets/haringey-ct-2009/pools.csv")),
    ("budgets/haringey-ct-2009/contributions.csv", include_bytes!("../../budgets/haringey-ct-2009/contributions.csv")),
    ("budgets/haringey-ct-2009/services.csv", include_bytes!("../../budgets/haringey-ct-2009/services.csv")),
    ("budgets/haringey-ct-2009/risk_shares.csv", include_bytes!("../../budgets/haringey-ct-2009/risk_shares.csv")),
    ("budgets/haringey-ct-2009/schedules.csv", include_bytes!("../../budgets/haringey-ct-2009/schedules.csv")),
    ("budgets/haringey-ct-2009/risk_caps.csv", include_bytes!("../../budgets/haringey-ct-2009/risk_caps.csv")),
    ("budgets/haringey-ct-2009/outcomes.csv", include_bytes!("../../budgets/haringey-ct-2009/outcomes.csv")),
    ("budgets/haringey-ct-2009/actuals.csv", include_bytes!("../../budgets/haringey-ct-2009/actuals.csv")),
    ("budgets/haringey-ct-2009/profiles.csv", include_bytes!("../../budgets/haringey-ct-2009/profiles.csv")),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let (root, src) = common::with_replaced(FILES, FILES.len(), pick, bytes);
    let mut diags = vec![];
    let _ = load_budget_from(&src, &root, ID, &mut diags);
    for d in &diags {
        let _ = d.to_string();
    }
});
