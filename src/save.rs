//! Writing files safely: to a temporary file in the same folder, flushed to
//! disk, then renamed over the target, so a failed write never leaves a
//! half-written or lost file.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Write `bytes` to `path` atomically. The original (if any) is untouched
/// unless the whole new file was written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_all_atomic(&[(path.to_path_buf(), bytes.to_vec())])
}

fn temp_name(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    dir.join(format!(".{name}.poolplan-tmp-{}", std::process::id()))
}

fn write_temp(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(tmp)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Write several files all or nothing: every one is written to a temporary
/// file and flushed first; only when all are on disk are they renamed over
/// their targets. A failure (full disk, read-only folder) removes the
/// temporary files and leaves every original untouched.
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<(), String> {
    let temps: Vec<PathBuf> = files.iter().map(|(p, _)| temp_name(p)).collect();
    let cleanup = |upto: usize| {
        for t in &temps[..upto] {
            let _ = std::fs::remove_file(t);
        }
    };
    for (i, ((path, bytes), tmp)) in files.iter().zip(&temps).enumerate() {
        if let Err(e) = write_temp(tmp, bytes) {
            cleanup(i + 1);
            return Err(format!(
                "cannot write {}: {e}; nothing was replaced: every original file is unchanged",
                path.display()
            ));
        }
    }
    for (i, ((path, _), tmp)) in files.iter().zip(&temps).enumerate() {
        if let Err(e) = std::fs::rename(tmp, path) {
            for t in &temps[i..] {
                let _ = std::fs::remove_file(t);
            }
            let done = if i == 0 {
                "nothing was replaced".to_string()
            } else {
                format!("the {i} file(s) before it were replaced; the rest are unchanged")
            };
            return Err(format!("cannot write {}: {e}; {done}", path.display()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a.csv");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
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
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
    }
}
