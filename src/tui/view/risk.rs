//! The Risk view (`R`; SPEC §14): a fan chart of the in-year gap by year
//! (P10 and P90 bounding the band, P50, the scenario as planned), the
//! distribution of the total overspend with the reserve needed at the
//! confidence, and each pool's chance of overspending. Drawn from the
//! worker's `analysis::risk::Risk` (see `risk_worker`); nothing is computed
//! here but plot points.

use super::super::app::App;
use super::super::fmt::{money, units_label};
use super::super::risk_worker::RiskState;
use super::super::theme::Theme;
use super::{axes, num, popup_block};
use crate::analysis::risk::Risk;
use crate::report::table::Cell as Figure;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Borders, Cell, Chart, Dataset, GraphType, Paragraph, Row,
    Table, Wrap,
};
use ratatui::Frame;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const TITLE: &str = " Risk: ranges on the assumptions (Esc closes) ";

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let r = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    let inner = popup_block(f, r, TITLE, th);
    let text = |s: String| Paragraph::new(s).wrap(Wrap { trim: true });
    match &app.risk.state {
        RiskState::Idle => f.render_widget(text("computing…".into()), inner),
        RiskState::Computing { .. } => {
            let (n, total) = app.risk.progress().unwrap_or_default();
            f.render_widget(text(format!("computing {n}/{total} draws…")), inner);
        }
        RiskState::Ready(Err(e)) if e.is_empty() => {
            f.render_widget(text("computing…".into()), inner)
        }
        RiskState::Ready(Err(e)) => f.render_widget(
            Paragraph::new(e.clone())
                .style(th.bad())
                .wrap(Wrap { trim: true }),
            inner,
        ),
        RiskState::Ready(Ok(risk)) => figures(f, app, th, inner, risk),
    }
}

fn pct(x: Decimal) -> String {
    Figure::Pct(x).display(crate::report::table::Unit::Pounds)
}

fn figures(f: &mut Frame, app: &App, th: &Theme, area: Rect, r: &Risk) {
    let conf = crate::report::risk::confidence_label(r);
    let [head, chart, bottom] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(6),
        Constraint::Length(r.pools.len() as u16 + 3),
    ])
    .areas(area);
    let o = &r.overspend;
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!("{} ({}) ", r.scenario_name, r.scenario_id),
            th.header(),
        ),
        Span::styled(
            format!(
                "{} draws, seed {}, {} ranged inputs, {}",
                crate::report::format::grouped(Decimal::from(r.options.draws), 0),
                r.options.seed,
                r.inputs.len(),
                units_label(app)
            ),
            th.dim(),
        ),
    ])];
    lines.push(Line::from(vec![
        Span::raw(format!("Reserve needed at {conf}: ")),
        Span::styled(money(app, o.at_confidence), th.bad()),
        Span::raw(format!(
            "  (as planned {}); the partnership overspends in {} of draws",
            money(app, r.deterministic.overspend),
            pct(o.share_positive)
        )),
    ]));
    f.render_widget(Paragraph::new(lines), head);
    fan(f, app, th, chart, r);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(bottom);
    pools(f, app, th, left, r, &conf);
    distribution(f, app, th, right, r, &conf);
}

fn plot(x: Decimal) -> f64 {
    x.to_f64().unwrap_or(0.0)
}

