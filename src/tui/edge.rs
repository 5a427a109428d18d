//! The TUI's file I/O, kept at the edge: reading the workspace (with each
//! scenario file's text, for comment-preserving saves), noticing changes by
//! polling modification times, and performing queued writes through
//! `save::write_atomic`.

use super::action::Action;
use super::app::{App, Conflict, Effect, Written};
use crate::load::Workspace;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Read the workspace (it keeps every scenario file's text as read, for
/// comment-preserving saves, and the digest of every file read).
pub fn load(root: &Path) -> Workspace {
    Workspace::load(root, &[])
}

/// What the watcher compares: every workspace file's modification time and size.
pub type Stamp = BTreeMap<PathBuf, (Option<SystemTime>, u64)>;

fn stamp_dir(dir: &Path, depth: usize, out: &mut Stamp) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.filter_map(Result::ok) {
        let p = e.path();
        let Ok(meta) = e.metadata() else { continue };
        if meta.is_dir() {
            if depth > 0 {
                stamp_dir(&p, depth - 1, out);
            }
        } else if !p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            out.insert(p, (meta.modified().ok(), meta.len()));
        }
    }
}

/// The current stamp of `budgets/*/*` and `scenarios/*`.
pub fn stamp(root: &Path) -> Stamp {
    let mut out = Stamp::new();
    stamp_dir(&root.join("budgets"), 1, &mut out);
    stamp_dir(&root.join("scenarios"), 0, &mut out);
    out
}

/// Perform one queued write; the result goes back to `update`.
pub fn perform(root: &Path, e: Effect) -> Action {
    let shown = e
        .path
        .strip_prefix(root)
        .unwrap_or(&e.path)
        .to_string_lossy()
        .into_owned();
    if e.path.starts_with(root.join("budgets")) {
        return Action::Wrote(Err("poolplan never writes under budgets/".into()));
    }
    if let Some(dir) = e.path.parent() {
        if let Err(err) = std::fs::create_dir_all(dir) {
            return Action::Wrote(Err(format!("cannot create {}: {err}", dir.display())));
        }
    }
    if e.what == Written::ClearRecovery {
        return match std::fs::remove_file(&e.path) {
            Ok(()) => Action::Wrote(Ok((e.what, shown))),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                Action::Wrote(Ok((e.what, shown)))
            }
            Err(err) => Action::Wrote(Err(format!("cannot remove {shown}: {err}"))),
        };
    }
    match &e.what {
        Written::Export { replace: false }
        | Written::NewScenario { .. }
        | Written::Restored { .. }
            if e.path.exists() =>
        {
            return Action::WouldReplace(Box::new(e));
        }
        Written::Scenario {
            expect: Some(expect),
            id,
            ..
        } => {
            // Changed on disk since it was loaded: the user chooses.
            if let Ok(now) = std::fs::read(&e.path) {
                let digest = crate::load::provenance::sha256_hex(&now);
                if *expect != digest {
                    let theirs = crate::load::text::decode(&now).0;
                    return Action::Conflict(Box::new(Conflict {
                        id: id.clone(),
                        theirs,
                        effect: e,
                    }));
                }
            }
        }
        _ => {}
    }
    match crate::save::write_atomic(&e.path, &e.bytes) {
        Ok(()) => Action::Wrote(Ok((e.what, shown))),
        Err(err) => Action::Wrote(Err(err)),
    }
}

/// Perform every queued write, feeding each result back into the app.
pub fn perform_all(app: &mut App) {
    let root = app.session.root.clone();
    for e in std::mem::take(&mut app.effects) {
        let a = perform(&root, e);
        super::update::update(app, a);
    }
}

/// The recovery file's edits, if there is one (an unreadable one is
/// reported as a problem, not ignored).
pub fn read_recovery(root: &Path) -> Option<Result<Vec<crate::session::recovery::Edit>, String>> {
    let p = crate::session::recovery::path(root);
    let bytes = std::fs::read(p).ok()?;
    Some(crate::session::recovery::parse(&bytes))
}

/// Write every unsaved edit to the recovery file (on SIGTERM/SIGHUP).
/// Returns the path written, if there was anything to keep.
pub fn write_recovery(app: &App) -> Option<Result<PathBuf, String>> {
    let bytes = crate::session::recovery::bytes(&app.session)?;
    let p = crate::session::recovery::path(&app.session.root);
    Some(crate::save::write_atomic(&p, &bytes).map(|()| p))
}
