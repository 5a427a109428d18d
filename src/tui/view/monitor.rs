//! Monitor: each pool's budget, actual to date, forecast outturn,
//! over/underspend and RAG for the period monitored, then each partner's
//! forecast risk share against the plan; Enter opens a pool's services.
//! Below (beside, when wide) the small chart of actual to date against the
//! profile for the selected pool or service (`monitor_chart`).
//! Every figure is read from the cached `MonitorReport` (see `tui::monitor`).

use super::super::app::App;
use super::super::fmt::{fit, money};
use super::super::strings as s;
use super::super::theme::Theme;
use super::monitor_cols as cols;
use super::{block, num};
use crate::analysis::monitor::{MonitorReport, Rag, ShareRow};
use crate::report::table::Cell as Fig;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};
use ratatui::Frame;
use rust_decimal::Decimal;

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let m = &app.derived.monitor;
    let r = match &m.report {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            let p = Paragraph::new(e.as_str()).wrap(Wrap { trim: true });
            f.render_widget(p.block(block(" Monitor ".into(), th)), area);
            return;
        }
        None => return,
    };
    let head = format!(
        "{} · {} P{} ({}) · method {} · amber {} red {} · {}",
        r.scenario_id,
        r.year,
        r.period.number(),
        r.period.short_name(),
        r.method.name(),
        Fig::Pct(r.thresholds.amber).display(app.unit),
        Fig::Pct(r.thresholds.red).display(app.unit),
        s::MONITOR_KEYS
    );
    f.render_widget(
        Paragraph::new(Span::styled(fit(&head, area.width as usize), th.dim())),
        Rect { height: 1, ..area },
    );
    let rest = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let (shares, title): (Vec<&ShareRow>, String) = match r.pools.get(m.pool) {
        Some(p) if m.drill => (
            p.shares.iter().collect(),
            format!(" {}: forecast risk share against the plan ", p.name),
        ),
        _ => (r.partners.iter().collect(), s::PARTNER_SHARES.into()),
    };
    let share_h = (shares.len() as u16 + 3).min(rest.height / 2);
    let [top, bottom] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(share_h)]).areas(rest);
    let need = match r.pools.get(m.pool) {
        Some(p) if m.drill => p.services.len() + 3,
        _ => r.pools.len() + 4,
    };
    let (top, chart) = super::monitor_chart::split(top, need as u16);
    if m.drill {
        services(f, app, th, top, r, m.pool, m.service);
    } else {
        pools(f, app, th, top, r, m.pool);
    }
    match (&m.curve, chart) {
        (Some(Ok(c)), Some(a)) => {
            let (name, id) = match r.pools.get(m.pool) {
                Some(p) if m.drill => p
                    .services
                    .get(m.service)
                    .map_or(("", ""), |s| (s.name.as_str(), s.id.as_str())),
                Some(p) => (p.name.as_str(), p.id.as_str()),
                None => ("", ""),
            };
            super::monitor_chart::draw(f, app, th, a, c, [name, id])
        }
        (Some(Err(e)), Some(a)) => f.render_widget(Paragraph::new(e.as_str()), a),
        _ => {}
    }
    share_table(f, app, th, bottom, &shares, title);
}

/// The money columns of a pool or service row, then variance %.
fn figures(
    app: &App,
    budget: Decimal,
    actual: Decimal,
    forecast: Decimal,
    variance: Decimal,
    pct: Option<Decimal>,
) -> Vec<Cell<'static>> {
    let pct = pct.map_or(s::NA.to_string(), |p| Fig::Pct(p).display(app.unit));
    vec![
        num(money(app, budget)),
        num(money(app, actual)),
        num(money(app, forecast)),
        num(money(app, variance)),
        num(pct),
    ]
}

fn rag(rag: Rag, th: &Theme) -> Cell<'static> {
    let st = match rag {
        Rag::Red => th.bad(),
        Rag::Amber => th.header(),
        Rag::Green => th.good(),
    };
    Cell::from(Span::styled(rag.name().to_uppercase(), st))
}

