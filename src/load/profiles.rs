//! profiles.csv (SPEC §12.1): the expected shape of a year's spend, by
//! service id or category. Weights are quantities ≥ 0; duplicate (key,
//! period) rows and a key whose weights sum to 0 are errors. Whether a key
//! matches a service or category is checked later (`monitoring`), since
//! scenarios may commission services.

use super::actuals::required;
use super::diag::Sink;
use super::table::Table;
use crate::model::value::parse_quantity;
use crate::model::{Period, ProfileWeight};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The valid rows of profiles.csv, in file order.
pub fn profiles(t: &Table, sink: &mut Sink<'_>) -> Vec<ProfileWeight> {
    let mut out: Vec<ProfileWeight> = vec![];
    let mut seen: HashMap<(String, Period), usize> = HashMap::new();
    // Per key: first line, total weight, and whether a row was rejected.
    let mut keys: Vec<(String, usize, Decimal, bool)> = vec![];
    let mut key_index: HashMap<String, usize> = HashMap::new();
    for row in &t.rows {
        let key = required(t, sink, row, "key", |v| Ok::<_, String>(v.to_string()));
        let period = required(t, sink, row, "period", Period::parse);
        let weight = required(t, sink, row, "weight", parse_quantity).filter(|w| {
            *w >= Decimal::ZERO || {
                sink.error(
                    Some(row.line),
                    Some(t.field("weight")),
                    format!(
                        "the weight \"{}\" is negative; a weight is 0 or more (the share of the year's spend expected in that month)",
                        t.cell(row, "weight")
                    ),
                );
                false
            }
        });
        let Some(key) = key else { continue };
        let k = *key_index.entry(key.clone()).or_insert_with(|| {
            keys.push((key.clone(), row.line, Decimal::ZERO, false));
            keys.len() - 1
        });
        let (Some(period), Some(weight)) = (period, weight) else {
            keys[k].3 = true;
            continue;
        };
        if let Some(first) = seen.get(&(key.clone(), period)) {
            sink.error(
                Some(row.line),
                Some(t.field("period")),
                format!(
                    "duplicate profile row: \"{key}\" period {} ({}) is already on line {first}; give each (key, period) one row",
                    period.number(),
                    period.short_name()
                ),
            );
            keys[k].3 = true;
            continue;
        }
        seen.insert((key.clone(), period), row.line);
        keys[k].2 = keys[k].2.saturating_add(weight);
        out.push(ProfileWeight {
            key,
            period,
            weight,
            line: row.line,
        });
    }
    for (key, line, total, rejected) in &keys {
        if !rejected && total.is_zero() {
            sink.error(
                Some(*line),
                Some(t.field("weight")),
                format!("the weights of \"{key}\" sum to 0, so they give no shape to the year; give at least one month a weight above 0, or remove the key's rows (a flat profile is the default)"),
            );
        }
    }
    out
}
