//! Services: every service running in the year, with provider, unit cost,
//! volume, cost, outcomes, cost per outcome, unit, outcome measure, pool
//! and category, on the shared grid: sorted by any column (`s`/`S`),
//! filtered by text (`/`, `n`/`N` step through), scrolled sideways
//! (`{`/`}`), a total row (cost; volume and outcomes only where the rows
//! count the same thing, from `data::services::total`); Enter opens the service's
//! years (each year schedules.csv fixes marked as scheduled) and the levers
//! that touch it.

use super::super::app::App;
use super::super::data::services::{numeric, rows, total, Row as SRow, Total, COLUMNS};
use super::super::fmt::{at, fit, money, qty, units_label};
use super::super::layout;
use super::super::strings as s;
use super::super::theme::Theme;
use super::grid::{self, Grid};
use super::{block, num};
use crate::engine::vfm::cost_per_outcome;
use crate::engine::Projection;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};
use ratatui::Frame;

/// One row's cells as shown in year `t` (money in the app's units, cash or
/// real).
fn cells(app: &App, p: &Projection, r: &SRow<'_>, t: usize) -> Vec<String> {
    let l = r.line;
    let cost = at(app, p, &l.cost, t);
    vec![
        l.name.clone(),
        r.provider.to_string(),
        qty(at(app, p, &l.unit_cost, t), 2),
        qty(l.volume[t], 0),
        money(app, cost),
        qty(l.outcomes[t], 1),
        cost_per_outcome(cost, l.outcomes[t]).map_or(s::NA.into(), |c| qty(c, 0)),
        l.unit.clone(),
        l.outcome.clone(),
        l.pool.clone(),
        l.category.clone(),
    ]
}

/// The total row: cost; volume and outcomes (and so cost per outcome)
/// only where every row counts the same thing; never unit costs.
fn total_cells(app: &App, p: &Projection, tot: &Total, t: usize) -> Vec<String> {
    let mut c = vec![String::new(); COLUMNS.len()];
    c[0] = s::TOTAL.into();
    let cost = at(app, p, &vec![tot.cost; t + 1], t);
    c[4] = money(app, cost);
    match &tot.volume {
        Some((unit, v)) => {
            c[3] = qty(*v, 0);
            c[7] = unit.clone();
        }
        None => c[7] = s::MIXED.into(),
    }
    match &tot.outcomes {
        Some((measure, o)) => {
            c[5] = qty(*o, 1);
            c[6] = cost_per_outcome(cost, *o).map_or(s::NA.into(), |x| qty(x, 0));
            c[8] = measure.clone();
        }
        None => c[8] = s::MIXED.into(),
    }
    c
}

/// The table as drawn (for drawing and for mouse hit-testing).
pub fn grid(app: &App) -> Option<Grid> {
    let p = app.current_id().and_then(|id| app.session.projection(id))?;
    let v = &app.services;
    let t = app.year;
    let list = rows(p, t, &v.filter, v.sort, v.desc);
    let all = v.filter.trim().is_empty();
    let tot = total(p, t, &list, all).filter(|_| !list.is_empty());
    let filter = if v.filter.is_empty() {
        String::new()
    } else {
        format!(" · filter \"{}\"", v.filter)
    };
    Some(Grid {
        title: format!(
            " Services {} · {} running{filter} · cost {} ",
            p.year_label(t),
            list.len(),
            units_label(app)
        ),
        header: COLUMNS.iter().map(|c| c.to_string()).collect(),
        total: tot.map(|x| total_cells(app, p, &x, t)),
        rows: list.iter().map(|r| cells(app, p, r, t)).collect(),
        numeric: (0..COLUMNS.len()).map(numeric).collect(),
        selected: Some(v.selected),
        sorted: Some((v.sort, v.desc)),
        left: v.left,
        // Narrow screens keep the texts short so the figures fit.
        max_w: if app.size.0 < 120 { 14 } else { 24 },
        first_min: 18,
        ..Default::default()
    })
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    if app.services.by_outcome {
        return super::by_outcome::draw(f, app, th, area);
    }
    let Some(p) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return;
    };
    let Some(g) = grid(app) else { return };
    let v = &app.services;
    let (table_area, detail) = layout::services(area, v.detail);
    grid::draw(f, th, table_area, &g);
    let list = rows(p, app.year, &v.filter, v.sort, v.desc);
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
