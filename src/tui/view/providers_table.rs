//! Providers as a commissioner uses them: every service line of the year
//! (all categories, or one: `c`), with provider, sector, rating, unit cost,
//! volume, cost, cost per outcome and its outcome measure, rank and the
//! category median, and the same within the sector (rank, median, saving);
//! below, the savings at median by year across and within sector. Enter
//! drills into a provider. Figures: `analysis::providers`, via `Derived`.

use super::super::app::App;
use super::super::data::providers::{chosen, numeric, table, COLUMNS};
use super::super::fmt::{money, qty, units_label};
use super::super::strings as s;
use super::super::theme::Theme;
use super::grid::{self, Grid};
use crate::analysis::providers::Category;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// The table as drawn (None while the comparison failed or a provider is
/// open), for drawing and for the scroll keys.
pub fn grid(app: &App) -> Option<Grid> {
    let cats = app.derived.providers.as_ref().ok()?;
    let v = &app.providers_view;
    if v.drill.is_some() {
        return None;
    }
    let shown = chosen(cats, v.category);
    let one = (shown.len() == 1 && v.category > 0).then(|| shown[0]);
    let rows = table(cats, v, app.unit);
    let year = app
        .current_id()
        .and_then(|id| app.session.projection(id))
        .map(|p| p.year_label(app.year))
        .unwrap_or_default();
    let what = one.map_or("every category".to_string(), |c| c.category.clone());
    Some(Grid {
        title: format!(
            " Providers, {what}, {year} (cost, saving {}) ",
            units_label(app)
        ),
        header: COLUMNS.iter().map(|c| c.to_string()).collect(),
        rows: rows.into_iter().map(|r| r.2).collect(),
        total: one.map(|c| total(app, c)),
        numeric: (0..COLUMNS.len()).map(numeric).collect(),
        selected: Some(v.row),
        sorted: (v.sort > 0).then(|| (v.sort - 1, v.desc)),
        left: v.left,
        first_min: 28,
        max_w: 26,
        ..Default::default()
    })
}

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let cats = match &app.derived.providers {
        Ok(c) => c,
        Err(e) => {
            let p = Paragraph::new(format!("cannot compare providers: {e}"));
            return f.render_widget(p.wrap(Wrap { trim: true }), area);
        }
    };
    if app.providers_view.drill.is_some() {
        return drill(f, app, th, area);
    }
    let shown = chosen(cats, app.providers_view.category);
    let one = (shown.len() == 1 && app.providers_view.category > 0).then(|| shown[0]);
    let Some(g) = grid(app) else { return };
    let [top, bottom] = Layout::vertical([Constraint::Min(5), Constraint::Length(3)]).areas(area);
    grid::draw(f, th, top, &g);
    let lines = savings(app, th, one);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), bottom);
}

/// The category's totals (where they mean something: volume, cost, savings).
fn total(app: &App, c: &Category) -> Vec<String> {
    let mut t = vec![String::new(); COLUMNS.len()];
    t[0] = "total".into();
    t[6] = qty(c.volume, 0);
    t[7] = money(app, c.cost);
    t[9] = money(app, c.saving_at_median);
    t[12] = money(app, c.sector_saving_at_median);
    t
}

/// Savings at median by year for one category, or each category's over
/// the horizon, across sectors and within.
fn savings(app: &App, th: &Theme, one: Option<&Category>) -> Vec<Line<'static>> {
    let Some(Ok(all)) = &app.derived.providers_extra.savings else {
        return vec![];
    };
    let p = app.current_id().and_then(|id| app.session.projection(id));
    let label = |t: usize| p.map(|p| p.year_label(t)).unwrap_or_default();
    let mut out = vec![];
    match one.and_then(|c| all.iter().find(|x| x.category == c.category)) {
        Some(sv) => {
            for (name, ys, tot) in [
                (s::ACROSS, &sv.across, sv.across_total),
                (s::WITHIN, &sv.within, sv.within_total),
            ] {
                let by: Vec<String> = ys
                    .iter()
                    .enumerate()
                    .map(|(t, x)| format!("{} {}", label(t), money(app, *x)))
                    .collect();
                out.push(Line::from(vec![
                    Span::styled(format!("{name}: "), th.header()),
                    Span::raw(format!("{} · horizon {}", by.join(" · "), money(app, tot))),
                ]));
            }
        }
        None => {
            let each: Vec<String> = all
                .iter()
                .map(|x| {
                    format!(
                        "{} {} / {}",
                        x.category,
                        money(app, x.across_total),
                        money(app, x.within_total)
                    )
                })
                .collect();
            out.push(Line::from(vec![
                Span::styled(format!("{}: ", s::SAVINGS_ALL), th.header()),
                Span::raw(each.join(" · ")),
            ]));
        }
    }
    out.push(Line::from(Span::styled(s::PROVIDERS_KEYS, th.dim())));
    out
}

fn drill(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let d = match &app.derived.providers_extra.drill {
        Some(Ok(d)) => d,
        Some(Err(e)) => return f.render_widget(Paragraph::new(e.clone()), area),
        None => return,
    };
    let p = app.current_id().and_then(|id| app.session.projection(id));
    let head = [
        "service",
        "year",
        "category",
        "rank",
        "unit cost £",
        "volume",
        "cost",
        "median £",
        "saving",
        "sector median £",
        "sector saving",
    ];
    let opt = |x: Option<rust_decimal::Decimal>| x.map_or(s::NA.to_string(), |v| qty(v, 2));
    let rows = d
        .lines
        .iter()
        .map(|x| {
            let l = &x.line;
            vec![
                l.service_name.clone(),
                p.map(|p| p.year_label(x.year)).unwrap_or_default(),
                x.category.clone(),
                l.rank.to_string(),
                qty(l.unit_cost, 2),
                qty(l.volume, 0),
                money(app, l.cost),
                opt(x.median_unit_cost),
                money(app, l.saving_at_median),
                opt(l.sector_median_unit_cost),
                money(app, l.sector_saving_at_median),
            ]
        })
        .collect();
    let rating = if d.rating.is_empty() {
        "no rating".to_string()
    } else {
        format!("rating {}", d.rating)
    };
    let g = Grid {
        title: format!(
            " {} ({}) · {} · {rating} · every service and year (Esc back) ",
            d.name, d.provider, d.sector
        ),
        header: head.iter().map(|h| h.to_string()).collect(),
        rows,
        numeric: (0..head.len()).map(|c| c >= 3).collect(),
        first_min: 28,
        ..Default::default()
    };
    grid::draw(f, th, area, &g);
}
