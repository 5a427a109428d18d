//! Keys and mouse → actions, by one pure function over one table. The help
//! popup and the footer are generated from the same table, so what help
//! shows is exactly what the keys do.

use super::action::Action;
use super::app::Mode;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

mod bindings;
use bindings::N;
pub use bindings::{Binding, Scope, BINDINGS};
use KeyCode::{BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, Right, Up};

/// Shift is part of the character itself (`S`, `?`, `<`), so it is ignored
/// for characters; Control and Alt are not.
fn normalise(k: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mods = k.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    (k.code, mods)
}

/// The action of a key in a mode, if any.
pub fn key_action(mode: Mode, key: KeyEvent) -> Option<Action> {
    let k = normalise(key);
    let hit = BINDINGS
        .iter()
        .find(|b| b.scope.applies(mode) && b.keys.contains(&k))
        .map(|b| (b.action)());
    if hit.is_some() {
        return hit;
    }
    match (mode, k) {
        (Mode::Text | Mode::Form, (Char(c), m)) if m == N => Some(Action::Char(c)),
        _ => None,
    }
}

/// The action of a mouse event.
pub fn mouse_action(m: MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::Down(crossterm::event::MouseButton::Left) => {
            Some(Action::Click(m.column, m.row))
        }
        MouseEventKind::ScrollUp => Some(Action::ScrollUp),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown),
        _ => None,
    }
}

/// How a key is written in help: `j`, `↓`, `Ctrl-u`.
pub fn key_label(k: &(KeyCode, KeyModifiers)) -> String {
    let base = match k.0 {
        Char(' ') => "Space".to_string(),
        Char(c) => c.to_string(),
        Up => "↑".into(),
        Down => "↓".into(),
        Left => "←".into(),
        Right => "→".into(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        Backspace => "Backspace".into(),
        Delete => "Del".into(),
        Home => "Home".into(),
        End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    if k.1.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// Help lines for a mode: (keys, what they do), in table order, one line
/// per action (the six "go to a tab" keys share one line).
pub fn help_lines(mode: Mode) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = vec![];
    for b in BINDINGS.iter().filter(|b| b.scope.applies(mode)) {
        let keys: Vec<String> = b.keys.iter().map(key_label).collect();
        let help = (b.action)().help();
        match out.iter_mut().find(|(_, h)| *h == help) {
            Some((k, _)) => {
                k.push(' ');
                k.push_str(&keys.join(" "));
            }
            None => out.push((keys.join(" "), help)),
        }
    }
    out
}

/// Footer entries for a mode: (first key, short help).
pub fn footer(mode: Mode) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.scope.applies(mode))
        .filter_map(|b| Some((key_label(b.keys.first()?), b.main?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::bindings::C;
    use super::*;
    use crate::tui::app::Tab;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn table() {
        let n = Mode::Normal(Tab::Services);
        assert!(matches!(
            key_action(n, key(Char('s'), N)),
            Some(Action::SortNext)
        ));
        assert!(matches!(
            key_action(n, key(Char('S'), KeyModifiers::SHIFT)),
            Some(Action::SortReverse)
        ));
        assert!(matches!(
            key_action(n, key(Char('r'), C)),
            Some(Action::Redo)
        ));
        assert!(matches!(
            key_action(n, key(Char('u'), C)),
            Some(Action::PageUp)
        ));
        assert!(key_action(Mode::Normal(Tab::Overview), key(Char('s'), N)).is_none());
        assert!(matches!(
            key_action(Mode::Text, key(Char('q'), N)),
            Some(Action::Char('q'))
        ));
        assert!(matches!(
            key_action(Mode::Normal(Tab::Levers), key(Char('a'), N)),
            Some(Action::AddLever)
        ));
        assert!(matches!(
            key_action(Mode::Normal(Tab::Compare), key(Char('a'), N)),
            Some(Action::PickA)
        ));
    }

    #[test]
    fn help_comes_from_docs() {
        let lines = help_lines(Mode::Normal(Tab::Levers));
        assert!(lines.iter().any(|(k, h)| k == "+ =" && h.contains("0.5pp")));
        assert!(lines.iter().any(|(k, _)| k == "Ctrl-r"));
    }
}
