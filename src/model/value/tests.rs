use super::*;
use rust_decimal_macros::dec;

fn m(s: &str) -> Decimal {
    parse_money(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}
fn merr(s: &str) -> String {
    parse_money(s).expect_err(s)
}

#[test]
fn money_spellings_of_spec_3() {
    assert_eq!(m("1234.56"), dec!(1234.56));
    assert_eq!(m("1,234.56"), dec!(1234.56));
    assert_eq!(m("£1,234.56"), dec!(1234.56));
    assert_eq!(m("-£1,234"), dec!(-1234));
    assert_eq!(m("£-1,234"), dec!(-1234));
    assert_eq!(m("(1,234.56)"), dec!(-1234.56));
    assert_eq!(m("£1.2m"), dec!(1200000));
    assert_eq!(m("450k"), dec!(450000));
    assert_eq!(m(" 12 "), dec!(12));
    assert_eq!(m("(£916)"), dec!(-916));
    assert_eq!(m("£(916)"), dec!(-916));
    assert_eq!(m("450K"), dec!(450000));
    assert_eq!(m("2.5M"), dec!(2500000));
    assert_eq!(m("+12"), dec!(12));
    assert_eq!(m("0.125"), dec!(0.125));
    assert_eq!(m("1234.567"), dec!(1234.567));
    assert_eq!(m("1,234.567"), dec!(1234.567));
    assert_eq!(m("1,000"), dec!(1000));
    assert_eq!(m("0"), dec!(0));
    assert_eq!(m("1.000k"), dec!(1000));
    // A suffix inside accounting brackets (found by the parsers fuzzer,
    // whose own check had missed the case): minus £9m.
    assert_eq!(m("(9m)"), dec!(-9000000));
    assert_eq!(m("(£1.2k)"), dec!(-1200));
}

#[test]
fn money_keeps_more_than_two_places() {
    assert_eq!(m("0.125").to_string(), "0.125");
}

#[test]
fn money_bad_spellings_with_hints() {
    let cases: &[(&str, &str)] = &[
        ("£1,2O0", "found the letter \"O\""),
        ("1,00", "group digits in threes"),
        (
            "1.000",
            "write \"1,000\" if you mean 1000, or \"1.00\" if you mean 1",
        ),
        ("12.500", "ambiguous"),
        (
            "250.005",
            "\"250,005\" if you mean 250005, or \"250.0050\" if you mean 250.005",
        ),
        ("(-5)", "a sign inside brackets"),
        ("--5", "two signs"),
        ("-£-5", "two signs"),
        ("5-", "found \"-\""),
        ("(5", "an opening bracket without a closing one"),
        ("5)", "a closing bracket without an opening one"),
        ("1e3", "exponents"),
        ("1 234", "a space inside the number"),
        ("£1.2.3", "more than one decimal point"),
        ("", "it is empty"),
        ("£", "no digits"),
        ("abc", "found the letter \"a\""),
        ("NaN", "found the letter \"N\""),
        ("inf", "found the letter \"i\""),
        ("5.", "no digits after the decimal point"),
        ("1,234.5,6", "a comma after the decimal point"),
        ("£5£", "a misplaced £"),
        ("99999999999999999999999999999999", "too large"),
        ("79228162514264337593543950335m", "too large"),
    ];
    for (text, hint) in cases {
        let e = merr(text);
        assert!(e.contains(hint), "{text:?}: {e}");
        assert!(
            e.contains(&format!("\"{}\"", text.trim())) || text.is_empty(),
            "{text:?} not quoted: {e}"
        );
    }
}

#[test]
fn money_error_message_shape() {
    assert_eq!(
        merr("£1,2O0"),
        "cannot read \"£1,2O0\" as money (found the letter \"O\"); write digits with optional £, sign, thousands commas, k or m, and (brackets) for negatives, e.g. £1,234.56, 450k, (1,200)"
    );
}

#[test]
fn rates() {
    assert_eq!(parse_rate("2.5%").unwrap(), dec!(0.025));
    assert_eq!(parse_rate("-10%").unwrap(), dec!(-0.1));
    assert_eq!(parse_rate("+3%").unwrap(), dec!(0.03));
    assert_eq!(parse_rate("0.025").unwrap(), dec!(0.025));
    assert_eq!(parse_rate("150%").unwrap(), dec!(1.5));
    assert_eq!(parse_rate("1").unwrap(), dec!(1));
    assert_eq!(parse_rate("-1").unwrap(), dec!(-1));
    assert_eq!(parse_rate("1000%").unwrap(), dec!(10));
}

#[test]
fn bad_rates() {
    let cases: &[(&str, &str)] = &[
        ("2.5", "did you mean \"2.5%\"?"),
        ("-3", "did you mean \"-3%\"?"),
        ("1e3%", "exponents"),
        ("2.5 %", "a space before %"),
        ("abc", "found the letter \"a\""),
        ("--2%", "two signs"),
        ("1,000%", "thousands commas are not allowed"),
        ("", "empty"),
        ("NaN%", "found the letter \"N\""),
    ];
    for (text, hint) in cases {
        let e = parse_rate(text).expect_err(text);
        assert!(e.contains(hint), "{text:?}: {e}");
    }
}

#[test]
fn quantities() {
    assert_eq!(parse_quantity("1,040").unwrap(), dec!(1040));
    assert_eq!(parse_quantity("12.5").unwrap(), dec!(12.5));
    assert_eq!(parse_quantity("-3").unwrap(), dec!(-3));
    assert_eq!(parse_quantity("1.000").unwrap(), dec!(1));
    assert!(parse_quantity("£5").unwrap_err().contains("as a quantity"));
    assert!(parse_quantity("5k")
        .unwrap_err()
        .contains("found the letter \"k\""));
    assert!(parse_quantity("1,0000").unwrap_err().contains("threes"));
}

#[test]
fn outcome_rates() {
    assert_eq!(parse_outcome_rate("0.6").unwrap(), dec!(0.6));
    assert_eq!(parse_outcome_rate("60%").unwrap(), dec!(0.6));
    assert_eq!(parse_outcome_rate("3").unwrap(), dec!(3));
    assert!(parse_outcome_rate("-1")
        .unwrap_err()
        .contains("is negative"));
    assert!(parse_outcome_rate("-5%").unwrap_err().contains("negative"));
}

#[test]
fn ids() {
    assert!(is_id("nhs-haringey"));
    assert!(is_id("0a_b"));
    assert!(!is_id("-a"));
    assert!(!is_id("NHS"));
    assert!(!is_id(""));
    let e = parse_id("NHS Haringey").unwrap_err();
    assert!(e.contains("\"nhs-haringey\""), "{e}");
    assert_eq!(suggest_id("  Early Help (pool) "), "early-help-pool");
}

#[test]
fn enums_are_case_insensitive() {
    let opts = [("council", 1), ("nhs", 2)];
    assert_eq!(parse_enum("NHS", "partner kind", &opts).unwrap(), 2);
    let e = parse_enum("pct", "partner kind", &opts).unwrap_err();
    assert!(e.contains("council, nhs"), "{e}");
}

#[test]
fn did_you_mean_finds_typos() {
    assert_eq!(
        did_you_mean("pay_inflaton", &["pay_inflation", "price_inflation"]),
        Some("pay_inflation")
    );
    assert_eq!(did_you_mean("zzzzzzzz", &["pay"]), None);
    assert_eq!(
        did_you_mean("chnage", &["change", "by", "set"]),
        Some("change")
    );
    assert_eq!(did_you_mean("year", &["years", "name"]), Some("years"));
    // A short word is not a typo of a different short word.
    assert_eq!(
        did_you_mean("set", &["kind", "from", "to", "service"]),
        None
    );
    assert_eq!(did_you_mean("b", &["a"]), None);
    assert_eq!(did_you_mean("nmae", &["name", "years"]), Some("name"));
    assert_eq!(strsim::osa_distance("chnage", "change"), 1);
    assert_eq!(strsim::osa_distance("kitten", "sitting"), 3);
}

#[test]
fn literals_beyond_28_digits_are_refused_not_rounded() {
    let e = parse_money("0.004999999999999999999999999999999").unwrap_err();
    assert!(e.contains("too many digits"), "{e}");
    assert_eq!(
        parse_money("0.0049999999999999999999999999")
            .unwrap()
            .to_string(),
        "0.0049999999999999999999999999"
    );
}

/// Undo the Rust-string escapes used in the docs table (`\t`, `\u{a0}`).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        if let Some(t) = tail.strip_prefix('t') {
            out.push('\t');
            rest = t;
        } else if let Some(t) = tail.strip_prefix("u{") {
            let (hex, after) = t.split_once('}').expect("closed \\u{…}");
            let c = u32::from_str_radix(hex, 16).expect("hex escape");
            out.push(char::from_u32(c).expect("a char"));
            rest = after;
        } else {
            panic!("unknown escape in {s:?}");
        }
    }
    out.push_str(rest);
    out
}

