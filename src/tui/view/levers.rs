//! Levers: the current scenario's rates, demand growths, contribution
//! growths and levers with where each comes from, and a ranged rate's §14
//! range (low ≤ mode ≤ high) beside its value. Values set in this file
//! are editable in place; inherited ones say which scenario to edit.

use super::super::app::{App, Purpose};
use super::super::data::levers::{rows, RowKind};
use super::super::fmt::{fit, money, units_label};
use super::super::layout;
use super::super::levers_ranges::{picked, Bound};
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
    let wide = area.width >= 110;
    // A range column (low ≤ mode ≤ high) only where the scenario has ranges.
    let ranged = all.iter().any(|r| r.range.is_some());
    let range_w: u16 = match (ranged, wide) {
        (false, _) => 0,
        (true, true) => 24,
        (true, false) => 21,
    };
    let value_w: u16 = if ranged && !wide { 10 } else { 16 };
    let source_w: u16 = match (wide, ranged) {
        (true, _) => 20,
        (false, false) => 14,
        (false, true) => 10,
    };
    let effect_w: u16 = if wide {
        24
    } else if ranged {
        15
    } else {
        17
    };
    let label_w = t_area
        .width
        .saturating_sub(value_w + range_w + source_w + effect_w + 5 + u16::from(ranged));
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
            if let RowKind::Section(_) = r.kind {
                // Drawn across the whole row below, not cut to the label.
                return Row::new(vec![Cell::from("")]);
            }
            let sel = i == app.lever_row;
            let base = if r.own { Style::default() } else { th.dim() };
            let st = if sel { th.selected() } else { base };
            let value = match &editing {
                Some((n, t)) if *n == i => format!("{t}▏"),
                _ => r.value.clone(),
            };
            let bound = if sel { picked(app) } else { None };
            let mut cells = vec![
                // A visible mark as well as the style, for NO_COLOR.
                Cell::from(format!(
                    "{}{}",
                    if sel { "▶ " } else { "  " },
                    fit(&r.label, label_w.saturating_sub(2) as usize)
                )),
                Cell::from(fit(&value, value_w as usize)),
            ];
            if ranged {
                cells.push(range_cell(th, r.range.as_ref(), bound, range_w));
            }
            cells.push(super::num(fit(&effect(i), effect_w as usize)));
            cells.push(Cell::from(fit(&r.source, source_w as usize)));
            Row::new(cells).style(st)
        })
        .collect();
    let mut widths = vec![Constraint::Length(label_w), Constraint::Length(value_w)];
    if ranged {
        widths.push(Constraint::Length(range_w));
    }
    widths.extend([Constraint::Length(effect_w), Constraint::Length(source_w)]);
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
    for (k, r) in all.iter().enumerate().skip(off).take(visible) {
        if let RowKind::Section(name) = r.kind {
            let at = Rect::new(
                t_area.x + 1,
                t_area.y + 1 + (k - off) as u16,
                t_area.width.saturating_sub(2),
                1,
            );
            let line = Span::styled(fit(name, at.width as usize), th.header());
            f.render_widget(Paragraph::new(line), at);
        }
    }
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(s::LEVERS_HELP, th.dim()))),
        help,
    );
}

/// A range as `low ≤ mode ≤ high`; the bound picked with `b` is marked
/// `[…]` (for NO_COLOR) and styled.
fn range_cell(th: &Theme, r: Option<&[String; 3]>, picked: Option<Bound>, w: u16) -> Cell<'static> {
    let Some(r) = r else {
        return Cell::from("");
    };
    let mut spans = vec![];
    for (k, b) in [Bound::Low, Bound::Mode, Bound::High]
        .into_iter()
        .enumerate()
    {
        if k > 0 {
            spans.push(Span::raw(" ≤ "));
        }
        if picked == Some(b) {
            spans.push(Span::styled(format!("[{}]", r[k]), th.current()));
        } else {
            spans.push(Span::raw(r[k].clone()));
        }
    }
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    if text.chars().count() > w as usize {
        return Cell::from(fit(&text, w as usize));
    }
    Cell::from(Line::from(spans))
}
