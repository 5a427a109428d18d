//! The look every chart shares, in one place: size, fonts, the print
//! palette, hatching, the legend and the number labels.
//!
//! Print-friendly: colours are chosen for distinct lightness (dark, middle,
//! light), and every series also differs by hatching, a dash or a marker,
//! so a chart still reads when photocopied in greyscale. Text is written as
//! SVG `<text>` with a generic font family, so no font files are read and
//! the output is the same on every machine.
//!
//! Number labels come from the table cells (`Value::Num`, already-rounded
//! Decimals) through `report::format::grouped`, as the Cabinet tables show
//! them. f64 is used only for plot coordinates.

use crate::report::cabinet::Value;
use crate::report::format::grouped;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The whole picture, in pixels (about 16:9, fits an A4 page width).
pub const WIDTH: u32 = 960;
pub const HEIGHT: u32 = 540;
/// Generic family: renderers pick their sans-serif, no font file needed.
pub const FONT: &str = "sans-serif";
pub const TITLE_SIZE: f64 = 24.0;
pub const TEXT_SIZE: f64 = 15.0;
/// The colour of every figure label (tests find the labels by it).
pub const LABEL: RGBColor = RGBColor(0x10, 0x10, 0x10);
/// Axis and tick text.
pub const AXIS: RGBColor = RGBColor(0x40, 0x40, 0x40);

/// Series colours, dark to light (distinct in greyscale).
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0x1b, 0x2a, 0x49), // navy, very dark
    RGBColor(0xd9, 0x7b, 0x29), // orange, middle
    RGBColor(0x7f, 0xb3, 0xd5), // light blue, light
    RGBColor(0x5a, 0x5a, 0x5a), // dark grey
    RGBColor(0xb8, 0x3b, 0x5e), // raspberry, dark-middle
    RGBColor(0x3c, 0x8d, 0x5a), // green, middle
];

/// The colour of series `i`.
pub fn colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// The root area of a chart, drawn into `buf`.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Text in the chart font.
pub fn text_style(size: f64, colour: RGBColor) -> TextStyle<'static> {
    TextStyle {
        font: (FONT, size).into_font(),
        color: colour.to_backend_color(),
        pos: Pos::default(),
    }
}

/// A figure label: the cell as the Cabinet tables show it (`1,234`,
/// `-56`, `2.5`); empty for a blank or n/a cell.
pub fn label(v: &Value) -> Option<String> {
    match v {
        Value::Num(x, dp) => Some(grouped(*x, *dp)),
        _ => None,
    }
}

/// The plot coordinate of a cell (0 for a blank).
pub fn coord(v: &Value) -> f64 {
    match v {
        Value::Num(x, _) => to_f64(*x),
        _ => 0.0,
    }
}

/// A Decimal as a plot coordinate (never a label).
pub fn to_f64(x: Decimal) -> f64 {
    x.to_f64().unwrap_or(0.0)
}

/// An axis tick (a coordinate, not a figure): whole units with separators.
pub fn tick(x: &f64) -> String {
    match Decimal::try_from(*x) {
        Ok(d) => grouped(d, 0),
        Err(_) => String::new(),
    }
}

/// The title (and a subtitle line) centred at the top.
pub fn title(root: &Area<'_>, title: &str, subtitle: &str) -> Result<(), String> {
    let c = (WIDTH / 2) as i32;
    let centre = |s: TextStyle<'static>| s.pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(
        title.to_string(),
        (c, 10),
        centre(text_style(TITLE_SIZE, BLACK)),
    ))
    .map_err(err)?;
    root.draw(&Text::new(
        subtitle.to_string(),
        (c, 40),
        centre(text_style(TEXT_SIZE, AXIS)),
    ))
    .map_err(err)
}

/// How a series is marked besides its colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    Solid,
    Hatched,
    Outline,
    /// A line series: dashed when odd, with marker `i`.
    Line(usize),
    /// A dashed reference line (a median).
    Rule,
}

/// One legend entry: the series name, its colour and mark.
pub struct Entry {
    pub name: String,
    pub colour: RGBColor,
    pub mark: Mark,
}

/// The legend in one row under the subtitle.
pub fn legend(root: &Area<'_>, entries: &[Entry]) -> Result<(), String> {
    let widths: Vec<i32> = entries
        .iter()
        .map(|e| 30 + (e.name.chars().count() as f64 * TEXT_SIZE * 0.5) as i32 + 18)
        .collect();
    let total: i32 = widths.iter().sum();
    let mut x = (WIDTH as i32 - total).max(0) / 2;
    let y = 64;
    for (e, w) in entries.iter().zip(widths) {
        swatch(root, (x, y), (x + 22, y + 12), e.colour, e.mark)?;
        root.draw(&Text::new(
            e.name.clone(),
            (x + 28, y),
            text_style(TEXT_SIZE, BLACK),
        ))
        .map_err(err)?;
        x += w;
    }
    Ok(())
}

