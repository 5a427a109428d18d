//! outcomes.csv (SPEC §11.1): the value of one outcome to each beneficiary
//! (a partner or an outside agency), its kind and whether it is cashable.
//! Duplicates are compared on the trimmed, case-insensitive outcome, the
//! beneficiary and the kind (an empty kind is `fiscal`).

use super::cells::Cells;
use super::Ctx;
use crate::load::table::Table;
use crate::model::value::*;
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// The loaded rows, and each outcome key's first line (for warnings).
pub(super) struct OutcomeRows {
    pub rows: Vec<OutcomeValue>,
    pub first_line: Vec<(String, usize, String)>,
}

fn cashable(v: &str) -> Result<bool, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" => Ok(true),
        "no" | "false" => Ok(false),
        _ => Err(format!(
            "cashable \"{}\" is not yes or no; write yes if the saving can be taken out of the budget, else no",
            v.trim()
        )),
    }
}

impl Ctx<'_, '_> {
    pub(super) fn outcomes(&mut self, t: &Table, file: &str) -> OutcomeRows {
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let mut seen: HashMap<(String, String, ValueKind), usize> = HashMap::new();
        let mut keys: HashSet<String> = HashSet::new();
        let mut out = OutcomeRows {
            rows: vec![],
            first_line: vec![],
        };
        for row in &t.rows {
            let outcome = c.required(row, "outcome").map(str::to_string);
            let beneficiary = c.id(row, "beneficiary");
            let value = c.parsed(row, "value", true, Decimal::ZERO, parse_money);
            let kind = c.parsed(row, "kind", false, ValueKind::Fiscal, |v| {
                parse_enum(v, "kind", ValueKind::ALL)
            });
            let cash = c.parsed(row, "cashable", false, false, cashable);
            let (Some(outcome), Some(beneficiary), Some(value), Some(kind), Some(cash)) =
                (outcome, beneficiary, value, kind, cash)
            else {
                continue;
            };
            if cash && kind != ValueKind::Fiscal {
                c.report(row, "cashable", format!("cashable \"{}\" with kind {}: only a fiscal saving can be cashable; write no, or kind fiscal", t.cell(row, "cashable"), kind.name()));
                continue;
            }
            let key = OutcomeValue::key(&outcome);
            let dup = (key.clone(), beneficiary.clone(), kind);
            if let Some(first) = seen.get(&dup) {
                c.report(row, "outcome", format!("duplicate row for outcome \"{outcome}\", beneficiary \"{beneficiary}\", kind {} (first on line {first}); give each beneficiary one value of each kind per outcome", kind.name()));
                continue;
            }
            seen.insert(dup, row.line);
            if keys.insert(key.clone()) {
                out.first_line.push((key, row.line, t.field("outcome")));
            }
            out.rows.push(OutcomeValue {
                outcome,
                beneficiary,
                value,
                kind,
                cashable: cash,
                note: t.cell(row, "note").to_string(),
            });
        }
        out
    }

    /// Warn about outcomes that no service of services.csv uses.
    pub(super) fn unused_outcomes(
        &mut self,
        file: &str,
        rows: &OutcomeRows,
        used: &HashSet<String>,
    ) {
        let mut sink = self.sink(file);
        for (key, line, field) in &rows.first_line {
            if !used.contains(key) {
                let written = rows
                    .rows
                    .iter()
                    .find(|r| OutcomeValue::key(&r.outcome) == *key)
                    .map_or(key.as_str(), |r| r.outcome.as_str());
                sink.warn(Some(*line), Some(field.clone()), format!("no service in services.csv has the outcome \"{written}\"; its values count only for services a scenario commissions with that outcome (check the spelling against the outcome column of services.csv)"));
            }
        }
    }
}
