//! The event loop: the only code that touches the terminal. It restores
//! the terminal on every exit path, panics included; polls the workspace's
//! files every 500 ms and reloads when they change; maps events to actions,
//! applies them, performs queued writes, and redraws.

use super::action::Action;
use super::app::App;
use super::edge;
use super::keymap::{key_action, mouse_action};
use super::model::Model;
use super::update::update;
use super::view::draw;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::path::Path;
use std::time::{Duration, Instant};

const POLL: Duration = Duration::from_millis(500);

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, DisableMouseCapture);
}

fn setup() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        prev(info);
    }));
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Build the app for the workspace at `root`, at a terminal size.
pub fn app_for(root: &Path, size: (u16, u16), color: bool) -> App {
    let (model, errors) = Model::build(edge::load(root), &Default::default());
    let mut app = App::new(model, errors, size, color);
    app.lever_row = super::update::first_lever_row(&app);
    app
}

/// Run the TUI on the workspace at `root`, starting on scenario `first` if
/// given. Returns the exit code.
pub fn run(root: &Path, first: Option<&str>) -> u8 {
    let mut term = match setup() {
        Ok(t) => t,
        Err(e) => {
            restore();
            crate::errln!("error: cannot start the terminal interface: {e}");
            return 1;
        }
    };
    let size = term.size().map(|s| (s.width, s.height)).unwrap_or((80, 24));
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut app = app_for(root, size, color);
    if let Some(i) = first.and_then(|f| app.model.ids.iter().position(|x| x == f)) {
        super::update::set_current(&mut app, i);
    }
    let result = event_loop(&mut term, &mut app, root);
    restore();
    let _ = term.show_cursor();
    match result {
        Ok(()) => 0,
        Err(e) => {
            crate::errln!("error: the terminal interface failed: {e}");
            1
        }
    }
}

fn event_loop(
    term: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    root: &Path,
) -> io::Result<()> {
    let mut stamp = edge::stamp(root);
    let mut last_poll = Instant::now();
    term.draw(|f| draw(f, app))?;
    while !app.quit {
        let wait = POLL.saturating_sub(last_poll.elapsed());
        if event::poll(wait)? {
            let action = match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => key_action(app.mode(), k),
                Event::Mouse(m) => mouse_action(m),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(a) = action {
                update(app, a);
                edge::perform_all(app);
            }
        }
        if last_poll.elapsed() >= POLL {
            last_poll = Instant::now();
            let now = edge::stamp(root);
            if now != stamp {
                stamp = now;
                update(app, Action::Reloaded(Box::new(edge::load(root))));
            }
        }
        term.draw(|f| draw(f, app))?;
    }
    Ok(())
}
