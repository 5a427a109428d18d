//! `update(&mut App, Action)`: the one place state changes. Navigation and
//! toggles are here; editing, the lever form and the mouse have their own
//! files. File writes are queued as `Effect`s for the edge to perform.

use super::action::Action;
use super::app::{App, Mode, PickTarget, Popup, Purpose, Tab, TextInput};
use super::data;
use super::form;
use super::layout;
use super::mouse;
use super::{files, history, lever_edits, levers_ranges, typing};

/// Apply one action, then bring the derived views up to date.
pub fn update(app: &mut App, action: Action) {
    let row = app.lever_row;
    apply(app, action);
    if app.lever_row != row {
        // A bound picked with `b` belongs to its row.
        app.range_bound = None;
    }
    app.refresh_derived();
    let open = matches!(app.popup, Some(Popup::Risk));
    let id = app.current_id().map(str::to_string);
    super::risk_worker::refresh(&mut app.risk, open, &app.session, id.as_deref());
}

/// Is this the user doing something (so the last message has been seen)?
fn from_user(a: &Action) -> bool {
    !matches!(
        a,
        Action::Resize(..)
            | Action::Reloaded(_)
            | Action::Wrote(_)
            | Action::Computed(_)
            | Action::Tick
            | Action::Conflict(_)
            | Action::WouldReplace(_)
    )
}

fn apply(app: &mut App, action: Action) {
    if from_user(&action) && app.input.is_none() && app.popup.is_none() {
        app.status = None;
    }
    match action {
        Action::Tick => {
            if let Some(st) = app.status.as_mut() {
                st.age = st.age.saturating_add(1);
                if st.age >= super::app::STATUS_TICKS {
                    app.status = None;
                }
            }
        }
        Action::Quit if app.mode() != Mode::Confirm => {
            // Ctrl-C from a popup or a typed line: leave it, then quit.
            app.popup = None;
            app.input = None;
            normal(app, app.tab, Action::Quit);
        }
        Action::Resize(w, h) => app.size = (w, h),
        Action::Reloaded(loaded) => super::reload::reloaded(app, *loaded),
        Action::Wrote(r) => files::wrote(app, r),
        Action::Computed(d) => history::finish(app, *d),
        Action::Conflict(c) => super::conflict::open(app, *c),
        Action::WouldReplace(e) => files::would_replace(app, *e),
        Action::Click(x, y) => mouse::click(app, x, y),
        Action::ScrollUp => (0..3).for_each(|_| apply(app, Action::Up)),
        Action::ScrollDown => (0..3).for_each(|_| apply(app, Action::Down)),
        a => match app.mode() {
            Mode::Help => help(app, a),
            Mode::Picker => picker(app, a),
            Mode::Confirm => super::dialogs::confirm(app, a),
            Mode::Form if matches!(app.popup, Some(Popup::Export(_))) => {
                super::export::update(app, a)
            }
            Mode::Form => form::update(app, a),
            Mode::Text => typing::text(app, a),
            Mode::Normal(tab) => normal(app, tab, a),
        },
    }
}

fn help(app: &mut App, a: Action) {
    match a {
        Action::Close | Action::Help => {
            app.popup = None;
            app.help_scroll = 0;
        }
        Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
        Action::Down => app.help_scroll += 1,
        _ => {}
    }
}

fn picker(app: &mut App, a: Action) {
    let n = app.session.ids.len();
    let Some(Popup::Picker { target, selected }) = &mut app.popup else {
        return;
    };
    match a {
        Action::Up => *selected = selected.saturating_sub(1),
        Action::Down => *selected = (*selected + 1).min(n.saturating_sub(1)),
        Action::Close => app.popup = None,
        Action::Enter => {
            let (t, i) = (*target, *selected);
            app.popup = None;
            match t {
                PickTarget::CompareA => app.compare_a = i,
                PickTarget::Current | PickTarget::CompareB => app.set_current(i),
            }
        }
        _ => {}
    }
}

fn open_picker(app: &mut App, target: PickTarget) {
    let selected = match target {
        PickTarget::CompareA => app.compare_a,
        _ => app.current,
    };
    app.popup = Some(Popup::Picker { target, selected });
}

