//! The Monitor tab's small chart: cumulative actual spend by month to the
//! period monitored against the spend the profile expects by each month,
//! for the selected pool (or, when a pool is open, the selected service).
//! Figures from `analysis::monitor::curve` (cached in `tui::monitor`);
//! labels are its Decimals through `money`; f64 only for plot points.
//! Where there is no room for a chart (80×24), two one-row sparklines on
//! one scale, with the same figures as text.

use super::super::app::App;
use super::super::fmt::{fit, money};
use super::super::strings as s;
use super::super::theme::Theme;
use super::{axes, block};
use crate::analysis::monitor::curve::Curve;
use crate::model::Period;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::{Chart, Dataset, GraphType, Paragraph, Sparkline};
use ratatui::Frame;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Rows below which the chart gives way to sparklines (border included).
pub const CHART_MIN_H: u16 = 9;

fn month(k: usize) -> String {
    Period::new(k as u8).map_or_else(String::new, |p| p.short_name())
}

/// The period monitored (1…12): the length of the actual series.
fn monitored(c: &Curve) -> usize {
    c.actual.len().clamp(1, 12)
}

/// The figures as text (after the series' label): actual to date and
/// the forecast; the profile to the period and the budget.
fn figures(app: &App, c: &Curve) -> (String, String) {
    let m = monitored(c);
    let to_date = c.actual.last().copied().unwrap_or_default();
    (
        format!(
            "{} {} · {} {}",
            money(app, to_date),
            s::CURVE_TO_DATE,
            s::CURVE_FORECAST,
            money(app, c.forecast)
        ),
        format!(
            "{} by {} · {} {}",
            money(app, c.profile[m - 1]),
            month(m),
            s::CURVE_BUDGET,
            money(app, c.budget)
        ),
    )
}

/// The table's area and the chart's: beside the table on wide screens,
/// else below it in the rows the table does not need (at least three, for
/// the title and the sparklines, taken from a long list that then scrolls).
pub fn split(area: Rect, need: u16) -> (Rect, Option<Rect>) {
    if area.width >= 160 {
        let [t, c] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(area);
        return (t, Some(c));
    }
    let spare = area.height.saturating_sub(need);
    let h = if spare >= 3 {
        spare
    } else if area.height >= 10 {
        3
    } else {
        return (area, None);
    };
    let [t, c] = Layout::vertical([Constraint::Min(4), Constraint::Length(h)]).areas(area);
    (t, Some(c))
}

/// Draw curve `c` of the pool or service `[name, id]` (named by its id
/// where the name would not fit in the title).
pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect, c: &Curve, label: [&str; 2]) {
    let what = format!(": {} ({}) ", s::CURVE_TITLE, app.unit.label());
    let fits = |n: &str| n.chars().count() + what.chars().count() + 3 <= area.width as usize;
    let name = match label {
        [n, _] if !n.is_empty() && fits(n) => n,
        [_, id] if !id.is_empty() => id,
        _ => c.pool.as_deref().unwrap_or(s::ALL_POOLS),
    };
    let title = format!(" {name}{what}");
    if area.height <= 3 {
        // No room for a border: the title, then the two sparklines.
        let line = Span::styled(fit(title.trim(), area.width as usize), th.header());
        f.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
        let rest = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        return sparklines(f, app, th, rest, c);
    }
    let b = block(fit(&title, area.width.saturating_sub(2) as usize), th);
    if area.height < CHART_MIN_H || area.width < 50 {
        let inner = b.inner(area);
        f.render_widget(b, area);
        return sparklines(f, app, th, inner, c);
    }
    chart(f, app, th, area, c, b);
}

/// Two sparklines (profile, actual) of 12 months on the profile's scale,
/// each followed by its figures; one row each.
fn sparklines(f: &mut Frame, app: &App, th: &Theme, area: Rect, c: &Curve) {
    if area.height == 0 {
        return;
    }
    let hi = c
        .profile
        .iter()
        .chain(&c.actual)
        .copied()
        .fold(Decimal::ZERO, Decimal::max);
    // Plot points only: pounds as whole numbers, credits drawn as 0.
    let bar = |x: &Decimal| (*x).max(Decimal::ZERO).round().to_u64().unwrap_or(0);
    let max = bar(&hi).max(1);
    let (actual, profile) = figures(app, c);
    let label_w = 7u16;
    let rows = [
        (s::CURVE_PROFILE, c.profile.to_vec(), profile, th.series(0)),
        (s::CURVE_ACTUAL, c.actual.clone(), actual, th.series(1)),
    ];
    for (i, (label, series, text, style)) in rows.into_iter().enumerate() {
        let y = area.y + i as u16;
        if y >= area.y + area.height {
            break;
        }
        let row = |x: u16, w: u16| Rect::new(x, y, w, 1);
        f.render_widget(
            Paragraph::new(Span::styled(label, th.header())),
            row(area.x, label_w.min(area.width)),
        );
        let data: Vec<u64> = series.iter().map(bar).collect();
        let sx = area.x + label_w + 1;
        if sx + 12 < area.x + area.width {
            f.render_widget(
                Sparkline::default().data(&data).max(max).style(style),
                row(sx, 12),
            );
            let tx = sx + 13;
            let tw = (area.x + area.width).saturating_sub(tx);
            f.render_widget(Paragraph::new(fit(&text, tw as usize)), row(tx, tw));
        }
    }
}

fn chart(f: &mut Frame, app: &App, th: &Theme, area: Rect, c: &Curve, b: ratatui::widgets::Block) {
    let lo = c.actual.iter().copied().fold(Decimal::ZERO, Decimal::min);
    let hi = c
        .profile
        .iter()
        .chain(&c.actual)
        .copied()
        .chain([c.budget])
        .fold(Decimal::ONE, Decimal::max);
    let plot = |x: Decimal| x.to_f64().unwrap_or(0.0);
    let pts = |xs: &[Decimal]| -> Vec<(f64, f64)> {
        xs.iter()
            .enumerate()
            .map(|(k, v)| ((k + 1) as f64, plot(*v)))
            .collect()
    };
    let profile = pts(&c.profile);
    let actual = pts(&c.actual);
    // Without colour each series has its own marker, shown in the legend.
    let (pm, am) = if app.color {
        (Marker::Braille, Marker::Braille)
    } else {
        (Marker::Dot, Marker::Braille)
    };
    let name = |mark: &str, label: &str, what: &str| {
        if app.color {
            format!("{label} {what}")
        } else {
            format!("{mark} {label} {what}")
        }
    };
    let (actual_text, profile_text) = figures(app, c);
    let sets = vec![
        Dataset::default()
            .name(name("•", s::CURVE_PROFILE, &profile_text))
            .marker(pm)
            .graph_type(GraphType::Line)
            .style(th.series(0))
            .data(&profile),
        Dataset::default()
            .name(name("⣿", s::CURVE_ACTUAL, &actual_text))
            .marker(am)
            .graph_type(GraphType::Line)
            .style(th.series(1))
            .data(&actual),
    ];
    // Axis labels are spaced evenly: every month where they fit, else the
    // first and last (any other count would misplace the months between).
    let every = area.width >= 72;
    let xl: Vec<Span> = (1..=12)
        .filter(|k| every || *k == 1 || *k == 12)
        .map(|k| Span::raw(month(k)))
        .collect();
    let chart = Chart::new(sets)
        .block(b)
        .x_axis(axes::axis(th, [1.0, 12.0], xl))
        .y_axis(axes::axis(
            th,
            [plot(lo), plot(hi)],
            axes::money_labels(app, lo, hi),
        ));
    f.render_widget(axes::legend(chart), area);
}
