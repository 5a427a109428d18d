//! The Overview's MTFS rows are `analysis::mtfs` of each scenario's gaps,
//! in the view's terms, shown in the view's units.

use super::super::action::Action;
use super::super::fmt::money;
use super::{app, example, render, run};
use crate::analysis::mtfs::{new_gaps, total_of_gaps};
use rust_decimal_macros::dec;

/// The cells of the row whose label is `label`, split on spaces.
fn row(screen: &str, label: &str) -> Vec<String> {
    let line = screen
        .lines()
        .find(|l| l.trim_start_matches('│').starts_with(label))
        .unwrap_or_else(|| panic!("no row {label}:\n{screen}"));
    line.trim_matches('│')[label.len()..]
        .split_whitespace()
        .map(|c| c.trim_end_matches('│').to_string())
        .collect()
}

#[test]
fn overview_gap_rows_are_analysis_mtfs() {
    for real in [false, true] {
        let mut a = app(&example(), 120, 40);
        if real {
            run(&mut a, vec![Action::ToggleReal]);
        }
        let screen = render(&a);
        let ps: Vec<_> = a
            .session
            .ids
            .iter()
            .map(|id| a.session.projection(id).unwrap())
            .collect();
        let gaps: Vec<_> = ps
            .iter()
            .map(|p| super::super::fmt::series(&a, p, &p.totals.in_year_gap))
            .collect();
        for t in 0..3 {
            let y = ps[0].year_label(t);
            let want: Vec<String> = gaps
                .iter()
                .map(|g| money(&a, new_gaps(g).unwrap()[t]))
                .collect();
            assert_eq!(row(&screen, &format!("new gap in year {y}")), want, "{y}");
            let want: Vec<String> = gaps.iter().map(|g| money(&a, g[t])).collect();
            assert_eq!(row(&screen, &format!("in-year gap {y}")), want, "{y}");
        }
        let want: Vec<String> = gaps
            .iter()
            .map(|g| money(&a, total_of_gaps(g).unwrap()))
            .collect();
        assert_eq!(row(&screen, "total of in-year gaps over 3 years"), want);
    }
    // By hand, baseline in cash: 781,364.19 − (−136,700.00) = 918,064.19.
    let a = app(&example(), 120, 40);
    let p = a.session.projection("baseline").unwrap();
    assert_eq!(new_gaps(&p.totals.in_year_gap).unwrap()[1], dec!(918064.19));
}
