//! The tidy export's writer (SPEC §7): rows of every scenario's projection
//! formatted into one reused buffer, as `export --tidy` does, timed apart
//! from loading, projecting and the file system. Prints the median of 7
//! runs and the rate in MB/s.
//!
//! Run: `cargo bench --bench tidy` (the example workspace), or on the
//! issue-16 workspace of 10,000 services × 5 years × 4 scenarios:
//! `./target/release/examples/synth /tmp/s10k5 --services 10000 --years 5 --scenarios 4 --seed 1`
//! then `POOLPLAN_TIDY_DIR=/tmp/s10k5 cargo bench --bench tidy`.

use poolplan::engine::{project, Projection};
use poolplan::report::tidy::write_projection;
use std::time::Instant;

fn main() {
    let dir =
        std::env::var("POOLPLAN_TIDY_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    let (ws, scenarios) = poolplan::load::load_for(std::path::Path::new(&dir), &[])
        .unwrap_or_else(|_| panic!("{dir} does not load: run `poolplan --dir {dir} check`"));
    let ps: Vec<Projection> = scenarios
        .iter()
        .map(|s| project(&ws.budgets[&s.budget], s).expect("every scenario projects"))
        .collect();
    let mut buf = Vec::new();
    let mut times = vec![];
    let mut bytes = 0;
    for _ in 0..7 {
        let t = Instant::now();
        bytes = 0;
        for p in &ps {
            buf.clear();
            write_projection(p, &mut buf);
            bytes += buf.len();
        }
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let services: usize = ps.iter().map(|p| p.services.len()).sum();
    println!(
        "tidy writer, {dir}: {} scenarios, {services} service lines, {:.1} MB: median {:.1} ms (best {:.1} ms), {:.0} MB/s",
        ps.len(),
        bytes as f64 / 1e6,
        median * 1e3,
        times[0] * 1e3,
        bytes as f64 / 1e6 / median
    );
}
