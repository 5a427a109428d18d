//! `poolplan summary [SCENARIO…]`.

use super::{emit, map_projections, INVALID};
use crate::cli::{Output, Units};
use crate::engine::arith::R;
use crate::report::summary::{benefit_tables, headline_table, summary_long, value_table};
use crate::report::table::{render_csv, render_json, render_text, Table};
use crate::report::terms::Terms;
use std::path::Path;

pub fn run(
    dir: Option<&Path>,
    scenarios: &[String],
    output: Output,
    units: Units,
    real: bool,
) -> u8 {
    let terms = Terms::new(real);
    // Each projection is reduced to its tables at once (a large model's
    // projection is big), on all cores; the base year is kept for the title.
    let reduced = match map_projections(dir, scenarios, |p| -> R<_> {
        let mut head = vec![headline_table(p, terms)?];
        head.extend(benefit_tables(p));
        Ok((
            head,
            value_table(&[p], terms)?,
            summary_long(&[p], terms)?,
            terms.label(&[p]),
        ))
    }) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let mut tables: Vec<Table> = vec![];
    let mut value = Table::default();
    let mut long = Table::default();
    let mut labels: Vec<String> = vec![];
    for r in reduced {
        let (head, v, l, label) = match r {
            Ok(x) => x,
            Err(e) => {
                eprintln!("error: {e}");
                return INVALID;
            }
        };
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
        labels.push(label);
    }
    tables.push(value);
    let text = match output {
        Output::Table => {
            let unit = super::unit(units);
            labels.sort();
            labels.dedup();
            // One price base for all, or say each has its own.
            let terms_label = match labels.as_slice() {
                [one] => one.clone(),
                _ => terms.label(&[]),
            };
            let mut s = format!("Money in {} ({terms_label}); cost per outcome in £. Figures are rounded for display; the tidy export has them to the penny.\n\n", unit.label());
            s.push_str(&render_text(&tables, unit));
            s
        }
        Output::Csv => render_csv(&[long]),
        Output::Json => render_json(&tables),
    };
    emit(&text)
}
