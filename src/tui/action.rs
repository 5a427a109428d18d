//! The semantic actions of the interactive model. Keys and mouse events are
//! mapped to these by `keymap`; `update` applies them. The `///` line on each
//! variant is its help text: the help popup shows it verbatim.

use super::app::{Conflict, Effect, Tab, Written};
use super::work::Done;
use crate::load::Workspace;

macro_rules! actions {
    ($( $(#[doc = $doc:literal])+ $name:ident $( ( $($t:ty),* ) )? ,)*) => {
        /// Everything the user (or the event loop) can ask the app to do.
        #[derive(Debug)]
        pub enum Action {
            $( $(#[doc = $doc])+ $name $( ( $($t),* ) )?, )*
        }
        impl Action {
            /// The help text of this action: its doc comment.
            pub fn help(&self) -> &'static str {
                match self {
                    $( Action::$name { .. } => concat!($($doc),+).trim_ascii(), )*
                }
            }
        }
    };
}

actions! {
    /// Quit (asks first if there are unsaved edits)
    Quit,
    /// Show or hide this help
    Help,
    /// Close the popup or panel; cancel the edit
    Close,
    /// Next tab
    NextTab,
    /// Previous tab
    PrevTab,
    /// Go to a tab
    GoTab(Tab),
    /// Next scenario
    NextScenario,
    /// Previous scenario
    PrevScenario,
    /// Pick a scenario from a list
    PickScenario,
    /// Next year
    NextYear,
    /// Previous year
    PrevYear,
    /// Units: £ / £000 / £m
    CycleUnits,
    /// Cash / real terms (base-year prices)
    ToggleReal,
    /// Move up
    Up,
    /// Move down
    Down,
    /// First row
    Top,
    /// Last row
    Bottom,
    /// Half a page up
    PageUp,
    /// Half a page down
    PageDown,
    /// Open: details, edit the value, choose
    Enter,
    /// Sort by the next column
    SortNext,
    /// Reverse the sort
    SortReverse,
    /// Services: cost per outcome by outcome measure, or the table
    ByOutcome,
    /// Filter (Services) or find (other tables) by text
    Filter,
    /// Levers: raise the rate 0.5pp or the amount 1%
    NudgeUp,
    /// Levers: lower the rate 0.5pp or the amount 1%
    NudgeDown,
    /// Levers: add a lever
    AddLever,
    /// Levers: add a year to the rate (a single rate becomes a rate by year)
    AddYear,
    /// Pick a bound of the row's range (low, mode, high) for Enter and +/-
    RangeBound,
    /// Levers: delete the lever, or clear the rate set in this file
    Delete,
    /// Undo the last edit
    Undo,
    /// Redo the edit undone
    Redo,
    /// Save the scenario to its own file
    Save,
    /// Save as a new scenario (asks id, name and description)
    SaveAs,
    /// Export: Cabinet tables (CSV, XLSX) or tidy figures, in a dialog
    Export,
    /// Monitor: next forecast method (straight, profile, run-rate, remaining)
    CycleMethod,
    /// Compare: the bridge of the gap, the overspend or a partner's exposure
    CycleMeasure,
    /// Compare: sensitivity (tornado and switching values), or the bridge
    Tornado,
    /// Compare: pick scenario A
    PickA,
    /// Compare: pick scenario B
    PickB,
    /// Pools: who pays, who benefits (this pool and all pools) or the account
    WhoPays,
    /// Scroll a wide table's columns left
    ScrollLeft,
    /// Scroll a wide table's columns right
    ScrollRight,
    /// Providers: every category, or the next one
    CycleCategory,
    /// Providers: the table, or bars by category
    ToggleBars,
    /// Pools: the selected year or the whole horizon
    ToggleHorizon,
    /// Pools: the matrix shows contribution, risk share or exposure
    CycleBears,
    /// Form: previous choice (lever kind, format, units)
    KindPrev,
    /// Form: next choice
    KindNext,
    /// Type a character
    Char(char),
    /// Delete the character before the cursor
    Backspace,
    /// Next field
    NextField,
    /// Previous field
    PrevField,
    /// Confirm: yes
    Yes,
    /// Confirm: no
    No,
    /// Find: jump to the next line matching the text
    FindNext,
    /// Find: jump to the previous match
    FindPrev,
    /// Save every edited scenario, then quit
    SaveAndQuit,
    /// Conflict: write your version over the file on disk
    KeepMine,
    /// Conflict: take the version on disk (yours stays undoable)
    TakeTheirs,
    /// Half a second passed (status messages age)
    Tick,
    /// Risk view: ranges, fan chart, reserves
    Risk,
    /// Mouse click at a column and row
    Click(u16, u16),
    /// Mouse wheel up
    ScrollUp,
    /// Mouse wheel down
    ScrollDown,
    /// The terminal was resized
    Resize(u16, u16),
    /// Workspace files changed on disk and were read again
    Reloaded(Box<Workspace>),
    /// A write would replace an existing file: ask first
    WouldReplace(Box<Effect>),
    /// A scenario file changed on disk since it was loaded: ask first
    Conflict(Box<Conflict>),
    /// A file was written (with the path as shown), or not
    Wrote(Result<(Written, String), String>),
    /// An edit's projections, made on the worker thread, are ready
    Computed(Box<Done>),
}
