//! Overview: every scenario side by side — the selected year's
//! contributions, spend, in-year gap, overspend and reserve; the in-year gap
//! of each year and over the horizon; NPV, BCR and cost per outcome — and a
//! line chart of the cumulative in-year gap by scenario.

use super::super::app::App;
use super::super::fmt::{fit, money, series, units_label};
use super::super::strings as s;
use super::super::theme::Theme;
use super::{block, num};
use crate::engine::vfm::cost_per_outcome;
use crate::engine::Projection;
use crate::report::summary::reserve;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::{Axis, Cell, Chart, Dataset, GraphType, LegendPosition, Row, Table};
use ratatui::Frame;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

type Measure<'a> = (String, Box<dyn Fn(&Projection) -> Option<String> + 'a>);

fn measures<'a>(app: &'a App, years: usize, base: &Projection, compact: bool) -> Vec<Measure<'a>> {
    let t = app.year;
    let mut out: Vec<Measure> = vec![];
    let at = move |v: Vec<Decimal>| v.get(t).copied();
    let yl = base.year_label(t);
    let m = |x: Decimal| money(app, x);
    out.push((
        format!("contributions {yl}"),
        Box::new(move |p| at(series(app, p, &p.totals.contributions)).map(m)),
    ));
    out.push((
        format!("spend {yl}"),
        Box::new(move |p| at(series(app, p, &p.totals.spend)).map(m)),
    ));
    out.push((
        format!("in-year gap {yl}"),
        Box::new(move |p| at(series(app, p, &p.totals.in_year_gap)).map(m)),
    ));
    out.push((
        format!("overspend {yl}"),
        Box::new(move |p| at(series(app, p, &p.totals.overspend)).map(m)),
    ));
    out.push((
        format!("reserve end {yl}"),
        Box::new(move |p| {
            let r: Vec<Decimal> = (0..p.years).map(|y| reserve(p, y)).collect();
            at(series(app, p, &r)).map(m)
        }),
    ));
    // Short screens keep the selected year's gap and the total only.
    for y in (0..years).filter(|_| !compact) {
        out.push((
            format!("gap {}", base.year_label(y)),
            Box::new(move |p| series(app, p, &p.totals.in_year_gap).get(y).copied().map(m)),
        ));
    }
    out.push((
        "gap, all years".into(),
        Box::new(move |p| {
            Some(m(series(app, p, &p.totals.in_year_gap)
                .iter()
                .copied()
                .sum()))
        }),
    ));
    out.push((
        "overspend, all years".into(),
        Box::new(move |p| Some(m(series(app, p, &p.totals.overspend).iter().copied().sum()))),
    ));
    out.push((
        "NPV (present value)".into(),
        Box::new(move |p| Some(m(p.totals.npv))),
    ));
    out.push((
        "BCR".into(),
        Box::new(|p| {
            Some(
                p.totals
                    .bcr
                    .map(|b| crate::report::table::Cell::Qty(b, 2).display(Default::default()))
                    .unwrap_or_else(|| s::NA.into()),
            )
        }),
    ));
    out.push((
        "cost per outcome (£)".into(),
        Box::new(|p| {
            let c: Decimal = p.totals.service_cost.iter().copied().sum();
            let o: Decimal = p.totals.outcomes.iter().copied().sum();
            Some(
                cost_per_outcome(c, o)
                    .map(|x| crate::report::format::grouped(x, 0))
                    .unwrap_or_else(|| s::NA.into()),
            )
        }),
    ));
    out
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let ps: Vec<&Projection> = app
        .session
        .ids
        .iter()
        .filter_map(|id| app.session.projection(id))
        .collect();
    let Some(cur) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return;
    };
    let years = ps.iter().map(|p| p.years).max().unwrap_or(1);
    let ms = measures(app, years, cur, area.height < 30);
    let table_h = (ms.len() as u16 + 3).min(area.height.saturating_sub(7));
    let [top, bottom] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(6)]).areas(area);
    let label_w: u16 = if area.width >= 100 { 24 } else { 21 };
    let col_w = ((top.width.saturating_sub(label_w + 2)) / ps.len().max(1) as u16)
        .saturating_sub(1)
        .clamp(6, 14);
    let mut widths = vec![Constraint::Length(label_w)];
    widths.extend(ps.iter().map(|_| Constraint::Length(col_w)));
    let header = Row::new(
        std::iter::once(Cell::from("")).chain(ps.iter().enumerate().map(|(i, p)| {
            let style = if i == app.current {
                th.current()
            } else {
                th.header()
            };
            Cell::from(Span::styled(
                format!(
                    "{:>w$}",
                    fit(&p.scenario_id, col_w as usize),
                    w = col_w as usize
                ),
                style,
            ))
        })),
    );
    let rows: Vec<Row> = ms
        .iter()
        .map(|(label, f)| {
            let mut cells = vec![Cell::from(fit(label, label_w as usize))];
            cells.extend(ps.iter().map(|p| num(f(p).unwrap_or_default())));
            let style = if label.starts_with("in-year gap") || label == "gap, all years" {
                th.header()
            } else {
                Style::default()
            };
            Row::new(cells).style(style)
        })
        .collect();
    let title = format!(" All scenarios ({}) ", units_label(app));
    f.render_widget(
        Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .block(block(title, th)),
        top,
    );
    chart(f, app, th, bottom, &ps);
}

