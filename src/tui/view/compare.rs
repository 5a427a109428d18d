//! Compare: scenario A against scenario B (the current one) — headline
//! totals over the horizon (`Projection::horizon_totals`) and the bridge of
//! the total of in-year gaps (or the overspend, or exposure: `M`) as a
//! waterfall, each step's bar starting where
//! the last one ended. The bridge is `analysis::bridge` (as `poolplan
//! compare`), computed when the session changes (`derived`), with its
//! notes. One scrolling pane: `j`/`k`/`G` reach every line at any size.

use super::super::app::App;
use super::super::fmt::{cells, fit, money, units_label, widest};
use super::super::strings as s;
use super::super::theme::Theme;
use super::super::wording;
use super::block;
use crate::analysis::bridge::Bridge;
use crate::engine::Projection;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use rust_decimal::Decimal;

fn headline(
    app: &App,
    th: &Theme,
    a: &Projection,
    b: &Projection,
    width: usize,
) -> Vec<Line<'static>> {
    let (ta, tb) = match (a.horizon_totals(), b.horizon_totals()) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return vec![Line::from(format!("cannot total: {e}"))],
    };
    // Σ over the horizon: the gap row says so (issue 12 item 4), long
    // where the three figure columns leave room.
    let gap = wording::total_of_gaps(b.years, width.saturating_sub(40));
    let rows: Vec<(&str, Decimal, Decimal)> = vec![
        ("contributions", ta.contributions, tb.contributions),
        ("spend", ta.spend, tb.spend),
        (&gap, ta.in_year_gap, tb.in_year_gap),
        ("overspend", ta.overspend, tb.overspend),
        (
            "closing reserve",
            a.totals.closing_reserve,
            b.totals.closing_reserve,
        ),
        ("NPV", a.totals.npv, b.totals.npv),
    ];
    let texts: Vec<[String; 3]> = rows
        .iter()
        .map(|(_, x, y)| {
            let d = y.checked_sub(*x).map(|d| money(app, d)).unwrap_or_default();
            [money(app, *x), money(app, *y), d]
        })
        .collect();
    let lw = widest(rows.iter().map(|r| r.0));
    let nw = widest(texts.iter().flatten().map(String::as_str)).max(5);
    let mut out = vec![Line::from(Span::styled(
        format!("{:lw$}  {:>nw$}  {:>nw$}  {:>nw$}", "", "A", "B", "B − A"),
        th.header(),
    ))];
    for ((m, _, _), [x, y, d]) in rows.iter().zip(texts) {
        out.push(Line::from(format!(
            "{m:<lw$}  {x:>nw$}  {y:>nw$}  {d:>nw$}"
        )));
    }
    out
}

