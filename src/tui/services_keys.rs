//! The keys the Services tab reads itself: `s`/`S` sort (a figure largest
//! first, a text A to Z), `{`/`}` scroll the columns sideways (no further
//! than brings the last column into view). Filtering (`/`, `n`/`N`) is in
//! `find` and `typing`.

use super::action::Action;
use super::app::App;
use super::data::services::{numeric, COLUMNS};
use super::layout;
use super::view::{grid, services};
use ratatui::layout::Rect;

/// The scroll position as drawn now.
fn left_shown(app: &App) -> usize {
    let body = layout::areas(Rect::new(0, 0, app.size.0, app.size.1), app).body;
    let (table, _) = layout::services(body, app.services.detail);
    services::grid(app).map_or(0, |g| grid::left_shown(&g, table.width))
}

/// Keys the Services tab reads itself; `true` when `a` was handled.
pub fn handle(app: &mut App, a: &Action) -> bool {
    if app.services.by_outcome {
        return false;
    }
    match a {
        Action::SortNext => {
            let v = &mut app.services;
            v.sort = (v.sort + 1) % COLUMNS.len();
            v.desc = numeric(v.sort);
            v.selected = 0;
        }
        Action::SortReverse => app.services.desc = !app.services.desc,
        Action::ScrollLeft => app.services.left = left_shown(app).saturating_sub(1),
        Action::ScrollRight => {
            app.services.left = left_shown(app) + 1;
            app.services.left = left_shown(app);
        }
        _ => return false,
    }
    true
}
