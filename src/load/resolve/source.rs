//! A scenario file as the workspace found it.

use crate::load::scenario::RawScenario;
use std::path::PathBuf;

/// A scenario file found in the workspace (parsed or not).
#[derive(Debug, Clone)]
pub struct ScenarioSource {
    pub id: String,
    pub path: PathBuf,
    /// Path as shown in messages.
    pub shown: String,
    /// `None` when the file could not be read or parsed.
    pub raw: Option<RawScenario>,
    /// The parent's id, when `extends` was given.
    pub parent: Option<String>,
}