/// Every row of the grammar table in docs/testing.md: parser, input and
/// documented outcome (a value, or `error:` and part of the message).
#[test]
fn documented_grammar_table() {
    let doc = include_str!("../../../docs/testing.md");
    let (_, rest) = doc
        .split_once("<!-- grammar-table-start -->")
        .expect("start marker");
    let (table, _) = rest
        .split_once("<!-- grammar-table-end -->")
        .expect("end marker");
    let mut rows = 0;
    let mut wrong = vec![];
    for line in table.lines().filter(|l| l.starts_with("| ")).skip(1) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        let [parser, input, outcome] = cells[..] else {
            panic!("bad row {line:?}");
        };
        let input = unescape(
            input
                .trim_matches('`')
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .expect("quoted input"),
        );
        let got: Result<Decimal, String> = match parser {
            "money" => parse_money(&input),
            "rate" => parse_rate(&input),
            "quantity" => parse_quantity(&input),
            "outcome_rate" => parse_outcome_rate(&input),
            "year" => crate::model::Year::parse(&input).map(|y| Decimal::from(y.0)),
            p => panic!("unknown parser {p}"),
        };
        let ok = match (outcome.strip_prefix("error: "), &got) {
            (Some(msg), Err(e)) => e.contains(msg),
            (None, Ok(v)) => outcome.parse::<Decimal>().ok() == Some(*v),
            _ => false,
        };
        if !ok {
            wrong.push(format!(
                "{parser} {input:?}: documented {outcome}, got {got:?}"
            ));
        }
        rows += 1;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(rows >= 100, "only {rows} rows");
}
