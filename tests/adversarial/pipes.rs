//! Closed pipes and missing terminals (issue 17 items 14, 15): a closed
//! stderr never panics; `poolplan tui` without a usable terminal says so and
//! exits 2 without writing escape codes.

use crate::Ws;
use std::process::{Command, Stdio};

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("poolplan")
}

/// Run with stderr a pipe whose reading end is already closed (every write
/// to it fails with EPIPE, as in `poolplan check 2>&1 | head -1`).
fn run_closed_stderr(ws: &Ws, args: &[&str]) -> (i32, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(bin())
        .arg("--dir")
        .arg(ws.dir.path())
        .args(args)
        .stderr(writer)
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_closed_stderr_does_not_panic() {
    let ws = Ws::base();
    // Before the fix: exit 101 (eprintln! panics on EPIPE).
    assert_eq!(run_closed_stderr(&ws, &["check"]).0, 0);
    ws.edit("budgets/mini/partners.csv", "council", "Council Ltd");
    assert_eq!(run_closed_stderr(&ws, &["check"]).0, 1);
    let ws = Ws::base();
    let out = ws.path("tidy.csv");
    let (code, _) = run_closed_stderr(&ws, &["export", "--tidy", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(std::fs::read(&out).unwrap().starts_with(b"scenario,"));
    let (code, stdout) = run_closed_stderr(&ws, &["summary"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Money in"), "{stdout}");
}

const NEEDS_TERMINAL: &str = "the interactive model needs a terminal; try `poolplan summary`";

#[test]
fn tui_without_a_terminal_says_so_and_exits_2() {
    let ws = Ws::base();
    let out = Command::new(bin())
        .arg("--dir")
        .arg(ws.dir.path())
        .arg("tui")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "{:?}", out.stdout);
    assert!(String::from_utf8_lossy(&out.stderr).contains(NEEDS_TERMINAL));
}

#[test]
fn tui_with_a_terminal_stdout_but_no_terminal_stdin() {
    // `script` gives the child a pseudo-terminal; stdin is then redirected
    // from /dev/null. Before the fix: escape codes and "No such device".
    assert!(
        Command::new("script").arg("--version").output().is_ok(),
        "this test needs `script` (util-linux / bsdutils)"
    );
    let ws = Ws::base();
    let cmd = format!(
        "'{}' --dir '{}' tui < /dev/null",
        bin().display(),
        ws.dir.path().display()
    );
    let out = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains(NEEDS_TERMINAL), "{text}");
    assert!(!text.contains('\u{1b}'), "escape codes written: {text:?}");
}
