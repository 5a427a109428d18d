//! A valid workspace (tests/fixtures/valid-base) with one file replaced by
//! the fuzzer's bytes (the first byte picks which), held in memory
//! (`load::Source::Memory`), or written to a temp folder when
//! `POOLPLAN_FUZZ_ON_DISK` is set (the slower way of the first rounds, kept
//! to compare the rates).

#![allow(dead_code)]

use poolplan::load::{MemoryFiles, Source};
use std::path::{Path, PathBuf};

/// Where the in-memory workspace lives (no such folder on disk is needed).
pub const ROOT: &str = "/fuzz-workspace";

/// Whether to write the files to disk instead (see the module's comment).
pub fn on_disk() -> bool {
    use std::sync::OnceLock;
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("POOLPLAN_FUZZ_ON_DISK").is_some())
}

/// `files` (name under the root → bytes) with the `pick`ed one of the first
/// `n` replaced by `bytes`: the workspace root and the source to read it by.
pub fn with_replaced(
    files: &[(&str, &[u8])],
    n: usize,
    pick: u8,
    bytes: &[u8],
) -> (PathBuf, Source) {
    let chosen = usize::from(pick) % n;
    if on_disk() {
        let root = scratch();
        write_replaced(root, files, chosen, bytes);
        return (root.to_path_buf(), Source::Disk);
    }
    let root = Path::new(ROOT);
    let mut m = MemoryFiles::new();
    for (i, (name, b)) in files.iter().enumerate() {
        m.insert(root.join(name), if i == chosen { bytes } else { b });
    }
    (root.to_path_buf(), Source::memory(m))
}

/// The valid base with file `FILES[pick % n]` replaced (`only_budget`: one
/// of the seven budget files).
pub fn workspace(pick: u8, bytes: &[u8], only_budget: bool) -> (PathBuf, Source) {
    let n = if only_budget { 7 } else { FILES.len() };
    with_replaced(FILES, n, pick, bytes)
}

pub const FILES: &[(&str, &[u8])] = &[
    (
        "budgets/mini/budget.toml",
        include_bytes!("../../tests/fixtures/valid-base/budgets/mini/budget.toml"),
    ),
    (
        "budgets/mini/partners.csv",
        include_bytes!("../../tests/fixtures/valid-base/budgets/mini/partners.csv"),
    ),
    (
        "budgets/mini/providers.csv",
        include_bytes!("../../tests/fixtures/valid-base/budgets/mini/providers.csv"),
    ),
    (
        "budgets/mini/pools.csv",
        include_bytes!("../../tests/fixtures/valid-base/budgets/mini/pools.csv"),
    ),
    (
        "budgets/mini/contributions.csv",
        include_bytes!("../../tests/fixtures/valid-base/budgets/mini/contributions.csv"),
    ),
    (
        "budgets/mini/services.csv",
        include_bytes!("../../tests/fixtures/valid-base/budgets/mini/services.csv"),
    ),
    (
        "budgets/mini/risk_shares.csv",
        include_bytes!("../../tests/fixtures/valid-base/budgets/mini/risk_shares.csv"),
    ),
    (
        "scenarios/base.toml",
        include_bytes!("../../tests/fixtures/valid-base/scenarios/base.toml"),
    ),
    (
        "scenarios/plan.toml",
        include_bytes!("../../tests/fixtures/valid-base/scenarios/plan.toml"),
    ),
];

/// Write `files` into `root`, file `chosen` replaced by `bytes`. The whole
/// set is written once per process; after that only the file changed last
/// time is restored and the chosen one written.
fn write_replaced(root: &Path, files: &[(&str, &[u8])], chosen: usize, bytes: &[u8]) {
    use std::sync::Mutex;
    static LAST: Mutex<Option<usize>> = Mutex::new(None);
    let write = |i: usize, b: &[u8]| {
        let p = root.join(files[i].0);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, b).unwrap();
    };
    let mut last = LAST.lock().unwrap();
    match *last {
        None => (0..files.len()).for_each(|i| write(i, files[i].1)),
        Some(i) if i != chosen => write(i, files[i].1),
        Some(_) => {}
    }
    write(chosen, bytes);
    *last = Some(chosen);
}

/// One temp folder per fuzzing process (in /dev/shm when there is one).
pub fn scratch() -> &'static Path {
    use std::sync::OnceLock;
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        if shm.is_dir() {
            tempfile::tempdir_in(shm).unwrap()
        } else {
            tempfile::tempdir().unwrap()
        }
    })
    .path()
}
