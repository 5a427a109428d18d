//! Resolve reads a lever's values as the loader parsed them, never their
//! text again (issue 11: one parse per figure).

use crate::load::scenario::RawLever;
use crate::load::Workspace;
use crate::model::{LeverKind, Reduces};
use rust_decimal_macros::dec;
use std::path::Path;

const PLAN: &str = r#"budget = "haringey-ct-2009"
[[levers]]
kind = "saving"
pool = "safeguarding-lac"
by = "£1,234.567"
[[levers]]
kind = "volume"
service = "fo-inhouse"
by = 24
reduces = "rc-oakfield"
per_unit = "1,000.5"
lag = 2
[[levers]]
kind = "recommission"
service = "wd-training"
provider = "nl-university"
unit_cost = "£1.5k"
outcome_rate = "60%"
"#;

/// The example workspace with `scenarios/baseline.toml` replaced by
/// `PLAN`, its levers passed through `edit` before resolving.
fn resolve_plan(edit: impl Fn(&mut RawLever)) -> Vec<LeverKind> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut ws = Workspace::load(root, &[]);
    let mut diags = vec![];
    let old = ws.sources["baseline"].clone();
    let mut src = crate::load::reparse(&old, PLAN, &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    src.raw.as_mut().unwrap().levers.iter_mut().for_each(edit);
    ws.sources.insert("baseline".into(), src);
    let s = ws.resolve("baseline").unwrap_or_else(|| {
        panic!("resolves: {:#?}", ws.diagnostics);
    });
    s.levers.into_iter().map(|l| l.kind).collect()
}

fn expected() -> Vec<LeverKind> {
    vec![
        LeverKind::Saving {
            pool: "safeguarding-lac".into(),
            by: dec!(1234.57),
        },
        LeverKind::Volume {
            service: "fo-inhouse".into(),
            op: crate::model::Op::By(dec!(24)),
            reduces: Some(Reduces {
                service: "rc-oakfield".into(),
                per_unit: dec!(1000.5),
                lag: 2,
            }),
        },
        LeverKind::Recommission {
            service: "wd-training".into(),
            provider: "nl-university".into(),
            unit_cost: Some(dec!(1500)),
            outcome_rate: Some(dec!(0.6)),
        },
    ]
}

#[test]
fn typed_values_reach_the_resolved_levers() {
    assert_eq!(resolve_plan(|_| {}), expected());
}

/// The values' text made unreadable after loading: resolve still gives the
/// same levers, so it cannot be parsing the text a second time (before
/// the fix it re-parsed with `.ok()?` and these levers were dropped).
#[test]
fn resolve_never_parses_a_levers_text_again() {
    let garbled = resolve_plan(|l| {
        for (k, at) in l.fields.iter_mut() {
            if ["by", "per_unit", "lag", "unit_cost", "outcome_rate"].contains(&k.as_str()) {
                at.v = "not a number".into();
            }
        }
    });
    assert_eq!(garbled, expected());
}
