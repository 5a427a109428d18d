//! The event loop: the only code that touches the terminal. It restores
//! the terminal on every exit path, panics included; polls the workspace's
//! files every 500 ms and reloads when they change; maps events to actions,
//! applies them, performs queued writes, and redraws.

use super::action::Action;
use super::app::App;
use super::edge;
use super::keymap::{key_action, mouse_action};
use super::update::update;
use super::view::draw;
use crate::session::Session;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use signal_hook::consts::{SIGHUP, SIGTERM};
use std::collections::VecDeque;
use std::io::{self, Stdout};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const POLL: Duration = Duration::from_millis(500);
/// How often to look for a projection's result while one runs.
const BUSY_POLL: Duration = Duration::from_millis(5);

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
    let (session, errors) = Session::build(edge::load(root), &Default::default());
    // Files with errors at start-up: no figures until they are fixed.
    let session = if errors.is_empty() {
        session
    } else {
        session.without_figures()
    };
    let mut app = App::new(session, errors, size, color);
    app.lever_row = app.first_lever_row();
    match edge::read_recovery(root) {
        Some(Ok(edits)) if !edits.is_empty() => {
            app.popup = Some(super::app::Popup::Recover(edits));
        }
        Some(Err(e)) => app.complain(e),
        _ => {}
    }
    app.refresh_derived();
    app
}

/// Choose the scenarios named on the command line: one is the current
/// scenario; two are Compare's A and B (B current). A name the workspace
/// lacks is an error listing the scenarios it has, as `summary` does.
pub fn choose(app: &mut App, names: &[String]) -> Result<(), String> {
    if names.len() > 2 {
        return Err(format!(
            "name at most two scenarios (the current one, or Compare's A and B); got {}",
            names.len()
        ));
    }
    let mut known: Vec<&String> = app.session.sources.keys().collect();
    known.sort();
    let mut idx = vec![];
    for n in names {
        let id = crate::load::Workspace::scenario_id(n);
        if !app.session.sources.contains_key(&id) {
            let list: Vec<&str> = known.iter().map(|s| s.as_str()).collect();
            return Err(format!(
                "no scenario \"{id}\"; the workspace has: {}",
                if list.is_empty() {
                    "none".into()
                } else {
                    list.join(", ")
                }
            ));
        }
        idx.push(app.session.ids.iter().position(|x| *x == id));
    }
    match idx.as_slice() {
        [Some(b)] => app.set_current(*b),
        [Some(a), Some(b)] => {
            app.compare_a = *a;
            app.set_current(*b);
            // Two names ask for a comparison: open on it.
            app.tab = super::app::Tab::Compare;
        }
        _ => {}
    }
    app.refresh_derived();
    Ok(())
}

/// Run the TUI on the workspace at `root`, on the scenarios named (see
/// `choose`). Returns the exit code.
pub fn run(root: &Path, names: &[String]) -> u8 {
    use std::io::IsTerminal;
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut app = app_for(root, (80, 24), color);
    if let Err(e) = choose(&mut app, names) {
        crate::errln!("error: {e}");
        return 1;
    }
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        crate::errln!("error: the interactive model needs a terminal; try `poolplan summary`");
        return 2;
    }
    let mut term = match setup() {
        Ok(t) => t,
        Err(e) => {
            restore();
            crate::errln!("error: cannot start the terminal interface: {e}");
            return 1;
        }
    };
    let size = term.size().map(|s| (s.width, s.height)).unwrap_or((80, 24));
    app.work.threaded = true;
    super::update::update(&mut app, Action::Resize(size.0, size.1));
    // SIGTERM and SIGHUP end the loop cleanly: the terminal is restored
    // and unsaved edits go to the recovery file.
    let stop = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP] {
        let _ = signal_hook::flag::register_usize(sig, Arc::clone(&stop), sig as usize);
    }
    let result = event_loop(&mut term, &mut app, root, &stop);
    restore();
    let _ = term.show_cursor();
    let sig = stop.load(Ordering::Relaxed);
    if sig != 0 {
        match edge::write_recovery(&app) {
            Some(Ok(p)) => crate::errln!(
                "poolplan stopped by a signal; unsaved edits are in {} (the next start offers to restore them)",
                p.display()
            ),
            Some(Err(e)) => crate::errln!("error: poolplan stopped by a signal and could not keep the unsaved edits: {e}"),
            None => {}
        }
        return 128u8.saturating_add(sig as u8);
    }
    match result {
        Ok(()) => 0,
        Err(e) => {
            crate::errln!("error: the terminal interface failed: {e}");
            1
        }
    }
}

