//! The layers have no back-arrows (docs/architecture.md): `model` imports
//! only itself, std and the decimal crates (and thiserror); `engine` only
//! `model`, itself, std and those; neither touches the OS (no std::fs,
//! std::io, std::env, std::process, std::net); `analysis` and `report`
//! never import `tui` or `session`. Checked on the source text.

use std::path::{Path, PathBuf};

/// External crates the pure core may use.
const PURE_CRATES: [&str; 4] = ["rust_decimal", "rust_decimal_macros", "thiserror", "serde"];
/// Crates that are not part of the pure core's world.
const OTHER_CRATES: [&str; 15] = [
    "ratatui",
    "crossterm",
    "csv",
    "toml",
    "toml_edit",
    "serde_json",
    "sha2",
    "rust_xlsxwriter",
    "clap",
    "anyhow",
    "encoding_rs",
    "signal_hook",
    "calamine",
    "tempfile",
    "proptest",
];
const OS: [&str; 5] = ["std::fs", "std::io", "std::env", "std::process", "std::net"];

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every forbidden reference in `text`: a `crate::` layer not in `allowed`,
/// a crate outside the pure core, or the OS (`os` true for the pure core).
fn violations(text: &str, allowed: &[&str], pure: bool) -> Vec<String> {
    let mut out = vec![];
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + 7..];
            let layer: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let bounded = i == 0 || !rest[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            if bounded && !layer.is_empty() && !allowed.contains(&layer.as_str()) {
                out.push(format!("line {}: crate::{layer}", n + 1));
            }
            rest = after;
        }
        if pure {
            for c in OTHER_CRATES {
                let t = code.trim_start();
                if t.starts_with(&format!("use {c}::")) || code.contains(&format!(" {c}::")) {
                    out.push(format!("line {}: {c}", n + 1));
                }
            }
            for os in OS {
                if code.contains(os) {
                    out.push(format!("line {}: {os}", n + 1));
                }
            }
        }
    }
    out
}

fn check(layer: &str, allowed: &[&str], pure: bool) -> Vec<String> {
    let mut files = vec![];
    rs_files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(layer),
        &mut files,
    );
    let mut out = vec![];
    // Unit-test modules (`tests.rs`, `tests_*.rs`, `tests/`, and the
    // `#[cfg(test)]` fixture loader `fixture.rs`) may reach across layers to
    // check a figure end to end; the rule is for production code.
    let is_test = |f: &Path| {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        name.starts_with("tests")
            || name == "fixture.rs"
            || f.components().any(|c| c.as_os_str() == "tests")
                && f.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .is_ok_and(|r| r.starts_with("src"))
    };
    for f in files.into_iter().filter(|f| !is_test(f)) {
        let text = std::fs::read_to_string(&f).unwrap();
        for v in violations(&text, allowed, pure) {
            out.push(format!("{}: {v}", f.display()));
        }
    }
    out
}

#[test]
fn the_checker_finds_back_arrows() {
    assert_eq!(
        violations("use crate::model::Budget;\n", &["model"], true),
        Vec::<String>::new()
    );
    assert_eq!(
        violations("use crate::load::Workspace;\n", &["model"], true).len(),
        1
    );
    assert_eq!(
        violations("    let f = std::fs::read(p);\n", &["model"], true).len(),
        1
    );
    assert_eq!(
        violations("use ratatui::Frame;\n", &["model"], true).len(),
        1
    );
    assert_eq!(
        violations("use crate::tui::app::App;\n", &["engine", "model"], false).len(),
        1
    );
    assert!(PURE_CRATES.contains(&"rust_decimal"));
}

#[test]
fn model_imports_only_itself() {
    let v = check("model", &["model"], true);
    assert!(v.is_empty(), "model reaches out:\n{}", v.join("\n"));
}

#[test]
fn engine_imports_only_model() {
    let v = check("engine", &["model", "engine"], true);
    assert!(v.is_empty(), "engine reaches out:\n{}", v.join("\n"));
}

#[test]
fn analysis_and_report_never_import_the_tui_or_the_session() {
    let layers = ["model", "engine", "analysis", "report", "load"];
    // Analysis computes figures; it never reaches into the views that
    // format them (number formats live in model::numtext).
    let mut v = check("analysis", &["model", "engine", "analysis"], false);
    v.extend(check("report", &layers, false));
    assert!(v.is_empty(), "a view layer reaches up:\n{}", v.join("\n"));
}

/// Files touched by a layer through std::fs (tests aside).
fn file_io(layer: &str, except: &[&str]) -> Vec<String> {
    let mut files = vec![];
    rs_files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(layer),
        &mut files,
    );
    let mut out = vec![];
    for f in files {
        let shown = f.display().to_string();
        if shown.contains("/tests/") || except.iter().any(|e| shown.ends_with(e)) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        if code.contains("std::fs") || code.contains("read_file(") {
            out.push(shown);
        }
    }
    out
}

#[test]
fn the_session_and_the_tui_touch_files_only_at_the_edge() {
    let v = file_io("session", &[]);
    assert!(v.is_empty(), "the session does file I/O: {v:?}");
    let v = file_io("tui", &["tui/edge.rs", "tui/run.rs"]);
    assert!(
        v.is_empty(),
        "the TUI does file I/O outside its edge: {v:?}"
    );
}

/// The `super::x` modules a TUI file uses (its own tests aside).
fn tui_deps(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = vec![];
    for (i, _) in code.match_indices("super::") {
        let mut rest = &code[i + 7..];
        while let Some(r) = rest.strip_prefix("super::") {
            rest = r;
        }
        let names: Vec<&str> = if let Some(g) = rest.strip_prefix('{') {
            g.split('}').next().unwrap_or("").split(',').collect()
        } else {
            vec![rest]
        };
        for n in names {
            let n: String = n
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !n.is_empty() {
                out.push(n);
            }
        }
    }
    out
}

#[test]
fn the_tui_modules_have_no_cycles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut graph: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let p = e.path();
        let (name, file) = if p.is_dir() {
            (
                e.file_name().to_string_lossy().into_owned(),
                p.join("mod.rs"),
            )
        } else {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                p.clone(),
            )
        };
        if name == "mod" || name == "tests" || !file.exists() {
            continue;
        }
        graph.insert(name, tui_deps(&std::fs::read_to_string(file).unwrap()));
    }
    let names: Vec<String> = graph.keys().cloned().collect();
    for start in &names {
        // Depth-first from `start`: reaching it again is a cycle.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        while let Some((n, path)) = stack.pop() {
            for d in graph
                .get(&n)
                .into_iter()
                .flatten()
                .filter(|d| names.contains(d))
            {
                assert!(d != start, "a cycle: {} → {d}", path.join(" → "));
                if !path.contains(d) {
                    let mut p = path.clone();
                    p.push(d.clone());
                    stack.push((d.clone(), p));
                }
            }
        }
    }
}
