//! `fan`: the in-year gap by year under a scenario's ranges (SPEC §14,
//! issue 19 item 4): the P10–P90 band, the P50 line and the gap as planned,
//! from the Cabinet "Risk by year" table (`cabinet::risk_gap`, the figures
//! of `analysis::risk`). The first exported scenario with `[ranges]` is
//! charted. The last year of each line carries its figure.

use super::gap::{frame, span};
use super::style::{self, err, Area, Entry, Mark, HEIGHT, WIDTH};
use super::{body, cabinet, text, InPlace, Inputs};
use crate::report::cabinet::risk_gap::{MEASURES, SHEET, SLUG};
use crate::report::cabinet::{CabTable, Value};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The band's colour (light), the P50's (dark) and the plan's (middle).
const BAND: usize = 2;
const P50: usize = 0;
const PLAN: usize = 1;

/// The risk-by-year table and the row indices of its first scenario's
/// measures (P10, P50, P90, as planned).
fn rows<'a>(i: &'a Inputs<'_>) -> Result<(&'a CabTable, String, [usize; 4]), String> {
    let t = cabinet(i, SLUG).map_err(|_| {
        "the fan chart needs a scenario with [ranges] (see `poolplan risk`); none of those named has any".to_string()
    })?;
    let name = t.rows.first().map(|r| text(r, 0)).ok_or("no risk rows")?;
    let mut at = [0; 4];
    for (k, m) in MEASURES.iter().enumerate() {
        at[k] = (0..t.rows.len())
            .find(|&j| text(&t.rows[j], 0) == name && text(&t.rows[j], 1) == *m)
            .ok_or_else(|| format!("the risk-by-year table has no {m} row"))?;
    }
    Ok((t, name, at))
}

/// Measure × year: the cells of the first ranged scenario's rows.
pub fn table(i: &Inputs<'_>) -> Result<CabTable, String> {
    let (t, name, at) = rows(i)?;
    let rows = at
        .iter()
        .map(|&j| body(t.rows[j].cells[1..].to_vec()))
        .collect();
    let mut columns = vec!["Measure".to_string()];
    columns.extend(i.scale.years.iter().map(|y| y.to_string()));
    let unit = i.scale.unit.label();
    Ok(CabTable {
        slug: "chart-fan",
        sheet: "Chart fan",
        title: format!(
            "In-year gap by year under the ranges of {name}, {unit} (cash); positive is a shortfall"
        ),
        columns,
        rows,
        notes: vec![format!("{unit} (cash)")],
    })
}

/// The risk-by-year sheet's rows of the charted scenario, for the
/// workbook's native chart (rows in `MEASURES` order).
pub fn in_place(i: &Inputs<'_>) -> Result<InPlace, String> {
    let (_, _, at) = rows(i)?;
    let years = u16::try_from(i.scale.years.len()).map_err(|e| e.to_string())?;
    if years == 0 {
        return Err("no years".into());
    }
    Ok(InPlace::Rows {
        sheet: SHEET,
        rows: at.to_vec(),
        name: 1,
        from: 2,
        to: 1 + years,
    })
}

/// The fan chart.
pub fn svg(t: &CabTable) -> Result<String, String> {
    if t.rows.len() != MEASURES.len() {
        return Err("the fan chart needs P10, P50, P90 and as-planned rows".into());
    }
    let unit = t.notes.first().cloned().unwrap_or_default();
    let axes = (format!("In-year gap, {unit}"), "Financial year".to_string());
    let mut buf = String::new();
    {
        let root: Area<'_> = SVGBackend::with_string(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        style::title(
            &root,
            "In-year gap by year: the range of outcomes",
            &t.title,
        )?;
        let entry = |name: &str, c: usize, mark| Entry {
            name: name.to_string(),
            colour: style::colour(c),
            mark,
        };
        let entries = [
            entry("P10 to P90", BAND, Mark::Solid),
            entry("P50", P50, Mark::Line(P50)),
            entry("As planned (no sampling)", PLAN, Mark::Line(PLAN)),
        ];
        style::legend(&root, &entries)?;
        draw(&root, t, &axes, style::plot_top(&entries))?;
        root.present().map_err(err)?;
    }
    Ok(buf)
}

fn draw(root: &Area<'_>, t: &CabTable, axes: &(String, String), top: u32) -> Result<(), String> {
    let cells = t.rows.iter().flat_map(|r| r.cells.iter().skip(1));
    let (chart, _) = frame(root, &t.columns[1..], axes, top, span(cells), 120)?;
    let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
    // Each row's points over the years it has a figure.
    let pts: Vec<Vec<(i32, i32)>> = t
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .skip(1)
                .enumerate()
                .filter(|(_, v)| matches!(v, Value::Num(..)))
                .map(|(x, v)| px(x as f64, style::coord(v)))
                .collect()
        })
        .collect();
    let (lo, hi) = (&pts[0], &pts[2]);
    let band = style::colour(BAND);
    let mut outline: Vec<(i32, i32)> = lo.clone();
    outline.extend(hi.iter().rev());
    root.draw(&Polygon::new(outline, band.mix(0.55).filled()))
        .map_err(err)?;
    for edge in [lo, hi] {
        root.draw(&PathElement::new(edge.clone(), band.stroke_width(1)))
            .map_err(err)?;
    }
    for (row, s) in [(3, PLAN), (1, P50)] {
        let c = style::colour(s);
        style::line(root, &pts[row], c, s)?;
        for p in &pts[row] {
            style::marker(root, *p, c, s)?;
        }
    }
    let x = px(t.columns.len() as f64 - 1.6, 0.0).0 + 8;
    end_labels(root, t, &pts, x)
}

/// The last-year figures at the right, top to bottom, pushed apart so none
/// overlaps: the band's edges named P90 and P10, the lines with their
/// markers.
fn end_labels(
    root: &Area<'_>,
    t: &CabTable,
    pts: &[Vec<(i32, i32)>],
    x: i32,
) -> Result<(), String> {
    let mut ends = vec![];
    for (row, r) in t.rows.iter().enumerate() {
        let last = r.cells.iter().skip(1).rev().find_map(style::label);
        if let (Some(p), Some(l)) = (pts[row].last(), last) {
            ends.push((p.1, row, l));
        }
    }
    ends.sort_by_key(|e| (e.0, e.1));
    let mut next = i32::MIN;
    let at = |dx: i32, y: i32| (x + dx, y);
    for (y, row, l) in ends {
        let y = y.max(next);
        let left = Pos::new(HPos::Left, VPos::Center);
        match row {
            1 => style::marker(root, at(4, y), style::colour(P50), P50)?,
            3 => style::marker(root, at(4, y), style::colour(PLAN), PLAN)?,
            _ => root
                .draw(&Text::new(
                    MEASURES[row].to_string(),
                    at(-6, y),
                    style::text_style(12.0, style::AXIS).pos(left),
                ))
                .map_err(err)?,
        }
        style::figure(root, &l, at(18, y), left)?;
        next = y + 16;
    }
    Ok(())
}
