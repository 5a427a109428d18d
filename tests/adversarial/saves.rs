//! Saving over what is already there (issue 17 items 7–9): a symlink is
//! written through, the mode is kept, a device is never replaced.

use crate::Ws;
use std::os::unix::fs::PermissionsExt;

#[test]
fn export_force_through_a_symlink_keeps_the_link_and_the_mode() {
    let ws = Ws::base();
    let real = ws.path("real.csv");
    std::fs::write(&real, b"old").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = ws.path("tidy.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    ws.run(&["export", "--tidy", "-o", link.to_str().unwrap(), "--force"])
        .passes();
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(std::fs::read(&real).unwrap().starts_with(b"scenario,"));
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn export_force_never_replaces_a_device_or_fifo() {
    let ws = Ws::base();
    ws.run(&["export", "--tidy", "-o", "/dev/full", "--force"])
        .fails_with(&["/dev/full is a device", "not a regular file"]);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/full")
        .unwrap()
        .file_type()
        .is_char_device());
    let fifo = ws.path("out.csv");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    ws.run(&["export", "--tidy", "-o", fifo.to_str().unwrap(), "--force"])
        .fails_with(&["out.csv is a device, a FIFO", "nothing was replaced"]);
    assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());
}