fn header(first: &str, th: &Theme, last: &[&'static str]) -> Row<'static> {
    let mut c = vec![Cell::from(first.to_string())];
    for n in ["budget", "to date", "forecast", cols::OVER, "var %"] {
        c.push(Cell::from(
            Line::from(n).alignment(ratatui::layout::Alignment::Right),
        ));
    }
    c.extend(last.iter().map(|l| Cell::from(*l)));
    Row::new(c).style(th.header())
}

fn pools(f: &mut Frame, app: &App, th: &Theme, area: Rect, r: &MonitorReport, sel: usize) {
    let t = &r.total;
    let figs = r
        .pools
        .iter()
        .flat_map(|p| [p.budget, p.actual, p.forecast, p.variance]);
    let mw = cols::money_w(
        app,
        figs.chain([t.budget, t.actual, t.forecast, t.variance]),
    );
    let (name_w, w) = cols::widths(area.width.saturating_sub(2), mw, &[5]);
    let items: Vec<(&str, &str)> = r
        .pools
        .iter()
        .map(|p| (p.name.as_str(), p.id.as_str()))
        .collect();
    let names = cols::labels(&items, name_w as usize);
    let mut rows: Vec<Row> = r
        .pools
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, (p, name))| {
            let mut c = vec![Cell::from(name)];
            c.extend(figures(
                app,
                p.budget,
                p.actual,
                p.forecast,
                p.variance,
                p.variance_pct,
            ));
            c.push(rag(p.rag, th));
            let st = if i == sel {
                th.selected()
            } else {
                Style::default()
            };
            Row::new(c).style(st)
        })
        .collect();
    let mut c = vec![Cell::from("total")];
    c.extend(figures(
        app,
        t.budget,
        t.actual,
        t.forecast,
        t.variance,
        t.variance_pct,
    ));
    c.push(rag(t.rag, th));
    rows.push(Row::new(c).style(th.header()));
    let table = Table::new(rows, w)
        .header(header("pool", th, &["RAG"]))
        .column_spacing(1)
        .block(block(
            format!(
                " Pools: forecast outturn against budget ({}) ",
                app.unit.label()
            ),
            th,
        ));
    f.render_widget(table, area);
}

fn services(
    f: &mut Frame,
    app: &App,
    th: &Theme,
    area: Rect,
    r: &MonitorReport,
    pool: usize,
    sel: usize,
) {
    let Some(p) = r.pools.get(pool) else {
        return;
    };
    let visible = area.height.saturating_sub(3) as usize;
    let first = super::super::layout::offset(sel, visible);
    let figs = p
        .services
        .iter()
        .flat_map(|s| [s.budget, s.actual, s.forecast, s.variance]);
    let mw = cols::money_w(app, figs);
    let (name_w, w) = cols::widths(area.width.saturating_sub(2), mw, &[5, 9]);
    let items: Vec<(&str, &str)> = p
        .services
        .iter()
        .map(|s| (s.name.as_str(), s.id.as_str()))
        .collect();
    let names = cols::labels(&items, name_w as usize);
    let rows: Vec<Row> = p
        .services
        .iter()
        .zip(names)
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, (sv, name))| {
            let mut c = vec![Cell::from(name)];
            c.extend(figures(
                app,
                sv.budget,
                sv.actual,
                sv.forecast,
                sv.variance,
                sv.variance_pct,
            ));
            c.push(rag(sv.rag, th));
            c.push(Cell::from(sv.method));
            let st = if i == sel {
                th.selected()
            } else {
                Style::default()
            };
            Row::new(c).style(st)
        })
        .collect();
    let title = format!(" {}: services, {} (Esc back) ", p.name, app.unit.label());
    let table = Table::new(rows, w)
        .header(header("service", th, &["RAG", "method"]))
        .column_spacing(1)
        .block(block(title, th));
    f.render_widget(table, area);
}

fn share_table(
    f: &mut Frame,
    app: &App,
    th: &Theme,
    area: Rect,
    shares: &[&ShareRow],
    title: String,
) {
    let head = Row::new(
        ["partner", "planned", "forecast", "change", "change %"]
            .into_iter()
            .enumerate()
            .map(|(i, h)| match i {
                0 => Cell::from(h),
                _ => Cell::from(Line::from(h).alignment(ratatui::layout::Alignment::Right)),
            })
            .collect::<Vec<_>>(),
    )
    .style(th.header());
    let rows: Vec<Row> = shares
        .iter()
        .map(|sh| {
            let pct = cols::change_pct(app, sh);
            Row::new(vec![
                Cell::from(fit(&sh.partner, 30)),
                num(money(app, sh.planned)),
                num(money(app, sh.forecast)),
                num(money(app, sh.variance)),
                num(pct),
            ])
        })
        .collect();
    let w = [32, 13, 13, 13, 9].map(Constraint::Length);
    let table = Table::new(rows, w)
        .header(head)
        .column_spacing(1)
        .block(block(format!("{title}({}) ", app.unit.label()), th));
    f.render_widget(table, area);
}
