//! The writes `update` asks the edge for (`Effect`), what each one was
//! (`Written`, handed back with the result), and a save the edge refused
//! because the file changed on disk (`Conflict`).

use std::path::PathBuf;

/// What a finished file write was.
#[derive(Debug, Clone, PartialEq)]
pub enum Written {
    /// A scenario file: its id, the text written, and the SHA-256 of the
    /// bytes it was loaded from (`None` for a file not read before).
    Scenario {
        id: String,
        text: String,
        expect: Option<String>,
    },
    /// A new scenario saved from scenario `from`.
    NewScenario {
        id: String,
        from: String,
        text: String,
    },
    /// Edits of a scenario whose file went, written back to its path.
    Restored { id: String },
    /// The recovery file, removed once its edits are restored.
    ClearRecovery,
    /// An export (`replace`: the user agreed to replace the file).
    Export { replace: bool },
}

/// Work for the edge (file writes), queued by `update`.
#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub what: Written,
}

/// A save refused because the file changed on disk since it was loaded:
/// the text there now, and the write waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub id: String,
    pub theirs: String,
    pub effect: Effect,
}