/// A filled box (pixel corners) in a series' colour and mark.
pub fn swatch(
    root: &Area<'_>,
    a: (i32, i32),
    b: (i32, i32),
    colour: RGBColor,
    mark: Mark,
) -> Result<(), String> {
    match mark {
        Mark::Solid => {
            root.draw(&Rectangle::new([a, b], colour.filled()))
                .map_err(err)?;
        }
        Mark::Hatched => {
            root.draw(&Rectangle::new([a, b], WHITE.filled()))
                .map_err(err)?;
            hatch(root, a, b, colour)?;
            root.draw(&Rectangle::new([a, b], colour.stroke_width(1)))
                .map_err(err)?;
        }
        Mark::Outline => {
            root.draw(&Rectangle::new([a, b], WHITE.filled()))
                .map_err(err)?;
            root.draw(&Rectangle::new([a, b], colour.stroke_width(2)))
                .map_err(err)?;
        }
        Mark::Rule => {
            let y = (a.1 + b.1) / 2;
            line(root, &[(a.0, y), (b.0, y)], colour, 1)?;
        }
        Mark::Line(i) => {
            let y = (a.1 + b.1) / 2;
            line(root, &[(a.0, y), (b.0, y)], colour, i)?;
            marker(root, ((a.0 + b.0) / 2, y), colour, i)?;
        }
    }
    Ok(())
}

/// A polyline in pixels: solid for even series, dashed (8 on, 5 off) for odd.
pub fn line(root: &Area<'_>, pts: &[(i32, i32)], colour: RGBColor, i: usize) -> Result<(), String> {
    let style = colour.stroke_width(3);
    if i % 2 == 0 {
        return root
            .draw(&PathElement::new(pts.to_vec(), style))
            .map_err(err);
    }
    for w in pts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        let len = (dx * dx + dy * dy).sqrt();
        let mut s = 0.0;
        while s < len {
            let e = (s + 8.0).min(len);
            let at = |t: f64| {
                (
                    a.0 + (dx * t / len).round() as i32,
                    a.1 + (dy * t / len).round() as i32,
                )
            };
            root.draw(&PathElement::new(vec![at(s), at(e)], style))
                .map_err(err)?;
            s += 13.0;
        }
    }
    Ok(())
}

/// Marker `i` at a pixel: circle, triangle, square, diamond, cross, ring.
pub fn marker(
    root: &Area<'_>,
    (x, y): (i32, i32),
    colour: RGBColor,
    i: usize,
) -> Result<(), String> {
    let fill = colour.filled();
    let r = 5;
    match i % 6 {
        0 => root.draw(&Circle::new((x, y), r, fill)),
        1 => root.draw(&Polygon::new(
            vec![(x, y - r - 1), (x - r - 1, y + r), (x + r + 1, y + r)],
            fill,
        )),
        2 => root.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], fill)),
        3 => root.draw(&Polygon::new(
            vec![
                (x, y - r - 2),
                (x + r + 1, y),
                (x, y + r + 2),
                (x - r - 1, y),
            ],
            fill,
        )),
        4 => root.draw(&Cross::new((x, y), r, colour.stroke_width(3))),
        _ => {
            root.draw(&Circle::new((x, y), r, WHITE.filled()))
                .map_err(err)?;
            root.draw(&Circle::new((x, y), r, colour.stroke_width(2)))
        }
    }
    .map_err(err)
}

/// Diagonal hatching (45°, every 6 px) inside a pixel box.
fn hatch(root: &Area<'_>, a: (i32, i32), b: (i32, i32), colour: RGBColor) -> Result<(), String> {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    let (w, h) = (x1 - x0, y1 - y0);
    let mut k = 0;
    while k < w + h {
        // The line x - x0 + (y1 - y) = k, clipped to the box.
        let start = (x0 + (k - h).max(0), y1 - (k.min(h)));
        let end = (x0 + k.min(w), y1 - (k - w).max(0));
        root.draw(&PathElement::new(vec![start, end], colour.stroke_width(2)))
            .map_err(err)?;
        k += 6;
    }
    Ok(())
}

/// A figure label at a pixel position.
pub fn figure(root: &Area<'_>, text: &str, at: (i32, i32), pos: Pos) -> Result<(), String> {
    root.draw(&Text::new(
        text.to_string(),
        at,
        text_style(TEXT_SIZE, LABEL).pos(pos),
    ))
    .map_err(err)
}

/// Split a long name into lines of at most `width` characters at spaces.
pub fn wrap(name: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A drawing error as text.
pub fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("cannot draw the chart: {e:?}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn labels_are_the_cells_as_the_tables_show_them() {
        assert_eq!(label(&Value::Num(dec!(-1234), 0)), Some("-1,234".into()));
        assert_eq!(label(&Value::Num(dec!(2.5), 1)), Some("2.5".into()));
        assert_eq!(label(&Value::NA), None);
    }

    #[test]
    fn long_names_wrap_at_spaces() {
        assert_eq!(
            wrap("pay inflation 2.5% to 4%", 14),
            ["pay inflation", "2.5% to 4%"]
        );
        assert_eq!(wrap("x", 3), ["x"]);
    }
}
