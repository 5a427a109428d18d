//! actuals.csv (SPEC §12.1): the spend booked against each service in each
//! month. Every row is checked cell by cell; duplicates of (service, year,
//! period) are errors. Which services a row may name depends on the
//! scenario monitored, so that reference is checked later (`monitoring`).

use super::diag::Sink;
use super::table::{Row, Table};
use crate::model::monitoring::IdMap;
use crate::model::value::{parse_id, parse_money};
use crate::model::{Actual, Period, Year};
use rust_decimal::Decimal;
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

/// The common ledger form `-1234.56` (no £, commas, brackets or suffix, at
/// most two places, no leading zero) read directly; anything else, and any
/// mistake, goes to `parse_money`. A subset of the §3 grammar that can never
/// be European-ambiguous (that needs three places), so the value is the same.
fn plain_money(v: &str) -> Option<Decimal> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'))
        && int.len() <= 20
        && frac.len() <= 2
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (frac.is_empty() != digits.contains('.'));
    if !ok {
        return None;
    }
    v.parse().ok()
}

/// The year, period and amount of every row, `None` where any is not
/// valid, parsed on two threads (the rows are independent). Small on
/// purpose (a million rows): a row with a problem is parsed again by
/// `required`, in file order, to report it.
fn parse_cells(t: &Table) -> Vec<Option<(Year, Period, Decimal)>> {
    let parse = |rows: &[Row]| -> Vec<_> {
        // An empty cell is a problem even if its parser took it.
        let cell = |row, col| Some(t.cell(row, col)).filter(|v| !v.is_empty());
        rows.iter()
            .map(|row| {
                let year = Year::parse(cell(row, "year")?).ok()?;
                let period = Period::parse(cell(row, "period")?).ok()?;
                let v = cell(row, "amount")?;
                let amount = plain_money(v).map_or_else(|| parse_money(v), Ok).ok()?;
                Some((year, period, amount))
            })
            .collect()
    };
    let (a, b) = t.rows.split_at(t.rows.len() / 2);
    if a.len() < 10_000 {
        return parse(&t.rows);
    }
    std::thread::scope(|sc| {
        let second = sc.spawn(|| parse(b));
        let mut out = parse(a);
        // A panic in the other half would be a bug; parse it here instead.
        out.extend(second.join().unwrap_or_else(|_| parse(b)));
        out
    })
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
    let mut services: IdMap<Seen> = IdMap::default();
    let parsed = parse_cells(t);
    for (row, cells) in t.rows.iter().zip(parsed) {
        let cell = t.cell(row, "service");
        let known = services.get(cell).map(|s| s.service.clone());
        let service = match known {
            Some(s) => Some(s),
            None => required(t, sink, row, "service", parse_id).map(Arc::<str>::from),
        };
        let (year, period, amount) = match cells {
            Some((y, p, a)) => (Some(y), Some(p), Some(a)),
            None => (
                required(t, sink, row, "year", Year::parse),
                required(t, sink, row, "period", Period::parse),
                required(t, sink, row, "amount", |v| {
                    plain_money(v).map_or_else(|| parse_money(v), Ok)
                }),
            ),
        };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::diag::Owner;
    use crate::load::table::read_table;

    /// Messages of a file, as `actuals` reports them.
    fn messages(csv: &str) -> (usize, Vec<String>) {
        let mut out = vec![];
        let mut sink = Sink {
            out: &mut out,
            owner: Owner::Budget("b".into()),
            file: "actuals.csv".into(),
        };
        let cols = ["service", "year", "period", "amount"];
        let t = read_table(csv.as_bytes(), &mut sink, &cols, &[]).expect("a table");
        let n = actuals(&t, &mut sink, None).len();
        (
            n,
            out.iter()
                .map(|d| format!("{} {}", d.location(), d.message))
                .collect(),
        )
    }

    #[test]
    fn a_long_file_parsed_on_two_threads_reports_as_a_short_one() {
        let bad = "s1,2024-25,13,5\ns2,,3,1.5\ns3,2024-25,3,x\ns1,2024-25,1,9\n";
        let mut long = String::from("service,year,period,amount\ns1,2024-25,1,9\n");
        for i in 0..30_000 {
            long.push_str(&format!("l{i},2024-25,{},{i}.25\n", i % 12 + 1));
        }
        long.push_str(bad);
        let short = format!("service,year,period,amount\ns1,2024-25,1,9\n{bad}");
        let (n_long, long) = messages(&long);
        let (n_short, short) = messages(&short);
        assert_eq!((n_long, n_short), (30_001, 1));
        assert_eq!(long.len(), 4, "{long:?}");
        let strip = |m: &String| m.split_once(' ').map(|(_, rest)| rest.to_string());
        let lines = |v: &[String]| v.iter().map(strip).collect::<Vec<_>>();
        assert_eq!(lines(&long), lines(&short));
        assert!(long[0].starts_with("actuals.csv:30003"), "{}", long[0]);
    }

    #[test]
    fn the_plain_money_fast_path_agrees_with_the_grammar() {
        for v in [
            "0",
            "12",
            "-12",
            "1234.56",
            "-0.05",
            "7.5",
            "100000000.10",
            "0.00",
        ] {
            assert_eq!(plain_money(v), parse_money(v).ok(), "{v}");
        }
        // Everything else is left to parse_money (which accepts or explains).
        for v in [
            "1.000", "007", "1.", ".5", "£12", "1,234", "(12)", "1e3", "12.345", "-", "", "1.2k",
            "+5",
        ] {
            assert_eq!(plain_money(v), None, "{v}");
        }
    }
}
