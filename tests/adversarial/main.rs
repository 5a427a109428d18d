//! Hostile input, run as a user runs it (issue 8): every case builds a
//! workspace in a temporary folder at test time (nothing large is checked
//! in), runs the built binary, and demands exit 0 or 1, no panic, a message
//! that says what is wrong, and a bounded time.

mod files;
mod paths;
mod pipes;
mod round2;
mod saves;
mod scale;
mod text;
mod values;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A workspace copied from `tests/fixtures/valid-base` into a temp folder.
pub struct Ws {
    pub dir: tempfile::TempDir,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub took: Duration,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

impl Ws {
    pub fn base() -> Ws {
        let dir = tempfile::tempdir().unwrap();
        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-base");
        copy_dir(&base, dir.path());
        Ws { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let p = self.path(rel);
        if p.is_file() || p.is_symlink() {
            std::fs::remove_file(&p).unwrap();
        }
        std::fs::write(p, bytes).unwrap();
    }

    /// Replace `from` (which must be present) by `to` in a file.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    /// Run `poolplan --dir WS ARGS…`; panics unless it exits 0 or 1 without
    /// a panic within `limit`.
    pub fn run_within(&self, args: &[&str], limit: Duration) -> Outcome {
        run_cmd(
            Command::cargo_bin("poolplan").unwrap(),
            self.dir.path(),
            args,
            limit,
        )
    }

    pub fn run(&self, args: &[&str]) -> Outcome {
        self.run_within(args, Duration::from_secs(20))
    }
}

pub fn run_cmd(mut cmd: Command, dir: &Path, args: &[&str], limit: Duration) -> Outcome {
    let start = Instant::now();
    let out = cmd
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .timeout(limit * 3)
        .output()
        .expect("poolplan runs");
    let took = start.elapsed();
    let o = Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took,
    };
    assert!(
        !o.stderr.contains("panicked"),
        "poolplan panicked: {args:?}\n{}",
        o.stderr
    );
    assert!(
        o.code == 0 || o.code == 1,
        "exit {} for {args:?}\n{}",
        o.code,
        o.stderr
    );
    // No timed assertion (a loaded machine is not a failure): a run that
    // hangs is killed at 3 × `limit` and fails the exit-code check above.
    o
}

impl Outcome {
    /// Exit 1 with an error line containing every one of `parts`.
    pub fn fails_with(&self, parts: &[&str]) {
        assert_eq!(self.code, 1, "expected failure, got:\n{}", self.stderr);
        let ok = self
            .stderr
            .lines()
            .any(|l| l.starts_with("error:") && parts.iter().all(|p| l.contains(p)));
        assert!(ok, "no error line with {parts:?} in:\n{}", self.stderr);
    }

    pub fn passes(&self) {
        assert_eq!(self.code, 0, "expected success, got:\n{}", self.stderr);
    }
}
