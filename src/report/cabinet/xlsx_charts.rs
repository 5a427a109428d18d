//! Native Excel charts in the Cabinet workbook: a "Charts" sheet whose
//! charts read the cells of the tables: the gap and benefits charts the
//! ranges of the Headline and Who pays sheets their figures stand in
//! (`ChartTable::in_place`); the others, whose figures are the chart's own
//! arrangement (the bridge's invisible base, the providers' median, the
//! exposure's partner totals spread over a table's rows, the monitor's
//! months), a data sheet written like every other table (title in row 1,
//! header in row 2, data from row 3). An officer can restyle them or change
//! a figure and see the chart follow.
//!
//! - gap: a line per scenario (markers and dashes differ, for greyscale);
//! - bridge: a waterfall as stacked columns (an invisible base, the
//!   increases, the decreases, and the start and end totals);
//! - exposure: contribution and risk share by partner, stacked columns;
//! - providers: unit cost bars with the category median as a line;
//! - benefits: pays, fiscal benefit received and of which cashable, by
//!   partner and agency, clustered columns;
//! - monitor: the profile, the actual to date and the forecast by month;
//! - fan: the in-year gap's P10–P90 band (up-down bars), P50 and plan,
//!   reading the Risk by year sheet (`xlsx_fan`).

use super::xlsx::FIRST_ROW;
use super::CabinetError;
use crate::report::chart::{style, ChartTable, Kind};
use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType,
    ChartPatternFill, ChartPatternFillType, ChartSolidFill, ChartType, Color, Workbook,
};

/// The sheet the charts are on.
pub const CHARTS_SHEET: &str = "Charts";
/// Rows between one chart's top and the next.
const STRIDE: u32 = 24;

fn err(e: rust_xlsxwriter::XlsxError) -> CabinetError {
    CabinetError::Xlsx(e.to_string())
}

fn hex(i: usize) -> Color {
    let c = style::colour(i);
    Color::RGB(u32::from(c.0) << 16 | u32::from(c.1) << 8 | u32::from(c.2))
}

pub(super) fn solid(i: usize) -> ChartFormat {
    let mut f = ChartFormat::new();
    f.set_solid_fill(ChartSolidFill::new().set_color(hex(i)));
    f
}

pub(super) fn hatched(i: usize) -> ChartFormat {
    let mut f = ChartFormat::new();
    f.set_pattern_fill(
        ChartPatternFill::new()
            .set_pattern(ChartPatternFillType::DiagonalStripesWideUpwards)
            .set_foreground_color(hex(i))
            .set_background_color(Color::White),
    )
    .set_border(ChartLine::new().set_color(hex(i)));
    f
}

fn outline(i: usize) -> ChartFormat {
    let mut f = ChartFormat::new();
    f.set_solid_fill(ChartSolidFill::new().set_color(Color::White))
        .set_border(ChartLine::new().set_color(hex(i)).set_width(1.5));
    f
}

/// The Charts sheet (added before the data sheets it reads).
pub fn add_sheet(wb: &mut Workbook, charts: &[ChartTable]) -> Result<(), CabinetError> {
    if charts.is_empty() {
        return Ok(());
    }
    let ws = wb.add_worksheet();
    ws.set_name(CHARTS_SHEET).map_err(err)?;
    ws.write_string(
        0,
        0,
        "Charts: the gap, benefits and fan charts read the Headline, Who pays and Risk by year sheets; the others their data sheets (Chart bridge, …). Restyle them freely.",
    )
    .map_err(err)?;
    Ok(())
}

/// Insert one chart per data table on the Charts sheet.
pub fn insert(wb: &mut Workbook, charts: &[ChartTable]) -> Result<(), CabinetError> {
    if charts.is_empty() {
        return Ok(());
    }
    let built: Vec<Chart> = charts.iter().map(chart).collect();
    let ws = wb.worksheet_from_name(CHARTS_SHEET).map_err(err)?;
    for (k, c) in built.iter().enumerate() {
        ws.insert_chart(1 + k as u32 * STRIDE, 0, c).map_err(err)?;
    }
    Ok(())
}

/// The last data row of a table.
fn last(t: &ChartTable) -> u32 {
    FIRST_ROW + t.table.rows.len().saturating_sub(1) as u32
}

