use super::*;
use std::os::unix::fs::PermissionsExt;

fn names(d: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn writes_and_replaces() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("a.csv");
    write_atomic(&p, b"one").unwrap();
    write_atomic(&p, b"two").unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"two");
    assert_eq!(names(d.path()), ["a.csv"]);
}

#[test]
fn failure_leaves_nothing_behind() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("missing-folder").join("a.csv");
    let e = write_atomic(&p, b"x").unwrap_err();
    assert!(e.contains("unchanged"), "{e}");
}

#[test]
fn all_or_nothing_when_one_target_cannot_be_written() {
    let d = tempfile::tempdir().unwrap();
    let a = d.path().join("a.csv");
    std::fs::write(&a, b"old").unwrap();
    let files = vec![
        (a.clone(), b"new".to_vec()),
        (d.path().join("missing").join("b.csv"), b"new".to_vec()),
    ];
    let e = write_all_atomic(&files).unwrap_err();
    assert!(e.contains("nothing was replaced"), "{e}");
    assert_eq!(std::fs::read(&a).unwrap(), b"old");
    assert_eq!(names(d.path()), ["a.csv"]);
}

#[test]
fn a_symlink_is_written_through_and_kept() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("real")).unwrap();
    let target = d.path().join("real/s.toml");
    std::fs::write(&target, b"old").unwrap();
    let link = d.path().join("s.toml");
    std::os::unix::fs::symlink("real/s.toml", &link).unwrap();
    write_atomic(&link, b"new").unwrap();
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read(&target).unwrap(), b"new");
    assert_eq!(names(d.path()), ["real", "s.toml"]);
    assert_eq!(names(&d.path().join("real")), ["s.toml"]);
}

#[test]
fn the_file_mode_is_kept() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("a.csv");
    std::fs::write(&p, b"old").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    write_atomic(&p, b"new").unwrap();
    let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&p, b"newer").unwrap();
    let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn a_planted_symlink_at_the_old_temp_name_is_not_followed() {
    let d = tempfile::tempdir().unwrap();
    let victim = d.path().join("victim");
    std::fs::write(&victim, b"precious").unwrap();
    let p = d.path().join("a.csv");
    let old_name = format!(".a.csv.poolplan-tmp-{}", std::process::id());
    std::os::unix::fs::symlink(&victim, d.path().join(&old_name)).unwrap();
    write_atomic(&p, b"new").unwrap();
    assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
    assert_eq!(std::fs::read(&p).unwrap(), b"new");
}

#[test]
fn stale_temp_files_of_ours_are_cleaned_fresh_ones_kept() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("a.csv");
    let stale = d.path().join(".a.csv.XyZ123.poolplan-tmp");
    let legacy = d.path().join(".a.csv.poolplan-tmp-4242");
    let fresh = d.path().join(".a.csv.AbC456.poolplan-tmp");
    let other = d.path().join(".b.csv.QqQ999.poolplan-tmp");
    let long_ago = SystemTime::now() - Duration::from_secs(2 * 3600);
    for f in [&stale, &legacy, &fresh, &other] {
        std::fs::write(f, b"x").unwrap();
    }
    for f in [&stale, &legacy, &other] {
        std::fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    write_atomic(&p, b"new").unwrap();
    assert_eq!(
        names(d.path()),
        [
            ".a.csv.AbC456.poolplan-tmp",
            ".b.csv.QqQ999.poolplan-tmp",
            "a.csv"
        ]
    );
}

#[test]
fn only_regular_files_are_replaced() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("pipe.csv");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let e = write_atomic(&fifo, b"x").unwrap_err();
    assert!(e.contains("not a regular file"), "{e}");
    assert!(e.contains("nothing was replaced"), "{e}");
    use std::os::unix::fs::FileTypeExt;
    assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());
    let e = write_atomic(Path::new("/dev/full"), b"x").unwrap_err();
    assert!(e.contains("/dev/full is a device"), "{e}");
    let link = d.path().join("null.csv");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    assert!(write_atomic(&link, b"x").is_err());
    std::fs::create_dir(d.path().join("dir.csv")).unwrap();
    let e = write_atomic(&d.path().join("dir.csv"), b"x").unwrap_err();
    assert!(e.contains("is a folder"), "{e}");
}
