//! The whole state of the interactive model: drawing reads it (`&App`), only
//! `update` changes it; layout is recomputed by `layout` from the stored size.

pub use super::effects::{Conflict, Effect, Written};
pub use super::state::{PoolsView, ProvidersView, ServicesView};
use super::strings as s;
use crate::load::Diagnostic;
use crate::report::table::Unit;
use crate::session::Session;

/// The screens, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Overview,
    Pools,
    Services,
    Providers,
    Compare,
    Levers,
    Monitor,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Overview,
        Tab::Pools,
        Tab::Services,
        Tab::Providers,
        Tab::Compare,
        Tab::Levers,
        Tab::Monitor,
    ];
    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
    pub fn title(self) -> &'static str {
        s::TAB_TITLES[self.index()]
    }
}

/// What a scenario picker chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickTarget {
    Current,
    CompareA,
    CompareB,
}

/// The lever form (add, or edit an existing lever of this file).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Form {
    /// Index of the lever in the scenario's own file when editing.
    pub editing: Option<usize>,
    /// Index into `LEVER_KINDS`.
    pub kind: usize,
    pub fields: Vec<(String, String)>,
    /// 0 = the kind row, then the fields.
    pub focus: usize,
    pub error: Option<String>,
}

/// The export dialog's state (see `export`).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportForm {
    pub format: usize,
    pub unit: Unit,
    /// Export Compare's A and B (A first), not just the current scenario.
    pub pair: bool,
    pub path: String,
    /// 0 format, 1 units, 2 scenarios, 3 path.
    pub focus: usize,
    pub error: Option<String>,
    /// A write the edge refused because the file exists: asks y/n.
    pub replace: Option<Box<Effect>>,
}

/// What a line of typed text is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// The Services filter.
    Filter,
    /// Find a line on another table tab.
    Find,
    /// Edit the value of row `n` of the Levers tab.
    EditValue(usize),
    /// Edit one bound of the range of row `n` of the Levers tab.
    EditRange(usize, super::state::Bound),
    /// Save as: question `step` (id, display name, description) and the
    /// answers so far.
    SaveAs { step: usize, answers: Vec<String> },
}

/// A line of text being typed.
#[derive(Debug, Clone, PartialEq)]
pub struct TextInput {
    pub purpose: Purpose,
    pub text: String,
    pub error: Option<String>,
}

/// Modal popups.
#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    Help,
    Picker {
        target: PickTarget,
        selected: usize,
    },
    Form(Form),
    Export(ExportForm),
    /// Unsaved edits found in the recovery file at start: restore them?
    Recover(Vec<crate::session::recovery::Edit>),
    /// A save that would overwrite someone else's change (see `conflict`).
    Conflict(Box<Conflict>),
    ConfirmQuit,
    /// The Risk view (see `risk_worker`).
    Risk,
}

/// How the keymap reads keys right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal(Tab),
    Text,
    Form,
    Picker,
    Help,
    Confirm,
}

/// One undoable edit of a scenario's text (see `history`).
#[derive(Debug, Clone, PartialEq)]
pub struct UndoEntry {
    pub id: String,
    pub before: String,
    pub after: String,
    pub label: String,
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// Half-seconds shown (`Tick`s); it goes after `STATUS_TICKS`.
    pub age: u8,
}

/// Half-second ticks a status message stays (about 5 seconds).
pub const STATUS_TICKS: u8 = 10;

