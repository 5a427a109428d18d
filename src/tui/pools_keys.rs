//! The keys the Pools tab reads itself: on the glance, moving through the
//! ranking, sorting it, year or horizon, what the matrix shows, scrolling
//! the matrix sideways, Enter to open a pool; in a pool, Esc back.

use super::action::Action;
use super::app::App;
use super::layout;
use super::view::{glance, grid};
use ratatui::layout::Rect;

/// The matrix's scroll position as drawn now.
fn left_shown(app: &App) -> usize {
    let body = layout::areas(Rect::new(0, 0, app.size.0, app.size.1), app).body;
    let w = glance::matrix_width(body.width);
    glance::matrix(app).map_or(0, |g| grid::left_shown(&g, w))
}

/// The number of pools and the pool at the ranking's selected line.
fn ranked(app: &App) -> Option<(usize, usize)> {
    let g = app.derived.glance(app.pools.horizon)?.as_ref().ok()?;
    let (o, i) = g.ranked(&app.pools);
    Some((o.len(), i))
}

/// Keys the Pools tab reads itself; `true` when `a` was handled.
pub fn handle(app: &mut App, a: &Action) -> bool {
    let v = &mut app.pools;
    match a {
        Action::Close if app.who_pays => app.who_pays = false,
        Action::Close if v.detail => v.detail = false,
        Action::SortNext => {
            v.sort = (v.sort + 1) % super::data::glance::COLUMNS.len();
            v.desc = v.sort != 0;
        }
        Action::SortReverse => v.desc = !v.desc,
        Action::ToggleHorizon => v.horizon = !v.horizon,
        Action::CycleBears => v.bears = v.bears.next(),
        Action::ScrollLeft => app.pools.left = left_shown(app).saturating_sub(1),
        Action::ScrollRight => {
            app.pools.left = left_shown(app) + 1;
            app.pools.left = left_shown(app);
        }
        Action::WhoPays if !v.detail => {
            if let Some((_, i)) = ranked(app) {
                app.pool = i;
            }
            app.who_pays = !app.who_pays;
        }
        Action::Enter if !v.detail && !app.who_pays => {
            if let Some((_, i)) = ranked(app) {
                app.pool = i;
                app.pools.detail = true;
            }
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom
            if !v.detail && !app.who_pays =>
        {
            let d: i64 = match a {
                Action::Up => -1,
                Action::Down => 1,
                Action::PageUp => -10,
                Action::PageDown => 10,
                Action::Top => -1_000_000,
                _ => 1_000_000,
            };
            let n = ranked(app).map_or(0, |r| r.0) as i64;
            let row = (app.pools.row as i64 + d).clamp(0, (n - 1).max(0));
            app.pools.row = row as usize;
            if let Some((_, i)) = ranked(app) {
                app.pool = i;
            }
        }
        _ => return false,
    }
    true
}
