//! The workspace as loaded: every budget, every scenario file read and
//! parsed, and their resolution on demand (`extends` chains, levers).

use super::*;

/// Everything loaded from a workspace.
#[derive(Debug, Default)]
pub struct Workspace {
    pub root: PathBuf,
    pub budgets: HashMap<String, Budget>,
    pub budgets_with_errors: Vec<String>,
    /// What each budget's files declare, valid or not (see `refs`).
    pub declared: HashMap<String, refs::Declared>,
    pub sources: HashMap<String, ScenarioSource>,
    /// Scenario ids of `scenarios/`, sorted.
    pub scenario_ids: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Scenario id → its file's text exactly as read and parsed (decoded).
    pub texts: HashMap<String, String>,
    /// Every file this load read → the SHA-256 of the bytes read (for
    /// provenance: the hashes of exactly the inputs the figures came from).
    pub digests: BTreeMap<PathBuf, String>,
}

impl Workspace {
    /// Load every budget and every scenario file of the workspace, plus any
    /// scenario files named by path in `extra`.
    pub fn load(root: &Path, extra: &[String]) -> Workspace {
        Workspace::load_from(&Source::Disk, root, extra)
    }

    /// `load`, reading through `src` (the disk or files in memory).
    pub fn load_from(src: &Source, root: &Path, extra: &[String]) -> Workspace {
        let (mut ws, digests) = chain::recording(|| Workspace::load_files(src, root, extra));
        ws.digests = digests;
        ws
    }

