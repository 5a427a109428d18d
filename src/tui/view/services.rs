//! Services: every service running in the year, with pool, provider,
//! category, unit cost, volume, cost, outcomes and cost per outcome;
//! sortable by any column and filtered by text; Enter opens the service's
//! years (each year schedules.csv fixes marked as scheduled) and the levers
//! that touch it.

use super::super::app::App;
use super::super::data::services::{rows, Row as SRow, COLUMNS};
use super::super::fmt::{at, fit, money, qty, units_label};
use super::super::layout::{self, services_columns as columns};
use super::super::strings as s;
use super::super::theme::Theme;
use super::{block, num};
use crate::engine::vfm::cost_per_outcome;
use crate::engine::Projection;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};
use ratatui::Frame;

fn cell(app: &App, p: &Projection, r: &SRow<'_>, col: usize, w: u16) -> Cell<'static> {
    let t = app.year;
    let w = w as usize;
    match col {
        0 => Cell::from(fit(&r.line.name, w)),
        1 => Cell::from(fit(&r.line.pool, w)),
        2 => Cell::from(fit(r.provider, w)),
        3 => Cell::from(fit(&r.line.category, w)),
        4 => num(qty(at(app, p, &r.line.unit_cost, t), 2)),
        5 => num(qty(r.volume, 0)),
        6 => num(money(app, at(app, p, &r.line.cost, t))),
        7 => num(qty(r.outcomes, 1)),
        _ => num(
            match cost_per_outcome(at(app, p, &r.line.cost, t), r.outcomes) {
                Some(c) => qty(c, 0),
                None => s::NA.into(),
            },
        ),
    }
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    if app.services.by_outcome {
        return super::by_outcome::draw(f, app, th, area);
    }
    let Some(p) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return;
    };
    let v = &app.services;
    let list = rows(p, app.year, &v.filter, v.sort, v.desc);
    let (table_area, detail) = layout::services(area, v.detail);
    let cols = columns(table_area.width, app);
    let arrow = if v.desc { "▼" } else { "▲" };
    let header = Row::new(cols.iter().map(|(c, w)| {
        let name = if *c == v.sort {
            format!("{}{arrow}", COLUMNS[*c])
        } else {
            COLUMNS[*c].to_string()
        };
        let st = if *c == v.sort {
            th.current()
        } else {
            th.header()
        };
        let text = fit(&name, *w as usize);
        if *c >= 4 {
            Cell::from(
                Line::from(Span::styled(text, st)).alignment(ratatui::layout::Alignment::Right),
            )
        } else {
            Cell::from(Span::styled(text, st))
        }
    }));
    let visible = layout::table_rows(table_area);
    let off = layout::offset(v.selected, visible);
    let body: Vec<Row> = list
        .iter()
        .enumerate()
        .skip(off)
        .take(visible)
        .map(|(i, r)| {
            let st = if i == v.selected {
                th.selected()
            } else {
                Style::default()
            };
            Row::new(cols.iter().map(|(c, w)| cell(app, p, r, *c, *w))).style(st)
        })
        .collect();
    let widths: Vec<Constraint> = cols.iter().map(|c| Constraint::Length(c.1)).collect();
    let filter = if v.filter.is_empty() {
        String::new()
    } else {
        format!(" · filter \"{}\"", v.filter)
    };
    let title = format!(
        " Services {} · {} running{filter} · {} {}{arrow} · unit cost £, cost {} ",
        p.year_label(app.year),
        list.len(),
        s::SORT_BY,
        COLUMNS[v.sort],
        units_label(app)
    );
    f.render_widget(
        Table::new(body, widths)
            .header(header)
            .column_spacing(1)
            .block(block(title, th)),
        table_area,
    );
    if let (Some(d), Some(r)) = (detail, list.get(v.selected)) {
        draw_detail(f, app, th, d, p, r.index);
    }
}

