//! The session on the example workspace: totals read from one place, the
//! chain walk as deep as load allows, provenance of the bytes read.

use crate::engine::project;
use crate::load::load_for;

#[test]
fn totals_are_the_sums_of_the_years() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (ws, ss) = load_for(root, &["baseline".into()]).unwrap();
    let p = project(&ws.budgets[&ss[0].budget], &ss[0]).unwrap();
    let h = p.horizon_totals().unwrap();
    let by_hand = p
        .totals
        .in_year_gap
        .iter()
        .copied()
        .sum::<rust_decimal::Decimal>();
    assert_eq!(h.in_year_gap, by_hand);
    let r = p.reserve_by_year().unwrap();
    assert_eq!(r.len(), p.years);
    assert_eq!(r[p.years - 1], p.totals.closing_reserve);
}
