//! Writing files safely: to a temporary file in the same folder, flushed to
//! disk, then renamed over the target, so a failed write never leaves a
//! half-written or lost file.

use std::io::Write;
use std::path::Path;

/// Write `bytes` to `path` atomically. The original (if any) is untouched
/// unless the whole new file was written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.poolplan-tmp-{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!(
            "cannot write {}: {e}; the original file, if any, is unchanged",
            path.display()
        )
    })
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
}
