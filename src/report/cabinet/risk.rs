//! Table (h): the risk table (SPEC §14, issue 19 item 4), one block per
//! exported scenario with `[ranges]`: for each pool and for the partnership,
//! the chance of an overspend, P10, P50 and P90 of total overspend over the
//! horizon, and the reserve needed at the confidence. Every figure is read
//! from `analysis::risk::Risk` (the run `poolplan risk` makes with its
//! defaults); each is cash, divided by the unit and rounded on its own.

use super::scale::Scale;
use super::{CabTable, Row, RowKind, Value, ROUNDING_NOTE};
use crate::analysis::risk::{Risk, Stat};
use crate::model::{rates::pct, round_dp};
use rust_decimal::Decimal;

/// A share (0 to 1) as a percentage to one place.
fn percent(share: Decimal) -> Value {
    Value::Num(round_dp(share * Decimal::ONE_HUNDRED, 1), 1)
}

fn row(scale: &Scale, lead: [&str; 3], s: &Stat, kind: RowKind) -> Row {
    let mut cells: Vec<Value> = lead.iter().map(|t| Value::text(*t)).collect();
    cells.push(percent(s.share_positive));
    cells.extend([s.p10, s.p50, s.p90, s.at_confidence].map(|x| scale.money(x)));
    Row { kind, cells }
}

/// The risk table of these runs; `names` gives each scenario's display name
/// (as the other tables show it). `None` when there are no runs.
pub fn risk_table(scale: &Scale, risks: &[Risk], names: &[(String, String)]) -> Option<CabTable> {
    let first = risks.first()?;
    let unit = scale.unit.label();
    let conf = pct(first.options.confidence);
    let mut columns = vec![
        "Scenario".to_string(),
        "Pool".to_string(),
        "Name".to_string(),
        "P(overspend) %".to_string(),
    ];
    for c in ["P10", "P50", "P90"] {
        columns.push(format!("{c} overspend {unit}"));
    }
    columns.push(format!("Reserve needed at {conf} {unit}"));
    let mut rows = vec![];
    for r in risks {
        let name = names
            .iter()
            .find(|(id, _)| *id == r.scenario_id)
            .map_or(r.scenario_name.as_str(), |(_, n)| n.as_str());
        for p in &r.pools {
            rows.push(row(scale, [name, &p.id, &p.name], &p.stat, RowKind::Body));
        }
        let lead = [name, "Partnership", "All pools"];
        rows.push(row(scale, lead, &r.overspend, RowKind::Total));
    }
    let o = first.options;
    Some(CabTable {
        slug: "risk",
        sheet: "Risk",
        title: format!("Risk: total overspend over the horizon under the scenario's ranges, cash, {unit}"),
        columns,
        rows,
        notes: vec![
            format!(
                "{} draws from seed {} (as `poolplan risk`): each draw samples every ranged input from its triangular distribution and projects the scenario exactly. P10/P50/P90: nearest-rank percentiles of total overspend. Reserve needed: total overspend at {conf} confidence; for the partnership, of the total overspend (not the sum of the pools'). P(overspend): the share of draws with any overspend.",
                o.draws, o.seed
            ),
            ROUNDING_NOTE.into(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::risk::{Figures, Named, Options};
    use crate::model::Year;
    use crate::report::table::Unit;
    use rust_decimal_macros::dec;

    fn stat(p10: Decimal, p50: Decimal, p90: Decimal, share: Decimal) -> Stat {
        Stat {
            mean: p50,
            p10,
            p50,
            p90,
            at_confidence: p90,
            share_positive: share,
            draws: [0; 4],
        }
    }

    fn run() -> Risk {
        let none = Figures {
            gap: Decimal::ZERO,
            gap_by_year: vec![],
            overspend: Decimal::ZERO,
            pools: vec![],
            exposure: vec![],
        };
        let zero = stat(Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        Risk {
            scenario_id: "worst".into(),
            scenario_name: "Worst".into(),
            base_year: Year(2009),
            years: 1,
            options: Options::default(),
            inputs: vec![],
            deterministic: none,
            gap: zero.clone(),
            gap_by_year: vec![],
            overspend: stat(dec!(1499.99), dec!(2500.00), dec!(3500.01), dec!(0.9445)),
            overspend_bins: vec![],
            pools: vec![Named {
                id: "a".into(),
                name: "Pool A".into(),
                stat: stat(
                    dec!(-500.00),
                    dec!(1500.00),
                    dec!(2499.50),
                    dec!(1) / dec!(3),
                ),
            }],
            partners: vec![],
        }
    }

    #[test]
    fn each_figure_is_the_run_s_rounded_on_its_own() {
        let scale = Scale {
            unit: Unit::Thousands,
            real: false,
            price_base: Some(Year(2009)),
            years: vec![Year(2009)],
        };
        let names = vec![("worst".to_string(), "Worst (marked)".to_string())];
        let t = risk_table(&scale, &[run()], &names).unwrap();
        assert_eq!(t.columns[7], "Reserve needed at 90% £000");
        let n = |x: Decimal, dp| Value::Num(x, dp);
        assert_eq!(t.rows[0].cells[0], Value::text("Worst (marked)"));
        assert_eq!(
            t.rows[0].cells[3..],
            [
                n(dec!(33.3), 1),
                n(dec!(-1), 0),
                n(dec!(2), 0),
                n(dec!(2), 0),
                n(dec!(2), 0)
            ]
        );
        assert_eq!(t.rows[1].kind, RowKind::Total);
        assert_eq!(
            t.rows[1].cells[3..],
            [
                n(dec!(94.5), 1),
                n(dec!(1), 0),
                n(dec!(3), 0),
                n(dec!(4), 0),
                n(dec!(4), 0)
            ]
        );
    }

    #[test]
    fn no_runs_no_table() {
        let scale = Scale {
            unit: Unit::Pounds,
            real: false,
            price_base: None,
            years: vec![],
        };
        assert!(risk_table(&scale, &[], &[]).is_none());
    }
}
