//! Horizontal bars, the shape of every chart here but the gap lines: one
//! row per partner, service or bridge step, its name at the left (wrapped,
//! never cut), the bars across, each figure label beside or inside its bar,
//! optional vertical reference lines (a median), notes at the foot.
//! Horizontal because the names (partners, drivers, services) are long.

use super::style::{self, err, figure, swatch, Area, Entry, Mark, AXIS, HEIGHT, TEXT_SIZE, WIDTH};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Where a bar's label goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LabelAt {
    /// Just beyond the bar's far end (away from zero).
    End,
    /// Left-aligned this many pixels right of the plot point `x` (labels
    /// of a stack, side by side after its end).
    Beyond(f64, i32),
}

/// One bar: a band of row `row` from `from` to `to`.
pub struct Bar {
    pub row: usize,
    /// The part of the row's height it fills, top to bottom (0..1).
    pub band: (f64, f64),
    /// Index into `HBars::series`.
    pub series: usize,
    pub from: f64,
    pub to: f64,
    pub label: Option<String>,
    pub label_at: LabelAt,
}

/// A vertical reference line with its figure at the top.
pub struct Rule {
    pub x: f64,
    pub series: usize,
    pub label: Option<String>,
}

/// A whole horizontal bar chart.
pub struct HBars {
    pub title: String,
    pub subtitle: String,
    /// The value axis' caption, e.g. `£000 (cash)`.
    pub axis: String,
    pub rows: Vec<String>,
    pub bars: Vec<Bar>,
    pub rules: Vec<Rule>,
    pub series: Vec<Entry>,
    /// Plain words beside labels: (row, x, pixels right of x, text).
    pub words: Vec<(usize, f64, i32, String)>,
    pub notes: Vec<String>,
}

/// Characters a row name is wrapped at.
const NAME_WIDTH: usize = 30;

