//! Where things are on screen: pure functions of the terminal size and the
//! app, used both to draw and to hit-test mouse clicks, so the two always
//! agree and drawing never has to record anything.

use super::app::{App, Tab};
use super::strings as s;
use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest usable terminal.
pub const MIN: (u16, u16) = (80, 24);

/// The main areas of the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Areas {
    pub tabs: Rect,
    pub context: Rect,
    pub body: Rect,
    pub errors: Option<Rect>,
    pub status: Rect,
    pub footer: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN.0 || area.height < MIN.1
}

/// Split the screen.
pub fn areas(area: Rect, app: &App) -> Areas {
    if errors_only(app) {
        // No figures: the errors take the whole body.
        let [tabs, context, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(5),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        return Areas {
            tabs,
            context,
            body: Rect { height: 0, ..body },
            errors: Some(body),
            status,
            footer,
        };
    }
    let err_h = if app.errors.is_empty() {
        0
    } else {
        (app.errors.len() as u16 + 2).min(area.height / 4).max(3)
    };
    let [tabs, context, body, errors, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(err_h),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Areas {
        tabs,
        context,
        body,
        errors: (err_h > 0).then_some(errors),
        status,
        footer,
    }
}

/// The files have errors and there are no good figures to show.
pub fn errors_only(app: &App) -> bool {
    !app.errors.is_empty() && !app.session.has_figures()
}

/// The app's name leads the tab line when every title fits after it.
pub fn tabs_named(line: Rect) -> bool {
    let titles: usize = Tab::ALL.iter().map(|t| t.title().chars().count() + 2).sum();
    s::APP.len() + 2 + titles <= line.width as usize
}

/// The rectangle of each tab's title in the tab line.
pub fn tab_rects(line: Rect) -> Vec<Rect> {
    let name = if tabs_named(line) {
        s::APP.len() as u16 + 2
    } else {
        0
    };
    let mut x = line.x + name;
    let mut out = vec![];
    for t in Tab::ALL {
        let w = t.title().chars().count() as u16 + 2;
        let w = w.min((line.x + line.width).saturating_sub(x));
        out.push(Rect::new(x, line.y, w, 1));
        x = x.saturating_add(w);
    }
    out
}

/// The first row shown of a list of which `selected` must be visible.
pub fn offset(selected: usize, visible: usize) -> usize {
    if visible == 0 || selected < visible {
        0
    } else {
        selected + 1 - visible
    }
}

/// The services tab: the table, and the detail panel when open.
pub fn services(body: Rect, detail: bool) -> (Rect, Option<Rect>) {
    if detail {
        let [t, d] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
        (t, Some(d))
    } else {
        (body, None)
    }
}

/// The pools tab: the list of pools on the left (as wide as the longest
/// name and its `!`, up to a third of the screen), the pool's detail on
/// the right.
pub fn pools(body: Rect, app: &App) -> (Rect, Rect) {
    let longest = app
        .current_id()
        .and_then(|id| app.session.projection(id))
        .map(|p| {
            p.pools
                .iter()
                .map(|l| l.name.chars().count())
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0) as u16;
    let w = (longest + 6).clamp(24, (body.width / 3).max(24));
    let [l, r] = Layout::horizontal([Constraint::Length(w), Constraint::Min(40)]).areas(body);
    (l, r)
}

/// Which column of a header (drawn with one space between columns, after a
/// one-cell border) a screen column `x` falls in.
pub fn column_at(area: Rect, widths: &[u16], x: u16) -> Option<usize> {
    let mut left = area.x + 1;
    for (i, w) in widths.iter().enumerate() {
        if x >= left && x < left + w {
            return Some(i);
        }
        left += w + 1;
    }
    None
}

/// The Levers tab: the table above one line of help.
pub fn levers_table(body: Rect) -> Rect {
    let [t, _] = Layout::vertical([Constraint::Min(4), Constraint::Length(1)]).areas(body);
    t
}

/// Rows inside the body's border at the current terminal size.
pub fn body_rows(app: &App) -> usize {
    let a = areas(Rect::new(0, 0, app.size.0, app.size.1), app);
    a.body.height.saturating_sub(2) as usize
}

/// A scroll offset moved by `d` lines, kept so the last page stays full.
pub fn scroll(at: usize, d: i64, lines: usize, visible: usize) -> usize {
    let max = lines.saturating_sub(visible) as i64;
    (at as i64 + d).clamp(0, max.max(0)) as usize
}
