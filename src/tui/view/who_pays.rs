//! Pools, `b`: who pays, who benefits (SPEC §11.5) — for the selected pool
//! and for the whole partnership, one row per partner and outside agency:
//! what it pays over the horizon, the fiscal benefit it receives, of which
//! cashable, the net, the same in present values, and its share of the
//! payments and of the fiscal benefit. Every figure is read from
//! `Derived::who_pays*` (`analysis::who_pays` and `shares`), computed when
//! the session or scenario changes; nothing is computed here.

use super::super::app::App;
use super::super::derived::WhoTable;
use super::super::fmt::{fit, money};
use super::super::strings as s;
use super::super::theme::Theme;
use super::{block, num};
use crate::analysis::who_pays::WhoPays;
use crate::report::table::Cell as Fig;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};
use ratatui::Frame;
use rust_decimal::Decimal;

/// Column headers, two lines each.
const HEAD: [(&str, &str); 10] = [
    ("pays", ""),
    ("share", "of pays"),
    ("receives", "fiscal"),
    ("share", "of fiscal"),
    ("of which", "cashable"),
    ("net", ""),
    ("PV", "pays"),
    ("PV", "receives"),
    ("PV", "cashable"),
    ("PV net", ""),
];
const LABEL_W: u16 = 21;

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let Some(p) = app.current_id().and_then(|id| app.session.projection(id)) else {
        return;
    };
    let Some(pool) = p.pools.get(app.pool) else {
        return;
    };
    let empty: WhoTable = Ok((vec![], vec![]));
    let one = app.derived.who_pays_pools.get(app.pool).unwrap_or(&empty);
    let all = &app.derived.who_pays;
    let h = |t: &WhoTable| t.as_ref().map_or(3, |(r, _)| r.len() as u16 + 5);
    // The pool's table comes first and whole; the partnership's gets the rest.
    let top_h = (h(one) + 2).min(area.height);
    let top = Rect {
        height: top_h,
        ..area
    };
    let bottom = Rect {
        y: area.y + top_h,
        height: h(all).min(area.height - top_h),
        ..area
    };
    let units = app.unit.label();
    let name = &pool.name;
    let titles = Titles {
        pv: vec![
            format!(" Who pays, who benefits: {name} ({units}; horizon cash and present values) · b: account "),
            format!(" Who pays, who benefits: {name} ({units}, cash and PV) "),
        ],
        cash: vec![
            format!(" Who pays, who benefits: {name} ({units}, cash; no room for PV) · b: account "),
            format!(" Who pays, who benefits: {name} ({units}, cash only) "),
            format!(" {name}: who pays, who benefits ({units}, cash) "),
            format!(" {name} ({units}, cash) "),
        ],
    };
    table(f, app, th, top, titles, one, true);
    let whole = format!(" Who pays, who benefits: the whole partnership, all pools ({units}) ");
    let titles = Titles {
        pv: vec![whole.clone()],
        cash: vec![
            format!(" Who pays, who benefits: the whole partnership ({units}, cash only) "),
            format!(" The whole partnership ({units}, cash only) "),
        ],
    };
    if bottom.height >= 5 {
        table(f, app, th, bottom, titles, all, false);
    }
}

fn pct(x: &Option<Decimal>) -> String {
    x.map(|v| Fig::Pct(v).display(crate::report::table::Unit::Pounds))
        .unwrap_or_else(|| s::NA.into())
}

fn head_cell(a: &'static str, b: &'static str, st: Style) -> Cell<'static> {
    Cell::from(Text::from(vec![
        Line::from(Span::styled(a, st)).alignment(Alignment::Right),
        Line::from(Span::styled(b, st)).alignment(Alignment::Right),
    ]))
}

fn label(r: &WhoPays) -> String {
    if r.partner {
        r.id.clone()
    } else {
        format!("{} (outside)", r.id)
    }
}