fn draw_detail(f: &mut Frame, app: &App, th: &Theme, area: Rect, p: &Projection, i: usize) {
    let sv = &p.services[i];
    let n = p.years;
    let mut widths = vec![Constraint::Length(16)];
    widths.extend((0..n).map(|_| Constraint::Length(14)));
    let mut head = vec![Cell::from(Span::styled(fit(&sv.id, 16), th.header()))];
    head.extend((0..n).map(|t| {
        Cell::from(
            Line::from(Span::styled(p.year_label(t), th.header()))
                .alignment(ratatui::layout::Alignment::Right),
        )
    }));
    let line = |label: &str, f: &dyn Fn(usize) -> String| {
        let mut c = vec![Cell::from(label.to_string())];
        c.extend((0..n).map(|t| num(if sv.runs[t] { f(t) } else { "—".into() })));
        Row::new(c)
    };
    let sched = scheduled(app, p, &sv.id);
    let rows = vec![
        line("provider", &|t| sv.provider[t].to_string()),
        line("schedules.csv", &|t| sched[t].to_string()),
        line("unit cost £", &|t| qty(at(app, p, &sv.unit_cost, t), 2)),
        line("volume", &|t| qty(sv.volume[t], 1)),
        line(&format!("cost {}", app.unit.label()), &|t| {
            money(app, at(app, p, &sv.cost, t))
        }),
        line("outcomes", &|t| qty(sv.outcomes[t], 1)),
        line(&format!("benefit {}", app.unit.label()), &|t| {
            money(app, at(app, p, &sv.benefit, t))
        }),
    ];
    let title = format!(
        " {} — {} per {} · {} ",
        sv.name,
        sv.outcome,
        sv.unit,
        s::DETAIL.trim()
    );
    let b = block(title, th);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let table_h = (rows.len() as u16 + 1).min(inner.height);
    let t_area = Rect {
        height: table_h,
        ..inner
    };
    f.render_widget(
        Table::new(rows, widths)
            .header(Row::new(head))
            .column_spacing(1),
        t_area,
    );
    let mut lines = vec![Line::from(Span::styled(s::LEVERS_TOUCHING, th.header()))];
    let touching: Vec<String> = app
        .current_id()
        .map(|id| super::super::data::levers::rows(&app.session, id))
        .unwrap_or_default()
        .into_iter()
        .filter(|r| matches!(r.kind, super::super::data::levers::RowKind::Lever { .. }))
        .filter(|r| {
            r.label
                .split_whitespace()
                .any(|w| w == sv.id || w.trim_end_matches(',') == sv.id)
                || r.label.contains(&format!("{} (", sv.id))
        })
        .map(|r| format!("  {}  {}  ({})", r.label, r.value, r.source))
        .collect();
    if touching.is_empty() {
        lines.push(Line::from(format!("  {}", s::NO_LEVERS)));
    }
    lines.extend(touching.into_iter().map(Line::from));
    let rest = Rect {
        y: inner.y + table_h + 1,
        height: inner.height.saturating_sub(table_h + 1),
        ..inner
    };
    f.render_widget(Paragraph::new(lines), rest);
}

/// Per year, what schedules.csv fixes for the service (SPEC §10.2):
/// "scheduled" (unit cost and volume), "sched. price", "sched. volume",
/// or "" where the year follows the §6.2 formulas.
fn scheduled(app: &App, p: &Projection, id: &str) -> Vec<&'static str> {
    let rows = app
        .current_id()
        .and_then(|s| app.session.budget_of(s))
        .map(|b| b.schedules.as_slice())
        .unwrap_or_default();
    (0..p.years)
        .map(|t| {
            let year = p.base_year.0 + t as i32;
            match rows.iter().find(|r| r.service == id && r.year.0 == year) {
                Some(r) => match (r.unit_cost.is_some(), r.volume.is_some()) {
                    (true, true) => s::SCHEDULED,
                    (true, false) => s::SCHEDULED_PRICE,
                    _ => s::SCHEDULED_VOLUME,
                },
                None => "",
            }
        })
        .collect()
}
