//! `poolplan summary [SCENARIO…]`.

use super::{emit, map_projections};
use crate::cli::{Output, Units};
use crate::report::summary::{benefit_tables, headline_table, summary_long, value_table};
use crate::report::table::{render_csv, render_json, render_text, Table};
use std::path::Path;

pub fn run(dir: Option<&Path>, scenarios: &[String], output: Output, units: Units) -> u8 {
    // Each projection is reduced to its tables at once (a large model's
    // projection is big), on all cores.
    let reduced = match map_projections(dir, scenarios, |p| {
        let mut head = vec![headline_table(p)];
        head.extend(benefit_tables(p));
        (head, value_table(&[p]), summary_long(&[p]))
    }) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let mut tables: Vec<Table> = vec![];
    let mut value = Table::default();
    let mut long = Table::default();
    for (head, v, l) in reduced {
        tables.extend(head);
        if value.columns.is_empty() {
            value = Table {
                rows: vec![],
                ..v.clone()
            };
            long = Table {
                rows: vec![],
                ..l.clone()
            };
        }
        value.rows.extend(v.rows);
        long.rows.extend(l.rows);
    }
    tables.push(value);
    let text = match output {
        Output::Table => {
            let unit = super::unit(units);
            let mut s = format!("Money in {} (cash terms). Figures are rounded for display; the tidy export has them to the penny.\n\n", unit.label());
            s.push_str(&render_text(&tables, unit));
            s
        }
        Output::Csv => render_csv(&[long]),
        Output::Json => render_json(&tables),
    };
    emit(&text)
}