fn chart(t: &ChartTable) -> Chart {
    if let Some(at) = &t.in_place {
        return finish(t, super::xlsx_in_place::chart(t.kind, at));
    }
    let s = t.table.sheet;
    let (r0, r1) = (FIRST_ROW, last(t));
    let cats = (s, r0, 0, r1, 0);
    let c = match t.kind {
        Kind::Gap => gap(t),
        // The same shape: a line per row over the columns (months).
        Kind::Monitor => {
            let mut c = gap(t);
            c.x_axis().set_name("Month");
            c
        }
        // Drawn from the data sheet only if the risk-by-year table were
        // not in the workbook (it always is when the chart is).
        Kind::Fan => {
            let rows = [r0, r0 + 1, r0 + 2, r0 + 3];
            let years = t.table.columns.len().saturating_sub(1) as u16;
            super::xlsx_fan::chart(s, rows, 0, (1, years))
        }
        Kind::Bridge => {
            let mut c = Chart::new(ChartType::ColumnStacked);
            let names = (s, r0, 1, r1, 1);
            let mut f = ChartFormat::new();
            f.set_no_fill().set_no_border();
            c.add_series()
                .set_name((s, 1, 4))
                .set_categories(names)
                .set_values((s, r0, 4, r1, 4))
                .set_format(&mut f);
            c.add_series()
                .set_name((s, 1, 5))
                .set_categories(names)
                .set_values((s, r0, 5, r1, 5))
                .set_format(&mut hatched(1));
            c.add_series()
                .set_name((s, 1, 6))
                .set_categories(names)
                .set_values((s, r0, 6, r1, 6))
                .set_format(&mut outline(2));
            c.add_series()
                .set_name((s, 1, 7))
                .set_categories(names)
                .set_values((s, r0, 7, r1, 7))
                .set_format(&mut solid(0))
                .set_gap(60);
            c.legend().delete_entries(&[0]);
            c
        }
        Kind::Exposure => {
            let mut c = Chart::new(ChartType::ColumnStacked);
            c.add_series()
                .set_name((s, 1, 1))
                .set_categories(cats)
                .set_values((s, r0, 1, r1, 1))
                .set_format(&mut solid(0));
            c.add_series()
                .set_name((s, 1, 2))
                .set_categories(cats)
                .set_values((s, r0, 2, r1, 2))
                .set_format(&mut hatched(1))
                .set_gap(60);
            c
        }
        Kind::Providers => {
            let mut c = Chart::new_column();
            c.add_series()
                .set_name((s, 1, 2))
                .set_categories(cats)
                .set_values((s, r0, 2, r1, 2))
                .set_format(&mut solid(0));
            let mut line = Chart::new_line();
            let mut f = ChartFormat::new();
            f.set_line(
                ChartLine::new()
                    .set_color(hex(1))
                    .set_width(2.25)
                    .set_dash_type(ChartLineDashType::Dash),
            );
            line.add_series()
                .set_name((s, 1, 3))
                .set_categories(cats)
                .set_values((s, r0, 3, r1, 3))
                .set_format(&mut f);
            c.combine(&line);
            c
        }
        Kind::Benefits => {
            let mut c = Chart::new_column();
            c.add_series()
                .set_name((s, 1, 1))
                .set_categories(cats)
                .set_values((s, r0, 1, r1, 1))
                .set_format(&mut solid(0));
            c.add_series()
                .set_name((s, 1, 2))
                .set_categories(cats)
                .set_values((s, r0, 2, r1, 2))
                .set_format(&mut hatched(1));
            c.add_series()
                .set_name((s, 1, 3))
                .set_categories(cats)
                .set_values((s, r0, 3, r1, 3))
                .set_format(&mut hatched(2));
            c
        }
    };
    finish(t, c)
}

/// Title, value axis caption and size.
fn finish(t: &ChartTable, mut c: Chart) -> Chart {
    let unit = t.table.notes.first().cloned().unwrap_or_default();
    c.title().set_name(&t.table.title);
    c.y_axis().set_name(&unit);
    c.set_width(900).set_height(440);
    c
}

/// Line `i`'s format and marker: solid and dashed by turns, a marker each
/// (so the lines read in greyscale).
pub(super) fn line_style(i: usize) -> (ChartFormat, ChartMarker) {
    let markers = [
        ChartMarkerType::Circle,
        ChartMarkerType::Triangle,
        ChartMarkerType::Square,
        ChartMarkerType::Diamond,
        ChartMarkerType::X,
        ChartMarkerType::Star,
    ];
    let dash = if i.is_multiple_of(2) {
        ChartLineDashType::Solid
    } else {
        ChartLineDashType::Dash
    };
    let mut f = ChartFormat::new();
    f.set_line(
        ChartLine::new()
            .set_color(hex(i))
            .set_width(2.25)
            .set_dash_type(dash),
    );
    let mut m = ChartMarker::new();
    m.set_type(markers[i % markers.len()])
        .set_size(7)
        .set_format(&mut solid(i));
    (f, m)
}

fn gap(t: &ChartTable) -> Chart {
    let s = t.table.sheet;
    let years = t.table.columns.len().saturating_sub(1) as u16;
    let mut c = Chart::new_line();
    for i in 0..t.table.rows.len() {
        let r = FIRST_ROW + i as u32;
        let (mut f, m) = line_style(i);
        c.add_series()
            .set_name((s, r, 0))
            .set_categories((s, 1, 1, 1, years))
            .set_values((s, r, 1, r, years))
            .set_format(&mut f)
            .set_marker(&m);
    }
    c.x_axis().set_name("Financial year");
    c
}
