//! TUI tests: snapshots of every screen drawn into a `TestBackend`, and
//! action sequences run through `update` on a temporary copy of the
//! example workspace.

mod actions;
mod compare_measure;
mod defects;
mod export_paper;
mod files;
mod glance;
mod lever_effects;
mod levers_ranges;
mod monitor;
mod monitor_chart;
mod mtfs;
mod pool_terms;
mod providers;
mod risk;
mod sensitivity;
mod services_grid;
mod snapshots;
mod who_pays;
mod worker;
mod year_rates;

use super::action::Action;
use super::app::App;
use super::run::app_for;
use super::update::update;
use super::view::draw;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::{Path, PathBuf};

/// The example workspace shipped at the repository root.
pub fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// A temporary copy of the example workspace (budgets/ and scenarios/).
pub fn temp_example() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    copy_dir(&example().join("budgets"), &d.path().join("budgets"));
    copy_dir(&example().join("scenarios"), &d.path().join("scenarios"));
    d
}

/// An app on `root` at a size, monochrome.
pub fn app(root: &Path, w: u16, h: u16) -> App {
    app_for(root, (w, h), false)
}

/// Apply actions in order.
pub fn run(app: &mut App, actions: Vec<Action>) {
    for a in actions {
        update(app, a);
    }
}

/// Type text into the line or form being edited.
pub fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Char).collect()
}

/// Draw into a test terminal of the app's size and return the screen text.
pub fn render(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
