//! `parallel::project_each_ordered` on the example workspace.

use super::parallel::{project_each, project_each_ordered};

#[test]
fn ordered_results_come_in_scenario_order_and_stop_when_asked() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (ws, scenarios) = crate::load::load_for(root, &[]).expect("the example loads");
    let budgets = ws.budgets;
    let want: Vec<_> = project_each(&budgets, &scenarios, &|p| p.totals.in_year_gap.clone());
    let mut got = vec![];
    project_each_ordered(
        &budgets,
        &scenarios,
        &|p| p.totals.in_year_gap.clone(),
        |i, r| {
            got.push((i, r));
            true
        },
    );
    let order: Vec<usize> = got.iter().map(|(i, _)| *i).collect();
    assert_eq!(order, (0..scenarios.len()).collect::<Vec<_>>());
    assert_eq!(got.into_iter().map(|(_, r)| r).collect::<Vec<_>>(), want);
    let mut seen = 0;
    project_each_ordered(&budgets, &scenarios, &|_| (), |_, _| {
        seen += 1;
        false
    });
    assert_eq!(seen, 1);
}
