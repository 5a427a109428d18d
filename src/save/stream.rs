//! One file written atomically as it is made: bytes go to a temporary file
//! beside the target as they come, and only `commit` (after a flush to
//! disk) renames it over the target. Dropped without `commit` (an error
//! part way, a scenario that fails to project), the temporary file is
//! removed and the original is untouched. The same rules as
//! `write_all_atomic`: symlinks written through, permissions kept, only a
//! regular file replaced.

use super::{clean_stale, new_temp, target};
use std::io::Write;
use std::path::{Path, PathBuf};

const UNCHANGED: &str = "nothing was replaced: every original file is unchanged";

/// A file being written atomically.
pub struct AtomicFile {
    tmp: tempfile::NamedTempFile,
    real: PathBuf,
    shown: PathBuf,
}

impl AtomicFile {
    /// Start writing `path`: refuses a target that is not a regular file.
    pub fn create(path: &Path) -> Result<AtomicFile, String> {
        let (real, keep) = target(path).map_err(|e| format!("{e}; {UNCHANGED}"))?;
        clean_stale(&real);
        let tmp = new_temp(&real, keep.as_ref()).map_err(|e| cannot(path, &e))?;
        Ok(AtomicFile {
            tmp,
            real,
            shown: path.to_path_buf(),
        })
    }

    /// Append `bytes` to the new file.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), String> {
        self.tmp
            .write_all(bytes)
            .map_err(|e| cannot(&self.shown, &e))
    }

    /// Flush the new file to disk and put it in place of the target.
    pub fn commit(self) -> Result<(), String> {
        self.tmp
            .as_file()
            .sync_all()
            .map_err(|e| cannot(&self.shown, &e))?;
        let shown = self.shown;
        self.tmp.persist(&self.real).map(|_| ()).map_err(|e| {
            format!(
                "cannot write {}: {}; nothing was replaced",
                shown.display(),
                e.error
            )
        })
    }
}

fn cannot(path: &Path, e: &std::io::Error) -> String {
    format!("cannot write {}: {e}; {UNCHANGED}", path.display())
}

#[cfg(test)]
mod tests {
    use super::AtomicFile;

    #[test]
    fn the_target_changes_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old\n").unwrap();
        let mut f = AtomicFile::create(&path).unwrap();
        f.write(b"new,").unwrap();
        f.write(b"rows\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        f.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new,rows\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn dropped_before_commit_it_leaves_the_original_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old\n").unwrap();
        let mut f = AtomicFile::create(&path).unwrap();
        f.write(b"half a file").unwrap();
        drop(f);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_at_the_target_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = AtomicFile::create(dir.path()).err().unwrap();
        assert!(e.contains("a folder, not a regular file"), "{e}");
    }
}
