//! Checking and applying an edit: a scenario's new text is re-parsed, and
//! every shown scenario whose chain includes it (the one chain walk of
//! `load::chain_ids`, as deep as `load` allows) is re-resolved and
//! re-projected. The first problem is the error; nothing changes then.

use super::{Doc, Session};
use crate::engine::{project, Projection};
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
        self.prepare(id, text)?.run(&self.budgets)
    }

    /// The first half of `check`, quick: parse the text and resolve every
    /// scenario that uses it. The projections (`Job::run`) can then run on
    /// another thread.
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
        let mut resolved = vec![];
        for dep in self.dependants(&sources, id) {
            let s = resolve(&dep, &sources, &self.budgets, &self.declared, &mut diags);
            let r = match diags.iter().find(|d| d.is_error()) {
                Some(d) => Err(d.to_string()),
                None => s.ok_or_else(|| format!("scenario {dep} cannot be resolved")),
            };
            let stop = r.is_err();
            resolved.push((dep, r));
            if stop {
                break; // the first problem is the error
            }
        }
        Ok(Job {
            id: id.to_string(),
            text: text.to_string(),
            source,
            resolved,
        })
    }
}

/// A parsed and resolved edit whose projections are still to be made.
#[derive(Debug)]
pub struct Job {
    pub id: String,
    pub text: String,
    source: ScenarioSource,
    resolved: Vec<(String, Result<Scenario, String>)>,
}

impl Job {
    /// Project every scenario the edit touches, in order; the first
    /// problem (resolving or projecting) is the error.
    pub fn run(self, budgets: &HashMap<String, Budget>) -> Result<Change, String> {
        let mut results = vec![];
        for (dep, s) in self.resolved {
            let s = s?;
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
            self.projections.insert(s.id.clone(), p);
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
