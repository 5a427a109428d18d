//! Pools: the list of pools; for the selected one, contributions by partner
//! and year, carry-in, savings, spend, balance, overspend and each
//! partner's risk share, and a bar chart of the year's contributions by
//! partner.

use super::super::app::App;
use super::super::fmt::{fit, money, series, units_label};
use super::super::layout;
use super::super::strings as s;
use super::super::theme::Theme;
use super::{block, num};
use crate::engine::Projection;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Cell, List, ListItem, Paragraph, Row, Table};
use ratatui::Frame;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let Some(p) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return;
    };
    let (left, right) = layout::pools(area);
    let items: Vec<ListItem> = p
        .pools
        .iter()
        .enumerate()
        .map(|(i, pl)| {
            let over = pl.overspend.iter().any(|o| !o.is_zero());
            let mark = if over { " !" } else { "" };
            let style = if i == app.pool {
                th.selected()
            } else {
                Style::default()
            };
            let w = left.width.saturating_sub(4) as usize;
            ListItem::new(Span::styled(fit(&format!("{}{mark}", pl.name), w), style))
        })
        .collect();
    f.render_widget(List::new(items).block(block(s::POOL_LIST.into(), th)), left);
    let Some(pool) = p.pools.get(app.pool) else {
        return;
    };
    let n_partners = p.contributions.iter().filter(|c| c.pool == pool.id).count() as u16;
    let shares = pool
        .shares
        .iter()
        .filter(|s| s.values.iter().any(|v| !v.is_zero()))
        .count() as u16;
    let table_h = n_partners + shares + 10 + u16::from(shares > 0);
    if right.height < table_h + 4 {
        // Too short for both: the account matters more than the chart.
        account(f, app, th, right, p, app.pool);
        return;
    }
    let [table_area, chart_area] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(4)]).areas(right);
    account(f, app, th, table_area, p, app.pool);
    bars(f, app, th, chart_area, p, app.pool);
}

fn account(f: &mut Frame, app: &App, th: &Theme, area: Rect, p: &Projection, i: usize) {
    let pool = &p.pools[i];
    let rule = app
        .current_id()
        .and_then(|id| app.session.budget_of(id))
        .and_then(|b| b.pool(&pool.id))
        .map(|b| {
            format!(
                "host {} · risk share {} · underspend {}",
                b.host,
                b.risk_share.name(),
                b.underspend.name()
            )
        })
        .unwrap_or_default();
    let n = p.years;
    let label_w: u16 = if area.width > 90 { 30 } else { 26 };
    let col_w = ((area.width.saturating_sub(label_w + 3)) / (n as u16 + 1))
        .saturating_sub(1)
        .clamp(8, 13);
    let mut widths = vec![Constraint::Length(label_w)];
    widths.extend((0..=n).map(|_| Constraint::Length(col_w)));
    let mut head = vec![Cell::from("")];
    head.extend((0..n).map(|t| {
        let st = if t == app.year {
            th.current()
        } else {
            th.header()
        };
        Cell::from(
            Line::from(Span::styled(p.year_label(t), st))
                .alignment(ratatui::layout::Alignment::Right),
        )
    }));
    head.push(Cell::from(
        Line::from(Span::styled("total", th.header())).alignment(ratatui::layout::Alignment::Right),
    ));
    let row = |label: String, v: &[Decimal], total: bool, style: Style| {
        let shown = series(app, p, v);
        let mut cells = vec![Cell::from(fit(&label, label_w as usize))];
        cells.extend(shown.iter().map(|x| num(money(app, *x))));
        cells.push(if total {
            num(money(app, shown.iter().copied().sum()))
        } else {
            Cell::from("")
        });
        Row::new(cells).style(style)
    };
    let mut rows = vec![];
    for c in p.contributions.iter().filter(|c| c.pool == pool.id) {
        rows.push(row(
            format!("  {}", c.partner),
            &c.values,
            true,
            Style::default(),
        ));
    }
    rows.push(row(
        "contributions".into(),
        &pool.contributions,
        true,
        th.header(),
    ));
    rows.push(row(
        "carry-in (reserve)".into(),
        &pool.carry_in,
        false,
        Style::default(),
    ));
    rows.push(row(
        "savings to find".into(),
        &pool.saving,
        true,
        Style::default(),
    ));
    rows.push(row("spend".into(), &pool.spend, true, th.header()));
    rows.push(row(
        "balance".into(),
        &pool.balance,
        false,
        Style::default(),
    ));
    rows.push(row("overspend".into(), &pool.overspend, true, th.bad()));
    let shares: Vec<_> = pool
        .shares
        .iter()
        .filter(|sh| sh.values.iter().any(|v| !v.is_zero()))
        .collect();
    if !shares.is_empty() {
        rows.push(Row::new(vec![Cell::from(s::RISK_SHARE)]).style(th.header()));
    }
    for sh in shares {
        rows.push(row(
            format!("  {}", sh.partner),
            &sh.values,
            true,
            Style::default(),
        ));
    }
    let title = format!(" {} ({}) ", pool.name, units_label(app));
    let b = block(title, th);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let reserve = format!(
        "{rule} · closing reserve {}",
        money(app, pool.closing_reserve)
    );
    f.render_widget(
        Paragraph::new(Span::styled(fit(&reserve, inner.width as usize), th.dim())),
        Rect { height: 1, ..inner },
    );
    let t_area = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    f.render_widget(
        Table::new(rows, widths)
            .header(Row::new(head))
            .column_spacing(1),
        t_area,
    );
}

fn bars(f: &mut Frame, app: &App, th: &Theme, area: Rect, p: &Projection, i: usize) {
    let pool = &p.pools[i];
    let t = app.year;
    let div = app.unit.divisor();
    let bars: Vec<Bar> = p
        .contributions
        .iter()
        .filter(|c| c.pool == pool.id)
        .map(|c| {
            let v = super::super::fmt::at(app, p, &c.values, t);
            Bar::default()
                .label(Line::from(c.partner.clone()))
                // Bar lengths only: the figure shown is the exact one.
                .value((v / div).round().to_u64().unwrap_or(0))
                .text_value(money(app, v))
                .style(th.series(0))
        })
        .collect();
    let title = format!(
        "{}{} ({}) ",
        s::BAR_TITLE,
        p.year_label(t),
        units_label(app)
    );
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .data(BarGroup::default().bars(&bars))
        .block(block(title, th));
    f.render_widget(chart, area);
}
