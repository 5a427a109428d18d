//! The keys the Providers tab reads itself: `c` category, `s`/`S` sort,
//! `v` bars or table, moving through the table, `{`/`}` scroll, Enter
//! drills into the selected line's provider, Esc returns.

use super::action::Action;
use super::app::App;
use super::data::providers::{table, COLUMNS};
use super::layout;
use super::view::{grid, providers_table};
use ratatui::layout::Rect;

/// The table's scroll position as drawn now.
fn left_shown(app: &App) -> usize {
    let body = layout::areas(Rect::new(0, 0, app.size.0, app.size.1), app).body;
    providers_table::grid(app).map_or(0, |g| grid::left_shown(&g, body.width))
}

/// Rows of the table and the provider of the selected one.
fn selected(app: &App) -> (usize, Option<String>) {
    match &app.derived.providers {
        Ok(cats) => {
            let t = table(cats, &app.providers_view, app.unit);
            let at = t.get(app.providers_view.row).map(|r| r.1.provider.clone());
            (t.len(), at)
        }
        Err(_) => (0, None),
    }
}

/// Keys the Providers tab reads itself; `true` when `a` was handled.
pub fn handle(app: &mut App, a: &Action) -> bool {
    let n_cats = app.derived.providers.as_ref().map_or(0, Vec::len);
    let v = &mut app.providers_view;
    match a {
        Action::ToggleBars => v.bars = !v.bars,
        _ if v.bars => return false,
        Action::Close if v.drill.is_some() => {
            v.drill = None;
            app.derived.providers_extra.want = None;
        }
        Action::CycleCategory => {
            v.category = (v.category + 1) % (n_cats + 1);
            v.row = 0;
        }
        Action::SortNext => {
            v.sort = (v.sort + 1) % (COLUMNS.len() + 1);
            v.desc = v.sort > 1 && super::data::providers::numeric(v.sort - 1);
        }
        Action::SortReverse => v.desc = !v.desc,
        Action::ScrollLeft => app.providers_view.left = left_shown(app).saturating_sub(1),
        Action::ScrollRight => {
            app.providers_view.left = left_shown(app) + 1;
            app.providers_view.left = left_shown(app);
        }
        Action::Enter if v.drill.is_none() => {
            if let (_, Some(p)) = selected(app) {
                app.providers_view.drill = Some(p.clone());
                app.derived.providers_extra.want = Some(p);
            }
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom
            if v.drill.is_none() =>
        {
            let d: i64 = match a {
                Action::Up => -1,
                Action::Down => 1,
                Action::PageUp => -10,
                Action::PageDown => 10,
                Action::Top => -1_000_000,
                _ => 1_000_000,
            };
            let n = selected(app).0 as i64;
            let v = &mut app.providers_view;
            v.row = (v.row as i64 + d).clamp(0, (n - 1).max(0)) as usize;
        }
        _ => return false,
    }
    true
}