fn fan(f: &mut Frame, app: &App, th: &Theme, area: Rect, r: &Risk) {
    let pick = |g: &dyn Fn(&crate::analysis::risk::Stat) -> Decimal| -> Vec<(f64, f64)> {
        r.gap_by_year
            .iter()
            .enumerate()
            .map(|(t, s)| (t as f64, plot(g(s))))
            .collect()
    };
    let det: Vec<(f64, f64)> = r
        .deterministic
        .gap_by_year
        .iter()
        .enumerate()
        .map(|(t, v)| (t as f64, plot(*v)))
        .collect();
    let series = [
        ("as planned", det, th.series(1), (Marker::Dot, '•')),
        ("P90", pick(&|s| s.p90), th.dim(), (Marker::Bar, '▄')),
        ("P10", pick(&|s| s.p10), th.dim(), (Marker::Bar, '▄')),
        ("P50", pick(&|s| s.p50), th.series(0), (Marker::Block, '█')),
    ];
    let lo = r
        .gap_by_year
        .iter()
        .map(|s| s.p10)
        .chain(r.deterministic.gap_by_year.iter().copied())
        .min()
        .unwrap_or_default();
    let hi = r
        .gap_by_year
        .iter()
        .map(|s| s.p90)
        .chain(r.deterministic.gap_by_year.iter().copied())
        .max()
        .unwrap_or_default();
    let sets: Vec<Dataset> = series
        .iter()
        .map(|(name, pts, style, c)| {
            let (marker, label) = if app.color {
                (Marker::Braille, name.to_string())
            } else {
                (c.0, format!("{} {name}", c.1))
            };
            Dataset::default()
                .name(label)
                .marker(marker)
                .graph_type(GraphType::Line)
                .style(*style)
                .data(pts)
        })
        .collect();
    let n = r.years.max(2) - 1;
    let year = |t: usize| Span::raw(r.base_year.plus(t as i32).to_string());
    let chart = Chart::new(sets)
        .block(Block::default().borders(Borders::TOP).title(Span::styled(
            format!(
                " In-year gap by year: P10–P90 band, P50, as planned ({}) ",
                units_label(app)
            ),
            th.header(),
        )))
        .x_axis(axes::axis(th, [0.0, n as f64], vec![year(0), year(n)]))
        .y_axis(axes::axis(
            th,
            [plot(lo), plot(hi.max(lo + Decimal::ONE))],
            vec![Span::raw(money(app, lo)), Span::raw(money(app, hi))],
        ));
    f.render_widget(axes::legend(chart), area);
}

fn pools(f: &mut Frame, app: &App, th: &Theme, area: Rect, r: &Risk, conf: &str) {
    let mut rows: Vec<Row> = r
        .pools
        .iter()
        .map(|p| {
            Row::new(vec![
                Cell::from(p.id.clone()),
                num(pct(p.stat.share_positive)),
                num(money(app, p.stat.at_confidence)),
            ])
        })
        .collect();
    rows.push(
        Row::new(vec![
            Cell::from("partnership"),
            num(pct(r.overspend.share_positive)),
            num(money(app, r.overspend.at_confidence)),
        ])
        .style(th.header()),
    );
    let t = Table::new(
        rows,
        [
            Constraint::Min(10),
            Constraint::Length(8),
            Constraint::Length(12),
        ],
    )
    .header(
        Row::new(vec![
            Cell::from("pool"),
            num("P(over)".into()),
            num(format!("res. {conf}")),
        ])
        .style(th.header()),
    )
    .block(Block::default().borders(Borders::TOP).title(Span::styled(
        " Chance of overspend, reserve needed ",
        th.header(),
    )));
    f.render_widget(t, area);
}

fn distribution(f: &mut Frame, app: &App, th: &Theme, area: Rect, r: &Risk, conf: &str) {
    let bins = &r.overspend_bins;
    let reserve = r.overspend.at_confidence;
    let (lo, hi) = match (bins.first(), bins.last()) {
        (Some(a), Some(b)) => (a.lo, b.hi),
        _ => (Decimal::ZERO, Decimal::ZERO),
    };
    let bars: Vec<Bar> = bins
        .iter()
        .map(|b| {
            let holds = b.lo <= reserve && (reserve < b.hi || b.hi == hi);
            let beyond = b.lo > reserve;
            Bar::default()
                .label(Line::from(if holds { "R" } else { "" }))
                .value(b.count as u64)
                .text_value(String::new())
                .style(if beyond { th.bad() } else { th.series(0) })
        })
        .collect();
    let n = bins.len().max(1) as u16;
    let w = (area.width / n).saturating_sub(1).max(1);
    let title = format!(
        " Total overspend {}–{}; R: reserve at {conf} ",
        money(app, lo),
        money(app, hi)
    );
    let chart = BarChart::default()
        .block(
            Block::default()
                .borders(Borders::TOP)
                .title(Span::styled(title, th.header())),
        )
        .data(BarGroup::default().bars(&bars))
        .bar_width(w)
        .bar_gap(1);
    f.render_widget(chart, area);
}
