//! Providers: for each category, the services ranked by unit cost with a
//! bar per unit cost against the category's volume-weighted median (│),
//! cost per outcome, and the saving if those above the median were paid it.
//! The figures are `analysis::providers` (as `poolplan providers`: the same
//! competition ranks, medians and savings), computed in `derived`.

use super::super::app::App;
use super::super::fmt::{cells, fit, money, qty, units_label, widest};
use super::super::strings as s;
use super::super::theme::Theme;
use super::block;
use crate::analysis::providers::Category;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// A bar of `len` cells out of `width`, with the median mark at `mark`.
fn bar(len: usize, mark: Option<usize>, width: usize) -> String {
    (0..width)
        .map(|i| match (Some(i) == mark, i < len) {
            (true, _) => '│',
            (false, true) => '█',
            (false, false) => ' ',
        })
        .collect()
}

fn label(l: &crate::analysis::providers::Line) -> String {
    format!("{}. {} ({})", l.rank, l.service_name, l.provider_name)
}

/// The tab's lines at a width (`derived::providers_lines` counts them).
fn lines(app: &App, th: &Theme, cats: &[Category], width: usize) -> Vec<Line<'static>> {
    let wide = width >= 110;
    let labels: Vec<String> = cats
        .iter()
        .flat_map(|c| c.lines.iter().map(label))
        .collect();
    let num_w = 13;
    let cols = if wide { 4 } else { 2 };
    let fixed = (num_w + 1) * cols + 3;
    // The label as wide as the longest, leaving the bar at least 12 cells.
    let label_w = (widest(labels.iter().map(String::as_str)) + 1)
        .min(width.saturating_sub(fixed + 12))
        .max(20);
    let bar_w = width.saturating_sub(label_w + fixed).max(10);
    let mut head = format!(
        " {:<label_w$} {:>num_w$} {:<bar_w$}",
        "rank. service (provider)",
        "unit cost £",
        fit("bar: unit cost, │ median", bar_w)
    );
    if wide {
        head.push_str(&format!(
            " {:>num_w$} {:>num_w$}",
            "volume", "£ per outcome"
        ));
    }
    head.push_str(&format!(" {:>num_w$}", "saving"));
    let mut out = vec![
        Line::from(Span::styled(s::PROVIDERS_NOTE, th.dim())),
        Line::from(Span::styled(head, th.header())),
    ];
    for c in cats {
        let max = c
            .lines
            .iter()
            .map(|r| r.unit_cost)
            .max()
            .unwrap_or_default();
        let median = c.median_unit_cost;
        let mark = median.map(|m| cells(m, max, bar_w).min(bar_w.saturating_sub(1)));
        let median_text = median
            .map(|m| format!("median £{}", qty(m, 2)))
            .unwrap_or_else(|| "no volume this year: no median".into());
        out.push(Line::from(vec![
            Span::styled(format!("{} ", c.category), th.header()),
            Span::styled(
                format!(
                    "{median_text} · saving at median {}",
                    money(app, c.saving_at_median)
                ),
                th.dim(),
            ),
        ]));
        for r in &c.lines {
            let over = median.is_some_and(|m| r.unit_cost > m);
            let st = if over { th.bad() } else { th.good() };
            let mut spans = vec![
                Span::raw(format!(" {:<label_w$} ", fit(&label(r), label_w))),
                Span::raw(format!("{:>num_w$} ", qty(r.unit_cost, 2))),
                Span::styled(bar(cells(r.unit_cost, max, bar_w), mark, bar_w), st),
            ];
            if wide {
                let cpo = r
                    .cost_per_outcome
                    .map(|x| format!("£{}", qty(x, 0)))
                    .unwrap_or_else(|| s::NA.into());
                spans.push(Span::raw(format!(
                    " {:>num_w$} {:>num_w$}",
                    qty(r.volume, 0),
                    cpo
                )));
            }
            spans.push(Span::raw(format!(
                " {:>num_w$}",
                money(app, r.saving_at_median)
            )));
            out.push(Line::from(spans));
        }
    }
    out
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    if !app.providers_view.bars {
        return super::providers_table::draw(f, app, th, area);
    }
    let Some(p) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return;
    };
    let body = match &app.derived.providers {
        Ok(cats) => lines(app, th, cats, area.width.saturating_sub(2) as usize),
        Err(e) => vec![Line::from(format!("cannot compare providers: {e}"))],
    };
    let title = format!(
        " Providers by category, {} (saving in {}) ",
        p.year_label(app.year),
        units_label(app)
    );
    let inner_h = area.height.saturating_sub(2) as usize;
    let scroll = app.provider_scroll.min(body.len().saturating_sub(inner_h));
    f.render_widget(
        Paragraph::new(body)
            .scroll((scroll as u16, 0))
            .block(block(title, th)),
        area,
    );
}
