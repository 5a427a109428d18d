//! Overview: every scenario side by side — the selected year's
//! contributions, spend, in-year gap, overspend and reserve; the in-year gap
//! of each year and over the horizon; NPV, BCR and cost per outcome — and a
//! line chart of the cumulative in-year gap by scenario.

use super::super::app::App;
use super::super::fmt::{fit, money, series, units_label, widest};
use super::super::strings as s;
use super::super::theme::Theme;
use super::{block, num};
use crate::engine::arith::sum;
use crate::engine::vfm::cost_per_outcome;
use crate::engine::Projection;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
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
            let r = p.reserve_by_year().ok()?;
            at(series(app, p, &r)).map(m)
        }),
    ));
    // Short screens keep the selected year's gap and the total only; the
    // selected year's gap is not repeated.
    for y in (0..years).filter(|&y| !compact && y != t) {
        out.push((
            format!("in-year gap {}", base.year_label(y)),
            Box::new(move |p| series(app, p, &p.totals.in_year_gap).get(y).copied().map(m)),
        ));
    }
    // Cash totals are the projection's own; real ones the checked sum of
    // the real series.
    let total = move |p: &Projection, v: &[Decimal], cash: Decimal| {
        if app.real {
            sum(&series(app, p, v), "the total").ok().map(m)
        } else {
            Some(m(cash))
        }
    };
    out.push((
        "in-year gap, all years".into(),
        Box::new(move |p| {
            let h = p.horizon_totals().ok()?;
            total(p, &p.totals.in_year_gap, h.in_year_gap)
        }),
    ));
    out.push((
        "overspend, all years".into(),
        Box::new(move |p| {
            let h = p.horizon_totals().ok()?;
            total(p, &p.totals.overspend, h.overspend)
        }),
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
        "cost per outcome".into(),
        Box::new(|p| {
            let h = p.horizon_totals().ok()?;
            Some(
                cost_per_outcome(h.service_cost, h.outcomes)
                    .map(|x| format!("£{}", crate::report::format::grouped(x, 0)))
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
    let values: Vec<Vec<String>> = ms
        .iter()
        .map(|(_, f)| ps.iter().map(|p| f(p).unwrap_or_default()).collect())
        .collect();
    let inner = area.width.saturating_sub(2) as usize;
    let n = ps.len().max(1);
    let label_w = widest(ms.iter().map(|m| m.0.as_str())).min(inner / 3);
    let val_w = widest(values.iter().flatten().map(String::as_str));
    let room = (inner.saturating_sub(label_w) / n).saturating_sub(1);
    let id_w = widest(ps.iter().map(|p| p.scenario_id.as_str()));
    // Columns as wide as their content; ids too long wrap onto two lines.
    let col_w = id_w.min(room).max(val_w);
    let head: Vec<Vec<String>> = ps.iter().map(|p| wrap_id(&p.scenario_id, col_w)).collect();
    let head_h = head.iter().map(Vec::len).max().unwrap_or(1);
    let table_h = (ms.len() + head_h + 2) as u16;
    let table_h = table_h.min(area.height.saturating_sub(7));
    let [top, bottom] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(6)]).areas(area);
    let mut widths = vec![Constraint::Length(label_w as u16)];
    widths.extend(ps.iter().map(|_| Constraint::Length(col_w as u16)));
    let header = Row::new(
        std::iter::once(Cell::from("")).chain(head.iter().enumerate().map(|(i, lines)| {
            let style = if i == app.current {
                th.current()
            } else {
                th.header()
            };
            let text: Vec<Line> = lines
                .iter()
                .map(|l| Line::from(Span::styled(l.clone(), style)).alignment(Alignment::Right))
                .collect();
            Cell::from(text)
        })),
    )
    .height(head_h as u16);
    let rows: Vec<Row> = ms
        .iter()
        .zip(values)
        .map(|((label, _), vals)| {
            let mut cells = vec![Cell::from(fit(label, label_w))];
            cells.extend(vals.into_iter().map(num));
            let style = if label.starts_with("in-year gap") {
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

/// A scenario id in lines of at most `w` characters (two at most, broken
/// after a hyphen where one is near the middle), so columns stay distinct.
fn wrap_id(id: &str, w: usize) -> Vec<String> {
    if id.chars().count() <= w || w == 0 {
        return vec![id.to_string()];
    }
    let chars: Vec<char> = id.chars().collect();
    let cut = chars[..w.min(chars.len())]
        .iter()
        .rposition(|c| *c == '-')
        .map(|i| i + 1)
        .filter(|&i| chars.len() - i <= w)
        .unwrap_or(w);
    let first: String = chars[..cut].iter().collect();
    let rest: String = chars[cut..].iter().collect();
    vec![first, fit(&rest, w)]
}

fn chart(f: &mut Frame, app: &App, th: &Theme, area: Rect, ps: &[&Projection]) {
    let div = app.unit.divisor();
    // Exact cumulative gaps in pounds; f64 only for the plot points.
    let cums: Vec<Vec<Decimal>> = ps
        .iter()
        .map(|p| {
            let mut cum = Decimal::ZERO;
            series(app, p, &p.totals.in_year_gap)
                .iter()
                .map(|g| {
                    cum = cum.checked_add(*g).unwrap_or(cum);
                    cum
                })
                .collect()
        })
        .collect();
    let (mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO);
    for v in cums.iter().flatten() {
        lo = lo.min(*v);
        hi = hi.max(*v);
    }
    if hi - lo < div {
        hi = lo + div;
    }
    let plot = |x: Decimal| (x / div).to_f64().unwrap_or(0.0);
    let points: Vec<Vec<(f64, f64)>> = cums
        .iter()
        .map(|c| {
            c.iter()
                .enumerate()
                .map(|(t, v)| (t as f64, plot(*v)))
                .collect()
        })
        .collect();
    // Without colour each series has its own marker, shown in the legend.
    let markers = [
        (Marker::Braille, '⣿'),
        (Marker::Dot, '•'),
        (Marker::Block, '█'),
        (Marker::Bar, '▄'),
        (Marker::HalfBlock, '▀'),
    ];
    let sets: Vec<Dataset> = ps
        .iter()
        .zip(&points)
        .enumerate()
        .map(|(i, (p, pts))| {
            let (marker, name) = if app.color {
                (Marker::Braille, p.scenario_id.clone())
            } else {
                let (m, c) = markers[i % markers.len()];
                (m, format!("{c} {}", p.scenario_id))
            };
            Dataset::default()
                .name(name)
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
    let label = |v: Decimal| Span::raw(money(app, v));
    let mid = (lo + hi) / Decimal::TWO;
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
                .bounds([plot(lo), plot(hi)])
                .labels(vec![label(lo), label(mid), label(hi)])
                .style(th.dim()),
        )
        .legend_position(Some(LegendPosition::TopLeft))
        .hidden_legend_constraints((Constraint::Ratio(1, 1), Constraint::Ratio(1, 1)));
    f.render_widget(chart, area);
}
