//! partners.csv and providers.csv: ids, names and their labels.

use super::cells::Cells;
use super::Ctx;
use crate::load::table::Table;
use crate::model::value::*;
use crate::model::*;
use std::collections::HashMap;

impl Ctx<'_, '_> {
    pub(super) fn partners(&mut self, t: &Table, file: &str) -> Vec<Partner> {
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let mut seen = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let id = c.id(row, "id");
            let name = c.required(row, "name").map(str::to_string);
            let kind = c.parsed(row, "kind", false, PartnerKind::Other, |v| {
                parse_enum(v, "partner kind", PartnerKind::ALL)
            });
            if let (Some(id), Some(name), Some(kind)) = (id, name, kind) {
                if Self::dup_check(&mut c, &mut seen, row, "id", &id) {
                    out.push(Partner { id, name, kind });
                }
            }
        }
        out
    }

    pub(super) fn providers(&mut self, t: &Table, file: &str) -> Vec<Provider> {
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let mut seen = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let id = c.id(row, "id");
            let name = c.required(row, "name").map(str::to_string);
            let sector = c.parsed(row, "sector", false, "other", |v| {
                parse_enum(v, "sector", SECTORS)
            });
            let rating = t.cell(row, "rating").to_string();
            if let (Some(id), Some(name), Some(sector)) = (id, name, sector) {
                if Self::dup_check(&mut c, &mut seen, row, "id", &id) {
                    out.push(Provider {
                        id,
                        name,
                        sector,
                        rating,
                    });
                }
            }
        }
        out
    }
}
