//! schedules.csv (SPEC §10.2): a service's contracted unit cost and/or
//! volume for a year. Each row gives at least one; both ≥ 0; duplicate
//! (service, year) rows and services not in services.csv (commissioned
//! services included, §11.6) are errors. Years are checked against the
//! budget's horizon: before the base year a warning (never used), after it
//! a warning (used by longer scenarios). Every row is validated cell by cell
//! wherever its year lies.

use super::cells::Cells;
use super::Ctx;
use crate::load::manifest::Manifest;
use crate::load::refs::Known;
use crate::load::table::Table;
use crate::model::value::{parse_money, parse_quantity};
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::HashMap;

impl Ctx<'_, '_> {
    pub(super) fn schedules(
        &mut self,
        t: &Table,
        file: &str,
        b: &Budget,
        m: Option<&Manifest>,
    ) -> Vec<Schedule> {
        let services = Known::new(
            b.services.iter().map(|s| s.id.as_str()),
            self.declared.services.as_ref(),
        );
        let mut c = Cells {
            table: t,
            sink: &mut self.sink(file),
        };
        let mut seen: HashMap<(String, Year), usize> = HashMap::new();
        let mut out = vec![];
        for row in &t.rows {
            let service = c.id(row, "service").filter(|s| {
                services.accept("service", s, "services.csv", |m| {
                    let m = format!("{m}; schedules are for services of services.csv (a service commissioned by a scenario cannot be scheduled)");
                    c.report(row, "service", m)
                })
            });
            let year = c.parsed(row, "year", true, Year(0), Year::parse);
            // Outer None: the cell has an error; inner None: the cell is empty.
            let mut cell = |col: &str, what: &str, f: fn(&str) -> Result<Decimal, String>| match c
                .parsed(row, col, false, None, |v| f(v).map(Some))
            {
                Some(Some(x)) if x < Decimal::ZERO => {
                    let msg = format!(
                        "the scheduled {what} \"{}\" is negative; it must be 0 or more",
                        t.cell(row, col)
                    );
                    c.report(row, col, msg);
                    None
                }
                x => x,
            };
            let unit_cost = cell("unit_cost", "unit cost", parse_money);
            let volume = cell("volume", "volume", parse_quantity);
            let empty = |col: &str| t.cell(row, col).is_empty();
            if empty("unit_cost") && empty("volume") {
                c.sink.error(Some(row.line), None, "a schedule row needs unit_cost, volume or both (the contracted figures for that year)".to_string());
                continue;
            }
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
            let (Some(service), Some(year), Some(unit_cost), Some(volume)) =
                (service, year, unit_cost, volume)
            else {
                continue;
            };
            if let Some(first) = seen.get(&(service.clone(), year)) {
                c.sink.error(Some(row.line), None, format!("duplicate schedule: {service} in {year} is already on line {first}; give each (service, year) one row"));
                continue;
            }
            seen.insert((service.clone(), year), row.line);
            out.push(Schedule {
                service,
                year,
                unit_cost,
                volume,
            });
        }
        out
    }
}
