//! Hardening, second round (issue 17): silent wrong numbers and hidden
//! warnings. Each test failed before its fix.

use crate::Ws;

const CONTRIB: &str = "budgets/mini/contributions.csv";
const SERVICES: &str = "budgets/mini/services.csv";

const HINT: &str =
    "looks like an unquoted thousands separator: quote the amount (\"380,000\") or write 380000";

#[test]
fn unquoted_thousands_comma_without_a_note_is_an_error() {
    let ws = Ws::base();
    ws.edit(
        CONTRIB,
        "camhs,council,2009-10,30000,",
        "camhs,council,2009-10,380,000",
    );
    ws.run(&["check"])
        .fails_with(&["contributions.csv:4", "column D \"amount\"", HINT]);
}

#[test]
fn unquoted_thousands_comma_with_a_note_is_an_error() {
    let ws = Ws::base();
    ws.edit(
        CONTRIB,
        "camhs,council,2009-10,30000,",
        "camhs,council,2009-10,380,000,topped up",
    );
    ws.run(&["check"])
        .fails_with(&["contributions.csv:4", HINT]);
}

#[test]
fn unquoted_thousands_comma_in_the_last_money_column_of_services() {
    let ws = Ws::base();
    // outcome_value is followed by start (not free text): not this rule;
    // moved to the end of the row it is followed by nothing (beyond the header).
    let text = std::fs::read_to_string(ws.path(SERVICES)).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[0] = "id,name,pool,provider,category,unit,volume,pay_share,uplift,outcome,outcome_rate,outcome_value,start,end,unit_cost".into();
    for l in lines.iter_mut().skip(1) {
        let mut c: Vec<&str> = l.split(',').collect();
        let cost = c.remove(6);
        c.push(cost);
        *l = c.join(",");
    }
    lines[1] = lines[1].replace(",2000", ",2,000");
    ws.write(SERVICES, lines.join("\n") + "\n");
    ws.run(&["check"]).fails_with(&[
        "services.csv:2",
        "column O \"unit_cost\"",
        "quote the amount (\"2,000\") or write 2000",
    ]);
}

#[test]
fn quoted_thousands_and_a_numeric_note_still_pass() {
    let ws = Ws::base();
    ws.edit(
        CONTRIB,
        "camhs,council,2009-10,30000,",
        "camhs,council,2009-10,\"380,000\",ref 000",
    );
    ws.run(&["check"]).passes();
}

#[test]
fn check_prints_the_projections_warnings() {
    let ws = Ws::base();
    ws.write(
        "scenarios/floor.toml",
        "name = \"Floor\"\nbudget = \"mini\"\n\n[[levers]]\nkind = \"volume\"\nservice = \"parenting\"\nfrom = \"2010-11\"\nby = -100\n",
    );
    let o = ws.run(&["check"]);
    o.passes();
    assert!(
        o.stderr
            .lines()
            .any(|l| l.starts_with("warning: scenarios/floor.toml")
                && l.contains("the volume of service parenting would be -70")
                && l.contains("floored at 0")),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains(" 0 warnings"), "{}", o.stderr);
}

#[test]
fn years_after_9999_are_refused_on_input() {
    let ws = Ws::base();
    ws.edit(
        "budgets/mini/budget.toml",
        "base_year = \"2009-10\"",
        "base_year = \"9998-99\"",
    );
    ws.run(&["check"])
        .fails_with(&["budget.toml", "key \"years\"", "would run past 9999-00"]);
    let ws = Ws::base();
    ws.edit(
        "budgets/mini/budget.toml",
        "base_year = \"2009-10\"",
        "base_year = \"9990-91\"",
    );
    // The budget's own 3 years fit; a scenario's 20 do not.
    ws.edit(
        "scenarios/base.toml",
        "budget = \"mini\"",
        "budget = \"mini\"\nyears = 20",
    );
    let o = ws.run(&["check"]);
    o.fails_with(&[
        "scenarios/base.toml:3",
        "key \"years\"",
        "use at most 10 years",
    ]);
    assert!(!o.stderr.contains("10000-01"), "{}", o.stderr);
}

#[test]
fn a_mis_cased_demand_key_warns_with_the_exact_match() {
    let ws = Ws::base();
    ws.edit(
        "scenarios/base.toml",
        "family-support = \"3%\"",
        "Family-Support = \"3%\"",
    );
    let o = ws.run(&["check"]);
    o.passes();
    assert!(
        o.stderr
            .lines()
            .any(|l| l.starts_with("warning: scenarios/base.toml")
                && l.contains("this growth is not used; did you mean \"family-support\"?")),
        "{}",
        o.stderr
    );
}
