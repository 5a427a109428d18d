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

pub use super::marks::{line, marker, swatch};
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

/// The legend under the subtitle, centred, in as many rows as it needs.
pub fn legend(root: &Area<'_>, entries: &[Entry]) -> Result<(), String> {
    for (r, line) in legend_rows(entries).iter().enumerate() {
        let total: i32 = line.iter().map(|(_, w)| w).sum();
        let mut x = (WIDTH as i32 - total).max(0) / 2;
        let y = 64 + LEGEND_ROW * r as i32;
        for (e, w) in line {
            swatch(root, (x, y), (x + 22, y + 12), e.colour, e.mark)?;
            root.draw(&Text::new(
                e.name.clone(),
                (x + 28, y),
                text_style(TEXT_SIZE, BLACK),
            ))
            .map_err(err)?;
            x += w;
        }
    }
    Ok(())
}

/// Pixels between legend rows.
const LEGEND_ROW: i32 = 20;

/// The entries of each legend row, with their widths.
fn legend_rows(entries: &[Entry]) -> Vec<Vec<(&Entry, i32)>> {
    let mut rows: Vec<Vec<(&Entry, i32)>> = vec![vec![]];
    let mut used = 0;
    for e in entries {
        let w = 30 + (e.name.chars().count() as f64 * TEXT_SIZE * 0.5) as i32 + 18;
        if used + w > WIDTH as i32 - 40 && used > 0 {
            rows.push(vec![]);
            used = 0;
        }
        used += w;
        if let Some(r) = rows.last_mut() {
            r.push((e, w));
        }
    }
    rows
}

/// Where the plot starts: under the title, subtitle and legend rows.
pub fn plot_top(entries: &[Entry]) -> u32 {
    92 + LEGEND_ROW as u32 * (legend_rows(entries).len() as u32 - 1)
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
