//! Mouse clicks: hit-tested against the same pure layout functions that
//! drawing uses, so a click lands on what is shown.

use super::app::{App, Popup, Tab};
use super::data;
use super::layout;
use ratatui::layout::{Position, Rect};

/// A left click at screen column `x`, row `y`.
pub fn click(app: &mut App, x: u16, y: u16) {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    if layout::too_small(area) {
        return;
    }
    if app.popup.is_some() {
        if matches!(app.popup, Some(Popup::Help)) {
            app.popup = None;
        }
        return;
    }
    let a = layout::areas(area, app);
    let at = Position::new(x, y);
    if a.tabs.contains(at) {
        if let Some(i) = layout::tab_rects(a.tabs)
            .iter()
            .position(|r| r.contains(at))
        {
            app.tab = Tab::ALL[i];
            if app.tab == Tab::Levers {
                app.lever_row = app.first_lever_row();
            }
        }
        return;
    }
    if !a.body.contains(at) {
        return;
    }
    match app.tab {
        Tab::Services => services(app, a.body, x, y),
        Tab::Pools if app.pools.detail => {
            let (list, _) = layout::pools(a.body, app);
            if list.contains(at) && y > list.y {
                let n = app
                    .current_id()
                    .and_then(|id| app.session.projection(id))
                    .map(|p| p.pools.len())
                    .unwrap_or(0);
                let i = (y - list.y - 1) as usize;
                if i < n {
                    app.pool = i;
                }
            }
        }
        Tab::Levers => {
            let Some(id) = app.current_id() else { return };
            let rows = data::levers::rows(&app.session, id);
            let table = layout::levers_table(a.body);
            let visible = table.height.saturating_sub(2) as usize;
            let off = layout::offset(app.lever_row, visible);
            if y > table.y && y < table.y + table.height - 1 {
                let i = off + (y - table.y - 1) as usize;
                if rows
                    .get(i)
                    .is_some_and(|r| !matches!(r.kind, data::levers::RowKind::Section(_)))
                {
                    app.lever_row = i;
                }
            }
        }
        _ => {}
    }
}

fn services(app: &mut App, body: Rect, x: u16, y: u16) {
    let (table, _) = layout::services(body, app.services.detail);
    let Some(g) = super::view::services::grid(app) else {
        return;
    };
    if y == table.y + 1 {
        let (cols, widths) = super::view::grid::shown(&g, table.width);
        if let Some(c) = layout::column_at(table, &widths, x).and_then(|n| cols.get(n)) {
            let v = &mut app.services;
            if v.sort == *c {
                v.desc = !v.desc;
            } else {
                v.sort = *c;
                v.desc = data::services::numeric(*c);
            }
        }
        return;
    }
    let visible = (table.height as usize).saturating_sub(3 + usize::from(g.total.is_some()));
    let off = layout::offset(app.services.selected, visible);
    if y >= table.y + 2 && ((y - table.y - 2) as usize) < visible {
        let i = off + (y - table.y - 2) as usize;
        if i < g.rows.len() {
            if app.services.selected == i {
                app.services.detail = true;
            }
            app.services.selected = i;
        }
    }
}
