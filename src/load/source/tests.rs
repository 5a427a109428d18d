//! The in-memory source gives what the disk gives: the same model, the
//! same messages, the same digests, for the example and every broken fixture.

use super::{MemoryFiles, Source};
use crate::load::{check_all_resolved_from, load_for_from, Workspace};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Everything a load produced, in a comparable form (maps sorted).
fn outcome(src: &Source, dir: &Path) -> String {
    let (ws, resolved) = check_all_resolved_from(src, dir);
    let mut budgets: Vec<_> = ws.budgets.iter().collect();
    budgets.sort_by(|a, b| a.0.cmp(b.0));
    let mut sources: Vec<_> = ws.sources.iter().collect();
    sources.sort_by(|a, b| a.0.cmp(b.0));
    let messages: Vec<String> = ws.diagnostics.iter().map(|d| d.to_string()).collect();
    let loaded = load_for_from(src, dir, &[]).map(|(_, s)| s.len());
    format!(
        "{budgets:#?}\n{sources:#?}\n{resolved:#?}\n{messages:#?}\n{:?}\n{:?}\n{loaded:?}",
        ws.scenario_ids, ws.digests
    )
}

fn same_both_ways(dir: &Path) {
    let disk = outcome(&Source::Disk, dir);
    let memory = outcome(&Source::memory(MemoryFiles::workspace(dir)), dir);
    if disk != memory {
        let first = disk
            .lines()
            .zip(memory.lines())
            .find(|(a, b)| a != b)
            .unwrap_or_default();
        panic!(
            "{}: disk and memory differ, first at\n{first:?}",
            dir.display()
        );
    }
}

#[test]
fn the_example_loads_the_same_from_memory() {
    let disk = outcome(&Source::Disk, &root());
    assert!(disk.contains("haringey-ct-2009"), "the example loaded");
    same_both_ways(&root());
}

#[test]
fn every_fixture_gives_the_same_messages_from_memory() {
    let fixtures = root().join("tests/fixtures");
    let mut dirs = vec![fixtures.join("valid-base"), fixtures.join("valid-outcomes")];
    for d in std::fs::read_dir(fixtures.join("broken"))
        .unwrap()
        .flatten()
    {
        if d.path().is_dir() {
            dirs.push(d.path());
        }
    }
    assert!(dirs.len() > 100, "the broken fixtures are there");
    for d in &dirs {
        same_both_ways(d);
    }
}

#[test]
fn memory_answers_as_the_disk_does() {
    let r = Path::new("/w");
    let mut m = MemoryFiles::new();
    m.insert(r.join("budgets/b/budget.toml"), "x");
    m.insert(r.join("scenarios/a.toml"), "a");
    m.insert(r.join("scenarios/dir.toml/inner"), "");
    m.insert(r.join("scenarios/notes"), "");
    m.insert(r.join("scenarios-2/z.toml"), "");
    let s = Source::memory(m);
    assert_eq!(s.read(&r.join("scenarios/./a.toml")).unwrap(), b"a");
    assert_eq!(
        s.read(&r.join("scenarios/x.toml")).unwrap_err(),
        "the file is missing"
    );
    let folder = s.read(&r.join("budgets/b")).unwrap_err();
    assert_eq!(folder, "this is a folder, not a file");
    assert!(s.is_dir(&r.join("budgets")) && !s.is_dir(&r.join("scenarios/a.toml")));
    assert!(s.exists(&r.join("budgets/../scenarios/a.toml")));
    assert_eq!(
        s.list(&r.join("budgets"), true, None),
        [r.join("budgets/b")]
    );
    // As on disk: a folder named x.toml is listed (reading it says why).
    let tomls = s.list(&r.join("scenarios"), false, Some("toml"));
    assert_eq!(
        tomls,
        [r.join("scenarios/a.toml"), r.join("scenarios/dir.toml")]
    );
    let mut names = s.names(&r.join("scenarios"));
    names.sort();
    assert_eq!(names, ["a.toml", "dir.toml", "notes"]);
    let up = r.join("scenarios/../budgets/b/budget.toml");
    assert_eq!(s.canonical(&up), Some(r.join("budgets/b/budget.toml")));
    assert_eq!(s.canonical(&r.join("nothing")), None);
    // The example read from memory is the same workspace as on disk.
    let ws = Workspace::load_from(
        &Source::memory(MemoryFiles::workspace(&root())),
        &root(),
        &[],
    );
    assert!(ws.budgets.contains_key("haringey-ct-2009"));
}