    fn load_files(src: &Source, root: &Path, extra: &[String]) -> Workspace {
        let mut ws = Workspace {
            root: root.to_path_buf(),
            ..Default::default()
        };
        for dir in src.list(&root.join("budgets"), true, None) {
            let id = stem(&dir);
            let id = dir
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or(id);
            if let Err(e) = crate::model::value::parse_id(&id) {
                // SPEC §9: a budget folder name is its id (it reaches screens).
                ws.diagnostics.push(name_error(
                    Owner::Budget(id.clone()),
                    format!("budgets/{id}/"),
                    "budget folder",
                    e,
                ));
                continue;
            }
            let loaded = budget::load_budget_from(src, root, &id, &mut ws.diagnostics);
            if loaded.has_errors {
                ws.budgets_with_errors.push(id.clone());
            }
            ws.declared.insert(id.clone(), loaded.declared);
            ws.budgets.insert(id, loaded.budget);
        }
        let sdir = root.join("scenarios");
        if !src.is_dir(&sdir) {
            ws.diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                owner: Owner::Workspace,
                file: "scenarios/".into(),
                line: None,
                col: None,
                field: None,
                message: "there is no scenarios/ folder; add one with at least one scenario file"
                    .into(),
            });
        }
        for p in src.list(&sdir, false, Some("toml")) {
            let id = stem(&p);
            if crate::model::value::is_id(&id) {
                ws.scenario_ids.push(id);
            }
            ws.add_scenario_file(src, &p);
        }
        for arg in extra.iter().filter(|a| is_path_arg(a)) {
            let p = PathBuf::from(arg);
            let p = if p.is_absolute() {
                p
            } else {
                std::env::current_dir().unwrap_or_default().join(p)
            };
            ws.add_scenario_file(src, &p);
        }
        ws
    }

    fn shown(&self, p: &Path) -> String {
        p.strip_prefix(&self.root)
            .unwrap_or(p)
            .to_string_lossy()
            .into_owned()
    }

    /// Parse a scenario file (and, recursively, any file it extends by path).
    fn add_scenario_file(&mut self, src: &Source, path: &Path) {
        let mut pending = vec![path.to_path_buf()];
        while let Some(p) = pending.pop() {
            let id = stem(&p);
            let shown = self.shown(&p);
            if let Err(e) = crate::model::value::parse_id(&id) {
                // SPEC §9: a scenario's file stem is its id.
                let owner = Owner::Scenario(id);
                self.diagnostics
                    .push(name_error(owner, shown, "scenario file name", e));
                continue;
            }
            if let Some(existing) = self.sources.get(&id) {
                let same = src.canonical(&existing.path) == src.canonical(&p);
                if !same {
                    self.diagnostics.push(Diagnostic {
                        severity: Severity::Error,
                        owner: Owner::Scenario(id.clone()),
                        file: shown,
                        line: None,
                        col: None,
                        field: None,
                        message: format!("two scenario files have the stem \"{id}\" (the other is {}); scenario ids must be unique", existing.shown),
                    });
                }
                continue;
            }
            let owner = Owner::Scenario(id.clone());
            let raw = match src.read(&p) {
                Ok(bytes) => {
                    let mut sink = diag::Sink {
                        out: &mut self.diagnostics,
                        owner,
                        file: shown.clone(),
                    };
                    text::decode_toml(&bytes, &mut sink).and_then(|text| {
                        let raw = scenario::parse_scenario(&text, &mut sink);
                        self.texts.insert(id.clone(), text);
                        raw
                    })
                }
                Err(e) => {
                    self.diagnostics.push(Diagnostic {
                        severity: Severity::Error,
                        owner,
                        file: shown.clone(),
                        line: None,
                        col: None,
                        field: None,
                        message: e,
                    });
                    None
                }
            };
            let mut parent = None;
            if let Some(ext) = raw.as_ref().and_then(|r| r.extends.as_ref()) {
                let e = ext.v.trim();
                if is_path_arg(e) {
                    match inside(src, &self.root, &p, e) {
                        Ok(pp) => {
                            parent = Some(stem(&pp));
                            pending.push(pp);
                        }
                        Err(message) => self.diagnostics.push(Diagnostic {
                            severity: Severity::Error,
                            owner: Owner::Scenario(id.clone()),
                            file: shown.clone(),
                            line: Some(ext.pos.line).filter(|l| *l > 0),
                            col: Some(ext.pos.col).filter(|_| ext.pos.line > 0),
                            field: Some("key \"extends\"".into()),
                            message,
                        }),
                    }
                } else {
                    parent = Some(e.to_string());
                }
            }
            self.sources.insert(
                id.clone(),
                ScenarioSource {
                    id,
                    path: p,
                    shown,
                    raw,
                    parent,
                },
            );
        }
    }

    /// The scenario id an argument names (a stem, or a path's stem).
    pub fn scenario_id(arg: &str) -> String {
        if is_path_arg(arg) {
            stem(Path::new(arg))
        } else {
            arg.to_string()
        }
    }

    /// Resolve one scenario (its problems are added to the diagnostics).
    pub fn resolve(&mut self, id: &str) -> Option<Scenario> {
        resolve::resolve(
            id,
            &self.sources,
            &self.budgets,
            &self.declared,
            &mut self.diagnostics,
        )
    }

    /// Resolve several scenarios, sharing each budget's index of ids.
    pub fn resolve_all(&mut self, ids: &[String]) -> Vec<Option<Scenario>> {
        // On every core, each scenario's messages kept with it and added
        // in `ids` order: the same messages as resolving one by one.
        let indexes = resolve::indexes(&self.budgets, &self.declared);
        let (sources, budgets, declared) = (&self.sources, &self.budgets, &self.declared);
        let done = super::par::map_each(ids, 2, &|id: &String| {
            let mut diags = vec![];
            let s = resolve::resolve_indexed(id, sources, budgets, declared, &indexes, &mut diags);
            (s, diags)
        });
        (done.into_iter())
            .map(|(s, diags)| {
                self.diagnostics.extend(diags);
                s
            })
            .collect()
    }

    /// Every scenario id in the chain of `id` (itself first).
    pub fn chain_ids(&self, id: &str) -> Vec<String> {
        chain_ids(&self.sources, id)
    }
}
