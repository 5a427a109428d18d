//! The editable workspace, outside the terminal UI: what was loaded, every
//! scenario's text (as read and as edited), the resolved scenarios and
//! their projections. An edit is a new scenario text; it is accepted only
//! if the same parser (`load::reparse`), resolver and engine the commands
//! use accept it, so in-TUI messages match the files'. The workspace held is
//! therefore always a valid one. No file I/O here: `load` reads, the TUI's
//! edge writes; the bytes read are kept (`Workspace::texts`, `digests`) so
//! provenance hashes exactly the inputs the figures came from.

mod change;
pub mod provenance;
pub mod recovery;
pub mod rewrite;
pub mod rewrite_ranges;
pub mod rewrite_years;

pub use change::{Change, Job};

use crate::engine::{project, Projection};
use crate::load::refs::Declared;
use crate::load::resolve::{resolve, ScenarioSource};
use crate::load::{reparse, Diagnostic, Owner, Severity, Workspace};
use crate::model::{Budget, Scenario};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// A scenario file's text: as last read or saved, and as edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub disk: String,
    pub text: String,
}

impl Doc {
    pub fn dirty(&self) -> bool {
        self.disk != self.text
    }
}

/// Unsaved edits of a scenario whose file went (renamed or deleted on
/// disk): the text and where it was, so it can be written back or saved
/// under a new name.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    pub id: String,
    pub path: PathBuf,
    pub shown: String,
    pub text: String,
}

/// A session's budgets and declarations, for jobs on other threads.
#[derive(Debug)]
pub struct Shared {
    pub budgets: HashMap<String, Budget>,
    pub declared: HashMap<String, Declared>,
}

/// Everything loaded and projected.
#[derive(Debug, Default)]
pub struct Session {
    pub root: PathBuf,
    pub budgets: HashMap<String, Budget>,
    /// What each budget's files declare (for the resolver's messages).
    pub declared: HashMap<String, Declared>,
    pub sources: HashMap<String, ScenarioSource>,
    /// Scenario ids shown, sorted (those that resolved and projected).
    pub ids: Vec<String>,
    pub docs: HashMap<String, Doc>,
    pub scenarios: HashMap<String, Scenario>,
    pub projections: HashMap<String, Projection>,
    /// SHA-256 of every file read for this session, as read.
    pub digests: BTreeMap<PathBuf, String>,
    /// Edits whose file was renamed or deleted on disk: kept until saved.
    pub orphans: Vec<Orphan>,
    /// Changes whenever any projection may have changed (a new build, an
    /// applied edit): views derived from projections are recomputed then.
    pub generation: u64,
    /// `budgets` and `declared`, shared with projection threads (made at
    /// the first use; neither changes within a session).
    shared: std::sync::OnceLock<std::sync::Arc<Shared>>,
}

/// A fresh generation number, unique in this process.
fn next_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn engine_diag(id: &str, shown: &str, msg: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        owner: Owner::Scenario(id.to_string()),
        file: shown.to_string(),
        line: None,
        col: None,
        field: None,
        message: msg,
    }
}

impl Session {
    /// Build from a loaded workspace, keeping `edited` texts (by id) in
    /// place of the disk text. Returns the session and every error found.
    pub fn build(ws: Workspace, edited: &HashMap<String, String>) -> (Session, Vec<Diagnostic>) {
        let mut texts = ws.texts;
        let mut errors: Vec<Diagnostic> = ws
            .diagnostics
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        let mut sources = ws.sources;
        let mut docs = HashMap::new();
        for (id, src) in sources.iter_mut() {
            let disk = texts.remove(id).unwrap_or_default();
            let text = edited.get(id).cloned().unwrap_or_else(|| disk.clone());
            if text != disk {
                *src = reparse(src, &text, &mut errors);
            }
            docs.insert(id.clone(), Doc { disk, text });
        }
        let mut m = Session {
            root: ws.root,
            budgets: ws.budgets,
            declared: ws.declared,
            sources,
            docs,
            digests: ws.digests,
            generation: next_generation(),
            ..Default::default()
        };
        for id in &ws.scenario_ids {
            let mut diags = vec![];
            let resolved = resolve(id, &m.sources, &m.budgets, &m.declared, &mut diags);
            errors.extend(diags.into_iter().filter(|d| d.is_error()));
            let Some(s) = resolved else { continue };
            let Some(b) = m.budgets.get(&s.budget) else {
                continue;
            };
            match project(b, &s) {
                Ok(p) => {
                    m.ids.push(id.clone());
                    m.projections.insert(id.clone(), p);
                    m.scenarios.insert(id.clone(), s);
                }
                Err(e) => {
                    let shown = m
                        .sources
                        .get(id)
                        .map(|s| s.shown.clone())
                        .unwrap_or_default();
                    errors.push(engine_diag(id, &shown, e.to_string()));
                }
            }
        }
        crate::load::resolve::dedup(&mut errors);
        (m, errors)
    }

    /// The same session with no figures: what to hold when the files have
    /// errors and there is no earlier good load (figures made from files
    /// with errors, rows dropped and keys ignored, would be wrong). Texts,
    /// edits and sources stay.
    pub fn without_figures(mut self) -> Session {
        self.ids.clear();
        self.scenarios.clear();
        self.projections.clear();
        self.generation = next_generation();
        self
    }

    /// Does this session show figures?
    pub fn has_figures(&self) -> bool {
        !self.ids.is_empty()
    }

    /// Ids of scenarios with unsaved edits (orphans included), sorted.
    pub fn dirty(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.dirty())
            .map(|(k, _)| k.clone())
            .chain(self.orphans.iter().map(|o| o.id.clone()))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// After a reload: keep the edits of `old` whose file is gone (and
    /// `old`'s own orphans, unless their file is back).
    pub fn keep_orphans(&mut self, old: &Session) {
        let mut orphans: Vec<Orphan> = old
            .docs
            .iter()
            .filter(|(id, d)| d.dirty() && !self.sources.contains_key(*id))
            .filter_map(|(id, d)| {
                let src = old.sources.get(id)?;
                Some(Orphan {
                    id: id.clone(),
                    path: src.path.clone(),
                    shown: src.shown.clone(),
                    text: d.text.clone(),
                })
            })
            .collect();
        orphans.extend(
            old.orphans
                .iter()
                .filter(|o| !self.sources.contains_key(&o.id))
                .cloned(),
        );
        orphans.sort_by(|a, b| a.id.cmp(&b.id));
        orphans.dedup_by(|a, b| a.id == b.id);
        self.orphans = orphans;
    }

    /// The edited texts (for keeping across a reload).
    pub fn edited(&self) -> HashMap<String, String> {
        self.docs
            .iter()
            .filter(|(_, d)| d.dirty())
            .map(|(k, d)| (k.clone(), d.text.clone()))
            .collect()
    }

    pub fn text(&self, id: &str) -> Option<&str> {
        self.docs.get(id).map(|d| d.text.as_str())
    }

    pub fn projection(&self, id: &str) -> Option<&Projection> {
        self.projections.get(id)
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.get(id)
    }

    /// The budgets and declarations, for a job on another thread.
    pub fn shared(&self) -> std::sync::Arc<Shared> {
        let make = || {
            std::sync::Arc::new(Shared {
                budgets: self.budgets.clone(),
                declared: self.declared.clone(),
            })
        };
        std::sync::Arc::clone(self.shared.get_or_init(make))
    }

    pub fn budget_of(&self, id: &str) -> Option<&Budget> {
        self.scenarios
            .get(id)
            .and_then(|s| self.budgets.get(&s.budget))
    }
}

#[cfg(test)]
mod tests;
