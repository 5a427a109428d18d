use super::*;
use crate::load::diag::{Diagnostic, Owner};
use rust_decimal_macros::dec;

pub(super) fn parse(text: &str) -> (Option<RawScenario>, Vec<Diagnostic>) {
    let mut out = vec![];
    let mut sink = Sink {
        out: &mut out,
        owner: Owner::Scenario("t".into()),
        file: "scenarios/t.toml".into(),
    };
    let r = parse_scenario(text, &mut sink);
    (r, out)
}

#[test]
fn float_money_is_exact() {
    let (r, d) =
        parse("budget = \"b\"\n[[levers]]\nkind = \"saving\"\npool = \"p\"\nby = 1234.56\n");
    assert!(d.is_empty(), "{d:?}");
    let l = &r.unwrap().levers[0];
    assert_eq!(l.get("by").unwrap().v, "1234.56");
}

#[test]
fn rates_read_as_fractions_or_percent() {
    let (r, d) = parse("[rates]\npay_inflation = \"2.5%\"\nprice_inflation = 0.02\n");
    assert!(d.is_empty(), "{d:?}");
    let r = r.unwrap();
    assert_eq!(r.rates[0].1.v, RawRate::One(dec!(0.025)));
    assert_eq!(r.rates[1].1.v, RawRate::One(dec!(0.02)));
}

#[test]
fn plain_rate_above_one_hints_percent() {
    let (_, d) = parse("[rates]\npay_inflation = 2.5\n");
    assert_eq!(d.len(), 1);
    assert!(
        d[0].to_string().contains("did you mean \"2.5%\"?"),
        "{}",
        d[0]
    );
    assert_eq!(d[0].line, Some(2));
}

#[test]
fn unknown_keys_are_errors_with_hints() {
    let (_, d) = parse("nmae = \"x\"\n[rates]\npay_inflaton = \"2%\"\n[[levers]]\nkind = \"saving\"\npool = \"p\"\nby = 5\nfrom_year = \"2010-11\"\n");
    let all: Vec<String> = d.iter().map(|x| x.to_string()).collect();
    assert_eq!(d.len(), 3, "{all:?}");
    assert!(all[0].contains("did you mean \"name\"?"));
    assert!(all[1].contains(":3:1") && all[1].contains("did you mean \"pay_inflation\"?"));
    assert!(all[2].contains("key \"from_year\""));
}

#[test]
fn lever_with_two_ops_is_an_error() {
    let (_, d) = parse("[[levers]]\nkind = \"contribution\"\npartner = \"a\"\npool = \"p\"\nchange = \"-10%\"\nby = 5\n");
    assert_eq!(d.len(), 1);
    assert!(d[0]
        .message
        .contains("exactly one of change, by or set; this one gives change and by"));
}

#[test]
fn saving_takes_only_by() {
    let (_, d) = parse("[[levers]]\nkind = \"saving\"\npool = \"p\"\nchange = \"5%\"\n");
    let all: Vec<String> = d.iter().map(|x| x.to_string()).collect();
    assert!(
        all.iter()
            .any(|m| m.contains("key \"change\": a saving lever takes only by")),
        "{all:?}"
    );
}

#[test]
fn syntax_error_has_line_and_column() {
    let (r, d) = parse("name = \"x\"\nyears = = 3\n");
    assert!(r.is_none());
    assert_eq!(d[0].line, Some(2));
    assert!(d[0].col.is_some());
    assert!(d[0].message.starts_with("TOML syntax error"));
}

#[test]
fn window_backwards_is_an_error() {
    let (_, d) = parse("[[levers]]\nkind = \"saving\"\npool = \"p\"\nby = 5\nfrom = \"2011-12\"\nto = \"2010-11\"\n");
    assert!(
        d[0].message
            .contains("ends (2010-11) before it starts (2011-12)"),
        "{:?}",
        d
    );
}

#[test]
fn toml_float_money_is_not_european_ambiguous() {
    // SPEC §9's ambiguity rule is for strings; a TOML float's point is decimal.
    let (r, d) = parse("[[levers]]\nkind = \"unit_cost\"\nservice = \"s\"\nset = 12.345\n");
    assert!(d.is_empty(), "{d:?}");
    let op = r.unwrap().levers[0].op.clone().unwrap().v;
    assert_eq!(op, Op::Set(dec!(12.345)));
    // …but the same digits as a string stay ambiguous.
    let (_, d) = parse("[[levers]]\nkind = \"unit_cost\"\nservice = \"s\"\nset = \"12.345\"\n");
    assert!(d[0].message.contains("ambiguous"), "{d:?}");
}

#[test]
fn outcome_rate_by_takes_a_signed_percentage() {
    let (r, d) = parse("[[levers]]\nkind = \"outcome_rate\"\nservice = \"s\"\nby = \"-5%\"\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        r.unwrap().levers[0].op.clone().unwrap().v,
        Op::By(dec!(-0.05))
    );
}
