//! Native charts that read the Cabinet table a chart's figures stand in
//! (`ChartTable::in_place`), not a data sheet of their own.

use super::xlsx::FIRST_ROW;
use super::xlsx_charts::{hatched, line_style, solid};
use crate::report::chart::{InPlace, Kind};
use rust_xlsxwriter::Chart;

/// A chart that reads the ranges of the Cabinet table its figures stand
/// in: the gap a line per scenario row of the Headline sheet, the benefits
/// a column series per figure of the who-pays sheet.
pub fn chart(kind: Kind, at: &InPlace) -> Chart {
    let row = |k: usize| FIRST_ROW + k as u32;
    match at {
        InPlace::Rows {
            sheet,
            rows,
            name,
            from,
            to,
        } if kind == Kind::Fan && rows.len() == 4 => {
            let r = [row(rows[0]), row(rows[1]), row(rows[2]), row(rows[3])];
            super::xlsx_fan::chart(sheet, r, *name, (*from, *to))
        }
        InPlace::Rows {
            sheet,
            rows,
            name,
            from,
            to,
        } => {
            let mut c = Chart::new_line();
            for (i, k) in rows.iter().enumerate() {
                let r = row(*k);
                let (mut f, m) = line_style(i);
                c.add_series()
                    .set_name((*sheet, r, *name))
                    .set_categories((*sheet, 1, *from, 1, *to))
                    .set_values((*sheet, r, *from, r, *to))
                    .set_format(&mut f)
                    .set_marker(&m);
            }
            c.x_axis().set_name(match kind {
                Kind::Monitor => "Month",
                _ => "Financial year",
            });
            c
        }
        InPlace::Columns {
            sheet,
            first,
            last,
            category,
            values,
        } => {
            let mut c = Chart::new_column();
            let (r0, r1) = (row(*first), row(*last));
            for (i, col) in values.iter().enumerate() {
                let mut f = match i {
                    0 => solid(0),
                    1 => hatched(1),
                    _ => solid(2),
                };
                c.add_series()
                    .set_name((*sheet, 1, *col))
                    .set_categories((*sheet, r0, *category, r1, *category))
                    .set_values((*sheet, r0, *col, r1, *col))
                    .set_format(&mut f);
            }
            c
        }
    }
}
