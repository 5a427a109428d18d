//! services.csv rows (parsed by `ServiceFields`).

use super::cells::Cells;
use super::ctx::duplicate;
use super::{Ctx, ServiceFields};
use crate::engine::FastMap;
use crate::load::manifest::Manifest;
use crate::load::refs::Known;
use crate::load::table::Table;
use crate::model::*;

impl Ctx<'_, '_> {
    pub(super) fn services(
        &mut self,
        t: &Table,
        file: &str,
        b: &Budget,
        m: Option<&Manifest>,
    ) -> Vec<Service> {
        let pools = Known::new(
            b.pools.iter().map(|p| p.id.as_str()),
            self.declared.pools.as_ref(),
        );
        let providers = Known::new(
            b.providers.iter().map(|p| p.id.as_str()),
            self.declared.providers.as_ref(),
        );
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let valued: std::collections::HashSet<String> = b
            .outcomes
            .iter()
            .map(|o| OutcomeValue::key(&o.outcome))
            .collect();
        let horizon = m.map(|m| (m.base_year, m.years));
        // Each row is parsed on its own (in parallel for a large table),
        // its messages kept with it and replayed here in row order.
        let parsed = crate::load::par::map_rows(&t.rows, &|row| {
            let fields = ServiceFields::read(|col| t.cell(row, col));
            let mut notes: Vec<(String, String, bool)> = vec![];
            let mut note = |col: &str, msg: String, warn: bool| notes.push((col.into(), msg, warn));
            let s = fields.parse(&pools, &providers, horizon, &mut note);
            (s, notes)
        });
        // Messages in row order; duplicates found by the ids as parsed
        // (borrowed: no copy of each id), then the rows not kept dropped.
        let mut seen: FastMap<&str, usize> = FastMap::default();
        seen.reserve(parsed.len());
        let mut keep = vec![false; parsed.len()];
        for (i, (row, (parsed, notes))) in t.rows.iter().zip(&parsed).enumerate() {
            let mut report = |col: &str, msg: String, warn: bool| {
                if warn {
                    c.sink.warn(Some(row.line), Some(t.field(col)), msg);
                } else {
                    c.report(row, col, msg);
                }
            };
            for (col, msg, warn) in notes {
                report(col, msg.clone(), *warn);
            }
            if let Some(s) = parsed {
                if s.benefit.outcome_value_given
                    && !valued.is_empty()
                    && valued.contains(&OutcomeValue::key(&s.outcome))
                {
                    report("outcome_value", both_given(&s.outcome), false);
                    continue;
                }
                if let Some(first) = seen.get(s.id.as_str()) {
                    c.report(row, "id", duplicate(&s.id, *first));
                } else {
                    seen.insert(s.id.as_str(), row.line);
                    keep[i] = true;
                }
            }
        }
        drop(seen);
        // The rows kept, in place (the services are not copied again).
        let mut parsed = parsed;
        for ((s, _), keep) in parsed.iter_mut().zip(keep) {
            if !keep {
                *s = None;
            }
        }
        let out: Vec<Service> = parsed.into_iter().filter_map(|(s, _)| s).collect();
        out
    }
}

/// The message for a service that gives `outcome_value` while outcomes.csv
/// has rows for its outcome (§11.1: the value must live in one place).
pub fn both_given(outcome: &str) -> String {
    format!("outcome_value is given but outcomes.csv has rows for the outcome \"{}\"; the value must live in one place: leave outcome_value empty (outcomes.csv values it by beneficiary) or remove the outcome's rows from outcomes.csv", outcome.trim())
}