/// The app (the Monitor tab's state lives in `derived.monitor`).
#[derive(Debug, Default)]
pub struct App {
    pub session: Session,
    /// Views derived from the session, recomputed by `update` when stale.
    pub derived: super::derived::Derived,
    pub tab: Tab,
    /// Index into `model.ids`.
    pub current: usize,
    pub compare_a: usize,
    pub year: usize,
    pub unit: Unit,
    pub real: bool,
    pub popup: Option<Popup>,
    pub input: Option<TextInput>,
    pub services: ServicesView,
    pub pool: usize,
    /// The Pools tab shows who pays, who benefits instead of the account.
    pub who_pays: bool,
    /// The Pools tab's glance (ranking and matrix) or one pool's detail.
    pub pools: PoolsView,
    pub lever_row: usize,
    /// The bound of a range picked with `b` (on that Levers row only).
    pub range_bound: Option<(usize, super::state::Bound)>,
    pub provider_scroll: usize,
    pub providers_view: ProvidersView,
    pub compare_scroll: usize,
    pub help_scroll: usize,
    /// The text `n`/`N` look for.
    pub find: String,
    /// Quit once every queued save has succeeded (the quit dialog's `w`).
    pub quit_when_saved: bool,
    pub undo: Vec<UndoEntry>,
    pub redo: Vec<UndoEntry>,
    pub status: Option<Status>,
    /// Errors of the last reload (empty when the files are fine).
    pub errors: Vec<Diagnostic>,
    /// First error shown in the errors panel.
    pub errors_scroll: usize,
    /// Terminal (columns, rows), set on resize.
    pub size: (u16, u16),
    pub effects: Vec<Effect>,
    pub quit: bool,
    /// False under NO_COLOR.
    pub color: bool,
    /// The Risk view's draws (computed on a worker).
    pub risk: super::risk_worker::RiskView,
    /// An edit being projected on the worker thread.
    pub work: super::work::Work,
}

impl App {
    /// Rows the Services table shows now (filter applied), for keys and clicks.
    pub fn service_row_count(&self) -> usize {
        self.current_id()
            .and_then(|id| self.session.projection(id))
            .map(|p| {
                super::data::services::rows(
                    p,
                    self.year,
                    &self.services.filter,
                    self.services.sort,
                    self.services.desc,
                )
                .len()
            })
            .unwrap_or(0)
    }

    /// A new app on a built model and the errors found building it.
    pub fn new(session: Session, errors: Vec<Diagnostic>, size: (u16, u16), color: bool) -> App {
        App {
            session,
            errors,
            size,
            color,
            unit: Unit::Thousands,
            ..Default::default()
        }
    }

    pub fn mode(&self) -> Mode {
        match &self.popup {
            Some(Popup::Help | Popup::Risk) => Mode::Help,
            Some(Popup::Picker { .. }) => Mode::Picker,
            Some(Popup::Form(_) | Popup::Export(_)) => Mode::Form,
            Some(Popup::ConfirmQuit | Popup::Conflict(_) | Popup::Recover(_)) => Mode::Confirm,
            None if self.input.is_some() => Mode::Text,
            None => Mode::Normal(self.tab),
        }
    }

    /// The current scenario's id.
    pub fn current_id(&self) -> Option<&str> {
        self.session.ids.get(self.current).map(String::as_str)
    }

    pub fn compare_a_id(&self) -> Option<&str> {
        self.session.ids.get(self.compare_a).map(String::as_str)
    }

    /// The horizon of the current scenario.
    pub fn years(&self) -> usize {
        self.current_id()
            .and_then(|id| self.session.projection(id))
            .map(|p| p.years)
            .unwrap_or(1)
    }

    /// Switch the current scenario, keeping the year within its horizon.
    pub fn set_current(&mut self, i: usize) {
        self.current = i.min(self.session.ids.len().saturating_sub(1));
        self.year = self.year.min(self.years().saturating_sub(1));
        self.services.selected = 0;
        self.lever_row = self.first_lever_row();
    }

    /// The first selectable row of the Levers tab.
    pub fn first_lever_row(&self) -> usize {
        use super::data::levers::{rows, RowKind};
        let rows = self
            .current_id()
            .map(|id| rows(&self.session, id))
            .unwrap_or_default();
        rows.iter()
            .position(|r| !matches!(r.kind, RowKind::Section(_)))
            .unwrap_or(0)
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
            age: 0,
        });
    }

    pub fn complain(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
            age: 0,
        });
    }
}
