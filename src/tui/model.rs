//! The model the TUI shows: budgets, every scenario's text (as on disk and as
//! edited), the resolved scenarios and their projections. An edit is a new
//! scenario text; it is accepted only if the same parser, resolver and engine
//! the commands use accept it, so in-TUI messages match the files'. The
//! model on screen is therefore always a valid one.

use super::action::Loaded;
use crate::engine::{project, Projection};
use crate::load::diag::Sink;
use crate::load::refs::Declared;
use crate::load::resolve::{resolve, ScenarioSource};
use crate::load::scenario::parse_scenario;
use crate::load::{is_path_arg, Diagnostic, Owner, Severity};
use crate::model::{Budget, Scenario};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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

/// Everything loaded and projected.
#[derive(Debug, Default)]
pub struct Model {
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
}

/// A checked edit, ready to apply.
#[derive(Debug)]
pub struct Change {
    pub id: String,
    pub text: String,
    source: ScenarioSource,
    results: Vec<(Scenario, Projection)>,
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

/// Parse a scenario text into a source, as `Workspace::load` does for files.
pub fn parse_source(
    old: &ScenarioSource,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> ScenarioSource {
    let mut sink = Sink {
        out: diags,
        owner: Owner::Scenario(old.id.clone()),
        file: old.shown.clone(),
    };
    let raw = parse_scenario(text, &mut sink);
    let parent = raw.as_ref().and_then(|r| r.extends.as_ref()).map(|e| {
        let e = e.v.trim();
        if is_path_arg(e) {
            Path::new(e)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            e.to_string()
        }
    });
    ScenarioSource {
        raw,
        parent,
        ..old.clone()
    }
}

impl Model {
    /// Build from files read by the watcher, keeping `edited` texts (by id)
    /// in place of the disk text. Returns the model and every error found.
    pub fn build(loaded: Loaded, edited: &HashMap<String, String>) -> (Model, Vec<Diagnostic>) {
        let Loaded {
            workspace: ws,
            mut texts,
        } = loaded;
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
                *src = parse_source(src, &text, &mut errors);
            }
            docs.insert(id.clone(), Doc { disk, text });
        }
        let mut m = Model {
            root: ws.root,
            budgets: ws.budgets,
            declared: ws.declared,
            sources,
            docs,
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

    /// Every shown scenario whose chain includes `id` (itself included).
    fn dependants(&self, sources: &HashMap<String, ScenarioSource>, id: &str) -> Vec<String> {
        self.ids
            .iter()
            .filter(|s| {
                let mut cur = Some(s.to_string());
                let mut steps = 0;
                while let Some(c) = cur {
                    if c == id {
                        return true;
                    }
                    steps += 1;
                    if steps > 100 {
                        return false;
                    }
                    cur = sources.get(&c).and_then(|x| x.parent.clone());
                }
                false
            })
            .cloned()
            .collect()
    }

    /// Check a new text for scenario `id`: parse, resolve and project every
    /// scenario that uses it. The first problem is the error.
    pub fn check(&self, id: &str, text: &str) -> Result<Change, String> {
        let old = self
            .sources
            .get(id)
            .ok_or_else(|| format!("no scenario \"{id}\""))?;
        let mut diags = vec![];
        let source = parse_source(old, text, &mut diags);
        if let Some(d) = diags.iter().find(|d| d.is_error()) {
            return Err(d.to_string());
        }
        let mut sources = self.sources.clone();
        sources.insert(id.to_string(), source.clone());
        let mut results = vec![];
        for dep in self.dependants(&sources, id) {
            let s = resolve(&dep, &sources, &self.budgets, &self.declared, &mut diags);
            if let Some(d) = diags.iter().find(|d| d.is_error()) {
                return Err(d.to_string());
            }
            let s = s.ok_or_else(|| format!("scenario {dep} cannot be resolved"))?;
            let b = self
                .budgets
                .get(&s.budget)
                .ok_or_else(|| format!("no budget \"{}\"", s.budget))?;
            let p = project(b, &s).map_err(|e| format!("scenario {dep}: {e}"))?;
            results.push((s, p));
        }
        Ok(Change {
            id: id.to_string(),
            text: text.to_string(),
            source,
            results,
        })
    }

    /// Apply a checked change.
    pub fn apply(&mut self, c: Change) {
        if let Some(d) = self.docs.get_mut(&c.id) {
            d.text = c.text;
        }
        self.sources.insert(c.id, c.source);
        for (s, p) in c.results {
            self.projections.insert(s.id.clone(), p);
            self.scenarios.insert(s.id.clone(), s);
        }
    }

    /// Add a scenario just saved under a new name.
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
        match self.check(id, text) {
            Ok(c) => {
                self.apply(c);
                Ok(())
            }
            Err(e) => {
                self.ids.retain(|x| x != id);
                self.sources.remove(id);
                self.docs.remove(id);
                Err(e)
            }
        }
    }

    /// Ids of scenarios with unsaved edits, sorted.
    pub fn dirty(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.dirty())
            .map(|(k, _)| k.clone())
            .collect();
        v.sort();
        v
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

    pub fn budget_of(&self, id: &str) -> Option<&Budget> {
        self.scenarios
            .get(id)
            .and_then(|s| self.budgets.get(&s.budget))
    }
}
