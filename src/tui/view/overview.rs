//! Overview: every scenario side by side — the rows of `overview_rows`
//! (the selected year's figures, the MTFS gap rows, NPV, BCR and cost per
//! outcome) — and a line chart of the running total of in-year gaps by
//! scenario.

use super::super::app::App;
use super::super::fmt::{fit, series, units_label, widest};
use super::super::strings as s;
use super::super::theme::Theme;
use super::overview_rows::measures;
use super::{axes, block, num};
use crate::engine::Projection;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Chart, Dataset, GraphType, Row, Table};
use ratatui::Frame;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let ps: Vec<&Projection> = app
        .session
        .ids
        .iter()
        .filter_map(|id| app.session.projection(id))
        .collect();
    let Some(cur) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return;
    };
    let years = ps.iter().map(|p| p.years).max().unwrap_or(1);
    let inner_w = area.width.saturating_sub(2) as usize;
    let ms = measures(app, years, cur, area.height < 30, inner_w / 3);
    let values: Vec<Vec<String>> = ms
        .iter()
        .map(|(_, f)| ps.iter().map(|p| f(p).unwrap_or_default()).collect())
        .collect();
    let inner = area.width.saturating_sub(2) as usize;
    let n = ps.len().max(1);
    let label_w = widest(ms.iter().map(|m| m.0.as_str())).min(inner / 3);
    let val_w = widest(values.iter().flatten().map(String::as_str));
    let room = (inner.saturating_sub(label_w) / n).saturating_sub(1);
    let id_w = widest(ps.iter().map(|p| p.scenario_id.as_str()));
    // Columns as wide as their content; ids too long wrap onto two lines.
    let col_w = id_w.min(room).max(val_w);
    let head: Vec<Vec<String>> = ps.iter().map(|p| wrap_id(&p.scenario_id, col_w)).collect();
    let head_h = head.iter().map(Vec::len).max().unwrap_or(1);
    let table_h = (ms.len() + head_h + 2) as u16;
    let table_h = table_h.min(area.height.saturating_sub(7));
    let [top, bottom] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(6)]).areas(area);
    let mut widths = vec![Constraint::Length(label_w as u16)];
    widths.extend(ps.iter().map(|_| Constraint::Length(col_w as u16)));
    let header = Row::new(
        std::iter::once(Cell::from("")).chain(head.iter().enumerate().map(|(i, lines)| {
            let style = if i == app.current {
                th.current()
            } else {
                th.header()
            };
            let text: Vec<Line> = lines
                .iter()
                .map(|l| Line::from(Span::styled(l.clone(), style)).alignment(Alignment::Right))
                .collect();
            Cell::from(text)
        })),
    )
    .height(head_h as u16);
    let rows: Vec<Row> = ms
        .iter()
        .zip(values)
        .map(|((label, _), vals)| {
            let mut cells = vec![Cell::from(fit(label, label_w))];
            cells.extend(vals.into_iter().map(num));
            let style = if label.starts_with("in-year gap") || label.starts_with("new gap") {
                th.header()
            } else {
                Style::default()
            };
            Row::new(cells).style(style)
        })
        .collect();
    let title = format!(" All scenarios ({}) ", units_label(app));
    f.render_widget(
        Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .block(block(title, th)),
        top,
    );
    chart(f, app, th, bottom, &ps);
}

/// A scenario id in lines of at most `w` characters (two at most, broken
/// after a hyphen where one is near the middle), so columns stay distinct.
fn wrap_id(id: &str, w: usize) -> Vec<String> {
    if id.chars().count() <= w || w == 0 {
        return vec![id.to_string()];
    }
    let chars: Vec<char> = id.chars().collect();
    let cut = chars[..w.min(chars.len())]
        .iter()
        .rposition(|c| *c == '-')
        .map(|i| i + 1)
        .filter(|&i| chars.len() - i <= w)
        .unwrap_or(w);
    let first: String = chars[..cut].iter().collect();
    let rest: String = chars[cut..].iter().collect();
    vec![first, fit(&rest, w)]
}

fn chart(f: &mut Frame, app: &App, th: &Theme, area: Rect, ps: &[&Projection]) {
    let div = app.unit.divisor();
    // Exact running totals of in-year gaps in pounds; f64 only for plot points.
    let cums: Vec<Vec<Decimal>> = ps
        .iter()
        .map(|p| {
            let mut cum = Decimal::ZERO;
            series(app, p, &p.totals.in_year_gap)
                .iter()
                .map(|g| {
                    cum = cum.checked_add(*g).unwrap_or(cum);
                    cum
                })
                .collect()
        })
        .collect();
    let (mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO);
    for v in cums.iter().flatten() {
        lo = lo.min(*v);
        hi = hi.max(*v);
    }
    if hi - lo < div {
        hi = lo + div;
    }
    let plot = |x: Decimal| (x / div).to_f64().unwrap_or(0.0);
    let points: Vec<Vec<(f64, f64)>> = cums
        .iter()
        .map(|c| {
            c.iter()
                .enumerate()
                .map(|(t, v)| (t as f64, plot(*v)))
                .collect()
        })
        .collect();
    // Without colour each series has its own marker, shown in the legend.
    let markers = [
        (Marker::Braille, '⣿'),
        (Marker::Dot, '•'),
        (Marker::Block, '█'),
        (Marker::Bar, '▄'),
        (Marker::HalfBlock, '▀'),
    ];
    let sets: Vec<Dataset> = ps
        .iter()
        .zip(&points)
        .enumerate()
        .map(|(i, (p, pts))| {
            let (marker, name) = if app.color {
                (Marker::Braille, p.scenario_id.clone())
            } else {
                let (m, c) = markers[i % markers.len()];
                (m, format!("{c} {}", p.scenario_id))
            };
            Dataset::default()
                .name(name)
                .marker(marker)
                .graph_type(GraphType::Line)
                .style(th.series(i))
                .data(pts)
        })
        .collect();
    let n = ps.iter().map(|p| p.years).max().unwrap_or(1);
    let base = app.current_id().and_then(|id| app.session.projection(id));
    let xl: Vec<Span> = base
        .map(|b| {
            vec![
                Span::raw(b.year_label(0)),
                Span::raw(b.year_label(n.saturating_sub(1))),
            ]
        })
        .unwrap_or_default();
    let chart = Chart::new(sets)
        .block(block(
            format!("{}({}) ", s::OVERVIEW_CHART, units_label(app)),
            th,
        ))
        .x_axis(axes::axis(th, [0.0, (n.max(2) - 1) as f64], xl))
        .y_axis(axes::axis(
            th,
            [plot(lo), plot(hi)],
            axes::money_labels(app, lo, hi),
        ));
    f.render_widget(axes::legend(chart), area);
}
