//! The marks that tell series apart without colour: filled, hatched and
//! outlined boxes, solid and dashed lines, six marker shapes.

use super::style::{err, Area, Mark};
use plotters::prelude::*;

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
    if i.is_multiple_of(2) {
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
