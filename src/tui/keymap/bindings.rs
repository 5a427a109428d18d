//! The one table of key bindings: scope, keys, action and (for the main
//! keys) the footer's label. Help and the footer are generated from it.

use super::super::action::Action;
use super::super::app::{Mode, Tab};
use crossterm::event::{KeyCode, KeyModifiers};

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
    pub(super) fn applies(self, mode: Mode) -> bool {
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

pub(super) const N: KeyModifiers = KeyModifiers::NONE;
pub(super) const C: KeyModifiers = KeyModifiers::CONTROL;
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
        [(Char('o'), N)],
        Action::ByOutcome,
        "by outcome"
    ),
    b!(
        Scope::Tab(Tab::Pools),
        [(Char('b'), N)],
        Action::WhoPays,
        "who pays"
    ),
    b!(
        Scope::Tab(Tab::Pools),
        [(Char('s'), N)],
        Action::SortNext,
        "sort"
    ),
    b!(
        Scope::Tab(Tab::Pools),
        [(Char('S'), N)],
        Action::SortReverse
    ),
    b!(
        Scope::Tab(Tab::Pools),
        [(Char('y'), N)],
        Action::ToggleHorizon,
        "year/all"
    ),
    b!(
        Scope::Tab(Tab::Pools),
        [(Char('c'), N)],
        Action::CycleBears,
        "bears"
    ),
    b!(
        Scope::Tab(Tab::Providers),
        [(Char('c'), N)],
        Action::CycleCategory,
        "category"
    ),
    b!(
        Scope::Tab(Tab::Providers),
        [(Char('s'), N)],
        Action::SortNext,
        "sort"
    ),
    b!(
        Scope::Tab(Tab::Providers),
        [(Char('S'), N)],
        Action::SortReverse
    ),
    b!(
        Scope::Tab(Tab::Providers),
        [(Char('v'), N)],
        Action::ToggleBars,
        "bars"
    ),
    b!(
        Scope::Tab(Tab::Monitor),
        [(Char('f'), N)],
        Action::CycleMethod,
        "method"
    ),
    b!(Global, [(Char('/'), N)], Action::Filter, "find"),
    b!(Global, [(Char('n'), N)], Action::FindNext),
    b!(Global, [(Char('N'), N)], Action::FindPrev),
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
        [(Char('y'), N)],
        Action::AddYear,
        "add year"
    ),
    b!(
        Scope::Tab(Tab::Levers),
        [(Char('a'), N)],
        Action::AddLever,
        "add lever"
    ),
    b!(
        Scope::Tab(Tab::Levers),
        [(Char('b'), N)],
        Action::RangeBound
    ),
    b!(
        Scope::Tab(Tab::Levers),
        [(Char('d'), N), (Delete, N)],
        Action::Delete
    ),
    b!(
        Scope::Tab(Tab::Compare),
        [(Char('t'), N)],
        Action::Tornado,
        "sensitivity"
    ),
    b!(
        Scope::Tab(Tab::Compare),
        [(Char('M'), N)],
        Action::CycleMeasure,
        "measure"
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
    b!(
        Global,
        [(Char('q'), N), (Char('c'), C)],
        Action::Quit,
        "quit"
    ),
    b!(Global, [(Char('?'), N)], Action::Help, "help"),
    b!(Global, [(Char('R'), N)], Action::Risk),
    b!(Global, [(Esc, N)], Action::Close),
    b!(Global, [(KeyCode::Tab, N)], Action::NextTab, "tab"),
    b!(Global, [(BackTab, N)], Action::PrevTab),
    b!(Global, [(Char('1'), N)], Action::GoTab(Tab::Overview)),
    b!(Global, [(Char('2'), N)], Action::GoTab(Tab::Pools)),
    b!(Global, [(Char('3'), N)], Action::GoTab(Tab::Services)),
    b!(Global, [(Char('4'), N)], Action::GoTab(Tab::Providers)),
    b!(Global, [(Char('5'), N)], Action::GoTab(Tab::Compare)),
    b!(Global, [(Char('6'), N)], Action::GoTab(Tab::Levers)),
    b!(Global, [(Char('7'), N)], Action::GoTab(Tab::Monitor)),
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
    b!(Global, [(Char('{'), N)], Action::ScrollLeft),
    b!(Global, [(Char('}'), N)], Action::ScrollRight),
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
    b!(Help, [(Char('c'), C)], Action::Quit),
    b!(Picker, [(Char('c'), C)], Action::Quit),
    b!(Text, [(Char('c'), C)], Action::Quit),
    b!(Form, [(Char('c'), C)], Action::Quit),
    b!(Confirm, [(Char('y'), N)], Action::Yes),
    b!(Confirm, [(Char('w'), N)], Action::SaveAndQuit),
    b!(Confirm, [(Char('o'), N)], Action::KeepMine),
    b!(Confirm, [(Char('t'), N)], Action::TakeTheirs),
    b!(Confirm, [(Char('n'), N), (Esc, N)], Action::No),
];
