//! What every line chart in the TUI shares (Overview, Monitor, Risk): dim
//! axes, money labels from exact Decimals in the app's units, and the
//! legend at the top left whatever the chart's size. The plot points are
//! each chart's own (f64 at the last moment); no label is ever an f64.

use super::super::app::App;
use super::super::fmt::money;
use super::super::theme::Theme;
use ratatui::layout::Constraint;
use ratatui::text::Span;
use ratatui::widgets::{Axis, Chart, LegendPosition};
use rust_decimal::Decimal;

/// An axis over `bounds` with `labels`, drawn dim.
pub fn axis<'a>(th: &Theme, bounds: [f64; 2], labels: Vec<Span<'a>>) -> Axis<'a> {
    Axis::default()
        .bounds(bounds)
        .labels(labels)
        .style(th.dim())
}

/// Labels for a money axis from `lo` to `hi`: low, middle and high, each
/// the exact Decimal in the app's units.
pub fn money_labels(app: &App, lo: Decimal, hi: Decimal) -> Vec<Span<'static>> {
    let mid = (lo + hi) / Decimal::TWO;
    [lo, mid, hi]
        .into_iter()
        .map(|v| Span::raw(money(app, v)))
        .collect()
}

/// The legend at the top left, never hidden for lack of room.
pub fn legend(chart: Chart<'_>) -> Chart<'_> {
    chart
        .legend_position(Some(LegendPosition::TopLeft))
        .hidden_legend_constraints((Constraint::Ratio(1, 1), Constraint::Ratio(1, 1)))
}
