//! The recovery file: when poolplan is stopped by a signal (SIGTERM,
//! SIGHUP) with unsaved edits, their texts are written to
//! `.poolplan-recovery.json` in the workspace, and the next start offers to
//! restore them. This module turns edits into bytes and back; the TUI's
//! edge does the reading and writing.

use super::Session;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file's name in the workspace folder.
pub const FILE: &str = ".poolplan-recovery.json";

/// Where the recovery file of the workspace at `root` goes.
pub fn path(root: &Path) -> PathBuf {
    root.join(FILE)
}

/// One scenario's unsaved text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    pub id: String,
    /// Where its file is (or was), as shown.
    pub file: String,
    pub text: String,
}

#[derive(Serialize, Deserialize)]
struct Recovery {
    poolplan: String,
    edits: Vec<Edit>,
}

/// Every unsaved edit (orphans included), or `None` when there are none.
pub fn bytes(s: &Session) -> Option<Vec<u8>> {
    let mut edits: Vec<Edit> = s
        .docs
        .iter()
        .filter(|(_, d)| d.dirty())
        .map(|(id, d)| Edit {
            id: id.clone(),
            file: s
                .sources
                .get(id)
                .map(|x| x.shown.clone())
                .unwrap_or_default(),
            text: d.text.clone(),
        })
        .chain(s.orphans.iter().map(|o| Edit {
            id: o.id.clone(),
            file: o.shown.clone(),
            text: o.text.clone(),
        }))
        .collect();
    if edits.is_empty() {
        return None;
    }
    edits.sort_by(|a, b| a.id.cmp(&b.id));
    let r = Recovery {
        poolplan: env!("CARGO_PKG_VERSION").into(),
        edits,
    };
    serde_json::to_vec_pretty(&r).ok()
}

/// The edits in a recovery file.
pub fn parse(bytes: &[u8]) -> Result<Vec<Edit>, String> {
    serde_json::from_slice::<Recovery>(bytes)
        .map(|r| r.edits)
        .map_err(|e| format!("the recovery file cannot be read: {e}"))
}

impl Session {
    /// Put recovered texts back as unsaved edits; returns what could not
    /// be restored (and why).
    pub fn restore(&mut self, edits: &[Edit]) -> Vec<String> {
        let mut problems = vec![];
        for e in edits {
            if self.sources.contains_key(&e.id) {
                if let Err(err) = self.edit(&e.id, &e.text) {
                    problems.push(format!("{}: {err}", e.id));
                }
            } else {
                self.orphans.push(super::Orphan {
                    id: e.id.clone(),
                    path: self.root.join(&e.file),
                    shown: e.file.clone(),
                    text: e.text.clone(),
                });
            }
        }
        problems
    }
}
