//! The second edition's budget files (SPEC §10–§12): the example budget
//! (`budgets/haringey-ct-2009`, which has every table: schedules, risk caps,
//! outcomes by beneficiary, actuals and profiles) with one file replaced by
//! the fuzzer's bytes — the first byte picks which — then loaded and
//! checked; every diagnostic renders.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use poolplan::load::budget::load_budget;
use std::sync::Mutex;

const ID: &str = "haringey-ct-2009";
const FILES: &[(&str, &[u8])] = &[
    ("budget.toml", include_bytes!("../../budgets/haringey-ct-2009/budget.toml")),
    ("partners.csv", include_bytes!("../../budgets/haringey-ct-2009/partners.csv")),
    ("providers.csv", include_bytes!("../../budgets/haringey-ct-2009/providers.csv")),
    ("pools.csv", include_bytes!("../../budgets/haringey-ct-2009/pools.csv")),
    ("contributions.csv", include_bytes!("../../budgets/haringey-ct-2009/contributions.csv")),
    ("services.csv", include_bytes!("../../budgets/haringey-ct-2009/services.csv")),
    ("risk_shares.csv", include_bytes!("../../budgets/haringey-ct-2009/risk_shares.csv")),
    ("schedules.csv", include_bytes!("../../budgets/haringey-ct-2009/schedules.csv")),
    ("risk_caps.csv", include_bytes!("../../budgets/haringey-ct-2009/risk_caps.csv")),
    ("outcomes.csv", include_bytes!("../../budgets/haringey-ct-2009/outcomes.csv")),
    ("actuals.csv", include_bytes!("../../budgets/haringey-ct-2009/actuals.csv")),
    ("profiles.csv", include_bytes!("../../budgets/haringey-ct-2009/profiles.csv")),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let root = common::scratch();
    let dir = root.join("budgets").join(ID);
    static LAST: Mutex<Option<usize>> = Mutex::new(None);
    let chosen = usize::from(pick) % FILES.len();
    let write = |i: usize, b: &[u8]| std::fs::write(dir.join(FILES[i].0), b).unwrap();
    let mut last = LAST.lock().unwrap();
    match *last {
        None => {
            std::fs::create_dir_all(&dir).unwrap();
            (0..FILES.len()).for_each(|i| write(i, FILES[i].1));
        }
        Some(i) if i != chosen => write(i, FILES[i].1),
        Some(_) => {}
    }
    write(chosen, bytes);
    *last = Some(chosen);
    let mut diags = vec![];
    let _ = load_budget(root, ID, &mut diags);
    for d in &diags {
        let _ = d.to_string();
    }
});