/// Actions that only move around the figures shown: they go ahead while an
/// edit is being projected; every other action waits for its result.
fn navigates(a: &Action) -> bool {
    use Action::*;
    matches!(
        a,
        Tick | Resize(..)
            | NextTab
            | PrevTab
            | GoTab(_)
            | NextYear
            | PrevYear
            | CycleUnits
            | ToggleReal
            | Up
            | Down
            | Top
            | Bottom
            | PageUp
            | PageDown
            | ScrollUp
            | ScrollDown
            | Help
    )
}

/// Apply an action now, or hold it back while an edit is projected.
fn act(app: &mut App, held: &mut VecDeque<Action>, a: Action) {
    if (app.work.busy() || !held.is_empty()) && !navigates(&a) {
        held.push_back(a);
        return;
    }
    update(app, a);
    edge::perform_all(app);
}

/// A finished projection: apply it, then the actions held back meanwhile
/// (until one of them starts another projection).
fn collect(app: &mut App, held: &mut VecDeque<Action>) {
    if let Some(done) = app.work.take_done(false) {
        update(app, Action::Computed(Box::new(done)));
        edge::perform_all(app);
    }
    while !app.work.busy() {
        let Some(a) = held.pop_front() else { break };
        update(app, a);
        edge::perform_all(app);
    }
    if let Some(s) = app.work.status() {
        app.say(s); // stays up (not aged out) while it runs
    }
}

fn event_loop(
    term: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    root: &Path,
    stop: &AtomicUsize,
) -> io::Result<()> {
    let mut stamp = edge::stamp(root);
    let mut last_poll = Instant::now();
    let mut held: VecDeque<Action> = VecDeque::new();
    term.draw(|f| draw(f, app))?;
    while !app.quit && stop.load(Ordering::Relaxed) == 0 {
        let mut wait = POLL.saturating_sub(last_poll.elapsed());
        if app.work.busy() {
            wait = wait.min(BUSY_POLL); // look for the result often
        }
        // Wait on the terminal ourselves: a terminal that went away without
        // its SIGHUP reaching us (the emulator or tmux server killed) makes
        // crossterm's poll spin on read() = 0 forever, so crossterm is only
        // asked once there is input (or a resize it has queued), without
        // waiting. A hung-up terminal ends the loop as a hangup does.
        if wait_for_tty(wait) {
            stop.store(SIGHUP as usize, Ordering::Relaxed);
            break;
        }
        loop {
            let ready = match event::poll(Duration::ZERO) {
                Ok(r) => r,
                // A signal interrupted the wait: the loop condition decides.
                Err(e) if e.kind() == io::ErrorKind::Interrupted => false,
                Err(e) => return Err(e),
            };
            if !ready {
                break;
            }
            let action = match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => key_action(app.mode(), k),
                Event::Mouse(m) => mouse_action(m),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(a) = action {
                act(app, &mut held, a);
            }
        }
        collect(app, &mut held);
        if last_poll.elapsed() >= POLL {
            last_poll = Instant::now();
            update(app, Action::Tick);
            let now = edge::stamp(root);
            if now != stamp {
                stamp = now;
                act(app, &mut held, Action::Reloaded(Box::new(edge::load(root))));
            }
        }
        term.draw(|f| draw(f, app))?;
    }
    Ok(())
}

/// Wait up to `wait` for input on standard input's terminal; true when it
/// has hung up (POLLHUP/POLLERR/POLLNVAL on fd 0). Reads nothing.
fn wait_for_tty(wait: Duration) -> bool {
    let mut fd = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = wait.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: one valid pollfd, count 1; poll only writes `revents`.
    let n = unsafe { libc::poll(&mut fd, 1, ms) };
    n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}
