//! Popups: help (generated from the keymap), the scenario picker, the quit
//! confirmation and the lever form.

use super::super::app::{App, Form, PickTarget, Popup};
use super::super::form;
use super::super::keymap;
use super::super::strings as s;
use super::super::theme::Theme;
use super::{centred, popup_block};
use crate::load::scenario::LEVER_KINDS;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    match &app.popup {
        None => {}
        Some(Popup::Help) => help(f, app, th, area),
        Some(Popup::Picker { target, selected }) => picker(f, app, th, area, *target, *selected),
        Some(Popup::ConfirmQuit) => confirm(f, app, th, area),
        Some(Popup::Risk) => super::risk::draw(f, app, th, area),
        Some(Popup::Form(form)) => lever_form(f, app, th, area, form),
        Some(Popup::Export(form)) => super::export::draw(f, app, th, area, form),
        Some(Popup::Conflict(c)) => super::export::conflict(f, app, th, area, c),
        Some(Popup::Recover(edits)) => {
            let ids: Vec<&str> = edits.iter().map(|e| e.id.as_str()).collect();
            let r = centred(area, 70, 6);
            let inner = popup_block(f, r, " Unsaved edits from last time ", th);
            let text = vec![
                Line::from(Span::styled(
                    format!(
                        "poolplan was stopped with unsaved edits to: {}",
                        ids.join(", ")
                    ),
                    th.bad(),
                )),
                Line::from("y restores them (as unsaved edits); n leaves them for the next start"),
            ];
            f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        }
    }
}

fn help(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let mode = super::super::app::Mode::Normal(app.tab);
    let lines: Vec<(String, &str)> = keymap::help_lines(mode);
    let kw = lines
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let mut text: Vec<Line> = lines
        .iter()
        .map(|(k, h)| {
            Line::from(vec![
                Span::styled(format!("{k:<kw$}  "), th.key()),
                Span::raw(h.to_string()),
            ])
        })
        .collect();
    text.push(Line::from(""));
    text.extend(
        s::HELP_NOTES
            .iter()
            .map(|n| Line::from(Span::styled(*n, th.dim()))),
    );
    let r = centred(area, 76, (text.len() as u16 + 2).min(area.height));
    let inner = popup_block(f, r, s::HELP_TITLE, th);
    let scroll = app
        .help_scroll
        .min(text.len().saturating_sub(inner.height as usize));
    f.render_widget(
        Paragraph::new(text)
            .scroll((scroll as u16, 0))
            .wrap(Wrap { trim: false }),
        inner,
    );
}

fn picker(f: &mut Frame, app: &App, th: &Theme, area: Rect, target: PickTarget, selected: usize) {
    let title = match target {
        PickTarget::Current => s::PICK_TITLE,
        PickTarget::CompareA => s::PICK_A_TITLE,
        PickTarget::CompareB => s::PICK_B_TITLE,
    };
    let r = centred(area, 60, app.session.ids.len() as u16 + 2);
    let inner = popup_block(f, r, title, th);
    let lines: Vec<Line> = app
        .session
        .ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let name = app
                .session
                .projection(id)
                .map(|p| p.scenario_name.as_str())
                .unwrap_or("");
            let dirty = if app.session.docs.get(id).is_some_and(|d| d.dirty()) {
                " ●"
            } else {
                ""
            };
            let text = format!(" {id:<18} {name}{dirty}");
            let style = if i == selected {
                th.selected()
            } else {
                ratatui::style::Style::default()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

fn confirm(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let r = centred(area, 64, 6);
    let inner = popup_block(f, r, s::CONFIRM_TITLE, th);
    let text = vec![
        Line::from(Span::styled(
            format!("Unsaved: {}", app.session.dirty().join(", ")),
            th.bad(),
        )),
        Line::from(s::CONFIRM_TEXT),
    ];
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}

fn lever_form(f: &mut Frame, app: &App, th: &Theme, area: Rect, form: &Form) {
    let title = if form.editing.is_some() {
        s::FORM_EDIT
    } else {
        s::FORM_ADD
    };
    let h = (form.fields.len() as u16 + 7).min(area.height.saturating_sub(2));
    let r = centred(area, 78, h);
    let inner = popup_block(f, r, title, th);
    let visible = inner.height.saturating_sub(4) as usize;
    let off = super::super::layout::offset(form.focus, visible);
    let kind = LEVER_KINDS.get(form.kind).copied().unwrap_or("");
    let mut rows: Vec<(String, String)> = vec![("kind".into(), format!("◀ {kind} ▶"))];
    rows.extend(form.fields.iter().cloned());
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(off)
        .take(visible)
        .map(|(i, (k, v))| {
            let focus = i == form.focus;
            let cursor = if focus && i > 0 { "▏" } else { "" };
            let style = if focus {
                th.selected()
            } else {
                ratatui::style::Style::default()
            };
            Line::from(vec![
                Span::styled(format!(" {k:<14}"), th.key()),
                Span::styled(format!("{v}{cursor}"), style),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    let key = rows.get(form.focus).map(|(k, _)| k.as_str()).unwrap_or("");
    let hint = if form.focus == 0 {
        form::hint(app, "kind")
    } else {
        form::hint(app, key)
    };
    lines.push(Line::from(Span::styled(hint, th.dim())));
    if let Some(e) = &form.error {
        lines.push(Line::from(Span::styled(e.clone(), th.bad())));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
