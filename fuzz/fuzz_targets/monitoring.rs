//! The monitoring tables (SPEC §12.1) from any bytes, in memory: the bytes
//! read as `actuals.csv` (with and without a plan horizon) and as
//! `profiles.csv`; every diagnostic renders. No file is written, so this
//! target runs tens of thousands of times a second.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poolplan::load::diag::{Owner, Sink};
use poolplan::load::table::read_table;
use poolplan::load::{actuals::actuals, profiles::profiles};
use poolplan::model::Year;

fuzz_target!(|data: &[u8]| {
    let mut out = vec![];
    let mut sink = Sink {
        out: &mut out,
        owner: Owner::Budget("mini".into()),
        file: "actuals.csv".into(),
    };
    let required = ["service", "year", "period", "amount"];
    if let Some(t) = read_table(data, &mut sink, &required, &["note"]) {
        for horizon in [None, Some((Year(2009), 5))] {
            for a in actuals(&t, &mut sink, horizon) {
                let _ = format!("{a:?}");
            }
        }
    }
    sink.file = "profiles.csv".into();
    if let Some(t) = read_table(data, &mut sink, &["key", "period", "weight"], &["note"]) {
        let _ = profiles(&t, &mut sink);
    }
    for d in &out {
        let _ = d.to_string();
    }
});
