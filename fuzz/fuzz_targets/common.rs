//! A valid workspace (tests/fixtures/valid-base) written to a temp folder,
//! with one file replaced by the fuzzer's bytes: the first byte picks which.

use std::path::Path;

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

/// Write the workspace into `root`, file `FILES[pick % n]` replaced by
/// `bytes`. The whole workspace is written once per process; after that only
/// the file changed last time is restored and the chosen one written.
pub fn write_workspace(root: &Path, pick: u8, bytes: &[u8], only_budget: bool) {
    use std::sync::Mutex;
    static LAST: Mutex<Option<usize>> = Mutex::new(None);
    let n = if only_budget { 7 } else { FILES.len() };
    let chosen = usize::from(pick) % n;
    let write = |i: usize, b: &[u8]| {
        let p = root.join(FILES[i].0);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, b).unwrap();
    };
    let mut last = LAST.lock().unwrap();
    match *last {
        None => (0..FILES.len()).for_each(|i| write(i, FILES[i].1)),
        Some(i) if i != chosen => write(i, FILES[i].1),
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
