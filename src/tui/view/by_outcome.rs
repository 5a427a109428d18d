//! Services, `o`: cost per outcome by outcome measure — one row per
//! measure (unlike outcomes are never added together), years as columns,
//! then the horizon's cost per outcome and its outcomes; below, the figure
//! that adds every outcome together, labelled as such. Read from
//! `Derived::outcome_costs` (`analysis::outcome_costs::by_outcome`), always
//! in whole pounds per outcome, cash, as `summary` prints it.

use super::super::app::App;
use super::super::fmt::{fit, qty};
use super::super::strings as s;
use super::super::theme::Theme;
use super::{block, num};
use crate::model::round_dp;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};
use ratatui::Frame;
use rust_decimal::Decimal;

fn pounds(x: &Option<Decimal>) -> String {
    x.map(|v| qty(round_dp(v, 2), 0))
        .unwrap_or_else(|| s::NA.into())
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let Some(p) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return;
    };
    let title = " Cost per outcome by outcome measure (£ per outcome, cash) · o: services ";
    let b = block(title.into(), th);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let (rows, all) = match &app.derived.outcome_costs {
        Ok(x) => x,
        Err(e) => {
            f.render_widget(Paragraph::new(e.clone()).wrap(Wrap { trim: true }), inner);
            return;
        }
    };
    let n = p.years;
    let label_w: u16 = 30;
    let col_w = ((inner.width.saturating_sub(label_w)) / (n as u16 + 2))
        .saturating_sub(1)
        .clamp(8, 12);
    let mut widths = vec![Constraint::Length(label_w)];
    widths.extend((0..n + 2).map(|_| Constraint::Length(col_w)));
    let right = |t: String| {
        Cell::from(Line::from(Span::styled(t, th.header())).alignment(Alignment::Right))
    };
    let mut head = vec![Cell::from(Span::styled("cost per outcome of", th.header()))];
    head.extend((0..n).map(|t| right(p.year_label(t))));
    head.push(right("total".into()));
    head.push(right("outcomes".into()));
    let mut body: Vec<Row> = rows
        .iter()
        .map(|o| {
            let mut v = vec![Cell::from(fit(&o.outcome, label_w as usize))];
            v.extend(o.cost_per_outcome.iter().map(|c| num(pounds(c))));
            v.push(num(pounds(&o.total_cost_per_outcome)));
            v.push(num(qty(o.total_outcomes, 1)));
            Row::new(v)
        })
        .collect();
    body.push(Row::new(vec![Cell::from("")]));
    let mut last = vec![Cell::from(fit(
        "all outcomes added together",
        label_w as usize,
    ))];
    last.extend((0..n).map(|_| Cell::from("")));
    last.push(num(pounds(all)));
    body.push(Row::new(last).style(th.header()));
    f.render_widget(Table::new(body, widths).header(Row::new(head)), inner);
}
