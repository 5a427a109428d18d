//! Adds in-year monitoring inputs to a synthetic workspace made by `synth`:
//! actuals.csv with one row per service per month of 2009-10 (12 × services
//! rows; amounts around a twelfth of each service's base cost, a few credits)
//! and a seasonal profiles.csv for every tenth category.
//!
//! `cargo run --release --example synth_actuals -- OUT [--months 12]`

use std::fmt::Write as _;
use std::path::PathBuf;

const MONTHS: [&str; 12] = [
    "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar",
];

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().ok_or("usage: synth_actuals OUT [--months N]")?);
    let mut months = 12usize;
    while let Some(a) = args.next() {
        if a == "--months" {
            months = args
                .next()
                .and_then(|v| v.parse().ok())
                .filter(|m| (1..=12).contains(m))
                .ok_or("--months needs 1 to 12")?;
        }
    }
    let dir = out.join("budgets/synth");
    let services = std::fs::read_to_string(dir.join("services.csv")).map_err(|e| e.to_string())?;
    let mut s = String::from("service,year,period,amount,note\n");
    let mut categories = std::collections::BTreeSet::new();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for line in services.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let (Some(id), Some(cat), Some(cost), Some(vol)) =
            (cells.first(), cells.get(4), cells.get(6), cells.get(7))
        else {
            continue;
        };
        categories.insert(cat.to_string());
        let annual: f64 = cost.parse::<f64>().unwrap_or(100.0) * vol.parse::<f64>().unwrap_or(1.0);
        for (m, name) in MONTHS.iter().enumerate().take(months) {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D) % 2000;
            // 90% to 110% of a twelfth, in pennies; one month in fifty a credit.
            let pennies = (annual / 12.0 * (0.9 + r as f64 / 10000.0) * 100.0) as i64;
            let pennies = if r < 40 { -(pennies / 20) } else { pennies };
            let period = if m % 2 == 0 {
                name.to_string()
            } else {
                (m + 1).to_string()
            };
            let _ = writeln!(
                s,
                "{id},2009-10,{period},{}.{:02},",
                pennies / 100,
                (pennies % 100).abs()
            );
        }
    }
    std::fs::write(dir.join("actuals.csv"), s).map_err(|e| e.to_string())?;
    let mut p = String::from("key,period,weight\n");
    for cat in categories.iter().step_by(10) {
        for (m, name) in MONTHS.iter().enumerate() {
            let w = if m == 4 || m == 8 { "0.5" } else { "1.1" };
            let _ = writeln!(p, "{cat},{name},{w}");
        }
    }
    std::fs::write(dir.join("profiles.csv"), p).map_err(|e| e.to_string())?;
    Ok(())
}
