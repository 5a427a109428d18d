//! Synthetic workspace generator for benchmarks and robustness tests.
//!
//! `cargo run --release --example synth -- OUT --services 100000 --years 10 --scenarios 20 --seed 1`
//!
//! Writes OUT/budgets/synth/*.csv and OUT/scenarios/sNN.toml: a valid
//! workspace of any size with realistic magnitudes, every lever kind, and
//! categories with many providers.

use std::fmt::Write as _;
use std::path::PathBuf;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

struct Args {
    out: PathBuf,
    services: usize,
    years: usize,
    scenarios: usize,
    seed: u64,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        out: PathBuf::new(),
        services: 1000,
        years: 5,
        scenarios: 5,
        seed: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut num = |name: &str| -> Result<u64, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or(format!("{name} needs a number"))
        };
        match x.as_str() {
            "--services" => a.services = num("--services")? as usize,
            "--years" => a.years = num("--years")? as usize,
            "--scenarios" => a.scenarios = num("--scenarios")? as usize,
            "--seed" => a.seed = num("--seed")?,
            _ if a.out.as_os_str().is_empty() => a.out = PathBuf::from(x),
            _ => return Err(format!("unexpected argument {x}")),
        }
    }
    if a.out.as_os_str().is_empty() {
        return Err(
            "usage: synth OUT [--services N] [--years N] [--scenarios N] [--seed N]".into(),
        );
    }
    Ok(a)
}

const PARTNERS: usize = 6;

