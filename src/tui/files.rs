//! Writes the TUI asks for: save, save as and export are queued as
//! `Effect`s for the edge to perform (no file I/O here), and each result
//! comes back through `wrote`.

use super::app::{App, Effect, Written};
use super::strings as s;
use crate::model::value::{is_id, suggest_id};
use crate::session::rewrite as ed;

/// The quit dialog's `w`: queue every edited scenario's save.
pub fn save_all(app: &mut App) {
    for id in app.session.dirty() {
        queue_save(app, &id);
    }
}

/// `w`: queue the scenario's text to be written over its own file.
pub fn save(app: &mut App) {
    let Some(id) = app.current_id().map(str::to_string) else {
        return;
    };
    if !app.session.docs.get(&id).is_some_and(|d| d.dirty()) {
        app.say(s::NOTHING_SAVED);
        return;
    }
    queue_save(app, &id);
}

/// Queue scenario `id`'s edited text for its own file, with the digest of
/// the bytes it was loaded from (the edge refuses to write over a file
/// changed on disk since).
fn queue_save(app: &mut App, id: &str) {
    let (Some(doc), Some(src)) = (app.session.docs.get(id), app.session.sources.get(id)) else {
        return;
    };
    if src.path.starts_with(app.session.root.join("budgets")) {
        app.complain("poolplan never writes under budgets/");
        return;
    }
    let expect = app.session.digests.get(&src.path).cloned();
    app.effects.push(Effect {
        path: src.path.clone(),
        bytes: doc.text.clone().into_bytes(),
        what: Written::Scenario {
            id: id.to_string(),
            text: doc.text.clone(),
            expect,
        },
    });
}

pub fn save_as(app: &mut App, name: &str) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("type a name".into());
    }
    let new_id = if is_id(name) {
        name.to_string()
    } else {
        suggest_id(name)
    };
    if app.session.sources.contains_key(&new_id) {
        return Err(format!("{}: {new_id}", s::SAVE_AS_CLASH));
    }
    let id = app.current_id().ok_or("no scenario")?.to_string();
    let text = ed::set_top(
        app.session.text(&id).unwrap_or_default(),
        "name",
        ed::Value::from(name),
    )?;
    let path = app
        .session
        .root
        .join("scenarios")
        .join(format!("{new_id}.toml"));
    app.effects.push(Effect {
        path,
        bytes: text.clone().into_bytes(),
        what: Written::NewScenario {
            id: new_id,
            from: id,
            text,
        },
    });
    Ok(())
}

/// `x`: the current scenario's Cabinet tables (as `poolplan export`, in the
/// units and terms on screen) to exports/<id>-cabinet.csv, and its tidy
/// figures to exports/<id>-tidy.csv. Input files are hashed for the
/// provenance block (the scenario as edited, if it has unsaved edits, is
/// marked so).
pub fn export(app: &mut App) {
    let Some(id) = app.current_id().map(str::to_string) else {
        return;
    };
    let Some(p) = app.session.projection(&id) else {
        return;
    };
    let dir = app.session.root.join("exports");
    let mut effects = vec![Effect {
        path: dir.join(format!("{id}-tidy.csv")),
        bytes: crate::report::tidy::tidy_bytes(&[p]),
        what: Written::Export,
    }];
    match cabinet_bytes(app, &id) {
        Ok(bytes) => effects.insert(
            0,
            Effect {
                path: dir.join(format!("{id}-cabinet.csv")),
                bytes,
                what: Written::Export,
            },
        ),
        Err(e) => app.complain(format!("cannot build the Cabinet tables: {e}")),
    }
    app.effects.extend(effects);
}

fn cabinet_bytes(app: &App, id: &str) -> Result<Vec<u8>, String> {
    use crate::report::cabinet::{self, InputFile, Provenance, Source};
    let m = &app.session;
    let p = m.projection(id).ok_or("no projection")?;
    let budget = m.budgets.get(&p.budget_id).ok_or("the budget is missing")?;
    let scenario = m.scenarios.get(id).ok_or("the scenario is missing")?;
    let files = budget
        .files
        .iter()
        .chain(&scenario.chain)
        .map(|f| f.as_path());
    let hashes = crate::load::provenance::hash_files(&m.root, files)?;
    let edited = m.docs.get(id).is_some_and(|d| d.text != d.disk);
    let mut name = p.scenario_name.clone();
    if edited {
        name.push_str(" (with unsaved edits)");
    }
    let provenance = Provenance::new(
        env!("CARGO_PKG_VERSION"),
        vec![(p.scenario_id.clone(), name)],
        hashes
            .into_iter()
            .map(|(path, sha256)| InputFile { path, sha256 })
            .collect(),
    );
    let sources = [Source {
        projection: p,
        budget,
    }];
    let tables = cabinet::build_tables(&sources, app.unit, app.real).map_err(|e| e.to_string())?;
    let scale = cabinet::Scale::new(app.unit, app.real, &[p]).map_err(|e| e.to_string())?;
    Ok(cabinet::csv::single_file(
        &tables,
        &provenance.table(&scale),
        false,
    ))
}

/// A queued write finished.
pub fn wrote(app: &mut App, r: Result<(Written, String), String>) {
    match r {
        Err(e) => {
            // A failed save cancels quitting: the edits are still here.
            app.quit_when_saved = false;
            app.complain(e)
        }
        Ok((Written::Export, shown)) => {
            // `x` writes two files; say both in one line.
            let text = match &app.status {
                Some(st) if !st.error && st.text.starts_with("exported ") => {
                    format!("{} and {shown}", st.text)
                }
                _ => format!("exported {shown}"),
            };
            app.say(text);
        }
        Ok((Written::Scenario { id, text, .. }, shown)) => {
            app.session.saved(&id, text);
            app.say(format!("saved {shown}"));
            if app.quit_when_saved && app.session.dirty().is_empty() {
                app.quit = true;
            }
        }
        Ok((Written::NewScenario { id, from, text }, shown)) => {
            let path = app
                .session
                .root
                .join("scenarios")
                .join(format!("{id}.toml"));
            match app.session.add(&id, path, &shown, &text) {
                Ok(()) => {
                    if let Some(disk) = app.session.docs.get(&from).map(|d| d.disk.clone()) {
                        if let Ok(c) = app.session.check(&from, &disk) {
                            app.session.apply(c);
                        }
                    }
                    app.undo.clear();
                    app.redo.clear();
                    if let Some(i) = app.session.ids.iter().position(|x| *x == id) {
                        app.set_current(i);
                    }
                    app.say(format!("saved as {shown}; {from} is back as it is on disk"));
                }
                Err(e) => app.complain(e),
            }
        }
    }
}
