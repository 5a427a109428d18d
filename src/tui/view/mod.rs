//! Drawing: a pure function of `&App`. Each tab has its own widget file;
//! this file draws the frame around them (tabs, context line, errors panel,
//! status line, footer) and the popups.

pub mod axes;
pub mod by_outcome;
pub mod compare;
pub mod export;
pub mod glance;
pub mod grid;
pub mod levers;
pub mod monitor;
pub mod monitor_chart;
pub mod monitor_cols;
pub mod overview;
pub mod overview_rows;
pub mod pool_terms;
pub mod pools;
pub mod popups;
pub mod providers;
pub mod providers_table;
pub mod risk;
pub mod sensitivity;
pub mod services;
pub mod who_pays;

use super::app::{App, Purpose, Tab};
use super::fmt::{fit, units_label};
use super::keymap;
use super::layout;
use super::strings as s;
use super::theme::Theme;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

/// Draw the whole screen.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let th = Theme { color: app.color };
    if layout::too_small(area) {
        let p = Paragraph::new(format!(
            "{}\n(now {}×{})",
            s::TOO_SMALL,
            area.width,
            area.height
        ))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
        f.render_widget(p, area);
        return;
    }
    let a = layout::areas(area, app);
    tabs(f, app, &th, a.tabs);
    context(f, app, &th, a.context);
    if layout::errors_only(app) {
        // No figures at all until the files are fixed.
    } else if app.session.ids.is_empty() {
        f.render_widget(
            Paragraph::new(s::NO_SCENARIOS).wrap(Wrap { trim: true }),
            a.body,
        );
    } else {
        match app.tab {
            Tab::Overview => overview::draw(f, app, &th, a.body),
            Tab::Pools => pools::draw(f, app, &th, a.body),
            Tab::Services => services::draw(f, app, &th, a.body),
            Tab::Providers => providers::draw(f, app, &th, a.body),
            Tab::Compare => compare::draw(f, app, &th, a.body),
            Tab::Levers => levers::draw(f, app, &th, a.body),
            Tab::Monitor => monitor::draw(f, app, &th, a.body),
        }
    }
    if let Some(r) = a.errors {
        errors(f, app, &th, r);
    }
    status(f, app, &th, a.status);
    footer(f, app, &th, a.footer);
    popups::draw(f, app, &th, area);
}

fn tabs(f: &mut Frame, app: &App, th: &Theme, r: Rect) {
    if layout::tabs_named(r) {
        f.render_widget(Paragraph::new(Span::styled(s::APP, th.title())), r);
    }
    for (t, rect) in Tab::ALL.iter().zip(layout::tab_rects(r)) {
        let style = if *t == app.tab {
            th.tab_active()
        } else {
            th.dim()
        };
        f.render_widget(
            Paragraph::new(Span::styled(format!(" {} ", t.title()), style)),
            rect,
        );
    }
}

fn context(f: &mut Frame, app: &App, th: &Theme, r: Rect) {
    let Some(id) = app.current_id() else { return };
    let name = app
        .session
        .projection(id)
        .map(|p| p.scenario_name.as_str())
        .unwrap_or(id);
    let year = app
        .session
        .projection(id)
        .map(|p| p.year_label(app.year))
        .unwrap_or_default();
    let mut spans = vec![
        Span::styled("Scenario ", th.dim()),
        Span::styled(format!("{name} ({id})"), th.header()),
        Span::styled(
            format!(" {}/{}", app.current + 1, app.session.ids.len()),
            th.dim(),
        ),
    ];
    if app.session.docs.get(id).is_some_and(|d| d.dirty()) {
        spans.push(Span::styled(format!("  {}", s::UNSAVED), th.bad()));
    }
    spans.extend([
        Span::styled("   Year ", th.dim()),
        Span::styled(year, th.header()),
        Span::styled("   ", th.dim()),
        Span::styled(units_label(app), th.header()),
    ]);
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

fn errors(f: &mut Frame, app: &App, th: &Theme, r: Rect) {
    let lines: Vec<Line> = app
        .errors
        .iter()
        .map(|d| {
            // One way of naming a place: `file:line:col`, or a sheet's cell.
            let at = d.location();
            let field = d
                .field
                .as_ref()
                .map(|x| format!(" {x}:"))
                .unwrap_or_default();
            Line::from(vec![
                Span::styled(at, th.bad()),
                Span::raw(format!("{field} {}", d.message)),
            ])
        })
        .collect();
    let title = if layout::errors_only(app) {
        s::ERRORS_START_TITLE
    } else {
        s::ERRORS_TITLE
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, th.bad()));
    let shown: Vec<Line> = lines.into_iter().skip(app.errors_scroll).collect();
    f.render_widget(
        Paragraph::new(shown).block(block).wrap(Wrap { trim: true }),
        r,
    );
}

fn status(f: &mut Frame, app: &App, th: &Theme, r: Rect) {
    let w = r.width as usize;
    if let Some(i) = &app.input {
        let label = match i.purpose {
            Purpose::Filter => s::FILTER,
            Purpose::Find => s::FIND,
            Purpose::EditValue(_) => s::EDIT,
            Purpose::EditRange(_, b) => match b {
                super::levers_ranges::Bound::Low => s::EDIT_LOW,
                super::levers_ranges::Bound::Mode => s::EDIT_MODE,
                super::levers_ranges::Bound::High => s::EDIT_HIGH,
            },
            Purpose::SaveAs { step, .. } => super::save_as::PROMPTS[step.min(2)],
        };
        let mut spans = vec![
            Span::styled(label, th.key()),
            Span::raw(format!("{}▏", i.text)),
        ];
        if let Some(e) = &i.error {
            spans.push(Span::styled(
                format!(
                    "  {}",
                    fit(e, w.saturating_sub(label.len() + i.text.len() + 3))
                ),
                th.bad(),
            ));
        }
        f.render_widget(Paragraph::new(Line::from(spans)), r);
        return;
    }
    if let Some(st) = &app.status {
        let style = if st.error { th.bad() } else { th.good() };
        f.render_widget(Paragraph::new(Span::styled(fit(&st.text, w), style)), r);
    }
}

fn footer(f: &mut Frame, app: &App, th: &Theme, r: Rect) {
    let mut spans = vec![];
    let mut used = 0;
    for (k, h) in keymap::footer(app.mode()) {
        let short = h;
        let len = k.chars().count() + short.chars().count() + 3;
        if used + len > r.width as usize {
            break;
        }
        used += len;
        spans.push(Span::styled(k, th.key()));
        spans.push(Span::styled(format!(" {short}  "), th.dim()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

/// A centred rectangle of at most `w`×`h` inside `r`.
pub fn centred(r: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(r.width);
    let h = h.min(r.height);
    Rect::new(r.x + (r.width - w) / 2, r.y + (r.height - h) / 2, w, h)
}

/// Clear a popup's area and draw its border.
pub fn popup_block(f: &mut Frame, r: Rect, title: &str, th: &Theme) -> Rect {
    f.render_widget(Clear, r);
    let b = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title.to_string(), th.title()));
    let inner = b.inner(r);
    f.render_widget(b, r);
    inner
}

/// A right-aligned table cell (numbers).
pub fn num(text: String) -> ratatui::widgets::Cell<'static> {
    ratatui::widgets::Cell::from(Line::from(text).alignment(Alignment::Right))
}

/// A bordered block with a title.
pub fn block<'a>(title: String, th: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, th.title()))
}
