//! Providers: for each category, the services ranked by unit cost with a
//! bar per unit cost against the category's volume-weighted median (│),
//! cost per outcome, and the saving if those above the median were paid it.

use super::super::app::App;
use super::super::data::providers::categories;
use super::super::fmt::{fit, money, qty, units_label};
use super::super::strings as s;
use super::super::theme::Theme;
use super::block;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// A bar of `len` cells out of `width`, with the median mark at `mark`.
fn bar(len: usize, mark: usize, width: usize) -> String {
    (0..width)
        .map(|i| match (i == mark, i < len) {
            (true, _) => '│',
            (false, true) => '█',
            (false, false) => ' ',
        })
        .collect()
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let Some(p) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return;
    };
    let cats = categories(p, app.year);
    let wide = area.width >= 110;
    let name_w = if wide { 30 } else { 22 };
    let num_w = 9;
    let fixed = name_w + 1 + (num_w + 1) * if wide { 4 } else { 2 } + 2;
    let bar_w = (area.width as usize).saturating_sub(fixed + 2).max(10);
    let mut lines: Vec<Line> = vec![Line::from(Span::styled(s::PROVIDERS_NOTE, th.dim()))];
    for c in &cats {
        let max = c
            .rows
            .iter()
            .map(|r| r.unit_cost)
            .max()
            .unwrap_or(Decimal::ONE)
            .max(Decimal::ONE);
        let scale = |x: Decimal| {
            ((x / max) * Decimal::from(bar_w))
                .round()
                .to_usize()
                .unwrap_or(0)
                .min(bar_w)
        };
        let mark = scale(c.median_unit_cost).min(bar_w.saturating_sub(1));
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", c.name), th.header()),
            Span::styled(
                format!(
                    "median £{} · saving at median {} {}",
                    qty(c.median_unit_cost, 2),
                    money(app, c.saving_at_median),
                    app.unit.label()
                ),
                th.dim(),
            ),
        ]));
        for r in &c.rows {
            let over = r.unit_cost > c.median_unit_cost;
            let st = if over { th.bad() } else { th.good() };
            let label = format!("{}. {} ({})", r.rank, r.service_name, r.provider);
            let mut spans = vec![
                Span::raw(format!(" {:<w$} ", fit(&label, name_w), w = name_w)),
                Span::styled(
                    format!("{:>w$} ", qty(r.unit_cost, 2), w = num_w),
                    Style::default(),
                ),
                Span::styled(bar(scale(r.unit_cost), mark, bar_w), st),
            ];
            if wide {
                let cpo = r
                    .cost_per_outcome
                    .map(|x| qty(x, 0))
                    .unwrap_or_else(|| s::NA.into());
                spans.push(Span::raw(format!(
                    " {:>w$} {:>w$}",
                    qty(r.volume, 0),
                    cpo,
                    w = num_w
                )));
            }
            spans.push(Span::raw(format!(
                " {:>w$}",
                money(app, r.saving_at_median),
                w = num_w
            )));
            lines.push(Line::from(spans));
        }
    }
    let cols = if wide {
        "unit cost £ · bar · volume · £/outcome · saving"
    } else {
        "unit cost £ · bar · saving"
    };
    let title = format!(
        " Providers by category, {} ({cols}; {}) ",
        p.year_label(app.year),
        units_label(app)
    );
    let inner_h = area.height.saturating_sub(2) as usize;
    let scroll = app.provider_scroll.min(lines.len().saturating_sub(inner_h));
    f.render_widget(
        Paragraph::new(lines)
            .scroll((scroll as u16, 0))
            .block(block(title, th)),
        area,
    );
}
