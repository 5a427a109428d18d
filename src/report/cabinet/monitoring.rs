//! Table (f), when the budget has actuals: in-year monitoring of one
//! scenario (SPEC §12) — each pool's budget, actual to date, forecast
//! outturn, variance and RAG, then each partner's planned and forecast risk
//! share, and the partnership total. Read from the one `MonitorReport` that
//! `poolplan monitor` prints; each figure rounded to the unit on its own.
//! Always cash: monitoring compares this year's spend with this year's plan.

use super::scale::Scale;
use super::{CabTable, Row, RowKind, Value, ROUNDING_NOTE};
use crate::analysis::monitor::{MonitorReport, Rag};
use crate::model::{round_dp, Budget};
use rust_decimal::Decimal;

/// The RAG column's header: the XLSX writer colours this column.
pub const RAG_COLUMN: &str = "RAG";

fn rag(r: Rag) -> Value {
    Value::text(match r {
        Rag::Red => "Red",
        Rag::Amber => "Amber",
        Rag::Green => "Green",
    })
}

/// A variance fraction as a percentage to one place (n/a without a base).
fn pct(x: Option<Decimal>) -> Value {
    match x.and_then(|x| x.checked_mul(Decimal::ONE_HUNDRED)) {
        Some(p) => Value::Num(round_dp(p, 1), 1),
        None => Value::NA,
    }
}

/// The monitoring table of `report` (a scenario on `budget`).
pub fn monitoring(scale: &Scale, report: &MonitorReport, budget: &Budget) -> CabTable {
    let u = scale.unit.label();
    let mut columns = vec!["Pool".to_string(), "Partner".to_string()];
    for c in ["Budget", "Actual to date", "Forecast outturn", "Variance"] {
        columns.push(format!("{c} {u}"));
    }
    columns.push("Variance %".into());
    columns.push(RAG_COLUMN.into());
    let partner = |id: &str| {
        budget
            .partner(id)
            .map_or(id.to_string(), |p| p.name.clone())
    };
    let mut rows = vec![];
    for p in &report.pools {
        rows.push(Row {
            kind: RowKind::Subtotal,
            cells: vec![
                Value::text(&p.name),
                Value::text("Whole pool"),
                scale.money(p.budget),
                scale.money(p.actual),
                scale.money(p.forecast),
                scale.money(p.variance),
                pct(p.variance_pct),
                rag(p.rag),
            ],
        });
        for s in &p.shares {
            rows.push(Row {
                kind: RowKind::Body,
                cells: vec![
                    Value::text(&p.name),
                    Value::text(format!(
                        "{} risk share (planned → forecast)",
                        partner(&s.partner)
                    )),
                    scale.money(s.planned),
                    Value::Empty,
                    scale.money(s.forecast),
                    scale.money(s.variance),
                    pct(s.variance_pct),
                    Value::Empty,
                ],
            });
        }
    }
    for s in &report.partners {
        rows.push(Row {
            kind: RowKind::Body,
            cells: vec![
                Value::text("All pools"),
                Value::text(format!(
                    "{} risk share (planned → forecast)",
                    partner(&s.partner)
                )),
                scale.money(s.planned),
                Value::Empty,
                scale.money(s.forecast),
                scale.money(s.variance),
                pct(s.variance_pct),
                Value::Empty,
            ],
        });
    }
    let t = &report.total;
    rows.push(Row {
        kind: RowKind::Total,
        cells: vec![
            Value::text("Total"),
            Value::text("All pools"),
            scale.money(t.budget),
            scale.money(t.actual),
            scale.money(t.forecast),
            scale.money(t.variance),
            pct(t.variance_pct),
            rag(t.rag),
        ],
    });
    let amber = crate::analysis::pct(report.thresholds.amber);
    let red = crate::analysis::pct(report.thresholds.red);
    CabTable {
        slug: "monitoring",
        sheet: "Monitoring",
        title: format!(
            "In-year monitoring, {}: {} to {} (period {} of 12), forecast {}, {u} (cash)",
            report.scenario_name,
            report.year,
            report.period.short_name(),
            report.period.number(),
            report.method.name(),
        ),
        columns,
        rows,
        notes: vec![
            format!("RAG: red where the forecast exceeds the budget by more than {red} of it, amber by more than {amber}. A risk share is + borne, − refunded."),
            "The same figures to the penny: poolplan monitor -O csv.".into(),
            ROUNDING_NOTE.into(),
        ],
    }
}
