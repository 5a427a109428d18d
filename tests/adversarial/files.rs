//! Files that are not what they claim: NUL bytes, invalid UTF-8 that is not
//! Windows-1252 either, duplicate headers, a header that is data, a folder,
//! unreadable permissions, symlink loops, self-extends.

use crate::{run_cmd, Ws};
use std::time::Duration;

const PARTNERS: &str = "budgets/mini/partners.csv";

#[test]
fn nul_bytes_are_binary_data() {
    let ws = Ws::base();
    ws.write(
        PARTNERS,
        b"id,name,kind\ncoun\0cil,Borough Council,council\nnhs,NHS,nhs\n",
    );
    ws.run(&["check"])
        .fails_with(&["partners.csv:2", "binary data"]);
    let ws = Ws::base();
    ws.write(
        "scenarios/base.toml",
        b"name = \"Base\0\"\nbudget = \"mini\"\n",
    );
    ws.run(&["check"]).fails_with(&["scenarios/base.toml"]);
}

#[test]
fn bytes_undefined_in_windows_1252_are_refused() {
    for b in [0x81u8, 0x8D, 0x8F, 0x90, 0x9D] {
        let ws = Ws::base();
        let mut text = b"id,name,kind\ncouncil,Borough ".to_vec();
        text.extend([b, b'x']);
        text.extend(b" Council,council\nnhs,NHS,nhs\n");
        ws.write(PARTNERS, &text);
        ws.run(&["check"]).fails_with(&["partners.csv:2"]);
        let mut toml = b"name = \"Ba".to_vec();
        toml.push(b);
        toml.extend(b"se\"\nbudget = \"mini\"\n");
        ws.write("scenarios/base.toml", &toml);
        ws.run(&["check"]).fails_with(&["scenarios/base.toml"]);
    }
}

#[test]
fn duplicate_headers_and_a_header_that_is_data() {
    let ws = Ws::base();
    ws.write(
        PARTNERS,
        "id,name,kind,NAME\ncouncil,C,council,x\nnhs,N,nhs,y\n",
    );
    ws.run(&["check"])
        .fails_with(&["partners.csv:1", "duplicate column name"]);
    let ws = Ws::base();
    let c = "budgets/mini/contributions.csv";
    let text = std::fs::read_to_string(ws.path(c)).unwrap();
    ws.write(c, text.split_once('\n').unwrap().1);
    ws.run(&["check"]).fails_with(&[
        "contributions.csv:1",
        "missing required columns",
        "found: early-help",
    ]);
}

#[test]
fn a_file_that_is_a_folder() {
    let ws = Ws::base();
    std::fs::remove_file(ws.path(PARTNERS)).unwrap();
    std::fs::create_dir(ws.path(PARTNERS)).unwrap();
    ws.run(&["check"])
        .fails_with(&["partners.csv", "a folder, not a file"]);
    let ws = Ws::base();
    std::fs::create_dir(ws.path("scenarios/dir.toml")).unwrap();
    let o = ws.run(&["check"]);
    assert!(o.code == 0 || o.stderr.contains("dir.toml"), "{}", o.stderr);
}

#[test]
fn symlink_loops() {
    let ws = Ws::base();
    std::fs::remove_file(ws.path(PARTNERS)).unwrap();
    std::os::unix::fs::symlink("partners.csv", ws.path(PARTNERS)).unwrap();
    ws.run(&["check"])
        .fails_with(&["partners.csv", "symbolic links"]);
    let ws = Ws::base();
    std::os::unix::fs::symlink("b.toml", ws.path("scenarios/a.toml")).unwrap();
    std::os::unix::fs::symlink("a.toml", ws.path("scenarios/b.toml")).unwrap();
    std::os::unix::fs::symlink("../budgets", ws.path("budgets/mini/loop")).unwrap();
    ws.run(&["check"])
        .fails_with(&["scenarios/a.toml", "symbolic links"]);
}

#[test]
fn self_extends_by_stem_and_by_path() {
    for ext in ["me", "./me.toml", "../scenarios/me.toml"] {
        let ws = Ws::base();
        ws.write(
            "scenarios/me.toml",
            format!("name = \"Me\"\nextends = \"{ext}\"\n"),
        );
        ws.run(&["check"])
            .fails_with(&["scenarios/me.toml:2", "cycle"]);
        ws.run(&["export", "--tidy", "me"]).fails_with(&["cycle"]);
    }
}

/// As root, `chmod 000` does not stop a read; drop to `nobody` with
/// setpriv when it is there, else skip with a note.
#[test]
fn unreadable_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Ws::base();
    let mode = |p: &std::path::Path, m| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
    };
    for rel in ["", "budgets", "budgets/mini", "scenarios"] {
        mode(&ws.path(rel), 0o755);
    }
    mode(&ws.path(PARTNERS), 0o000);
    let as_root = std::fs::read(ws.path(PARTNERS)).is_ok();
    let mut cmd = if as_root {
        let ok = std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "running as root: this test needs setpriv (util-linux) to drop to uid 65534"
        );
        let mut c = assert_cmd::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(assert_cmd::cargo::cargo_bin("poolplan"));
        c
    } else {
        assert_cmd::Command::cargo_bin("poolplan").unwrap()
    };
    cmd.current_dir(ws.dir.path());
    run_cmd(cmd, ws.dir.path(), &["check"], Duration::from_secs(20))
        .fails_with(&["partners.csv", "permission denied"]);
}
