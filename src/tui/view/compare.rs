//! Compare: scenario A against scenario B (the current one) — headline
//! differences over the horizon and the bridge of the cumulative in-year
//! gap as a waterfall: each step's bar starts where the last one ended.

use super::super::app::App;
use super::super::data::bridge::{bridge, cumulative_gap};
use super::super::fmt::{fit, money, units_label};
use super::super::strings as s;
use super::super::theme::Theme;
use super::{block, num};
use crate::engine::Projection;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};
use ratatui::Frame;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

fn headline(app: &App, th: &Theme, a: &Projection, b: &Projection) -> Table<'static> {
    let sum = |v: &[Decimal]| v.iter().copied().sum::<Decimal>();
    let measures: Vec<(&str, Decimal, Decimal)> = vec![
        (
            "contributions",
            sum(&a.totals.contributions),
            sum(&b.totals.contributions),
        ),
        ("spend", sum(&a.totals.spend), sum(&b.totals.spend)),
        ("in-year gap", cumulative_gap(a), cumulative_gap(b)),
        (
            "overspend",
            sum(&a.totals.overspend),
            sum(&b.totals.overspend),
        ),
        (
            "closing reserve",
            a.totals.closing_reserve,
            b.totals.closing_reserve,
        ),
        ("NPV", a.totals.npv, b.totals.npv),
    ];
    let rows: Vec<Row> = measures
        .into_iter()
        .map(|(m, x, y)| {
            Row::new(vec![
                Cell::from(m),
                num(money(app, x)),
                num(money(app, y)),
                num(money(app, y - x)),
            ])
        })
        .collect();
    let head = Row::new(["", "A", "B", "B − A"].map(|h| {
        Cell::from(
            Line::from(Span::styled(h, th.header())).alignment(ratatui::layout::Alignment::Right),
        )
    }));
    let widths = [
        Constraint::Length(16),
        Constraint::Length(12),
        Constraint::Length(12),
        Constraint::Length(12),
    ];
    Table::new(rows, widths).header(head).column_spacing(1)
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let (Some(ida), Some(idb)) = (app.compare_a_id(), app.current_id()) else {
        return;
    };
    let m = &app.session;
    let (Some(pa), Some(pb), Some(sa), Some(sb), Some(budget)) = (
        m.projection(ida),
        m.projection(idb),
        m.scenario(ida),
        m.scenario(idb),
        m.budget_of(idb),
    ) else {
        return;
    };
    let [top, bottom] = Layout::vertical([Constraint::Length(9), Constraint::Min(5)]).areas(area);
    let title = format!(
        " A = {ida}  B = {idb} · {} · {} ",
        s::HEADLINES_TITLE.trim(),
        units_label(app)
    );
    f.render_widget(headline(app, th, pa, pb).block(block(title, th)), top);
    let br = if sa.budget == sb.budget {
        Some(bridge(budget, sa, sb, pa, pb))
    } else {
        None
    };
    let Some(br) = br else {
        f.render_widget(
            Paragraph::new("A and B use different budgets: no bridge")
                .block(block(s::BRIDGE_TITLE.into(), th)),
            bottom,
        );
        return;
    };
    let label_w = if bottom.width > 100 { 44 } else { 30 };
    let num_w = 12;
    let bar_w = (bottom.width as usize)
        .saturating_sub(label_w + num_w + 6)
        .max(10);
    // Scale over the range the running total visits.
    let mut run = br.gap_a;
    let (mut lo, mut hi) = (run.min(Decimal::ZERO), run.max(Decimal::ZERO));
    for st in &br.steps {
        run += st.gap_change;
        lo = lo.min(run);
        hi = hi.max(run);
    }
    let span = (hi - lo).max(Decimal::ONE);
    let pos = |x: Decimal| {
        (((x - lo) / span) * Decimal::from(bar_w))
            .round()
            .to_usize()
            .unwrap_or(0)
            .min(bar_w)
    };
    let bar = |from: Decimal, to: Decimal, ch: char| {
        let (a, b) = (pos(from.min(to)), pos(from.max(to)));
        let b = if b == a { (a + 1).min(bar_w) } else { b };
        format!(
            "{}{}{}",
            " ".repeat(a),
            ch.to_string().repeat(b - a),
            " ".repeat(bar_w - b)
        )
    };
    let line = |label: &str, v: Decimal, from: Decimal, to: Decimal, ch: char, st| {
        Line::from(vec![
            Span::raw(format!("{:<w$} ", fit(label, label_w), w = label_w)),
            Span::raw(format!("{:>w$} ", money(app, v), w = num_w)),
            Span::styled(bar(from, to, ch), st),
        ])
    };
    let mut lines = vec![line(
        &format!("A: {ida} cumulative gap"),
        br.gap_a,
        Decimal::ZERO,
        br.gap_a,
        '█',
        th.header(),
    )];
    let mut run = br.gap_a;
    for st in &br.steps {
        let style = if st.gap_change > Decimal::ZERO {
            th.bad()
        } else {
            th.good()
        };
        lines.push(line(
            &st.driver,
            st.gap_change,
            run,
            run + st.gap_change,
            '▆',
            style,
        ));
        run += st.gap_change;
    }
    lines.push(line(
        &format!("B: {idb} cumulative gap"),
        br.gap_b,
        Decimal::ZERO,
        br.gap_b,
        '█',
        th.header(),
    ));
    let title = format!(
        "{}({}; a picks A, b picks B) ",
        s::BRIDGE_TITLE,
        app.unit.label()
    );
    f.render_widget(Paragraph::new(lines).block(block(title, th)), bottom);
}