fn normal(app: &mut App, tab: Tab, a: Action) {
    if tab == Tab::Monitor && super::monitor_keys::handle(app, &a) {
        return;
    }
    if tab == Tab::Pools && super::pools_keys::handle(app, &a) {
        return;
    }
    if tab == Tab::Compare && super::compare_keys::handle(app, &a) {
        return;
    }
    if tab == Tab::Providers && super::providers_keys::handle(app, &a) {
        return;
    }
    if tab == Tab::Services && super::services_keys::handle(app, &a) {
        return;
    }
    let n = app.session.ids.len().max(1);
    match a {
        Action::Quit => {
            if app.session.dirty().is_empty() {
                app.quit = true;
            } else {
                app.popup = Some(Popup::ConfirmQuit);
            }
        }
        Action::Help => app.popup = Some(Popup::Help),
        Action::Risk => app.popup = Some(Popup::Risk),
        Action::Close => {
            if app.services.detail && tab == Tab::Services {
                app.services.detail = false;
            } else {
                app.status = None;
            }
        }
        Action::NextTab => go_tab(app, Tab::ALL[(tab.index() + 1) % Tab::ALL.len()]),
        Action::PrevTab => go_tab(
            app,
            Tab::ALL[(tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()],
        ),
        Action::GoTab(t) => go_tab(app, t),
        Action::NextScenario => app.set_current((app.current + 1) % n),
        Action::PrevScenario => app.set_current((app.current + n - 1) % n),
        Action::PickScenario | Action::PickB => open_picker(app, PickTarget::Current),
        Action::PickA => open_picker(app, PickTarget::CompareA),
        Action::WhoPays => app.who_pays = !app.who_pays,
        Action::ByOutcome => app.services.by_outcome = !app.services.by_outcome,
        Action::NextYear => app.year = (app.year + 1).min(app.years().saturating_sub(1)),
        Action::PrevYear => app.year = app.year.saturating_sub(1),
        Action::CycleUnits => app.unit = app.unit.cycle(),
        Action::ToggleReal => app.real = !app.real,
        Action::Up => move_by(app, tab, -1),
        Action::Down => move_by(app, tab, 1),
        Action::PageUp => move_by(app, tab, -10),
        Action::PageDown => move_by(app, tab, 10),
        Action::Top => move_by(app, tab, -1_000_000),
        Action::Bottom => move_by(app, tab, 1_000_000),
        Action::Filter => {
            let (purpose, text) = if tab == Tab::Services {
                (Purpose::Filter, app.services.filter.clone())
            } else {
                (Purpose::Find, app.find.clone())
            };
            app.input = Some(TextInput {
                purpose,
                text,
                error: None,
            })
        }
        Action::FindNext => super::find::step(app, true, false),
        Action::FindPrev => super::find::step(app, false, false),
        Action::Enter => match tab {
            Tab::Services => app.services.detail = !app.services.detail,
            Tab::Levers => lever_edits::enter(app),
            _ => {}
        },
        Action::NudgeUp => lever_edits::nudge(app, true),
        Action::NudgeDown => lever_edits::nudge(app, false),
        Action::RangeBound => levers_ranges::cycle(app),
        Action::AddLever => form::open_add(app),
        Action::AddYear => lever_edits::add_year(app),
        Action::Delete => lever_edits::delete(app),
        Action::Undo => history::undo(app),
        Action::Redo => history::redo(app),
        Action::Save => files::save(app),
        Action::SaveAs => super::save_as::open(app),
        Action::Export => super::export::open(app),
        _ => {}
    }
}

fn go_tab(app: &mut App, t: Tab) {
    app.tab = t;
    if t == Tab::Levers {
        let rows = app
            .current_id()
            .map(|id| data::levers::rows(&app.session, id))
            .unwrap_or_default();
        if rows
            .get(app.lever_row)
            .is_none_or(|r| matches!(r.kind, data::levers::RowKind::Section(_)))
        {
            app.lever_row = app.first_lever_row();
        }
    }
}

fn clamp_add(x: usize, d: i64, len: usize) -> usize {
    let v = (x as i64 + d).max(0) as usize;
    v.min(len.saturating_sub(1))
}

fn move_by(app: &mut App, tab: Tab, d: i64) {
    if layout::errors_only(app) || (tab == Tab::Overview && !app.errors.is_empty()) {
        // By whole errors (each may wrap): the last one can reach the top.
        app.errors_scroll = layout::scroll(app.errors_scroll, d, app.errors.len(), 1);
        if layout::errors_only(app) {
            return;
        }
    }
    let Some(id) = app.current_id().map(str::to_string) else {
        return;
    };
    match tab {
        Tab::Pools => {
            let n = app
                .session
                .projection(&id)
                .map(|p| p.pools.len())
                .unwrap_or(0);
            app.pool = clamp_add(app.pool, d, n);
        }
        Tab::Services => {
            let n = app.service_row_count();
            app.services.selected = clamp_add(app.services.selected, d, n);
        }
        Tab::Providers => {
            let (n, v) = (app.derived.providers_lines(), layout::body_rows(app));
            app.provider_scroll = layout::scroll(app.provider_scroll, d, n, v);
        }
        Tab::Compare => {
            let (n, v) = (
                app.derived.compare_lines(app.size.0),
                layout::body_rows(app),
            );
            app.compare_scroll = layout::scroll(app.compare_scroll, d, n, v);
        }
        Tab::Levers => lever_edits::move_by(app, &id, d),
        _ => {}
    }
}
