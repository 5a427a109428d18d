//! Values at and past the edge: Decimal's range, runaway growth, exponents,
//! NaN and infinity in every spelling, in CSV cells and TOML values.

use crate::Ws;

const CONTRIB: &str = "budgets/mini/contributions.csv";
const BASE: &str = "scenarios/base.toml";

#[test]
fn decimal_max_contribution_is_read_then_its_growth_fails_cleanly() {
    let ws = Ws::base();
    ws.edit(
        CONTRIB,
        "\"£100,000\"",
        "\"£79,228,162,514,264,337,593,543,950,335\"",
    );
    // The amount itself is exactly representable; growing it is not, and
    // `check` (which projects every valid scenario) says so, as export does.
    ws.run(&["check"]).fails_with(&[
        "scenarios/base.toml: projecting the scenario",
        "too large for exact arithmetic",
    ]);
    ws.run(&["export", "--tidy"])
        .fails_with(&["too large for exact arithmetic"]);
}

#[test]
fn one_past_decimal_max_is_refused_not_rounded() {
    let ws = Ws::base();
    ws.edit(
        CONTRIB,
        "\"£100,000\"",
        "\"£79,228,162,514,264,337,593,543,950,336\"",
    );
    ws.run(&["check"])
        .fails_with(&["contributions.csv:2", "too large"]);
}

#[test]
fn decimal_max_in_millions_is_refused() {
    let ws = Ws::base();
    ws.edit(CONTRIB, "\"£100,000\"", "79228162514264337593543950335m");
    ws.run(&["check"])
        .fails_with(&["contributions.csv:2", "too large"]);
}

#[test]
fn growth_of_1000_percent_over_50_years_fails_cleanly() {
    let ws = Ws::base();
    ws.edit("budgets/mini/budget.toml", "years = 3", "years = 50");
    ws.edit(BASE, "council = \"1%\"", "council = \"1000%\"");
    ws.run(&["check"])
        .fails_with(&["scenarios/base.toml", "too large"]);
    let o = ws.run(&["export", "--tidy"]);
    o.fails_with(&["scenario base", "too large for exact arithmetic"]);
    assert!(o.stdout.is_empty(), "no partial output: {}", o.stdout);
}

#[test]
fn a_scenario_that_fails_part_way_through_a_tidy_export_to_a_file_replaces_nothing() {
    // The rows are streamed to a temporary file scenario by scenario: base
    // (first by id) is written there, then zz fails, so nothing may reach
    // the target or stay behind.
    let ws = Ws::base();
    ws.edit("budgets/mini/budget.toml", "years = 3", "years = 50");
    let zz = std::fs::read_to_string(ws.path(BASE)).unwrap();
    ws.write(
        "scenarios/zz.toml",
        zz.replace("council = \"1%\"", "council = \"1000%\""),
    );
    ws.write("out.csv", "the finance lead's own file\n");
    let o = ws.run(&["export", "--tidy", "-o", "out.csv", "--force"]);
    o.fails_with(&["scenario zz", "too large for exact arithmetic"]);
    assert_eq!(
        std::fs::read_to_string(ws.path("out.csv")).unwrap(),
        "the finance lead's own file\n"
    );
    let left: Vec<String> = std::fs::read_dir(ws.path("."))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("poolplan-tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn growth_of_1000_percent_over_20_years_is_exact() {
    let ws = Ws::base();
    ws.edit("budgets/mini/budget.toml", "years = 3", "years = 20");
    ws.edit(BASE, "council = \"1%\"", "council = \"1000%\"");
    let o = ws.run(&["export", "--tidy", "base"]);
    o.passes();
    // £30,000 × 11^19, exact to the penny.
    assert!(
        o.stdout
            .contains("base,2028-29,camhs,council,,contribution,1834772713452436388730000.00"),
        "{}",
        o.stdout
            .lines()
            .filter(|l| l.contains("2028-29,camhs,council,,contribution"))
            .collect::<String>()
    );
}

#[test]
fn exponent_rates_are_refused() {
    for (spelling, hint) in [
        ("\"1e3%\"", "exponents"),
        ("\"1E3%\"", "exponents"),
        ("1e3", ""),
    ] {
        let ws = Ws::base();
        ws.edit(BASE, "council = \"1%\"", &format!("council = {spelling}"));
        ws.run(&["check"])
            .fails_with(&["scenarios/base.toml:13", hint]);
    }
}

#[test]
fn nan_and_infinity_spellings_are_refused_everywhere() {
    let spellings = [
        "NaN",
        "nan",
        "-nan",
        "inf",
        "-inf",
        "+inf",
        "Infinity",
        "-Infinity",
        "∞",
        "1.#INF",
        "#NUM!",
        "#DIV/0!",
    ];
    for s in spellings {
        let ws = Ws::base();
        ws.edit(CONTRIB, ",20000,", &format!(",\"{s}\","));
        ws.edit(BASE, "council = \"1%\"", &format!("council = \"{s}%\""));
        ws.edit(
            BASE,
            "pay_inflation = \"2.5%\"",
            &format!("pay_inflation = \"{s}\""),
        );
        let o = ws.run(&["check"]);
        o.fails_with(&["contributions.csv:3", "as money"]);
        o.fails_with(&["base.toml:13", "as a rate"]);
        o.fails_with(&["base.toml:6", "as a rate"]);
    }
    // TOML's own float specials.
    for s in ["nan", "+nan", "-nan", "inf", "+inf", "-inf"] {
        let ws = Ws::base();
        ws.edit(BASE, "council = \"1%\"", &format!("council = {s}"));
        ws.run(&["check"]).fails_with(&["base.toml:13"]);
    }
}

#[test]
fn huge_and_tiny_toml_numbers_are_refused_or_exact() {
    for (lit, ok) in [
        ("1e400", false),
        ("0.0000000000000000000000000001", true),
        ("0.00000000000000000000000000001", false),
        ("9223372036854775807", false),
        ("-9223372036854775808", false),
        ("99999999999999999999999999999999", false),
    ] {
        let ws = Ws::base();
        ws.edit(BASE, "council = \"1%\"", &format!("council = {lit}"));
        let o = ws.run(&["check"]);
        if ok {
            o.passes();
        } else {
            o.fails_with(&["base.toml:13"]);
        }
    }
}

#[test]
fn check_finds_a_lever_that_drives_a_contribution_negative() {
    let ws = Ws::base();
    ws.edit(
        "scenarios/plan.toml",
        "change = \"-10%\"",
        "change = \"-200%\"",
    );
    ws.run(&["check"])
        .fails_with(&["scenarios/plan.toml: projecting the scenario", "negative"]);
}
