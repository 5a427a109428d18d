//! Levers: the current scenario's rates, demand growths, contribution
//! growths and levers with where each comes from. Values set in this file
//! are editable in place; inherited ones say which scenario to edit.

use super::super::app::{App, Purpose};
use super::super::data::levers::{rows, RowKind};
use super::super::fmt::{fit, money, units_label};
use super::super::layout;
use super::super::strings as s;
use super::super::theme::Theme;
use super::block;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};
use ratatui::Frame;

/// The table's area within the tab's body (a help line goes below).
pub fn draw(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let Some(id) = app.current_id() else { return };
    let all = rows(&app.session, id);
    let t_area = super::super::layout::levers_table(area);
    let help = Rect {
        y: t_area.y + t_area.height,
        height: 1,
        ..area
    };
    let visible = t_area.height.saturating_sub(2) as usize;
    let off = layout::offset(app.lever_row, visible);
    let value_w: u16 = 16;
    let source_w: u16 = if area.width >= 110 { 20 } else { 14 };
    let effect_w: u16 = if area.width >= 110 { 24 } else { 17 };
    let label_w = t_area
        .width
        .saturating_sub(value_w + source_w + effect_w + 5);
    let fx = &app.derived.lever_effects;
    let effect = |i: usize| -> String {
        let Some(e) = fx.of(&all, i) else {
            return String::new();
        };
        let m = |x: Option<rust_decimal::Decimal>| match x {
            Some(v) if v > rust_decimal::Decimal::ZERO => format!("+{}", money(app, v)),
            Some(v) => money(app, v),
            None => s::NA.into(),
        };
        format!("{} / {}", m(e.gap), m(e.overspend))
    };
    let editing = match &app.input {
        Some(i) => match i.purpose {
            Purpose::EditValue(n) => Some((n, i.text.clone())),
            _ => None,
        },
        None => None,
    };
    let body: Vec<Row> = all
        .iter()
        .enumerate()
        .skip(off)
        .take(visible)
        .map(|(i, r)| {
            if let RowKind::Section(name) = r.kind {
                return Row::new(vec![Cell::from(Span::styled(name, th.header()))]);
            }
            let sel = i == app.lever_row;
            let base = if r.own { Style::default() } else { th.dim() };
            let st = if sel { th.selected() } else { base };
            let value = match &editing {
                Some((n, t)) if *n == i => format!("{t}▏"),
                _ => match &r.range {
                    Some(range) => format!("{} {range}", r.value),
                    None => r.value.clone(),
                },
            };
            Row::new(vec![
                // A visible mark as well as the style, for NO_COLOR.
                Cell::from(format!(
                    "{}{}",
                    if sel { "▶ " } else { "  " },
                    fit(&r.label, label_w.saturating_sub(2) as usize)
                )),
                Cell::from(fit(&value, value_w as usize)),
                super::num(fit(&effect(i), effect_w as usize)),
                Cell::from(fit(&r.source, source_w as usize)),
            ])
            .style(st)
        })
        .collect();
    let widths = [
        Constraint::Length(label_w),
        Constraint::Length(value_w),
        Constraint::Length(effect_w),
        Constraint::Length(source_w),
    ];
    let file = app
        .session
        .sources
        .get(id)
        .map(|x| x.shown.clone())
        .unwrap_or_default();
    let dirty = if app.session.docs.get(id).is_some_and(|d| d.dirty()) {
        format!(" {}", s::UNSAVED)
    } else {
        String::new()
    };
    let title = format!(
        " Levers of {id} ({file}){dirty} · {} ({}) ",
        s::EFFECT_HEAD,
        units_label(app)
    );
    f.render_widget(
        Table::new(body, widths)
            .column_spacing(1)
            .block(block(title, th)),
        t_area,
    );
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(s::LEVERS_HELP, th.dim()))),
        help,
    );
}