fn main() -> Result<(), String> {
    let a = args()?;
    let mut rng = Rng(a.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let pools = (a.services / 500).clamp(4, 400);
    let categories = (a.services / 250).clamp(8, 400);
    let providers = (a.services / 20).clamp(10, 5000);
    let dir = a.out.join("budgets/synth");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(a.out.join("scenarios")).map_err(|e| e.to_string())?;
    let write =
        |name: &str, text: &str| std::fs::write(dir.join(name), text).map_err(|e| e.to_string());
    write(
        "budget.toml",
        &format!("name = \"Synthetic national model\"\nbase_year = \"2009-10\"\nyears = {}\ncurrency = \"GBP\"\n", a.years),
    )?;
    let kinds = ["council", "nhs", "police", "schools", "grant", "voluntary"];
    let mut s = String::from("id,name,kind\n");
    for (i, k) in kinds.iter().enumerate() {
        let _ = writeln!(s, "p{i},Partner {i},{k}");
    }
    write("partners.csv", &s)?;
    let rules = ["pro_rata", "host", "agreed"];
    let unders = ["carry_forward", "return"];
    let mut s = String::from("id,name,host,basis,risk_share,underspend\n");
    let mut r = String::from("pool,partner,share\n");
    for p in 0..pools {
        let rule = rules[p % 3];
        let _ = writeln!(
            s,
            "pool{p:04},Pool {p},p{},s75,{rule},{}",
            p % PARTNERS,
            unders[p % 2]
        );
        if rule == "agreed" {
            let _ = writeln!(r, "pool{p:04},p0,40%\npool{p:04},p1,35%\npool{p:04},p2,25%");
        }
    }
    write("pools.csv", &s)?;
    write("risk_shares.csv", &r)?;
    let mut s = String::from("id,name,sector,rating\n");
    let sectors = ["in_house", "voluntary", "private", "nhs", "other"];
    for i in 0..providers {
        let _ = writeln!(s, "prov{i:05},Provider {i},{},Good", sectors[i % 5]);
    }
    write("providers.csv", &s)?;
    // Services, and per-pool cost to size contributions.
    let mut pool_cost = vec![0u64; pools];
    let mut s = String::from("id,name,pool,provider,category,unit,unit_cost,volume,pay_share,uplift,outcome,outcome_rate,outcome_value,start,end\n");
    for i in 0..a.services {
        let pool = i % pools;
        let cat = rng.below(categories as u64);
        let unit_cost = 50 + rng.below(3500);
        let pence = rng.below(100);
        let volume = 10 + rng.below(2000);
        pool_cost[pool] += unit_cost * volume;
        let uplift = match rng.below(10) {
            0 => "none".to_string(),
            1 => format!("{}%", 1 + rng.below(4)),
            _ => "index".to_string(),
        };
        let (start, end) = match rng.below(20) {
            0 => (format!("{}-{:02}", 2010, 11), String::new()),
            1 => (
                String::new(),
                format!(
                    "{}-{:02}",
                    2009 + a.years as u64 - 2,
                    (10 + a.years as u64 - 2) % 100
                ),
            ),
            _ => (String::new(), String::new()),
        };
        let _ = writeln!(
            s,
            "s{i:06},Service {i},pool{pool:04},prov{:05},cat{cat:03},week,{unit_cost}.{pence:02},{volume},0.{},{uplift},outcome{cat},0.0{},{}000,{start},{end}",
            rng.below(providers as u64),
            rng.below(10),
            1 + rng.below(9),
            5 + rng.below(40)
        );
    }
    write("services.csv", &s)?;
    let mut s = String::from("pool,partner,year,amount,note\n");
    for (p, cost) in pool_cost.iter().enumerate() {
        for q in 0..3 {
            let partner = (p + q) % PARTNERS;
            let share = [50u64, 30, 20][q];
            let _ = writeln!(s, "pool{p:04},p{partner},2009-10,{},", cost * share / 100);
            if q == 2 {
                let _ = writeln!(
                    s,
                    "pool{p:04},p{partner},2011-12,{},step change",
                    cost * share / 110
                );
            }
        }
    }
    write("contributions.csv", &s)?;
    for k in 0..a.scenarios {
        let mut t = format!("name = \"Scenario {k}\"\nbudget = \"synth\"\n");
        if k > 0 {
            t.push_str("extends = \"s00\"\n");
        }
        let _ = writeln!(
            t,
            "[rates]\npay_inflation = \"{}%\"\nprice_inflation = \"{}%\"\ndeflator = \"2.5%\"\n\n[demand]\ncat000 = \"{}%\"\ncat001 = \"-2%\"\n\n[contribution_growth]\np1 = \"1.5%\"",
            1 + k % 4,
            k % 3,
            k % 6
        );
        let svc = |rng: &mut Rng| format!("s{:06}", rng.below(a.services as u64));
        let levers = 5 + a.services / 1000;
        for j in 0..levers {
            let from = 2010 + (j % 2) as u64;
            let from = format!("{from}-{:02}", (from + 1) % 100);
            let lever = match j % 8 {
                0 => {
                    let pool = rng.below(pools as u64) as usize;
                    format!("kind = \"contribution\"\npartner = \"p{}\"\npool = \"pool{pool:04}\"\nchange = \"-{}%\"", pool % PARTNERS, 1 + rng.below(9))
                }
                1 => format!("kind = \"unit_cost\"\nservice = \"{}\"\nchange = \"-{}%\"", svc(&mut rng), rng.below(20)),
                2 => format!("kind = \"volume\"\nservice = \"{}\"\nby = {}\nreduces = \"{}\"\nper_unit = 0.5\nlag = 1", svc(&mut rng), 10 + rng.below(50), svc(&mut rng)),
                3 => format!("kind = \"outcome_rate\"\nservice = \"{}\"\nchange = \"10%\"", svc(&mut rng)),
                4 => format!("kind = \"commission\"\nid = \"new-{k}-{j}\"\nname = \"New service\"\npool = \"pool{:04}\"\nprovider = \"prov00001\"\ncategory = \"cat000\"\nunit = \"week\"\nunit_cost = 450\nvolume = 100", j % pools),
                5 => format!("kind = \"decommission\"\nservice = \"{}\"", svc(&mut rng)),
                6 => format!("kind = \"recommission\"\nservice = \"{}\"\nprovider = \"prov00002\"\nunit_cost = 300", svc(&mut rng)),
                _ => format!("kind = \"saving\"\npool = \"pool{:04}\"\nby = \"{}k\"", j % pools, 10 + rng.below(90)),
            };
            let _ = writeln!(t, "\n[[levers]]\n{lever}\nfrom = \"{from}\"");
        }
        std::fs::write(a.out.join(format!("scenarios/s{k:02}.toml")), t)
            .map_err(|e| e.to_string())?;
    }
    eprintln!(
        "wrote {} ({} services, {} years, {} scenarios)",
        a.out.display(),
        a.services,
        a.years,
        a.scenarios
    );
    Ok(())
}
