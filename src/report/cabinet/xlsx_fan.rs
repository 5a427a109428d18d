//! The native Excel fan chart (issue 19 item 4): a line chart of the in-year
//! gap by year reading the four rows of one scenario on the "Risk by year"
//! sheet (P10, P50, P90, as planned). Excel's up-down bars, drawn between a
//! line chart's first and last series, shade P10 to P90 in each year, so
//! the band needs no cell of its own: the series are added P10 first and
//! P90 last. The P10 and P90 lines are thin, the P50 solid with circles,
//! the plan dashed with triangles (greyscale-safe).

use super::xlsx_charts::{line_style, solid};
use rust_xlsxwriter::{Chart, ChartFormat, ChartLine, ChartMarker, ChartSolidFill, Color};

/// Rows (zero-based sheet rows) of P10, P50, P90 and as planned; the
/// series names in column `name`, the figures in columns `from..=to`, the
/// years in the header row above them (row 1).
pub fn chart(sheet: &str, rows: [u32; 4], name: u16, (from, to): (u16, u16)) -> Chart {
    let mut c = Chart::new_line();
    let [p10, p50, p90, plan] = rows;
    let band = |c: &mut Chart, r: u32| {
        let mut f = ChartFormat::new();
        f.set_line(
            ChartLine::new()
                .set_color(Color::RGB(0x7f_b3_d5))
                .set_width(1),
        );
        let mut m = ChartMarker::new();
        m.set_none();
        c.add_series()
            .set_name((sheet, r, name))
            .set_categories((sheet, 1, from, 1, to))
            .set_values((sheet, r, from, r, to))
            .set_format(&mut f)
            .set_marker(&m);
    };
    band(&mut c, p10);
    for (i, r) in [(0, p50), (1, plan)] {
        let (mut f, m) = line_style(i);
        c.add_series()
            .set_name((sheet, r, name))
            .set_categories((sheet, 1, from, 1, to))
            .set_values((sheet, r, from, r, to))
            .set_format(&mut f)
            .set_marker(&m);
    }
    band(&mut c, p90);
    let mut up = ChartFormat::new();
    up.set_solid_fill(
        ChartSolidFill::new()
            .set_color(Color::RGB(0x7f_b3_d5))
            .set_transparency(45),
    )
    .set_no_border();
    c.set_up_bar_format(&mut up);
    // P90 is never below P10; a down bar would mean a misread sheet.
    c.set_down_bar_format(&mut solid(4));
    c.x_axis().set_name("Financial year");
    c
}
