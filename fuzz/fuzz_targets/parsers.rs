//! The value grammar (SPEC §3, §9): no input panics, and a quantity that
//! parses prints back to the same number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poolplan::model::value::{
    parse_enum, parse_id, parse_money, parse_outcome_rate, parse_quantity, parse_rate,
};
use poolplan::model::Year;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_money(s);
    let _ = parse_rate(s);
    let _ = parse_outcome_rate(s);
    let _ = parse_id(s);
    let _ = parse_enum(s, "kind", &[("council", 1), ("nhs", 2)]);
    if let Ok(y) = Year::parse(s) {
        assert_eq!(Year::parse(&y.to_string()), Ok(y), "{s:?}");
    }
    if let Ok(q) = parse_quantity(s) {
        assert_eq!(parse_quantity(&q.to_string()), Ok(q), "{s:?}");
    }
    if let Ok(m) = parse_money(s) {
        // A value that parses is never silently rescaled: its digits are
        // all in the text (before any k/m suffix).
        // The suffix may sit inside accounting brackets: "(9m)" is -£9m.
        let t = s.trim();
        let bare = t.trim_end_matches(')').trim_end();
        if !bare.ends_with(['k', 'K', 'm', 'M']) {
            let digits: String = t.chars().filter(char::is_ascii_digit).collect();
            let got: String = m
                .abs()
                .to_string()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            assert_eq!(
                digits.trim_start_matches('0'),
                got.trim_start_matches('0'),
                "{s:?} → {m}"
            );
        }
    }
});
