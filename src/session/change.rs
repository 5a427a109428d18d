//! Checking and applying an edit: a scenario's new text is re-parsed, and
//! every shown scenario whose chain includes it (the one chain walk of
//! `load::chain_ids`, as deep as `load` allows) is re-resolved and
//! re-projected. The first problem is the error; nothing changes then.

use super::{Doc, Session};
use crate::engine::{project, Projection};
use crate::load::refs::Declared;
use crate::load::resolve::{resolve, ScenarioSource};
use crate::load::{chain_ids, reparse};
use crate::model::{Budget, Scenario};
use std::collections::HashMap;
use std::path::PathBuf;

/// A checked edit, ready to apply.
#[derive(Debug)]
pub struct Change {
    pub id: String,
    pub text: String,
    source: ScenarioSource,
    results: Vec<(Scenario, Projection)>,
}

impl Session {
    /// Every shown scenario whose chain includes `id` (itself included).
    fn dependants(&self, sources: &HashMap<String, ScenarioSource>, id: &str) -> Vec<String> {
        self.ids
            .iter()
            .filter(|s| chain_ids(sources, s).iter().any(|c| c == id))
            .cloned()
            .collect()
    }

    /// Check a new text for scenario `id`: parse, resolve and project every
    /// scenario that uses it. The first problem is the error.
    pub fn check(&self, id: &str, text: &str) -> Result<Change, String> {
        self.prepare(id, text)?.run(&self.budgets, &self.declared)
    }

    /// The first half of `check`, quick: parse the text and list the
    /// scenarios that use it. Resolving and projecting them (`Job::run`)
    /// can then run on another thread.
    pub fn prepare(&self, id: &str, text: &str) -> Result<Job, String> {
        let old = self
            .sources
            .get(id)
            .ok_or_else(|| format!("no scenario \"{id}\""))?;
        let mut diags = vec![];
        let source = reparse(old, text, &mut diags);
        if let Some(d) = diags.iter().find(|d| d.is_error()) {
            return Err(d.to_string());
        }
        let mut sources = self.sources.clone();
        sources.insert(id.to_string(), source.clone());
        let dependants = self.dependants(&sources, id);
        Ok(Job {
            id: id.to_string(),
            text: text.to_string(),
            source,
            sources,
            dependants,
            diags,
        })
    }
}

/// A parsed edit whose scenarios are still to be resolved and projected.
#[derive(Debug)]
pub struct Job {
    pub id: String,
    pub text: String,
    source: ScenarioSource,
    sources: HashMap<String, ScenarioSource>,
    dependants: Vec<String>,
    diags: Vec<crate::load::Diagnostic>,
}

impl Job {
    /// Resolve and project every scenario the edit touches, in order; the
    /// first problem is the error.
    pub fn run(
        mut self,
        budgets: &HashMap<String, Budget>,
        declared: &HashMap<String, Declared>,
    ) -> Result<Change, String> {
        let mut results = vec![];
        for dep in &self.dependants {
            let s = resolve(dep, &self.sources, budgets, declared, &mut self.diags);
            if let Some(d) = self.diags.iter().find(|d| d.is_error()) {
                return Err(d.to_string());
            }
            let s = s.ok_or_else(|| format!("scenario {dep} cannot be resolved"))?;
            let b = budgets
                .get(&s.budget)
                .ok_or_else(|| format!("no budget \"{}\"", s.budget))?;
            let p = project(b, &s).map_err(|e| format!("scenario {dep}: {e}"))?;
            results.push((s, p));
        }
        Ok(Change {
            id: self.id,
            text: self.text,
            source: self.source,
            results,
        })
    }
}

impl Session {
    /// Apply a checked change.
    pub fn apply(&mut self, c: Change) {
        if let Some(d) = self.docs.get_mut(&c.id) {
            d.text = c.text;
        }
        self.sources.insert(c.id, c.source);
        self.generation = super::next_generation();
        for (s, p) in c.results {
            if let Some(old) = self.projections.insert(s.id.clone(), p) {
                crate::engine::recycle(old);
            }
            self.scenarios.insert(s.id.clone(), s);
        }
    }

    /// Check and apply a new text for `id` in one step.
    pub fn edit(&mut self, id: &str, text: &str) -> Result<(), String> {
        let c = self.check(id, text)?;
        self.apply(c);
        Ok(())
    }

    /// Scenario `id`'s text was written to its file: that is the disk
    /// text now, and its digest the one a later save expects.
    pub fn saved(&mut self, id: &str, text: String) {
        if let Some(path) = self.sources.get(id).map(|s| s.path.clone()) {
            let digest = crate::load::provenance::sha256_hex(text.as_bytes());
            self.digests.insert(path, digest);
        }
        if let Some(d) = self.docs.get_mut(id) {
            d.disk = text;
        }
    }

    /// Add a scenario just saved under a new name (its text as written).
    pub fn add(&mut self, id: &str, path: PathBuf, shown: &str, text: &str) -> Result<(), String> {
        let blank = ScenarioSource {
            id: id.to_string(),
            path,
            shown: shown.to_string(),
            raw: None,
            parent: None,
        };
        self.sources.insert(id.to_string(), blank);
        self.docs.insert(
            id.to_string(),
            Doc {
                disk: text.to_string(),
                text: String::new(),
            },
        );
        if !self.ids.iter().any(|x| x == id) {
            self.ids.push(id.to_string());
            self.ids.sort();
        }
        match self.edit(id, text) {
            Ok(()) => Ok(()),
            Err(e) => {
                self.ids.retain(|x| x != id);
                self.sources.remove(id);
                self.docs.remove(id);
                Err(e)
            }
        }
    }
}
