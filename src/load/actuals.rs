//! actuals.csv (SPEC §12.1): the spend booked against each service in each
//! month. Every row is checked cell by cell; duplicates of (service, year,
//! period) are errors. Which services a row may name depends on the
//! scenario monitored, so that reference is checked later (`monitoring`).

use super::diag::Sink;
use super::table::{Row, Table};
use crate::model::value::{parse_id, parse_money};
use crate::model::{Actual, Period, Year};
use std::collections::HashMap;
use std::sync::Arc;

/// Parse one cell of a required column, reporting a problem at its row and column.
pub(super) fn required<T>(
    t: &Table,
    sink: &mut Sink<'_>,
    row: &Row,
    col: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Option<T> {
    let v = t.cell(row, col);
    let result = if v.is_empty() {
        Err(format!("\"{col}\" is empty; this column is required"))
    } else {
        parse(v)
    };
    result
        .map_err(|e| sink.error(Some(row.line), Some(t.field(col)), e))
        .ok()
}

/// Warn about a year outside the budget's horizon (the row is kept: a
/// scenario with a longer horizon monitors it).
pub(super) fn horizon_warning(
    t: &Table,
    sink: &mut Sink<'_>,
    row: &Row,
    y: Year,
    horizon: Option<(Year, usize)>,
) {
    let Some((base, n)) = horizon else { return };
    let last = base.plus(n as i32 - 1);
    if y < base {
        sink.warn(
            Some(row.line),
            Some(t.field("year")),
            format!("{y} is before the base year {base}; this row is never used"),
        );
    } else if y > last {
        sink.warn(Some(row.line), Some(t.field("year")), format!("{y} is outside the budget's horizon ({base} to {last}); it is ignored, except by a scenario whose longer horizon contains it"));
    }
}

/// The first line of each (year, period) already seen for one service.
struct Seen {
    service: Arc<str>,
    years: Vec<(Year, [usize; 12])>,
}

/// The valid rows of actuals.csv, in file order. A million-row file is the
/// expected size (12 months × 100,000 services), so each service id is
/// checked and allocated once and shared by its rows.
pub fn actuals(t: &Table, sink: &mut Sink<'_>, horizon: Option<(Year, usize)>) -> Vec<Actual> {
    let mut out = Vec::with_capacity(t.rows.len());
    let mut services: HashMap<&str, Seen> = HashMap::new();
    for row in &t.rows {
        let cell = t.cell(row, "service");
        let known = services.get(cell).map(|s| s.service.clone());
        let service = match known {
            Some(s) => Some(s),
            None => required(t, sink, row, "service", parse_id).map(Arc::<str>::from),
        };
        let year = required(t, sink, row, "year", Year::parse);
        let period = required(t, sink, row, "period", Period::parse);
        let amount = required(t, sink, row, "amount", parse_money);
        if let Some(y) = year {
            horizon_warning(t, sink, row, y, horizon);
        }
        let (Some(service), Some(year), Some(period), Some(amount)) =
            (service, year, period, amount)
        else {
            continue;
        };
        let seen = services.entry(cell).or_insert_with(|| Seen {
            service: service.clone(),
            years: vec![],
        });
        let k = match seen.years.iter().position(|(y, _)| *y == year) {
            Some(k) => k,
            None => {
                seen.years.push((year, [0; 12]));
                seen.years.len() - 1
            }
        };
        let first = &mut seen.years[k].1[period.index()];
        if *first != 0 {
            sink.error(
                Some(row.line),
                Some(t.field("period")),
                format!(
                    "duplicate actuals row: {service} in {year} period {} ({}) is already on line {first}; give each (service, year, period) one row (add the amounts together)",
                    period.number(),
                    period.short_name(),
                ),
            );
            continue;
        }
        *first = row.line;
        out.push(Actual {
            service,
            year,
            period,
            amount,
            line: row.line,
        });
    }
    out
}
