//! Table (h2): the in-year gap by year under a scenario's ranges (SPEC §14,
//! issue 19 item 4), the figures of the fan chart: for each exported
//! scenario with `[ranges]`, the P10, P50 and P90 of each year's in-year
//! gap over the risk table's draws and the gap as planned. Every figure is
//! read from `analysis::risk::Risk` (`gap_by_year`, `deterministic`); each
//! is cash, divided by the unit and rounded on its own.

use super::scale::Scale;
use super::{CabTable, Row, RowKind, Value};
use crate::analysis::risk::{Risk, Stat};
use rust_decimal::Decimal;

/// The sheet the fan chart reads.
pub const SHEET: &str = "Risk by year";
/// The table's slug (a CSV file stem).
pub const SLUG: &str = "risk-gap";
/// The measures of each scenario's rows, in order: the three percentiles,
/// then the gap as planned.
pub const MEASURES: [&str; 4] = ["P10", "P50", "P90", "As planned"];

/// The in-year gap by year of these runs; `names` gives each scenario's
/// display name. `None` when there are no runs.
pub fn risk_gap_table(
    scale: &Scale,
    risks: &[Risk],
    names: &[(String, String)],
) -> Option<CabTable> {
    let first = risks.first()?;
    let unit = scale.unit.label();
    let mut columns = vec!["Scenario".to_string(), "Measure".to_string()];
    columns.extend(scale.years.iter().map(|y| format!("{y} {unit}")));
    let mut rows = vec![];
    for r in risks {
        let name = names
            .iter()
            .find(|(id, _)| *id == r.scenario_id)
            .map_or(r.scenario_name.as_str(), |(_, n)| n.as_str());
        let pick: [&dyn Fn(usize) -> Option<Decimal>; 4] = [
            &|t| r.gap_by_year.get(t).map(|s: &Stat| s.p10),
            &|t| r.gap_by_year.get(t).map(|s: &Stat| s.p50),
            &|t| r.gap_by_year.get(t).map(|s: &Stat| s.p90),
            &|t| r.deterministic.gap_by_year.get(t).copied(),
        ];
        for (measure, f) in MEASURES.iter().zip(pick) {
            let mut cells = vec![Value::text(name), Value::text(*measure)];
            cells.extend(scale.years.iter().map(|y| {
                let t = usize::try_from(y.0 - r.base_year.0).ok();
                match t.filter(|t| *t < r.years).and_then(f) {
                    Some(x) => scale.money(x),
                    None => Value::Empty,
                }
            }));
            rows.push(Row {
                kind: RowKind::Body,
                cells,
            });
        }
    }
    Some(CabTable {
        slug: SLUG,
        sheet: SHEET,
        title: format!(
            "Risk: in-year gap by year under the scenario's ranges, cash, {unit}; positive is a shortfall"
        ),
        columns,
        rows,
        notes: vec![format!(
            "The in-year gap (spend less contributions) of each year over the {} draws of the risk table. P10, P50 and P90: nearest-rank percentiles of that year's gap, taken year by year (a percentile's line need not be one draw's path). As planned: the scenario projected without sampling.",
            first.options.draws
        )],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::risk::{Figures, Options};
    use crate::model::Year;
    use crate::report::table::Unit;
    use rust_decimal_macros::dec;

    fn stat(p10: Decimal, p50: Decimal, p90: Decimal) -> Stat {
        Stat {
            mean: p50,
            p10,
            p50,
            p90,
            at_confidence: p90,
            share_positive: Decimal::ONE,
            draws: [0; 4],
        }
    }

    /// A two-year run starting in 2010-11.
    fn run() -> Risk {
        let gaps = vec![dec!(100.00), dec!(2600.50)];
        let zero = stat(Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        Risk {
            scenario_id: "worst".into(),
            scenario_name: "Worst".into(),
            base_year: Year(2010),
            years: 2,
            options: Options::default(),
            inputs: vec![],
            deterministic: Figures {
                gap: dec!(2700.50),
                gap_by_year: gaps,
                overspend: Decimal::ZERO,
                pools: vec![],
                exposure: vec![],
            },
            gap: zero.clone(),
            gap_by_year: vec![
                stat(dec!(-1499.99), dec!(499.50), dec!(1500.00)),
                stat(dec!(1000.00), dec!(2500.00), dec!(4499.49)),
            ],
            overspend: zero,
            overspend_bins: vec![],
            pools: vec![],
            partners: vec![],
        }
    }

    #[test]
    fn each_year_s_percentiles_and_plan_rounded_on_their_own() {
        // The export covers 2009-10 too (another scenario starts earlier):
        // the run has no figure there.
        let scale = Scale {
            unit: Unit::Thousands,
            real: true,
            price_base: None,
            years: vec![Year(2009), Year(2010), Year(2011)],
        };
        let names = vec![("worst".to_string(), "Worst (marked)".to_string())];
        let t = risk_gap_table(&scale, &[run()], &names).unwrap();
        // Cash whatever --real says: no price base in the headers.
        assert_eq!(
            t.columns[2..],
            ["2009-10 £000", "2010-11 £000", "2011-12 £000"]
        );
        let n = |x: Decimal| Value::Num(x, 0);
        let want = [
            ("P10", [n(dec!(-1)), n(dec!(1))]),
            ("P50", [n(dec!(0)), n(dec!(3))]),
            ("P90", [n(dec!(2)), n(dec!(4))]),
            ("As planned", [n(dec!(0)), n(dec!(3))]),
        ];
        assert_eq!(t.rows.len(), 4);
        for (row, (m, cells)) in t.rows.iter().zip(want) {
            assert_eq!(
                row.cells[..3],
                [Value::text("Worst (marked)"), Value::text(m), Value::Empty]
            );
            assert_eq!(row.cells[3..], cells, "{m}");
        }
    }

    #[test]
    fn no_runs_no_table() {
        let scale = Scale {
            unit: Unit::Pounds,
            real: false,
            price_base: None,
            years: vec![],
        };
        assert!(risk_gap_table(&scale, &[], &[]).is_none());
    }
}
