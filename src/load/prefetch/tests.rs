//! actuals.csv read on its own thread gives exactly what the ordinary path
//! gives: the same messages in the same order, the same rows, the same files.

use super::OFF;
use crate::load::budget::load_budget;
use std::path::{Path, PathBuf};

/// The monitoring fixture copied, with its files edited by `edits`.
fn copy(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/monitor");
    let d = tempfile::tempdir().unwrap();
    for sub in ["budgets/mini", "scenarios"] {
        std::fs::create_dir_all(d.path().join(sub)).unwrap();
        for f in std::fs::read_dir(from.join(sub)).unwrap().flatten() {
            let to: PathBuf = d.path().join(sub).join(f.file_name());
            std::fs::copy(f.path(), to).unwrap();
        }
    }
    for (file, old, new) in edits {
        let p = d.path().join("budgets/mini").join(file);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(old), "{file} has {old:?}");
        std::fs::write(&p, text.replacen(old, new, 1)).unwrap();
    }
    d
}

fn both_ways(root: &Path) -> (String, String) {
    let run = |off: bool| {
        OFF.with(|o| o.set(off));
        let mut diags = vec![];
        let b = load_budget(root, "mini", &mut diags);
        OFF.with(|o| o.set(false));
        let messages: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        format!("{messages:#?}\n{:#?}\n{:?}", b.budget, b.has_errors)
    };
    (run(true), run(false))
}

#[test]
fn the_thread_changes_nothing_a_user_sees() {
    let valid = copy(&[]);
    let broken = copy(&[
        ("services.csv", ",2000,40,", ",2,0O0,40,"),
        ("actuals.csv", "2010-11,May,8200", "2010/11,May,8200"),
        ("profiles.csv", "camhs,May,1", "camhs,Mai,1"),
        ("contributions.csv", "\n", "\nnot,a,row\n"),
    ]);
    let no_table = copy(&[("actuals.csv", "service,year", "servic,year")]);
    for d in [&valid, &broken, &no_table] {
        let (ordinary, threaded) = both_ways(d.path());
        assert_eq!(ordinary, threaded);
    }
    // The broken copy reports every file, the actuals among the others.
    let (ordinary, _) = both_ways(broken.path());
    for f in [
        "services.csv",
        "actuals.csv:3",
        "profiles.csv",
        "contributions.csv",
    ] {
        assert!(ordinary.contains(f), "{f}: {ordinary}");
    }
    let (valid, _) = both_ways(valid.path());
    assert!(valid.contains("family-support") && valid.contains("actuals.csv"));
}
