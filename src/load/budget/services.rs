//! services.csv rows (parsed by `ServiceFields`).

use super::cells::Cells;
use super::{Ctx, ServiceFields};
use crate::load::manifest::Manifest;
use crate::load::refs::Known;
use crate::load::table::Table;
use crate::model::*;
use std::collections::HashMap;

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
        let mut seen = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let get = |col: &str| t.cell(row, col).to_string();
            let fields = ServiceFields {
                id: get("id"),
                name: get("name"),
                pool: get("pool"),
                provider: get("provider"),
                category: get("category"),
                unit: get("unit"),
                unit_cost: get("unit_cost"),
                volume: get("volume"),
                pay_share: get("pay_share"),
                uplift: get("uplift"),
                outcome: get("outcome"),
                outcome_rate: get("outcome_rate"),
                outcome_value: get("outcome_value"),
                start: get("start"),
                end: get("end"),
            };
            let mut report = |col: &str, msg: String, warn: bool| {
                if warn {
                    c.sink.warn(Some(row.line), Some(t.field(col)), msg);
                } else {
                    c.report(row, col, msg);
                }
            };
            let horizon = m.map(|m| (m.base_year, m.years));
            if let Some(s) = fields.parse(&pools, &providers, horizon, &mut report) {
                if Self::dup_check(&mut c, &mut seen, row, "id", &s.id) {
                    out.push(s);
                }
            }
        }
        out
    }
}
