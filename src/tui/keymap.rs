//! Keys and mouse → actions, by one pure function over one table. The help
//! popup and the footer are generated from the same table, so what help
//! shows is exactly what the keys do.

use super::action::Action;
use super::app::{Mode, Tab};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every tab (no popup, no typing).
    Global,
    Tab(Tab),
    Text,
    Form,
    Picker,
    Help,
    Confirm,
}

impl Scope {
    fn applies(self, mode: Mode) -> bool {
        match (self, mode) {
            (Scope::Global, Mode::Normal(_)) => true,
            (Scope::Tab(t), Mode::Normal(u)) => t == u,
            (Scope::Text, Mode::Text)
            | (Scope::Form, Mode::Form)
            | (Scope::Picker, Mode::Picker)
            | (Scope::Help, Mode::Help)
            | (Scope::Confirm, Mode::Confirm) => true,
            _ => false,
        }
    }
}

const N: KeyModifiers = KeyModifiers::NONE;
const C: KeyModifiers = KeyModifiers::CONTROL;
use KeyCode::{BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, Right, Up};

/// One line of the keymap.
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: fn() -> Action,
    /// The footer's label, for the main keys.
    pub main: Option<&'static str>,
}

macro_rules! b {
    ($scope:expr, [$($k:expr),+], $a:expr) => {
        Binding { scope: $scope, keys: &[$($k),+], action: || $a, main: None }
    };
    ($scope:expr, [$($k:expr),+], $a:expr, $main:literal) => {
        Binding { scope: $scope, keys: &[$($k),+], action: || $a, main: Some($main) }
    };
}

use Scope::{Confirm, Form, Global, Help, Picker, Text};

/// Every binding, most specific scopes first.
pub static BINDINGS: &[Binding] = &[
    b!(
        Scope::Tab(Tab::Services),
        [(Char('s'), N)],
        Action::SortNext,
        "sort"
    ),
    b!(
        Scope::Tab(Tab::Services),
        [(Char('S'), N)],
        Action::SortReverse
    ),
    b!(
        Scope::Tab(Tab::Services),
        [(Char('/'), N)],
        Action::Filter,
        "filter"
    ),
    b!(
        Scope::Tab(Tab::Levers),
        [(Char('+'), N), (Char('='), N)],
        Action::NudgeUp,
        "nudge up"
    ),
    b!(
        Scope::Tab(Tab::Levers),
        [(Char('-'), N), (Char('_'), N)],
        Action::NudgeDown,
        "nudge down"
    ),
    b!(
        Scope::Tab(Tab::Levers),
        [(Char('a'), N)],
        Action::AddLever,
        "add lever"
    ),
    b!(
        Scope::Tab(Tab::Levers),
        [(Char('d'), N), (Delete, N)],
        Action::Delete
    ),
    b!(
        Scope::Tab(Tab::Compare),
        [(Char('a'), N)],
        Action::PickA,
        "pick A"
    ),
    b!(
        Scope::Tab(Tab::Compare),
        [(Char('b'), N)],
        Action::PickB,
        "pick B"
    ),
    b!(Global, [(Char('q'), N)], Action::Quit, "quit"),
    b!(Global, [(Char('?'), N)], Action::Help, "help"),
    b!(Global, [(Esc, N)], Action::Close),
    b!(Global, [(KeyCode::Tab, N)], Action::NextTab, "tab"),
    b!(Global, [(BackTab, N)], Action::PrevTab),
    b!(Global, [(Char('1'), N)], Action::GoTab(Tab::Overview)),
    b!(Global, [(Char('2'), N)], Action::GoTab(Tab::Pools)),
    b!(Global, [(Char('3'), N)], Action::GoTab(Tab::Services)),
    b!(Global, [(Char('4'), N)], Action::GoTab(Tab::Providers)),
    b!(Global, [(Char('5'), N)], Action::GoTab(Tab::Compare)),
    b!(Global, [(Char('6'), N)], Action::GoTab(Tab::Levers)),
    b!(Global, [(Char(']'), N)], Action::NextScenario, "scenario"),
    b!(Global, [(Char('['), N)], Action::PrevScenario),
    b!(Global, [(Char('p'), N)], Action::PickScenario),
    b!(
        Global,
        [(Char('>'), N), (Char('.'), N), (Right, N), (Char('l'), N)],
        Action::NextYear,
        "year"
    ),
    b!(
        Global,
        [(Char('<'), N), (Char(','), N), (Left, N), (Char('h'), N)],
        Action::PrevYear
    ),
    b!(Global, [(Char('m'), N)], Action::CycleUnits, "£/£000/£m"),
    b!(Global, [(Char('r'), N)], Action::ToggleReal, "cash/real"),
    b!(Global, [(Up, N), (Char('k'), N)], Action::Up),
    b!(Global, [(Down, N), (Char('j'), N)], Action::Down),
    b!(Global, [(Char('g'), N), (Home, N)], Action::Top),
    b!(Global, [(Char('G'), N), (End, N)], Action::Bottom),
    b!(
        Global,
        [(Char('u'), C), (KeyCode::PageUp, N)],
        Action::PageUp
    ),
    b!(
        Global,
        [(Char('d'), C), (KeyCode::PageDown, N)],
        Action::PageDown
    ),
    b!(Global, [(Enter, N)], Action::Enter, "open/edit"),
    b!(Global, [(Char('u'), N)], Action::Undo, "undo"),
    b!(Global, [(Char('r'), C)], Action::Redo),
    b!(Global, [(Char('w'), N)], Action::Save, "save"),
    b!(Global, [(Char('W'), N)], Action::SaveAs),
    b!(Global, [(Char('x'), N)], Action::Export),
    b!(Text, [(Enter, N)], Action::Enter),
    b!(Text, [(Esc, N)], Action::Close),
    b!(Text, [(Backspace, N)], Action::Backspace),
    b!(Form, [(Enter, N)], Action::Enter),
    b!(Form, [(Esc, N)], Action::Close),
    b!(Form, [(KeyCode::Tab, N), (Down, N)], Action::NextField),
    b!(Form, [(BackTab, N), (Up, N)], Action::PrevField),
    b!(Form, [(Left, N)], Action::KindPrev),
    b!(Form, [(Right, N)], Action::KindNext),
    b!(Form, [(Backspace, N)], Action::Backspace),
    b!(Picker, [(Up, N), (Char('k'), N)], Action::Up),
    b!(Picker, [(Down, N), (Char('j'), N)], Action::Down),
    b!(Picker, [(Enter, N)], Action::Enter),
    b!(Picker, [(Esc, N), (Char('q'), N)], Action::Close),
    b!(
        Help,
        [(Esc, N), (Char('?'), N), (Char('q'), N)],
        Action::Close
    ),
    b!(Help, [(Up, N), (Char('k'), N)], Action::Up),
    b!(Help, [(Down, N), (Char('j'), N)], Action::Down),
    b!(Confirm, [(Char('y'), N)], Action::Yes),
    b!(Confirm, [(Char('n'), N), (Esc, N)], Action::No),
];

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

/// Help lines for a mode: (keys, what they do), in table order.
pub fn help_lines(mode: Mode) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.scope.applies(mode))
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(key_label).collect();
            (keys.join(" "), (b.action)().help())
        })
        .collect()
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
    use super::*;

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
