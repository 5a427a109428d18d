//! Pools: the list of pools; for the selected one, contributions by partner
//! and year, carry-in, savings, spend, balance, overspend and each
//! partner's risk share, and a bar chart of the year's contributions by
//! partner.

use super::super::app::App;
use super::super::fmt::{at, cells, fit, human, money, series, units_label, widest};
use super::super::layout;
use super::super::strings as s;
use super::super::theme::Theme;
use super::{block, num};
use crate::engine::arith::sum;
use crate::engine::Projection;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, List, ListItem, Paragraph, Row, Table};
use ratatui::Frame;
use rust_decimal::Decimal;

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    if app.who_pays {
        return super::who_pays::draw(f, app, th, area);
    }
    if !app.pools.detail {
        return super::glance::draw(f, app, th, area);
    }
    let Some(p) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return;
    };
    let (left, right) = layout::pools(area, app);
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
            // The name is cut, never the mark.
            let w = left.width.saturating_sub(4) as usize;
            let name = fit(&pl.name, w.saturating_sub(mark.len()));
            ListItem::new(Span::styled(format!("{name}{mark}"), style))
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
    let terms = super::pool_terms::height(app, pool);
    let table_h = n_partners + shares + 10 + u16::from(shares > 0) + terms;
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
                human(b.risk_share.name()),
                human(b.underspend.name())
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
            num(sum(&shown, "the total")
                .map(|t| money(app, t))
                .unwrap_or_else(|_| s::NA.into()))
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
    rows.extend(super::pool_terms::rows(app, th, p, pool, label_w as usize));
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

/// The year's contributions by partner as bars: label, amount, then the
/// bar, each in its own column so labels never run into bars.
fn bars(f: &mut Frame, app: &App, th: &Theme, area: Rect, p: &Projection, i: usize) {
    let pool = &p.pools[i];
    let t = app.year;
    let rows: Vec<(&str, Decimal)> = p
        .contributions
        .iter()
        .filter(|c| c.pool == pool.id)
        .map(|c| (c.partner.as_str(), at(app, p, &c.values, t)))
        .collect();
    let texts: Vec<String> = rows.iter().map(|r| money(app, r.1)).collect();
    let lw = widest(rows.iter().map(|r| r.0));
    let nw = widest(texts.iter().map(String::as_str));
    let bar_w = (area.width as usize).saturating_sub(lw + nw + 6);
    let max = rows.iter().map(|r| r.1).max().unwrap_or_default();
    let lines: Vec<Line> = rows
        .iter()
        .zip(&texts)
        .map(|((name, v), text)| {
            Line::from(vec![
                Span::raw(format!("{name:<lw$}  {text:>nw$}  ")),
                Span::styled("█".repeat(cells(*v, max, bar_w)), th.series(0)),
            ])
        })
        .collect();
    let title = format!(
        "{}{} ({}) ",
        s::BAR_TITLE,
        p.year_label(t),
        units_label(app)
    );
    f.render_widget(Paragraph::new(lines).block(block(title, th)), area);
}
