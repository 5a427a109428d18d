//! Table (f): who pays, who benefits (SPEC §11.5), one row per partner and
//! per outside agency of each scenario, from `analysis::who_pays`: what it
//! pays over the horizon (Σ exposure), the fiscal benefit it receives, of
//! which cashable, and the net, in cash and in present values. Each figure
//! is rounded to the unit on its own; the total row is the rounded exact
//! total.

use super::scale::Scale;
use super::{CabTable, Row, RowKind, Value, ROUNDING_NOTE};
use crate::analysis::who_pays::{who_pays, WhoPays};
use crate::engine::arith::R;
use crate::engine::Projection;
use rust_decimal::Decimal;

type Field = fn(&WhoPays) -> Decimal;

const FIELDS: [(&str, Field); 8] = [
    ("Pays (cash)", |w| w.pays),
    ("Receives, fiscal (cash)", |w| w.receives),
    ("Of which cashable (cash)", |w| w.cashable),
    ("Net (cash)", |w| w.net),
    ("Pays (PV)", |w| w.pv_pays),
    ("Receives, fiscal (PV)", |w| w.pv_receives),
    ("Of which cashable (PV)", |w| w.pv_cashable),
    ("Net (PV)", |w| w.pv_net),
];

pub fn who_pays_table(scale: &Scale, ps: &[&Projection]) -> R<CabTable> {
    let mut columns = vec![
        "Scenario".to_string(),
        "Partner or agency".to_string(),
        "In partnership".to_string(),
    ];
    let unit = scale.unit.label();
    columns.extend(FIELDS.iter().map(|(name, _)| format!("{name} {unit}")));
    let mut rows = vec![];
    for p in ps {
        let table = who_pays(p, None)?;
        for w in &table {
            let mut cells = vec![
                Value::text(&p.scenario_name),
                Value::text(&w.id),
                Value::text(if w.partner { "Partner" } else { "Outside" }),
            ];
            cells.extend(FIELDS.iter().map(|(_, f)| scale.money(f(w))));
            rows.push(Row {
                kind: RowKind::Body,
                cells,
            });
        }
        let mut cells = vec![
            Value::text(&p.scenario_name),
            Value::text("Total"),
            Value::Empty,
        ];
        for (_, f) in FIELDS {
            let total = table.iter().try_fold(Decimal::ZERO, |a, w| {
                a.checked_add(f(w)).ok_or_else(|| {
                    crate::engine::EngineError::Overflow("who pays, who benefits".into())
                })
            })?;
            cells.push(scale.money(total));
        }
        rows.push(Row {
            kind: RowKind::Total,
            cells,
        });
    }
    Ok(CabTable {
        slug: "who-pays",
        sheet: "Who pays who benefits",
        title: format!("Who pays, who benefits over the horizon, {unit}"),
        columns,
        rows,
        notes: vec![
            "Pays: contributions plus risk shares (0 for an agency outside the partnership). Receives: fiscal benefit (savings to that body's budget). Net = receives less pays. Cash over the horizon, and present values in base-year prices."
                .into(),
            ROUNDING_NOTE.into(),
        ],
    })
}
