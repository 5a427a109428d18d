//! Text that reaches a screen (issue 17 items 11, 12; SPEC §9 "Settled
//! later"): control characters, line breaks and bidirectional controls in
//! names are errors naming the character and its position; nothing raw ever
//! reaches the terminal.

use crate::Ws;

const PARTNERS: &str = "budgets/mini/partners.csv";
const BASE: &str = "scenarios/base.toml";

fn no_raw_escapes(text: &str) {
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202E}'),
        "raw control characters reached the terminal:\n{text:?}"
    );
}

#[test]
fn toml_escape_in_a_name_is_an_error_naming_it() {
    let ws = Ws::base();
    ws.edit(
        BASE,
        "name = \"Base\"",
        "name = \"Evil\\u001b]52;c;aGk=\\u0007\"",
    );
    let o = ws.run(&["check"]);
    o.fails_with(&[
        "scenarios/base.toml:1:8",
        "key \"name\"",
        "U+001B",
        "at character 5",
    ]);
    no_raw_escapes(&o.stderr);
    let o = ws.run(&["summary"]);
    assert_eq!(o.code, 1);
    no_raw_escapes(&o.stdout);
    no_raw_escapes(&o.stderr);
}

#[test]
fn an_escaped_unknown_key_is_echoed_escaped() {
    let ws = Ws::base();
    ws.edit(BASE, "[rates]", "[rates]\n\"pay\\u001b[2J\" = \"1%\"");
    let o = ws.run(&["check"]);
    o.fails_with(&["key \"rates.pay<U+001B>[2J\"", "U+001B"]);
    no_raw_escapes(&o.stderr);
}

#[test]
fn quoted_newline_in_a_csv_name_is_an_error() {
    let ws = Ws::base();
    let text = std::fs::read_to_string(ws.path(PARTNERS)).unwrap();
    let line = text.lines().nth(1).unwrap().to_string();
    let mut cells: Vec<&str> = line.split(',').collect();
    let forged = "\"Council\nerror: forged line\"";
    cells[1] = forged;
    ws.write(PARTNERS, text.replacen(&line, &cells.join(","), 1));
    let o = ws.run(&["check"]);
    o.fails_with(&[
        "partners.csv:2",
        "column B \"name\"",
        "a line break (U+000A) at character 8",
    ]);
    assert!(
        !o.stderr.lines().any(|l| l == "forged line\""),
        "{}",
        o.stderr
    );
}

#[test]
fn bidi_override_and_noncharacter_in_csv_are_errors() {
    let ws = Ws::base();
    let text = std::fs::read_to_string(ws.path(PARTNERS)).unwrap();
    let line = text.lines().nth(1).unwrap().to_string();
    let mut cells: Vec<String> = line.split(',').map(String::from).collect();
    cells[1] = format!("{}\u{202E}lapsnart", cells[1]);
    ws.write(PARTNERS, text.replacen(&line, &cells.join(","), 1));
    let o = ws.run(&["check"]);
    o.fails_with(&["partners.csv:2", "U+202E"]);
    no_raw_escapes(&o.stderr);
    let ws = Ws::base();
    ws.edit(BASE, "name = \"Base\"", "name = \"Base\u{FFFE}\"");
    ws.run(&["check"]).fails_with(&[
        "scenarios/base.toml:1",
        "a non-character (U+FFFE) at character 5",
    ]);
}

#[test]
fn scenario_stems_and_budget_folders_must_be_ids() {
    let ws = Ws::base();
    let bad = ws.path("scenarios/evil\u{1b}[31m.toml");
    std::fs::write(&bad, "name = \"x\"\nbudget = \"mini\"\n").unwrap();
    let o = ws.run(&["check"]);
    o.fails_with(&[
        "scenarios/evil<U+001B>[31m.toml",
        "scenario file name",
        "not a valid id",
    ]);
    no_raw_escapes(&o.stderr);
    std::fs::remove_file(&bad).unwrap();
    std::fs::write(
        ws.path("scenarios/Central Plan.toml"),
        "budget = \"mini\"\n",
    )
    .unwrap();
    ws.run(&["check"])
        .fails_with(&["Central Plan.toml", "\"central-plan\""]);
    std::fs::remove_file(ws.path("scenarios/Central Plan.toml")).unwrap();
    std::fs::create_dir(ws.path("budgets/Mini Copy")).unwrap();
    ws.run(&["check"])
        .fails_with(&["budgets/Mini Copy/", "budget folder", "\"mini-copy\""]);
}

#[test]
fn cli_tables_escape_whatever_reaches_them() {
    use poolplan::report::table::{render_text, Cell, Table, Unit};
    // Defense in depth: even a name that got past the loader is shown escaped.
    let mut t = Table::new(
        "t",
        "T\u{1b}]0;pwned\u{7}",
        vec!["name\u{202E}".into(), "£".into()],
    );
    t.rows = vec![vec![
        Cell::text("a\u{1b}[1A\u{200B}"),
        Cell::Money(5.into()),
    ]];
    t.notes = vec!["n\r".into()];
    let out = render_text(&[t], Unit::Pounds);
    no_raw_escapes(&out);
    assert!(out.contains("T<U+001B>]0;pwned<U+0007>"), "{out}");
    assert!(out.contains("a<U+001B>[1A<U+200B>"), "{out}");
    assert!(out.contains("n<U+000D>"), "{out}");
}

#[test]
fn a_path_with_an_escape_is_echoed_escaped() {
    let ws = Ws::base();
    let out = ws.path("out\u{1b}[31m.csv");
    let o = ws.run(&["export", "--tidy", "-o", out.to_str().unwrap()]);
    o.passes();
    assert!(
        o.stderr.contains("wrote ") && o.stderr.contains("out<U+001B>[31m.csv"),
        "{}",
        o.stderr
    );
    no_raw_escapes(&o.stderr);
}
