//! §10.1 rate tables and the §9 growth-rate rule, as parsed.

use super::tests::parse;
use super::RawRate;
use crate::load::diag::Severity;
use crate::model::Year;
use rust_decimal_macros::dec;

#[test]
fn a_rate_table_keeps_its_years_and_positions() {
    let (r, d) = parse("[rates]\npay_inflation = { 2010-11 = \"4%\", 2011-12 = 0.03 }\n[demand]\nres = { 2012-13 = \"6%\" }\n");
    assert!(d.is_empty(), "{d:?}");
    let r = r.unwrap();
    let RawRate::ByYear(e) = &r.rates[0].1.v else {
        panic!("not a table")
    };
    assert_eq!(e.len(), 2);
    assert_eq!((e[0].0.v, e[0].1), (Year(2010), dec!(0.04)));
    assert_eq!((e[1].0.v, e[1].1), (Year(2011), dec!(0.03)));
    assert_eq!(e[0].0.pos.line, 2);
    assert!(matches!(&r.demand[0].1.v, RawRate::ByYear(e) if e[0].1 == dec!(0.06)));
}

#[test]
fn table_errors_have_lines() {
    let (_, d) = parse("[rates]\npay_inflation = {}\nprice_inflation = { 2010 = \"1%\" }\ndiscount_rate = { 2010-11 = \"3%\" }\ndeflator = { 2010-11 = \"1%\", \"2010-11 \" = \"2%\" }\n");
    let all: Vec<String> = d.iter().map(|x| x.to_string()).collect();
    assert_eq!(d.len(), 4, "{all:?}");
    assert!(
        all[0].contains(":2:") && all[0].contains("is empty"),
        "{}",
        all[0]
    );
    assert!(
        all[1].contains(":3:") && all[1].contains("financial year"),
        "{}",
        all[1]
    );
    assert!(
        all[2].contains(":4:") && all[2].contains("not a table by year"),
        "{}",
        all[2]
    );
    assert!(
        all[3].contains(":5:") && all[3].contains("listed twice"),
        "{}",
        all[3]
    );
}

#[test]
fn growth_rates_plain_one_is_an_error_and_large_plain_numbers_warn() {
    let (_, d) = parse("[rates]\npay_inflation = 1\n[demand]\nx = 0.3\n[contribution_growth]\np = \"150%\"\n[[levers]]\nkind = \"unit_cost\"\nservice = \"s\"\nchange = -1\n");
    let all: Vec<String> = d.iter().map(|x| x.to_string()).collect();
    assert_eq!(d.len(), 4, "{all:?}");
    assert!(d[0].severity == Severity::Error && all[0].contains("did you mean \"1%\"?"));
    assert!(d[1].severity == Severity::Warning && all[1].contains("\"30%\""));
    assert!(d[2].severity == Severity::Warning && all[2].contains("more than 100%"));
    assert!(d[3].severity == Severity::Error && all[3].contains("did you mean \"-1%\"?"));
}

#[test]
fn discount_rate_is_not_growth_type() {
    // A plain 0.3 discount rate is not a growth rate: no warning.
    let (_, d) = parse("[rates]\ndiscount_rate = 0.3\n");
    assert!(d.is_empty(), "{d:?}");
}