/// The value axis' range: the bars, zero, and room to the right for the
/// widest row of labels (`plot_px` wide plot).
fn range(h: &HBars, plot_px: f64) -> (f64, f64) {
    let xs = h
        .bars
        .iter()
        .flat_map(|b| [b.from, b.to])
        .chain(h.rules.iter().map(|r| r.x));
    let (lo, hi) = xs.fold((0.0_f64, 0.0_f64), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let span = if hi > lo { hi - lo } else { 1.0 };
    let left = if lo < 0.0 { lo - span * 0.14 } else { 0.0 };
    let widest = (0..h.rows.len())
        .map(|r| {
            h.bars
                .iter()
                .filter(|b| b.row == r)
                .filter_map(|b| b.label.as_deref())
                .map(|l| text_px(l) + 12)
                .sum::<i32>()
        })
        .max()
        .unwrap_or(0);
    // The labels' share of the plot's width, at most two thirds.
    let room = (f64::from(widest + 24) / plot_px).clamp(0.1, 0.66);
    let width = (hi - left) / (1.0 - room);
    (left, left + width.max(span))
}

/// The SVG text of the chart.
pub fn render(h: &HBars) -> Result<String, String> {
    let names: Vec<Vec<String>> = h.rows.iter().map(|r| style::wrap(r, NAME_WIDTH)).collect();
    // Tall enough that every row's wrapped name fits in its row.
    let per_row = names.iter().map(Vec::len).max().unwrap_or(1) as u32 * 16 + 10;
    let height = (style::plot_top(&h.series)
        + per_row * names.len() as u32
        + 66
        + 16 * h.notes.len() as u32)
        .max(HEIGHT);
    let mut buf = String::new();
    {
        let root: Area<'_> = SVGBackend::with_string(&mut buf, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        style::title(&root, &h.title, &h.subtitle)?;
        style::legend(&root, &h.series)?;
        draw(&root, h, &names, height)?;
        root.present().map_err(err)?;
    }
    Ok(buf)
}

fn draw(root: &Area<'_>, h: &HBars, names: &[Vec<String>], height: u32) -> Result<(), String> {
    let longest = names
        .iter()
        .flatten()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(4);
    let name_px = ((longest as f64 * TEXT_SIZE * 0.5) as u32 + 16).clamp(80, 320);
    let foot = 22 + 16 * h.notes.len() as u32;
    let (lo, hi) = range(h, f64::from(WIDTH - name_px - 24));
    let n = h.rows.len().max(1) as f64;
    let mut chart = ChartBuilder::on(root)
        .margin_top(style::plot_top(&h.series))
        .margin_left(name_px)
        .margin_right(24)
        .margin_bottom(foot)
        .x_label_area_size(44)
        .build_cartesian_2d(lo..hi, 0.0..n)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(8)
        .x_label_formatter(&style::tick)
        .x_desc(h.axis.clone())
        .label_style(style::text_style(14.0, AXIS))
        .axis_desc_style(style::text_style(TEXT_SIZE, AXIS))
        .bold_line_style(RGBColor(0xe4, 0xe4, 0xe4))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(err)?;
    let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
    // Row names, centred on their row.
    for (r, lines) in names.iter().enumerate() {
        let (_, y) = px(lo, n - r as f64 - 0.5);
        let top = y - (lines.len() as i32 * 16) / 2;
        for (i, l) in lines.iter().enumerate() {
            root.draw(&Text::new(
                l.clone(),
                (name_px as i32 - 8, top + i as i32 * 16),
                style::text_style(TEXT_SIZE, BLACK).pos(Pos::new(HPos::Right, VPos::Top)),
            ))
            .map_err(err)?;
        }
    }
    for b in &h.bars {
        let top = n - b.row as f64 - b.band.0;
        let bottom = n - b.row as f64 - b.band.1;
        let (a, z) = (px(b.from, top), px(b.to, bottom));
        let e = &h.series[b.series];
        if a.0 != z.0 {
            swatch(root, a, z, e.colour, e.mark)?;
        }
        if let Some(l) = &b.label {
            let beyond = |x: f64| px(x, 0.0).0;
            bar_label(root, l, (a, z), b, beyond)?;
        }
    }
    for (row, x, dx, w) in &h.words {
        let (x, y) = px(*x, n - *row as f64 - 0.5);
        root.draw(&Text::new(
            w.clone(),
            (x + dx, y),
            style::text_style(TEXT_SIZE, AXIS).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err)?;
    }
    // Zero.
    let (z0, z1) = (px(0.0, 0.0), px(0.0, n));
    root.draw(&PathElement::new(vec![z0, z1], BLACK.stroke_width(1)))
        .map_err(err)?;
    for r in &h.rules {
        let e = &h.series[r.series];
        let (a, b) = (px(r.x, 0.0), px(r.x, n));
        dashed(root, a, b, e.colour)?;
        if let Some(l) = &r.label {
            figure(
                root,
                l,
                // Inside the plot, right of the line: clear of the legend.
                (b.0 + 5, b.1 + 3),
                Pos::new(HPos::Left, VPos::Top),
            )?;
        }
    }
    for (i, note) in h.notes.iter().enumerate() {
        root.draw(&Text::new(
            note.clone(),
            (12, (height - foot) as i32 + 26 + 16 * i as i32),
            style::text_style(14.0, AXIS),
        ))
        .map_err(err)?;
    }
    Ok(())
}

fn bar_label(
    root: &Area<'_>,
    l: &str,
    (a, z): ((i32, i32), (i32, i32)),
    b: &Bar,
    beyond: impl Fn(f64) -> i32,
) -> Result<(), String> {
    let y = (a.1 + z.1) / 2;
    match b.label_at {
        LabelAt::End if b.to >= b.from => figure(
            root,
            l,
            (a.0.max(z.0) + 4, y),
            Pos::new(HPos::Left, VPos::Center),
        ),
        LabelAt::End => figure(
            root,
            l,
            (a.0.min(z.0) - 4, y),
            Pos::new(HPos::Right, VPos::Center),
        ),
        LabelAt::Beyond(x, dx) => figure(
            root,
            l,
            (beyond(x) + dx, y),
            Pos::new(HPos::Left, VPos::Center),
        ),
    }
}

/// A dashed vertical line (6 on, 4 off).
fn dashed(root: &Area<'_>, a: (i32, i32), b: (i32, i32), c: RGBColor) -> Result<(), String> {
    let (top, bottom) = (a.1.min(b.1), a.1.max(b.1));
    let mut y = top;
    while y < bottom {
        let end = (y + 6).min(bottom);
        root.draw(&PathElement::new(
            vec![(a.0, y), (a.0, end)],
            c.stroke_width(2),
        ))
        .map_err(err)?;
        y += 10;
    }
    Ok(())
}

/// The width in pixels a label takes (for placing the next beside it).
pub fn text_px(s: &str) -> i32 {
    (s.chars().count() as f64 * TEXT_SIZE * 0.5) as i32
}

/// The legend entry of a bar series.
pub fn entry(name: impl Into<String>, i: usize, mark: Mark) -> Entry {
    Entry {
        name: name.into(),
        colour: style::colour(i),
        mark,
    }
}
