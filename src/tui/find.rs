//! Find on the table tabs: `/` types a text, Enter jumps to the first line
//! that contains it (case-insensitive), `n`/`N` to the next and previous.
//! Services filters its rows instead (the filter is the find there), so
//! `n`/`N` step through the filtered rows. Each tab says what its lines
//! are; the index found moves that tab's selection or scroll.

use super::app::{App, Tab};
use super::data;
use super::layout;

/// The searchable text of each line of a tab, in the order drawn.
fn lines(app: &App, tab: Tab) -> Vec<String> {
    let Some(id) = app.current_id() else {
        return vec![];
    };
    match tab {
        Tab::Pools if !app.pools.detail => glance_order(app)
            .into_iter()
            .filter_map(|i| app.session.projection(id)?.pools.get(i))
            .map(|l| format!("{} {}", l.id, l.name))
            .collect(),
        Tab::Pools => app
            .session
            .projection(id)
            .map(|p| {
                p.pools
                    .iter()
                    .map(|l| format!("{} {}", l.id, l.name))
                    .collect()
            })
            .unwrap_or_default(),
        Tab::Levers => data::levers::rows(&app.session, id)
            .into_iter()
            .map(|r| format!("{} {} {}", r.label, r.value, r.source))
            .collect(),
        Tab::Providers if !app.providers_view.bars => match &app.derived.providers {
            Ok(cats) => data::providers::table(cats, &app.providers_view, app.unit)
                .into_iter()
                .map(|r| r.2.join(" "))
                .collect(),
            Err(_) => vec![],
        },
        Tab::Providers => {
            // As drawn: two header lines, then each category and its lines.
            let mut out = vec![String::new(), String::new()];
            if let Ok(cats) = &app.derived.providers {
                for c in cats {
                    out.push(c.category.clone());
                    out.extend(c.lines.iter().map(|l| {
                        format!(
                            "{} {} {} {}",
                            l.service, l.service_name, l.provider, l.provider_name
                        )
                    }));
                }
            }
            out
        }
        Tab::Compare => {
            let same = app.compare_a_id() == app.current_id() && app.session.ids.len() > 1;
            let mut out = vec![String::new(); 10 + usize::from(same)];
            if let Some(Ok(b)) = &app.derived.bridge {
                out.push("A".into());
                out.extend(b.steps.iter().map(|s| s.driver.clone()));
            }
            out
        }
        Tab::Overview | Tab::Services | Tab::Monitor => vec![],
    }
}

/// The glance's ranking (pool indices in the order drawn).
fn glance_order(app: &App) -> Vec<usize> {
    match app.derived.glance(app.pools.horizon) {
        Some(Ok(g)) => g.ranked(&app.pools).0,
        _ => vec![],
    }
}

fn position(app: &App, tab: Tab) -> usize {
    match tab {
        Tab::Pools if !app.pools.detail => app.pools.row,
        Tab::Providers if !app.providers_view.bars => app.providers_view.row,
        Tab::Pools => app.pool,
        Tab::Levers => app.lever_row,
        Tab::Providers => app.provider_scroll,
        Tab::Compare => app.compare_scroll,
        Tab::Services => app.services.selected,
        Tab::Overview | Tab::Monitor => 0,
    }
}

fn set_position(app: &mut App, tab: Tab, i: usize) {
    match tab {
        Tab::Providers if !app.providers_view.bars => app.providers_view.row = i,
        Tab::Pools if !app.pools.detail => {
            app.pools.row = i;
            app.pool = glance_order(app).get(i).copied().unwrap_or(app.pool);
        }
        Tab::Pools => app.pool = i,
        Tab::Levers => app.lever_row = i,
        Tab::Providers => app.provider_scroll = i,
        Tab::Compare => app.compare_scroll = i,
        Tab::Services => app.services.selected = i,
        Tab::Overview | Tab::Monitor => {}
    }
}

/// Jump to the next (or previous) match after the current position; the
/// first search starts at the top. Says so when nothing matches.
pub fn step(app: &mut App, forward: bool, first: bool) {
    let tab = app.tab;
    if tab == Tab::Services {
        let n = app.service_row_count();
        let at = app.services.selected;
        app.services.selected = if forward {
            (at + 1).min(n.saturating_sub(1))
        } else {
            at.saturating_sub(1)
        };
        return;
    }
    let needle = app.find.to_lowercase();
    if needle.is_empty() {
        app.say(super::strings::FIND_FIRST);
        return;
    }
    let ls = lines(app, tab);
    let n = ls.len();
    let at = if first {
        n.saturating_sub(1)
    } else {
        position(app, tab)
    };
    let hit = (1..=n)
        .map(|k| {
            if forward {
                (at + k) % n.max(1)
            } else {
                (at + n - k % n.max(1)) % n.max(1)
            }
        })
        .find(|&i| ls[i].to_lowercase().contains(&needle));
    match hit {
        Some(i) => {
            set_position(app, tab, i);
            let bars = tab == Tab::Providers && app.providers_view.bars;
            if bars || tab == Tab::Compare {
                // Scroll so the match is the top line (within the last page).
                let v = layout::body_rows(app);
                let lines = if tab == Tab::Providers {
                    app.derived.providers_lines()
                } else {
                    app.derived.compare_lines(app.size.0)
                };
                set_position(app, tab, layout::scroll(i, 0, lines, v));
            }
        }
        None => app.complain(format!("no line matches \"{}\"", app.find)),
    }
}