/// The waterfall: A's gap, each step, B's gap; then the notes.
fn waterfall(app: &App, th: &Theme, br: &Bridge, width: usize) -> Vec<Line<'static>> {
    let (ida, idb) = (
        app.compare_a_id().unwrap_or_default(),
        app.current_id().unwrap_or_default(),
    );
    // The end rows' labels get half the width; the measure's long name
    // where it fits there.
    let room = (width / 2).saturating_sub(4 + ida.chars().count().max(idb.chars().count()));
    let what = wording::measure(&br.measure, app.years(), room);
    let mut rows: Vec<(String, Decimal, Decimal, Decimal, Style)> = vec![(
        format!("A: {ida} {what}"),
        br.start,
        Decimal::ZERO,
        br.start,
        th.header(),
    )];
    let mut run = br.start;
    for st in &br.steps {
        let style = if st.change > Decimal::ZERO {
            th.bad()
        } else {
            th.good()
        };
        rows.push((st.driver.clone(), st.change, run, st.after, style));
        run = st.after;
    }
    rows.push((
        format!("B: {idb} {what}"),
        br.end,
        Decimal::ZERO,
        br.end,
        th.header(),
    ));
    let nums: Vec<String> = rows.iter().map(|r| money(app, r.1)).collect();
    let num_w = widest(nums.iter().map(String::as_str));
    let label_w = widest(rows.iter().map(|r| r.0.as_str())).min(width / 2);
    let bar_w = width.saturating_sub(label_w + num_w + 4).max(10);
    // Scale over the range the running total visits.
    let (mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO);
    for r in &rows {
        lo = lo.min(r.3);
        hi = hi.max(r.3);
    }
    let span = hi - lo;
    let pos = |x: Decimal| cells(x - lo, span, bar_w);
    let mut out = vec![];
    // Each step's note (why the measure moved unlike the gap) under it.
    let nw = super::super::wrap::note_width(width as u16 + 2);
    let notes: Vec<Vec<String>> = std::iter::once(vec![])
        .chain(br.steps.iter().map(|st| {
            st.note
                .as_ref()
                .map_or(vec![], |n| super::super::wrap::wrap(n, nw))
        }))
        .chain(std::iter::once(vec![]))
        .collect();
    for ((r, n), note) in rows.iter().zip(nums).zip(notes) {
        let (a, b) = (pos(r.2.min(r.3)), pos(r.2.max(r.3)));
        // A £0 step draws no bar; a tiny one at least one cell.
        let b = if b == a && r.2 != r.3 {
            (a + 1).min(bar_w)
        } else {
            b
        };
        let ch = if r.1 == r.3 && r.2.is_zero() {
            '█'
        } else {
            '▆'
        };
        let bar = format!("{}{}", " ".repeat(a), ch.to_string().repeat(b - a));
        out.push(Line::from(vec![
            Span::raw(format!("{:<label_w$}  {n:>num_w$}  ", fit(&r.0, label_w))),
            Span::styled(bar, r.4),
        ]));
        for (k, t) in note.iter().enumerate() {
            let lead = if k == 0 { "  ↳ " } else { "    " };
            out.push(Line::from(Span::styled(format!("{lead}{t}"), th.dim())));
        }
    }
    for n in &br.notes {
        out.push(Line::from(Span::styled(format!("note: {n}"), th.dim())));
    }
    out
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    if app.derived.sensitivity.on {
        return super::sensitivity::draw(f, app, th, area);
    }
    let (Some(ida), Some(idb)) = (app.compare_a_id(), app.current_id()) else {
        return;
    };
    let m = &app.session;
    let (Some(pa), Some(pb)) = (m.projection(ida), m.projection(idb)) else {
        return;
    };
    let mut lines = vec![];
    if ida == idb && m.ids.len() > 1 {
        lines.push(Line::from(Span::styled(
            format!(
                "A and B are both {ida}: a picks A, b picks B (or start with `poolplan tui A B`)"
            ),
            th.bad(),
        )));
    }
    lines.push(Line::from(Span::styled(
        s::HEADLINES_TITLE.trim().to_string(),
        th.header(),
    )));
    lines.extend(headline(app, th, pa, pb, area.width as usize));
    lines.push(Line::from(""));
    let keys = ", A → B (M: gap, overspend, exposure)";
    let room =
        (area.width as usize).saturating_sub(3 + s::BRIDGE_TITLE.len() + keys.chars().count());
    let what = wording::measure(&app.derived.measure, pb.years, room);
    lines.push(Line::from(Span::styled(
        format!("{} {what}{keys}", s::BRIDGE_TITLE),
        th.header(),
    )));
    match &app.derived.bridge {
        Some(Ok(br)) => lines.extend(waterfall(
            app,
            th,
            br,
            area.width.saturating_sub(2) as usize,
        )),
        Some(Err(e)) => lines.push(Line::from(format!("no bridge: {e}"))),
        None => {}
    }
    let title = format!(
        " A = {ida}  B = {idb} · {} (a picks A, b picks B) ",
        units_label(app)
    );
    let inner_h = area.height.saturating_sub(2) as usize;
    let scroll = app.compare_scroll.min(lines.len().saturating_sub(inner_h));
    f.render_widget(
        Paragraph::new(lines)
            .scroll((scroll as u16, 0))
            .block(block(title, th)),
        area,
    );
}
