//! All pools at a glance (the Pools tab's first screen): the pools ranked
//! by overspend (or any column), and beside it (below when narrow) who
//! bears what, partner × pool, totals both ways. Figures from
//! `Derived::glance_*` (`analysis::glance`); Enter opens the pool.

use super::super::app::App;
use super::super::data::glance::{value, COLUMNS};
use super::super::fmt::{money, units_label};
use super::super::strings as s;
use super::super::theme::Theme;
use super::grid::{self, Grid};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

fn span_label(app: &App) -> String {
    let Some(p) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return String::new();
    };
    if app.pools.horizon {
        format!(
            "{}–{}",
            p.year_label(0),
            p.year_label(p.years.saturating_sub(1))
        )
    } else {
        p.year_label(app.year)
    }
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let g = match app.derived.glance(app.pools.horizon) {
        Some(Ok(g)) => g,
        Some(Err(e)) => {
            let p = Paragraph::new(e.clone()).wrap(Wrap { trim: true });
            return f.render_widget(p, area);
        }
        None => return,
    };
    let (o, _) = g.ranked(&app.pools);
    let units = units_label(app).replace(", real (base-year prices)", ", cash");
    let span = span_label(app);
    let ranking = Grid {
        title: format!(" {} {span} ({units}) ", s::GLANCE_TITLE),
        // Over the horizon the balance is the last year's (see analysis::glance).
        header: COLUMNS
            .iter()
            .map(|c| match *c {
                "balance" if app.pools.horizon => s::END_BALANCE.to_string(),
                c => c.to_string(),
            })
            .collect(),
        rows: o
            .iter()
            .map(|&i| row(app, &g.pools[i].name, &g.pools[i]))
            .collect(),
        total: Some(row(app, "total", &g.total)),
        numeric: (0..COLUMNS.len()).map(|c| c > 0).collect(),
        selected: Some(app.pools.row.min(o.len().saturating_sub(1))),
        sorted: Some((app.pools.sort, app.pools.desc)),
        ..Default::default()
    };
    let Some(matrix) = matrix(app) else { return };
    let top = grid::height(ranking.rows.len(), true);
    let wide = wide(area.width);
    let [a, b] = if wide {
        halves(area)
    } else {
        Layout::vertical([Constraint::Length(top), Constraint::Min(3)]).areas(area)
    };
    let a = if wide {
        Rect {
            height: a.height.min(top),
            ..a
        }
    } else {
        a
    };
    let b = Rect {
        height: b.height.min(grid::height(matrix.rows.len(), true)),
        ..b
    };
    grid::draw(f, th, a, &ranking);
    grid::draw(f, th, b, &matrix);
    let hint = Rect {
        y: b.y + b.height,
        height: 1,
        ..b
    };
    if hint.y < area.y + area.height {
        f.render_widget(Paragraph::new(Span::styled(s::GLANCE_HELP, th.dim())), hint);
    }
}

/// The matrix is beside the ranking from this width, below it otherwise.
pub fn wide(width: u16) -> bool {
    width >= 160
}

fn halves(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
}

/// The width the matrix is drawn in, on a body `width` wide.
pub fn matrix_width(width: u16) -> u16 {
    if wide(width) {
        halves(Rect::new(0, 0, width, 1))[1].width
    } else {
        width
    }
}

/// Who bears what, partner × pool, as drawn (for drawing and the scroll keys).
pub fn matrix(app: &App) -> Option<Grid> {
    let g = app.derived.glance(app.pools.horizon)?.as_ref().ok()?;
    let (_, sel) = g.ranked(&app.pools);
    let span = span_label(app);
    let m = g.matrix(app.pools.bears);
    let mut header = vec!["partner".to_string()];
    header.extend(m.pools.iter().cloned());
    header.push("total".into());
    Some(Grid {
        title: format!(" {} {} {span} ", s::BEARS_TITLE, app.pools.bears.name()),
        rows: m
            .partners
            .iter()
            .zip(&m.cells)
            .zip(&m.partner_totals)
            .map(|((p, cells), t)| line(app, p, cells, *t))
            .collect(),
        total: Some(line(app, "total", &m.pool_totals, m.total)),
        numeric: (0..header.len()).map(|c| c > 0).collect(),
        marked: Some(sel + 1),
        left: app.pools.left,
        header,
        ..Default::default()
    })
}

fn row(app: &App, name: &str, f: &crate::analysis::glance::PoolFigures) -> Vec<String> {
    let mut r = vec![name.to_string()];
    r.extend((1..COLUMNS.len()).map(|c| money(app, value(f, c))));
    r
}

fn line(
    app: &App,
    name: &str,
    cells: &[rust_decimal::Decimal],
    total: rust_decimal::Decimal,
) -> Vec<String> {
    let mut r = vec![name.to_string()];
    r.extend(cells.iter().map(|x| money(app, *x)));
    r.push(money(app, total));
    r
}
