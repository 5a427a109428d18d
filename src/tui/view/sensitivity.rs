//! The sensitivity view on the Compare tab: one table of the tornado
//! (largest swing first) with each input's switching value beside it —
//! `report::sensitivity`'s tables (the CLI's cells and headers) joined row
//! by row, drawn with the grid (first column frozen, `{`/`}` scroll).

use super::super::app::App;
use super::super::strings as s;
use super::super::theme::Theme;
use super::grid::{self, Grid};
use crate::report::sensitivity::sensitivity_tables;
use crate::report::table::Table;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// The tornado's columns, then the switching table's after its first two
/// (input and now, which the tornado already has).
fn joined(t: &[Table], app: &App) -> Grid {
    let (tornado, switching) = (&t[0], &t[1]);
    let heads = |t: &Table| -> Vec<String> {
        if t.headers.is_empty() {
            t.columns.clone()
        } else {
            t.headers.clone()
        }
    };
    let mut header = heads(tornado);
    header.extend(heads(switching).into_iter().skip(2));
    let widest = switching.rows.iter().map(Vec::len).max().unwrap_or(0);
    if widest + tornado.columns.len() > header.len() + 2 {
        header.push(s::NOTE.into());
    }
    let mut numeric = vec![];
    let rows: Vec<Vec<String>> = tornado
        .rows
        .iter()
        .zip(&switching.rows)
        .map(|(a, b)| {
            let cells: Vec<_> = a.iter().chain(b.iter().skip(2)).collect();
            if numeric.is_empty() {
                numeric = cells.iter().map(|c| c.is_numeric()).collect();
            }
            cells.iter().map(|c| c.display(app.unit)).collect()
        })
        .collect();
    let n = header.len();
    Grid {
        title: format!(" {} ", tornado.title),
        rows: rows
            .into_iter()
            .map(|mut r| {
                r.truncate(n);
                r
            })
            .collect(),
        first_min: 34,
        numeric,
        header,
        selected: Some(app.derived.sensitivity.row),
        left: app.derived.sensitivity.left,
        ..Default::default()
    }
}

/// The table as drawn (None until the sensitivity is computed, or when it
/// failed), for drawing and for the scroll keys.
pub fn grid(app: &App) -> Option<Grid> {
    let r = app.derived.sensitivity.result.as_ref()?.as_ref().ok()?;
    Some(joined(&sensitivity_tables(r, app.unit), app))
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let sv = &app.derived.sensitivity;
    let result = match &sv.result {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            let p = Paragraph::new(format!("no sensitivity: {e}")).wrap(Wrap { trim: true });
            return f.render_widget(p, area);
        }
        None => return,
    };
    let tables = sensitivity_tables(result, app.unit);
    let g = joined(&tables, app);
    let notes: Vec<String> = tables.iter().flat_map(|t| t.notes.clone()).collect();
    let [top, bottom] = Layout::vertical([Constraint::Min(5), Constraint::Length(3)]).areas(area);
    grid::draw(f, th, top, &g);
    let mut lines = vec![Line::from(Span::styled(s::SENSITIVITY_KEYS, th.key()))];
    lines.extend(
        notes
            .into_iter()
            .map(|n| Line::from(Span::styled(n, th.dim()))),
    );
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), bottom);
}
