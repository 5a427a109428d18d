//! contributions.csv: cash a partner puts into a pool in a year.

use super::cells::Cells;
use super::Ctx;
use crate::load::manifest::Manifest;
use crate::load::refs::Known;
use crate::load::table::Table;
use crate::model::value::*;
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::HashMap;

impl Ctx<'_, '_> {
    pub(super) fn contributions(
        &mut self,
        t: &Table,
        file: &str,
        b: &Budget,
        m: Option<&Manifest>,
    ) -> Vec<Contribution> {
        let pools = Known::new(
            b.pools.iter().map(|p| p.id.as_str()),
            self.declared.pools.as_ref(),
        );
        let partners = Known::new(
            b.partners.iter().map(|p| p.id.as_str()),
            self.declared.partners.as_ref(),
        );
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let mut seen: HashMap<(String, String, Year), usize> = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let pool = c
                .id(row, "pool")
                .filter(|p| pools.accept("pool", p, "pools.csv", |m| c.report(row, "pool", m)));
            let partner = c.id(row, "partner").filter(|p| {
                partners.accept("partner", p, "partners.csv", |m| {
                    c.report(row, "partner", m)
                })
            });
            let year = c.parsed(row, "year", true, Year(0), Year::parse);
            let amount = c.parsed(row, "amount", true, Decimal::ZERO, parse_money);
            let amount = amount.filter(|a| {
                *a >= Decimal::ZERO || {
                    c.report(row, "amount", format!("the contribution \"{}\" is negative; a contribution must be 0 or more (record a cut as a scenario lever)", t.cell(row, "amount")));
                    false
                }
            });
            if let (Some(y), Some(m)) = (year, m) {
                let last = m.base_year.plus(m.years as i32 - 1);
                if y < m.base_year {
                    c.sink.warn(
                        Some(row.line),
                        Some(t.field("year")),
                        format!(
                            "{y} is before the base year {}; this row is never used",
                            m.base_year
                        ),
                    );
                } else if y > last {
                    c.sink.warn(Some(row.line), Some(t.field("year")), format!("{y} is after the budget's horizon ({} to {last}); it is used only by scenarios with a longer horizon", m.base_year));
                }
            }
            if let (Some(pool), Some(partner), Some(year), Some(amount)) =
                (pool, partner, year, amount)
            {
                let key = (pool.clone(), partner.clone(), year);
                if let Some(first) = seen.get(&key) {
                    c.sink.error(Some(row.line), None, format!("duplicate contribution: {partner} into {pool} in {year} is already on line {first}; give each (pool, partner, year) one row"));
                    continue;
                }
                seen.insert(key, row.line);
                out.push(Contribution {
                    pool,
                    partner,
                    year,
                    amount: round(amount),
                    note: t.cell(row, "note").to_string(),
                });
            }
        }
        out
    }
}
