//! The whole pipeline under mutation (issue 8): take the valid base
//! workspace, change one byte of one file (replace, insert or delete), then
//! load, check, project every scenario and write the tidy export, all
//! in-process. Any outcome but a panic is fine: the point is that no single
//! slip of a finger crashes poolplan, and that an error is always reported
//! rather than swallowed (no output with errors, no errors with output).

use poolplan::engine::project;
use poolplan::load::{check_all, load_for};
use poolplan::report::tidy::tidy_bytes;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const FILES: &[&str] = &[
    "budgets/mini/budget.toml",
    "budgets/mini/partners.csv",
    "budgets/mini/providers.csv",
    "budgets/mini/pools.csv",
    "budgets/mini/contributions.csv",
    "budgets/mini/services.csv",
    "budgets/mini/risk_shares.csv",
    "scenarios/base.toml",
    "scenarios/plan.toml",
];

fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-base")
}

#[derive(Debug, Clone)]
enum Edit {
    Replace(u8),
    Insert(u8),
    Delete,
}

/// Bytes a hand edit or a bad export tends to produce, plus any byte.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => prop::sample::select(b",\"\n\r-+.%()=[]#'0159 kmeE\xa3\xc2\x00\xff".to_vec()),
        1 => any::<u8>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        byte().prop_map(Edit::Replace),
        byte().prop_map(Edit::Insert),
        Just(Edit::Delete),
    ]
}

fn mutated(file: usize, at: prop::sample::Index, e: &Edit) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, rel) in FILES.iter().enumerate() {
        let mut bytes = std::fs::read(base().join(rel)).unwrap();
        if i == file {
            let pos = at.index(bytes.len() + 1);
            match *e {
                Edit::Replace(b) if pos < bytes.len() => bytes[pos] = b,
                Edit::Delete if pos < bytes.len() => {
                    bytes.remove(pos);
                }
                Edit::Insert(b) | Edit::Replace(b) => bytes.insert(pos, b),
                Edit::Delete => bytes.truncate(pos.saturating_sub(1)),
            }
        }
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    dir
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn one_byte_changed_never_crashes(
        file in 0..FILES.len(),
        at in any::<prop::sample::Index>(),
        e in edit(),
    ) {
        let dir = mutated(file, at, &e);
        let (diags, _, _) = check_all(dir.path());
        let check_ok = !diags.iter().any(|d| d.is_error());
        for d in &diags {
            prop_assert!(!d.to_string().is_empty());
        }
        match load_for(dir.path(), &[]) {
            Ok((ws, scenarios)) => {
                prop_assert!(check_ok, "load_for passed but check failed: {diags:?}");
                let mut ps = vec![];
                for s in &scenarios {
                    // An engine error (e.g. overflow) is a clean failure.
                    if let Ok(p) = project(&ws.budgets[&s.budget], s) {
                        ps.push(p);
                    }
                }
                let refs: Vec<_> = ps.iter().collect();
                let out = tidy_bytes(&refs);
                prop_assert!(std::str::from_utf8(&out).is_ok());
            }
            Err(problems) => {
                prop_assert!(
                    problems.iter().any(|d| d.is_error()),
                    "load_for failed without an error: {problems:?}"
                );
                prop_assert!(!check_ok, "check passed but load_for failed: {problems:?}");
            }
        }
    }
}
