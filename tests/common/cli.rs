//! Running the built `poolplan` binary, shared by every CLI test
//! (`tests/*_cli.rs`): one place for how a command is run and what a
//! failure shows.

use assert_cmd::Command;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

/// `poolplan --dir DIR`, ready for arguments.
pub fn poolplan(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("poolplan").expect("the poolplan binary is built");
    c.arg("--dir").arg(dir);
    c
}

/// `poolplan --dir <the example>` run from folder `cwd` (for exports
/// written to relative paths).
pub fn example_in(cwd: &Path) -> Command {
    let mut c = poolplan(&super::example_dir());
    c.current_dir(cwd);
    c
}

/// Run `poolplan --dir DIR ARGS`, whatever its exit code.
pub fn cmd(dir: &Path, args: &[&str]) -> std::process::Output {
    poolplan(dir).args(args).output().expect("poolplan runs")
}

/// Run `poolplan --dir DIR ARGS`; it must succeed; its stdout.
pub fn run(dir: &Path, args: &[&str]) -> String {
    let out = cmd(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Run `poolplan --dir DIR ARGS` without colour: (exit code, stdout, stderr).
pub fn outcome(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = poolplan(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("poolplan runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// Run `poolplan --dir DIR check`: (exit code, stderr); it must not panic.
pub fn check(dir: &Path) -> (i32, String) {
    let (code, _, stderr) = outcome(dir, &["check"]);
    assert!(!stderr.contains("panicked"), "poolplan panicked:\n{stderr}");
    (code, stderr)
}

/// A decimal printed by poolplan.
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("not a number: {s:?}"))
}
