//! Baseline for `poolplan check`'s speed target: the time the `csv` crate
//! alone takes to read a budget's CSV files into records.
//! `cargo run --release --example csv_baseline -- WORKSPACE/budgets/ID`

use std::time::Instant;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: csv_baseline BUDGET_DIR");
        std::process::exit(2);
    };
    let t0 = Instant::now();
    let mut records = 0usize;
    for name in [
        "partners.csv",
        "pools.csv",
        "contributions.csv",
        "providers.csv",
        "services.csv",
        "risk_shares.csv",
    ] {
        let path = std::path::Path::new(&dir).join(name);
        let Ok(mut rdr) = csv::Reader::from_path(&path) else {
            continue;
        };
        for r in rdr.records() {
            if r.is_ok() {
                records += 1;
            }
        }
    }
    println!("csv crate alone: {records} records in {:.1?}", t0.elapsed());
}
