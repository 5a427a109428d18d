//! The export dialog: one row per choice (←/→ change it), the path typed,
//! and the question when a file would be replaced.

use super::super::app::App;
use super::super::app::ExportForm;
use super::super::export::{ids, FORMATS};
use super::super::theme::Theme;
use super::{centred, popup_block};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect, form: &ExportForm) {
    let r = centred(area, 76, 11);
    let inner = popup_block(
        f,
        r,
        " Export (←/→ choose, Tab next, Enter exports, Esc closes) ",
        th,
    );
    let scen = ids(app, form.pair).join(" (reference), then ");
    let rows = [
        ("format", format!("◀ {} ▶", FORMATS[form.format])),
        ("units", format!("◀ {} ▶", form.unit.label())),
        (
            "scenarios",
            format!(
                "◀ {} ▶",
                if form.pair {
                    format!("Compare's A and B: {scen}")
                } else {
                    scen
                }
            ),
        ),
        ("path", format!("{}▏", form.path)),
    ];
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, (k, v))| {
            let st = if i == form.focus {
                th.selected()
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::styled(format!("{k:<10} "), th.dim()),
                Span::styled(v.clone(), st),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    if let Some(e) = &form.replace {
        let shown = e.path.strip_prefix(&app.session.root).unwrap_or(&e.path);
        lines.push(Line::from(Span::styled(
            format!(
                "{} exists: replace it? y replaces, n goes back",
                shown.display()
            ),
            th.bad(),
        )));
    } else if let Some(e) = &form.error {
        lines.push(Line::from(Span::styled(e.clone(), th.bad())));
    } else if app
        .session
        .edited_in_chain(app.current_id().unwrap_or_default())
    {
        lines.push(Line::from(Span::styled(
            "unsaved edits: the titles and provenance say so",
            th.bad(),
        )));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// The conflict dialog: what differs, and the choice.
pub fn conflict(f: &mut Frame, app: &App, th: &Theme, area: Rect, c: &super::super::app::Conflict) {
    use super::super::conflict::only_in;
    let mine = app.session.text(&c.id).unwrap_or_default();
    let shown = c
        .effect
        .path
        .strip_prefix(&app.session.root)
        .unwrap_or(&c.effect.path);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{} changed on disk since poolplan read it.",
            shown.display()
        ),
        th.bad(),
    ))];
    for (who, ls) in [
        ("on disk", only_in(&c.theirs, mine)),
        ("yours  ", only_in(mine, &c.theirs)),
    ] {
        for l in ls.iter().take(6) {
            lines.push(Line::from(vec![
                Span::styled(format!("{who} │ "), th.dim()),
                Span::raw(l.to_string()),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(
        "o writes yours over it · t takes the version on disk (u brings yours back) · Esc: later",
    ));
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = centred(area, 90, h);
    let inner = popup_block(f, r, " Changed on disk ", th);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
