//! `gap`: the in-year gap (spend less contributions) by year, one line per
//! scenario, from the Headline table's gap rows. The last year of each line
//! carries its figure (points in earlier years are read off the axis).

use super::style::{self, err, Area, Entry, Mark, AXIS, HEIGHT, WIDTH};
use super::{body, cabinet, text, Inputs};
use crate::report::cabinet::{CabTable, Value};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The Headline table's gap measure.
pub const GAP: &str = crate::report::cabinet::headline::IN_YEAR_GAP;

/// Scenario × year, the cells of the Headline table's gap rows.
pub fn table(i: &Inputs<'_>) -> Result<CabTable, String> {
    let h = cabinet(i, "headline")?;
    let years = i.scale.years.len();
    let rows: Vec<_> = h
        .rows
        .iter()
        .filter(|r| text(r, 1) == GAP)
        .map(|r| {
            let mut cells = vec![Value::text(text(r, 0))];
            cells.extend(r.cells.iter().skip(2).take(years).cloned());
            body(cells)
        })
        .collect();
    if rows.is_empty() {
        return Err("the headline table has no in-year gap rows".into());
    }
    let mut columns = vec!["Scenario".to_string()];
    columns.extend(i.scale.years.iter().map(|y| y.to_string()));
    Ok(CabTable {
        slug: "chart-gap",
        sheet: "Chart gap",
        title: format!(
            "In-year gap by scenario and year, {} ({}); positive is a shortfall",
            i.scale.unit.label(),
            i.scale.terms()
        ),
        columns,
        rows,
        notes: vec![i.scale.label()],
    })
}

/// The Headline table's gap rows, for the workbook's native chart.
pub fn in_place(i: &Inputs<'_>) -> Result<super::InPlace, String> {
    let h = cabinet(i, "headline")?;
    let rows: Vec<usize> = (0..h.rows.len())
        .filter(|&k| text(&h.rows[k], 1) == GAP)
        .collect();
    let years = u16::try_from(i.scale.years.len()).map_err(|e| e.to_string())?;
    if rows.is_empty() || years == 0 {
        return Err("no gap rows".into());
    }
    Ok(super::InPlace::Rows {
        sheet: h.sheet,
        rows,
        name: 0,
        from: 2,
        to: 1 + years,
    })
}

/// The line chart.
pub fn svg(t: &CabTable) -> Result<String, String> {
    let unit = t.notes.first().cloned().unwrap_or_default();
    let axes = (format!("In-year gap, {unit}"), "Financial year".to_string());
    lines(t, "In-year gap by year", &axes)
}

/// A line per row of `t` (its first cell names it) over the columns after
/// the first; blank cells are left out; each line's last figure at the
/// right. `axes`: the value axis' and the category axis' captions.
pub fn lines(t: &CabTable, heading: &str, axes: &(String, String)) -> Result<String, String> {
    let mut buf = String::new();
    {
        let root: Area<'_> = SVGBackend::with_string(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        style::title(&root, heading, &t.title)?;
        let entries: Vec<Entry> = t
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| Entry {
                name: super::text(r, 0),
                colour: style::colour(i),
                mark: Mark::Line(i),
            })
            .collect();
        style::legend(&root, &entries)?;
        draw(&root, t, axes, style::plot_top(&entries))?;
        root.present().map_err(err)?;
    }
    Ok(buf)
}

fn draw(root: &Area<'_>, t: &CabTable, axes: &(String, String), top: u32) -> Result<(), String> {
    let ys = t.rows.iter().flat_map(|r| r.cells.iter().skip(1));
    let (chart, _) = frame(root, &t.columns[1..], axes, top, span(ys), 110)?;
    let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
    let mut ends: Vec<(i32, usize, String)> = vec![];
    for (s, r) in t.rows.iter().enumerate() {
        let pts: Vec<(i32, i32)> = r
            .cells
            .iter()
            .skip(1)
            .enumerate()
            .filter(|(_, v)| matches!(v, Value::Num(..)))
            .map(|(i, v)| px(i as f64, style::coord(v)))
            .collect();
        let c = style::colour(s);
        style::line(root, &pts, c, s)?;
        for p in &pts {
            style::marker(root, *p, c, s)?;
        }
        let last = r.cells.iter().skip(1).rev().find_map(style::label);
        if let (Some(p), Some(l)) = (pts.last(), last) {
            ends.push((p.1, s, l));
        }
    }
    let x_end = t.columns.len() as f64 - 1.6;
    end_labels(root, ends, px(x_end, 0.0).0 + 8)
}

/// The last-year figures at the right, pushed apart so none overlaps.
/// Each carries its series' marker, so it reads without colour.
fn end_labels(root: &Area<'_>, mut ends: Vec<(i32, usize, String)>, x: i32) -> Result<(), String> {
    ends.sort_by_key(|e| (e.0, e.1));
    let mut next = i32::MIN;
    for (y, s, l) in ends {
        let y = y.max(next);
        style::marker(root, (x + 4, y), style::colour(s), s)?;
        style::figure(root, &l, (x + 14, y), Pos::new(HPos::Left, VPos::Center))?;
        next = y + 16;
    }
    Ok(())
}

/// A plot by year: f64 coordinates (year index across, value up).
pub type Plot<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The lowest and highest plotted value of these cells (0 always in range).
pub fn span<'v>(cells: impl Iterator<Item = &'v Value>) -> (f64, f64) {
    cells
        .filter(|v| matches!(v, Value::Num(..)))
        .map(style::coord)
        .fold((0.0_f64, 0.0_f64), |(lo, hi), y| (lo.min(y), hi.max(y)))
}

/// The axes of a chart by year: the value axis over `lo..hi` (padded),
/// a category per year (its label under it), the zero line; `right`
/// pixels are kept free for the end labels. Also gives the bottom value.
pub fn frame<'a, 'b>(
    root: &'a Area<'b>,
    years: &[String],
    axes: &(String, String),
    top: u32,
    (lo, hi): (f64, f64),
    right: u32,
) -> Result<(Plot<'a, 'b>, f64), String> {
    let pad = if hi > lo { (hi - lo) * 0.08 } else { 1.0 };
    let x_end = years.len() as f64 - 0.6;
    let mut chart = ChartBuilder::on(root)
        .margin_top(top)
        .margin_right(right)
        .margin_left(16)
        .margin_bottom(16)
        .x_label_area_size(48)
        .y_label_area_size(84)
        .build_cartesian_2d(-0.4..x_end, (lo - pad)..(hi + pad))
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(8)
        .y_label_formatter(&style::tick)
        .y_desc(axes.0.clone())
        .x_desc(axes.1.clone())
        .label_style(style::text_style(14.0, AXIS))
        .axis_desc_style(style::text_style(style::TEXT_SIZE, AXIS))
        .bold_line_style(RGBColor(0xe4, 0xe4, 0xe4))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(err)?;
    let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
    for (i, year) in years.iter().enumerate() {
        let (x, y) = px(i as f64, lo - pad);
        root.draw(&Text::new(
            year.clone(),
            (x, y + 8),
            style::text_style(14.0, AXIS).pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(err)?;
    }
    let zero = [px(-0.4, 0.0), px(x_end, 0.0)];
    root.draw(&PathElement::new(zero.to_vec(), BLACK.stroke_width(1)))
        .map_err(err)?;
    Ok((chart, lo - pad))
}
