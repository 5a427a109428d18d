//! Provenance for exports from the session: the SHA-256 of exactly the
//! bytes the figures came from. Files are hashed as `load` read them (the
//! session keeps those digests; nothing is read again), and a scenario with
//! unsaved edits is hashed as edited and marked so, in the file list and in
//! the scenario's name, which every table title carries.

use super::Session;
use crate::load::provenance::{sha256_hex, shown_path};
use crate::report::cabinet::InputFile;
use std::path::Path;

/// What an export's scenario names say when the figures include edits not
/// yet saved to the files.
pub const UNSAVED: &str = " (with unsaved edits, not in the files)";

impl Session {
    /// Does scenario `id`, or anything in its chain, have unsaved edits?
    pub fn edited_in_chain(&self, id: &str) -> bool {
        crate::load::chain_ids(&self.sources, id)
            .iter()
            .any(|c| self.docs.get(c).is_some_and(|d| d.dirty()))
    }

    /// The name an export gives scenario `id` (marked when edited).
    pub fn export_name(&self, id: &str) -> String {
        let name = self
            .projection(id)
            .map(|p| p.scenario_name.clone())
            .unwrap_or_else(|| id.to_string());
        if self.edited_in_chain(id) {
            format!("{name}{UNSAVED}")
        } else {
            name
        }
    }

    fn digest_of(&self, path: &Path) -> Result<String, String> {
        let shown = shown_path(&self.root, path);
        let edited = self
            .sources
            .values()
            .find(|s| s.path == path)
            .and_then(|s| self.docs.get(&s.id))
            .filter(|d| d.dirty());
        if let Some(d) = edited {
            return Ok(sha256_hex(d.text.as_bytes()));
        }
        self.digests
            .get(path)
            .cloned()
            .ok_or_else(|| format!("{shown} was not read when these figures were made"))
    }

    /// Every input file of scenarios `ids` (budget files and each chain),
    /// with the SHA-256 of the bytes the figures came from.
    pub fn inputs(&self, ids: &[&str]) -> Result<Vec<InputFile>, String> {
        let mut out = vec![];
        for id in ids {
            let s = self
                .scenario(id)
                .ok_or_else(|| format!("no scenario \"{id}\""))?;
            let b = self
                .budgets
                .get(&s.budget)
                .ok_or_else(|| format!("no budget \"{}\"", s.budget))?;
            for f in b.files.iter().chain(&s.chain) {
                let mut path = shown_path(&self.root, f);
                let sha256 = self.digest_of(f)?;
                if s.chain.contains(f) && self.edited_file(f) {
                    path.push_str(" (as edited, not saved)");
                }
                out.push(InputFile { path, sha256 });
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The provenance rows of further files these figures read (a budget's
    /// monitoring files, when a paper carries its monitoring table).
    pub fn files_inputs(&self, files: &[std::path::PathBuf]) -> Result<Vec<InputFile>, String> {
        files
            .iter()
            .map(|f| {
                Ok(InputFile {
                    path: shown_path(&self.root, f),
                    sha256: self.digest_of(f)?,
                })
            })
            .collect()
    }

    fn edited_file(&self, f: &Path) -> bool {
        self.sources
            .values()
            .filter(|s| s.path == f)
            .any(|s| self.docs.get(&s.id).is_some_and(|d| d.dirty()))
    }
}
