//! Size: a 1,000-level extends chain, 10,000 columns, a 1 MB line, 100,000
//! levers and a 20 MB CSV, each within a time bound (debug build, shared
//! 2-core machine; the bounds are generous, a quadratic blow-up is not).
//! The 200 MB case is run by hand: see docs/testing.md.

use crate::Ws;
use std::fmt::Write as _;
use std::time::Duration;

const SLOW: Duration = Duration::from_secs(45);

#[test]
fn a_1000_level_extends_chain_works() {
    let ws = Ws::base();
    ws.write("scenarios/s0.toml", "name = \"s0\"\nextends = \"base\"\n");
    for i in 1..=1000 {
        ws.write(
            &format!("scenarios/s{i}.toml"),
            format!("name = \"s{i}\"\nextends = \"s{}\"\n", i - 1),
        );
    }
    let o = ws.run_within(&["check"], SLOW);
    o.passes();
    assert!(o.stderr.contains("1003 scenarios"), "{}", o.stderr);
    let o = ws.run_within(&["export", "--tidy", "s1000"], SLOW);
    o.passes();
    assert!(o
        .stdout
        .contains("s1000,2009-10,camhs,council,,contribution,30000.00"));
}

#[test]
fn a_chain_deeper_than_2000_is_refused_in_bounded_time() {
    let ws = Ws::base();
    ws.write("scenarios/s0.toml", "name = \"s0\"\nextends = \"base\"\n");
    for i in 1..=2100 {
        ws.write(
            &format!("scenarios/s{i}.toml"),
            format!("name = \"s{i}\"\nextends = \"s{}\"\n", i - 1),
        );
    }
    ws.run_within(&["check"], SLOW).fails_with(&[
        "scenarios/s2100.toml, key \"extends\"",
        "more than 2000 scenarios deep",
    ]);
    ws.run_within(&["export", "--tidy", "s1990"], SLOW).passes();
}

#[test]
fn a_1000_level_cycle_fails_cleanly() {
    let ws = Ws::base();
    for i in 0..1000 {
        ws.write(
            &format!("scenarios/c{i}.toml"),
            format!("name = \"c{i}\"\nextends = \"c{}\"\n", (i + 1) % 1000),
        );
    }
    ws.run_within(&["check"], SLOW).fails_with(&["cycle"]);
}

#[test]
fn ten_thousand_columns_are_warnings() {
    let ws = Ws::base();
    let mut text = "id,name,kind".to_string();
    for i in 0..10_000 {
        write!(text, ",x{i}").unwrap();
    }
    text.push_str("\ncouncil,Borough Council,council\nnhs,NHS Borough,nhs\n");
    ws.write("budgets/mini/partners.csv", text);
    let o = ws.run_within(&["check"], SLOW);
    o.passes();
    assert!(
        o.stderr.contains("10000 warnings"),
        "{}",
        &o.stderr[o.stderr.len() - 200..]
    );
}

#[test]
fn a_one_megabyte_line() {
    let ws = Ws::base();
    let long = "A".repeat(1 << 20);
    ws.write(
        "budgets/mini/partners.csv",
        format!("id,name,kind\ncouncil,{long},council\nnhs,NHS,nhs\n"),
    );
    ws.run(&["check"]).passes();
    ws.write(
        "budgets/mini/partners.csv",
        format!("id,name,kind\ncouncil,C,council\nnhs,NHS,nhs{long}\n"),
    );
    ws.run(&["check"]).fails_with(&["partners.csv:3"]);
}

#[test]
fn a_scenario_with_100000_levers_is_linear() {
    let ws = Ws::base();
    let mut t = "name = \"Levers\"\nextends = \"base\"\n".to_string();
    for _ in 0..100_000 {
        t.push_str("[[levers]]\nkind = \"volume\"\nservice = \"family-support\"\nfrom = \"2010-11\"\nby = 1\n");
    }
    ws.write("scenarios/levers.toml", t);
    let o = ws.run_within(&["export", "--tidy", "levers"], SLOW);
    o.passes();
    // 40 families + 100,000 × 1, grown 3% a year for demand.
    assert!(
        o.stdout
            .contains("levers,2010-11,early-help,,family-support,volume,100041.2"),
        "{}",
        o.stdout
    );
}

#[test]
fn a_20_megabyte_services_csv() {
    let ws = Ws::base();
    let path = "budgets/mini/services.csv";
    let mut text = std::fs::read_to_string(ws.path(path)).unwrap();
    let mut i = 0;
    while text.len() < 20_000_000 {
        writeln!(
            text,
            "svc-{i},Generated service {i} with a long name,early-help,inhouse,family-support,family,2000,40,0.8,index,family-stabilised,0.5,5000,,"
        )
        .unwrap();
        i += 1;
    }
    ws.write(path, text);
    let o = ws.run_within(&["check"], SLOW);
    o.passes();
}