/// A table's title, longest first, with the present values shown or not:
/// the first that fits the frame is used, never a cut one if any fits (a
/// name too long for all is cut last).
struct Titles {
    pv: Vec<String>,
    cash: Vec<String>,
}

impl Titles {
    fn pick(&self, cash_only: bool, width: usize) -> String {
        let list = if cash_only { &self.cash } else { &self.pv };
        list.iter()
            .find(|t| t.chars().count() <= width)
            .cloned()
            .unwrap_or_else(|| fit(list.last().map_or("", String::as_str), width))
    }
}

fn table(
    f: &mut Frame,
    app: &App,
    th: &Theme,
    area: Rect,
    titles: Titles,
    t: &WhoTable,
    headline: bool,
) {
    let width = area.width.saturating_sub(2) as usize;
    let inner = block(String::new(), th).inner(area);
    let (rows, sh) = match t {
        Ok(x) => x,
        Err(e) => {
            f.render_widget(block(titles.pick(false, width), th), area);
            f.render_widget(Paragraph::new(e.clone()).wrap(Wrap { trim: true }), inner);
            return;
        }
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .zip(sh)
        .map(|(r, (sp, sr))| {
            let m = |x| money(app, x);
            let (a, b) = (pct(sp), pct(sr));
            vec![m(r.pays), a, m(r.receives), b, m(r.cashable), m(r.net)]
                .into_iter()
                .chain([r.pv_pays, r.pv_receives, r.pv_cashable, r.pv_net].map(m))
                .collect()
        })
        .collect();
    // As wide as the widest figure; the present values go when the cash
    // figures would not fit whole (a figure is never cut).
    let w = cells
        .iter()
        .flatten()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0);
    let w = w.max(9) as u16;
    let room = |n: u16| inner.width.saturating_sub(n * (w + 1)).min(LABEL_W);
    let (n, label_w) = if room(10) >= 12 {
        (10, room(10))
    } else {
        (6, room(6).max(8))
    };
    f.render_widget(block(titles.pick(n < 10, width), th), area);
    let mut widths = vec![Constraint::Length(label_w)];
    widths.extend((0..n).map(|_| Constraint::Length(w)));
    let mut head = vec![Cell::from(Text::from(vec![
        Line::from(Span::styled("partner or", th.header())),
        Line::from(Span::styled("agency", th.header())),
    ]))];
    head.extend(
        HEAD[..n as usize]
            .iter()
            .map(|(a, b)| head_cell(a, b, th.header())),
    );
    let body: Vec<Row> = rows
        .iter()
        .zip(cells)
        .map(|(r, c)| {
            let mut v = vec![Cell::from(fit(&label(r), label_w as usize))];
            v.extend(c.into_iter().take(n as usize).map(num));
            Row::new(v)
        })
        .collect();
    let [tab_area, line_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(2 * u16::from(headline)),
    ])
    .areas(inner);
    let table = Table::new(body, widths).header(Row::new(head).height(2));
    f.render_widget(table, tab_area);
    if headline {
        let p = Paragraph::new(gains_most(app, rows, sh)).wrap(Wrap { trim: true });
        f.render_widget(p, line_area);
    }
}

/// "Gains most: X, net £… (receives s% of the fiscal benefit, pays p% of
/// the pool)": the row with the largest net benefit, read from the rows.
fn gains_most(app: &App, rows: &[WhoPays], sh: &[(Option<Decimal>, Option<Decimal>)]) -> String {
    let best = rows
        .iter()
        .zip(sh)
        .filter(|(r, _)| r.net > Decimal::ZERO)
        .max_by(|a, b| a.0.net.cmp(&b.0.net));
    match best {
        Some((r, (sp, sr))) => format!(
            "Gains most: {}, net {} (receives {} of the fiscal benefit, {}; pays {} of the pool, {}).",
            label(r),
            money(app, r.net),
            pct(sr),
            money(app, r.receives),
            pct(sp),
            money(app, r.pays)
        ),
        None => "No partner or agency gains on net from this pool.".into(),
    }
}
