//! What `load` shares with the editable workspace (`session`): the one walk
//! of an `extends` chain (bounded like `resolve`'s, cycles stop it), the
//! parent a scenario text names, re-parsing an edited scenario text exactly
//! as a file is parsed, and the ledger of the bytes a load read (their
//! SHA-256, for provenance).

use super::diag::{Diagnostic, Owner, Sink};
use super::resolve::{ScenarioSource, MAX_CHAIN};
use super::scenario::{parse_scenario, RawScenario};
use super::{is_path_arg, stem};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Every scenario id in the chain of `id` (itself first), following
/// `parent` links; stops at a cycle, at a missing scenario, or after
/// `MAX_CHAIN + 1` links (resolve refuses deeper chains).
pub fn chain_ids(sources: &HashMap<String, ScenarioSource>, id: &str) -> Vec<String> {
    let mut out = vec![];
    let mut seen = HashSet::new();
    let mut cur = Some(id.to_string());
    while let Some(c) = cur {
        if out.len() > MAX_CHAIN || !seen.insert(c.clone()) {
            break;
        }
        cur = sources.get(&c).and_then(|s| s.parent.clone());
        out.push(c);
    }
    out
}

/// The id of the scenario a parsed file extends (a path's stem, or the id).
pub fn parent_of(raw: Option<&RawScenario>) -> Option<String> {
    let e = raw?.extends.as_ref()?.v.trim();
    Some(if is_path_arg(e) {
        stem(Path::new(e))
    } else {
        e.to_string()
    })
}

/// The file a scenario extends by path (relative to its own folder).
pub fn parent_path(raw: Option<&RawScenario>, file: &Path) -> Option<PathBuf> {
    let e = raw?.extends.as_ref()?.v.trim();
    is_path_arg(e).then(|| file.parent().unwrap_or(Path::new(".")).join(e))
}

/// A scenario's source re-parsed from a new text (an edit), with the same
/// parser and the same parent rule as a file; problems go to `diags`.
pub fn reparse(old: &ScenarioSource, text: &str, diags: &mut Vec<Diagnostic>) -> ScenarioSource {
    let mut sink = Sink {
        out: diags,
        owner: Owner::Scenario(old.id.clone()),
        file: old.shown.clone(),
    };
    let raw = parse_scenario(text, &mut sink);
    let parent = parent_of(raw.as_ref());
    ScenarioSource {
        raw,
        parent,
        ..old.clone()
    }
}

thread_local! {
    static LEDGER: RefCell<Option<BTreeMap<PathBuf, String>>> = const { RefCell::new(None) };
}

/// Note the bytes `read_file` just read, when a load is recording.
pub(super) fn record_read(path: &Path, bytes: &[u8]) {
    LEDGER.with(|l| {
        if let Some(m) = l.borrow_mut().as_mut() {
            m.insert(path.to_path_buf(), super::provenance::sha256_hex(bytes));
        }
    });
}

/// Run `f`, returning with it the SHA-256 of every file it read.
pub(super) fn recording<T>(f: impl FnOnce() -> T) -> (T, BTreeMap<PathBuf, String>) {
    let outer = LEDGER.with(|l| l.borrow_mut().replace(BTreeMap::new()));
    let out = f();
    let got = LEDGER.with(|l| std::mem::replace(&mut *l.borrow_mut(), outer));
    (out, got.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(id: &str, parent: Option<&str>) -> (String, ScenarioSource) {
        let s = ScenarioSource {
            id: id.into(),
            path: PathBuf::from(format!("scenarios/{id}.toml")),
            shown: format!("scenarios/{id}.toml"),
            raw: None,
            parent: parent.map(str::to_string),
        };
        (id.into(), s)
    }

    #[test]
    fn walks_to_the_root_and_stops_at_cycles() {
        let m: HashMap<_, _> = [src("c", Some("b")), src("b", Some("a")), src("a", None)].into();
        assert_eq!(chain_ids(&m, "c"), ["c", "b", "a"]);
        let m: HashMap<_, _> = [src("x", Some("y")), src("y", Some("x"))].into();
        assert_eq!(chain_ids(&m, "x"), ["x", "y"]);
    }

    #[test]
    fn follows_chains_as_deep_as_resolve_allows() {
        // The TUI's own walk gave up after 100 steps; load allows 2,000.
        let n = MAX_CHAIN;
        let m: HashMap<_, _> = (0..n)
            .map(|i| {
                let p = (i > 0).then(|| format!("s{}", i - 1));
                src(&format!("s{i}"), p.as_deref())
            })
            .collect();
        let c = chain_ids(&m, &format!("s{}", n - 1));
        assert_eq!(c.len(), n);
        assert_eq!(c.last().map(String::as_str), Some("s0"));
    }
}
