//! Paths and special files (issue 17 item 13; SPEC §9 "Settled later"):
//! `extends` stays inside the workspace; a FIFO, a device or a folder is an
//! error naming it, never a hang or a 12 GB read.

use crate::Ws;
use std::process::Command;

const PARTNERS: &str = "budgets/mini/partners.csv";
const PLAN: &str = "scenarios/plan.toml";

fn mkfifo(path: &std::path::Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo failed");
}

#[test]
fn a_fifo_csv_is_an_error_not_a_hang() {
    let ws = Ws::base();
    std::fs::remove_file(ws.path(PARTNERS)).unwrap();
    mkfifo(&ws.path(PARTNERS));
    // `run` kills a hung run and fails (before the fix: hung forever).
    ws.run(&["check"])
        .fails_with(&["partners.csv", "not a regular file but a named pipe (FIFO)"]);
}

#[test]
fn a_fifo_scenario_is_an_error_not_a_hang() {
    let ws = Ws::base();
    mkfifo(&ws.path("scenarios/pipe.toml"));
    ws.run(&["check"])
        .fails_with(&["scenarios/pipe.toml", "named pipe (FIFO)"]);
}

#[test]
fn a_device_is_an_error_not_a_12_gb_read() {
    let ws = Ws::base();
    std::fs::remove_file(ws.path(PARTNERS)).unwrap();
    std::os::unix::fs::symlink("/dev/zero", ws.path(PARTNERS)).unwrap();
    ws.run(&["check"])
        .fails_with(&["partners.csv", "not a regular file but a device"]);
}

#[test]
fn extends_must_stay_inside_the_workspace() {
    let ws = Ws::base();
    ws.edit(PLAN, "extends = \"base\"", "extends = \"/dev/zero\"");
    ws.run(&["check"]).fails_with(&[
        "scenarios/plan.toml:2:11",
        "key \"extends\"",
        "\"/dev/zero\" is an absolute path",
    ]);
    let ws = Ws::base();
    ws.edit(
        PLAN,
        "extends = \"base\"",
        "extends = \"../../../../../../../etc/passwd\"",
    );
    let o = ws.run(&["check"]);
    o.fails_with(&["scenarios/plan.toml", "leads outside the workspace"]);
    assert!(!o.stderr.contains("root:"), "{}", o.stderr);
    // A symlink inside the workspace that points out of it.
    let ws = Ws::base();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("x.toml"), "budget = \"mini\"\n").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("x.toml"),
        ws.path("scenarios/link.toml"),
    )
    .unwrap();
    std::fs::create_dir(ws.path("shared")).unwrap();
    std::fs::write(
        ws.path("shared/y.toml"),
        "budget = \"mini\"\nextends = \"../scenarios/link.toml\"\n",
    )
    .unwrap();
    ws.edit(PLAN, "extends = \"base\"", "extends = \"../shared/y.toml\"");
    ws.run(&["check"])
        .fails_with(&["shared/y.toml", "leads outside the workspace"]);
}

#[test]
fn extends_inside_the_workspace_by_path_still_works() {
    let ws = Ws::base();
    ws.edit(PLAN, "extends = \"base\"", "extends = \"./base.toml\"");
    ws.run(&["check"]).passes();
}
