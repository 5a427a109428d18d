//! One table widget for the table tabs: columns sized to their content, the
//! first column frozen and the rest scrolled sideways (`left`), the sort
//! column marked ▲/▼ in the header, the selected row kept in view and
//! marked ▶ (for NO_COLOR too), and a total row where totals mean
//! something. It draws text it is given; it computes no figure.

use super::super::fmt::fit;
use super::super::layout;
use super::super::theme::Theme;
use super::{block, num};
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};
use ratatui::Frame;

/// A table's text.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The total row (marked Σ, in the header style).
    pub total: Option<Vec<String>>,
    /// Right-align column n (numbers).
    pub numeric: Vec<bool>,
    pub selected: Option<usize>,
    /// The sort column and whether largest first.
    pub sorted: Option<(usize, bool)>,
    /// The first scrolled column shown after the frozen first column.
    pub left: usize,
    /// A highlighted column (e.g. the selected pool in a matrix).
    pub marked: Option<usize>,
    /// The widest any other column may be (0 = as wide as its content);
    /// longer texts are cut with an ellipsis.
    pub max_w: u16,
    /// The first column is cut to fit the others, but not below this
    /// (0 = 16); the others then scroll.
    pub first_min: u16,
}

/// Each column's width: its widest text (header with sort mark, rows, total).
fn widths(g: &Grid) -> Vec<u16> {
    (0..g.header.len())
        .map(|c| {
            let head =
                g.header[c].chars().count() + usize::from(g.sorted.is_some_and(|s| s.0 == c));
            let body = g
                .rows
                .iter()
                .chain(g.total.iter())
                .filter_map(|r| r.get(c))
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0);
            let w = (head.max(body) + if c == 0 { 2 } else { 0 }) as u16;
            if c > 0 && g.max_w > 0 {
                w.min(g.max_w)
            } else {
                w
            }
        })
        .collect()
}

/// The furthest the columns scroll: until the last one is in view (the
/// first column at its floor), so no scrolled screen is left half empty.
fn most_left(w: &[u16], g: &Grid, inner: u16) -> usize {
    let floor = if g.first_min == 0 { 16 } else { g.first_min };
    let first = w.first().map_or(0, |f| (*f).min(floor));
    let mut used = first;
    let mut left = w.len().saturating_sub(1);
    // Take columns from the right while they fit.
    while left > 1 && used + 1 + w[left] <= inner {
        used += 1 + w[left];
        left -= 1;
    }
    // `left` is now the last column that did not fit (or 1): scrolled
    // columns start after it.
    let left = if left == 1 && used + 1 + w[1] <= inner {
        0
    } else {
        left
    };
    left.min(w.len().saturating_sub(2))
}

/// The scroll position shown: `g.left`, but no further than needed to
/// bring the last column into view.
pub fn left_shown(g: &Grid, width: u16) -> usize {
    g.left
        .min(most_left(&widths(g), g, width.saturating_sub(2)))
}

/// The columns shown in `width`: the first, then from `left + 1` on while
/// they fit (the first column is cut to leave room for them, and takes
/// back what is left over, up to its own width).
pub fn shown(g: &Grid, width: u16) -> (Vec<usize>, Vec<u16>) {
    let w = widths(g);
    if w.is_empty() {
        return (vec![], vec![]);
    }
    let inner = width.saturating_sub(2);
    let left = g.left.min(most_left(&w, g, inner));
    let rest: Vec<usize> = (1 + left..w.len()).collect();
    // The first column gives way (down to 16) so that every column fits.
    let others: u16 = rest.iter().map(|c| w[*c] + 1).sum();
    let floor = if g.first_min == 0 { 16 } else { g.first_min };
    let first = w[0].min(inner.saturating_sub(others).max(floor));
    let (mut cols, mut ws, mut used) = (vec![0], vec![first], first);
    for c in rest {
        if used + 1 + w[c] > inner {
            break;
        }
        used += 1 + w[c];
        cols.push(c);
        ws.push(w[c]);
    }
    // Room left over (the next column did not fit) goes back to the first.
    ws[0] = (ws[0] + inner.saturating_sub(used)).min(w[0]);
    (cols, ws)
}

fn cell(g: &Grid, c: usize, text: &str, w: u16, style: Style) -> Cell<'static> {
    let t = fit(text, w as usize);
    if g.numeric.get(c).copied().unwrap_or(false) {
        num(t).style(style)
    } else {
        Cell::from(Span::styled(t, style))
    }
}

/// Draw the grid in `area` (bordered); a hint line says when columns are
/// scrolled off either side.
pub fn draw(f: &mut Frame, th: &Theme, area: Rect, g: &Grid) {
    let (cols, ws) = shown(g, area.width);
    let hidden_right = cols.last().is_some_and(|c| c + 1 < g.header.len());
    let scrolled = left_shown(g, area.width) > 0 && g.header.len() > 2;
    let arrows = match (scrolled, hidden_right) {
        (true, true) => " ◀▶",
        (true, false) => " ◀",
        (false, true) => " ▶",
        _ => "",
    };
    let head = Row::new(cols.iter().zip(&ws).map(|(&c, &w)| {
        let mark = match g.sorted {
            Some((s, desc)) if s == c => {
                if desc {
                    "▼"
                } else {
                    "▲"
                }
            }
            _ => "",
        };
        let st = if g.marked == Some(c) {
            th.current()
        } else {
            th.header()
        };
        cell(g, c, &format!("{}{mark}", g.header[c]), w, st)
    }));
    let visible = (area.height as usize).saturating_sub(3 + usize::from(g.total.is_some()));
    let off = layout::offset(g.selected.unwrap_or(0), visible);
    let mut rows: Vec<Row> = g
        .rows
        .iter()
        .enumerate()
        .skip(off)
        .take(visible)
        .map(|(i, r)| {
            let sel = g.selected == Some(i);
            let st = if sel { th.selected() } else { Style::default() };
            Row::new(cols.iter().zip(&ws).map(|(&c, &w)| {
                let t = r.get(c).cloned().unwrap_or_default();
                let t = if c == 0 {
                    format!("{}{t}", if sel { "▶ " } else { "  " })
                } else {
                    t
                };
                cell(g, c, &t, w, Style::default())
            }))
            .style(st)
        })
        .collect();
    if let Some(t) = &g.total {
        rows.push(Row::new(cols.iter().zip(&ws).map(|(&c, &w)| {
            let text = t.get(c).cloned().unwrap_or_default();
            let text = if c == 0 { format!("Σ {text}") } else { text };
            cell(g, c, &text, w, th.header())
        })));
    }
    let widths: Vec<Constraint> = ws.iter().map(|w| Constraint::Length(*w)).collect();
    let b = block(format!("{arrows} {}", g.title.trim_start()), th);
    f.render_widget(
        Table::new(rows, widths)
            .header(head)
            .column_spacing(1)
            .block(b),
        area,
    );
    if g.rows.is_empty() {
        let inner = Rect {
            x: area.x + 1,
            y: area.y + 2,
            width: area.width.saturating_sub(2),
            height: 1,
        };
        f.render_widget(
            Paragraph::new(Line::from(Span::styled("(none)", th.dim()))),
            inner,
        );
    }
}

/// Rows a grid of `rows` body lines (and a total) needs, with its border.
pub fn height(rows: usize, total: bool) -> u16 {
    (rows + 3 + usize::from(total)) as u16
}
