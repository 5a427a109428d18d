//! actuals.csv (SPEC §12.1): the spend booked against each service in each
//! month. Every row is checked cell by cell; duplicates of (service, year,
//! period) are errors. Which services a row may name depends on the
//! scenario monitored, so that reference is checked later (`monitoring`).

use super::diag::Sink;
use super::table::{Row, Table};
use crate::model::value::{parse_id, parse_money};
use crate::model::{Actual, Period, Year};
use std::collections::HashMap;

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

/// The valid rows of actuals.csv, in file order.
pub fn actuals(t: &Table, sink: &mut Sink<'_>, horizon: Option<(Year, usize)>) -> Vec<Actual> {
    let mut out = Vec::with_capacity(t.rows.len());
    // Keyed by the service cell as written (borrowed from the table: one
    // allocation per row fewer on a million-row file).
    let mut seen: HashMap<(&str, Year, Period), usize> = HashMap::with_capacity(t.rows.len());
    for row in &t.rows {
        let service = required(t, sink, row, "service", parse_id);
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
        let key = (t.cell(row, "service"), year, period);
        if let Some(first) = seen.get(&key) {
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
        seen.insert(key, row.line);
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
