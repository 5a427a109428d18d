//! A scenario file's bytes: decoded, parsed, then resolved against the valid
//! budget (so lever checks and extends run too).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use poolplan::load::diag::{Owner, Sink};
use poolplan::load::{check_all_from, scenario::parse_scenario, text::decode_toml};

fuzz_target!(|data: &[u8]| {
    let mut out = vec![];
    let mut sink = Sink {
        out: &mut out,
        owner: Owner::Scenario("s".into()),
        file: "s.toml".into(),
    };
    if let Some(text) = decode_toml(data, &mut sink) {
        let _ = parse_scenario(&text, &mut sink);
    }
    let (root, src) = common::workspace(8, data, false);
    let (diags, _, _) = check_all_from(&src, &root);
    for d in &diags {
        let _ = d.to_string();
    }
});