fn chart(f: &mut Frame, app: &App, th: &Theme, area: Rect, ps: &[&Projection]) {
    let div = app.unit.divisor();
    let points: Vec<Vec<(f64, f64)>> = ps
        .iter()
        .map(|p| {
            let mut cum = Decimal::ZERO;
            series(app, p, &p.totals.in_year_gap)
                .iter()
                .enumerate()
                .map(|(t, g)| {
                    cum += g;
                    // Plot points only: the figure is exact until here.
                    (t as f64, (cum / div).to_f64().unwrap_or(0.0))
                })
                .collect()
        })
        .collect();
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in points.iter().flatten() {
        lo = lo.min(v.1);
        hi = hi.max(v.1);
    }
    if hi - lo < 1.0 {
        hi = lo + 1.0;
    }
    let markers = [
        Marker::Braille,
        Marker::Dot,
        Marker::Block,
        Marker::Bar,
        Marker::HalfBlock,
    ];
    let sets: Vec<Dataset> = ps
        .iter()
        .zip(&points)
        .enumerate()
        .map(|(i, (p, pts))| {
            let marker = if app.color {
                Marker::Braille
            } else {
                markers[i % markers.len()]
            };
            Dataset::default()
                .name(p.scenario_id.clone())
                .marker(marker)
                .graph_type(GraphType::Line)
                .style(th.series(i))
                .data(pts)
        })
        .collect();
    let n = ps.iter().map(|p| p.years).max().unwrap_or(1);
    let base = app.current_id().and_then(|id| app.session.projection(id));
    let xl: Vec<Span> = base
        .map(|b| {
            vec![
                Span::raw(b.year_label(0)),
                Span::raw(b.year_label(n.saturating_sub(1))),
            ]
        })
        .unwrap_or_default();
    let fmt = |v: f64| {
        Span::raw(money(
            app,
            Decimal::from_f64_retain(v).unwrap_or_default() * div,
        ))
    };
    let chart = Chart::new(sets)
        .block(block(
            format!("{}({}) ", s::OVERVIEW_CHART, units_label(app)),
            th,
        ))
        .x_axis(
            Axis::default()
                .bounds([0.0, (n.max(2) - 1) as f64])
                .labels(xl)
                .style(th.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([lo, hi])
                .labels(vec![fmt(lo), fmt((lo + hi) / 2.0), fmt(hi)])
                .style(th.dim()),
        )
        .legend_position(Some(LegendPosition::TopLeft))
        .hidden_legend_constraints((Constraint::Ratio(1, 1), Constraint::Ratio(1, 1)));
    f.render_widget(chart, area);
}
