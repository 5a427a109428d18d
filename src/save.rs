//! Writing files safely: to a temporary file in the target's folder, flushed
//! to disk, then renamed over the target, so a failed write never leaves a
//! half-written or lost file. Issue 17 items 7–9:
//!
//! - a symlink is written through: its target is replaced, the link kept;
//! - the replaced file's permission bits are kept (a 600 file stays 600);
//! - temporary files are created with `O_EXCL` and a random name
//!   (`tempfile`), so a symlink planted at a predictable name cannot redirect
//!   the write; they are removed on any failure, and stale ones this user's
//!   killed runs left beside the target are cleaned up;
//! - only a regular file (or a symlink to one) is ever replaced: a device, a
//!   FIFO or a folder at the target is refused.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A temporary file older than this, of ours, beside a target, is stale.
const STALE_AFTER: Duration = Duration::from_secs(3600);
/// Symlinks followed before giving up.
const MAX_LINKS: usize = 40;
/// The temporary files' name ends with this.
const TEMP_SUFFIX: &str = ".poolplan-tmp";

/// Write `bytes` to `path` atomically. The original (if any) is untouched
/// unless the whole new file was written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_all_atomic_parts(&[(path.to_path_buf(), &[bytes])])
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file a write to `path` replaces: `path`, or the end of its chain of
/// symlinks (which need not exist yet).
fn resolve(path: &Path) -> Result<PathBuf, String> {
    let mut cur = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&cur) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&cur).map_err(|e| e.to_string())?;
                cur = folder(&cur).join(to);
            }
            _ => return Ok(cur),
        }
    }
    Err("too many levels of symbolic links".into())
}

/// Where to write and the permissions to keep, after refusing anything
/// that is not a regular file.
fn target(path: &Path) -> Result<(PathBuf, Option<std::fs::Permissions>), String> {
    let real = resolve(path)?;
    match std::fs::metadata(&real) {
        Ok(m) if m.is_file() => Ok((real, Some(m.permissions()))),
        Ok(m) => Err(format!(
            "{} is {}, not a regular file; poolplan replaces only ordinary files: choose another output path",
            path.display(),
            if m.is_dir() { "a folder" } else { "a device, a FIFO or another special file" }
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((real, None)),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into())
}

/// Remove this user's stale temporary files for `real` (ours, or the
/// `.{name}.poolplan-tmp-{pid}` ones earlier versions made).
fn clean_stale(real: &Path) {
    let prefix = format!(".{}.", file_name(real));
    let Ok(entries) = std::fs::read_dir(folder(real)) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with(&prefix)
            && (name.ends_with(TEMP_SUFFIX) || name[prefix.len()..].starts_with("poolplan-tmp-"));
        let Ok(meta) = e.path().symlink_metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if ours && old && meta.is_file() && owned_by_me(&meta) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(unix)]
fn owned_by_me(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    meta.uid() == unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn owned_by_me(_meta: &std::fs::Metadata) -> bool {
    true
}

/// A flushed temporary file beside `real`, with `keep`'s permissions.
fn write_temp(
    real: &Path,
    parts: &[&[u8]],
    keep: Option<&std::fs::Permissions>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut tmp = new_temp(real, keep)?;
    for bytes in parts {
        tmp.write_all(bytes)?;
    }
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// An empty temporary file beside `real`, with `keep`'s permissions.
fn new_temp(
    real: &Path,
    keep: Option<&std::fs::Permissions>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let prefix = format!(".{}.", file_name(real));
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        // A new file gets the mode `File::create` would give (umask applies).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(folder(real))?;
    if let Some(p) = keep {
        tmp.as_file().set_permissions(p.clone())?;
    }
    Ok(tmp)
}

/// Write several files all or nothing: every one is written to a temporary
/// file and flushed first; only when all are on disk are they renamed over
/// their targets. A failure (full disk, read-only folder, a target that is
/// not a regular file) removes the temporary files and leaves every
/// original untouched.
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<(), String> {
    let parts: Vec<(PathBuf, [&[u8]; 1])> =
        files.iter().map(|(p, b)| (p.clone(), [&b[..]])).collect();
    let refs: Vec<(PathBuf, &[&[u8]])> = parts.iter().map(|(p, b)| (p.clone(), &b[..])).collect();
    write_all_atomic_parts(&refs)
}

/// `write_all_atomic` of files each given as parts, written one after the
/// other (a large export is never joined into one buffer first).
pub fn write_all_atomic_parts(files: &[(PathBuf, &[&[u8]])]) -> Result<(), String> {
    let unchanged = "nothing was replaced: every original file is unchanged";
    let mut temps = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let (real, keep) = target(path).map_err(|e| format!("{e}; {unchanged}"))?;
        clean_stale(&real);
        match write_temp(&real, bytes, keep.as_ref()) {
            Ok(t) => temps.push((t, real)),
            // Dropping `temps` removes every temporary file made so far.
            Err(e) => return Err(format!("cannot write {}: {e}; {unchanged}", path.display())),
        }
    }
    for (i, ((tmp, real), (path, _))) in temps.into_iter().zip(files).enumerate() {
        if let Err(e) = tmp.persist(&real) {
            let done = if i == 0 {
                "nothing was replaced".to_string()
            } else {
                format!("the {i} file(s) before it were replaced; the rest are unchanged")
            };
            return Err(format!(
                "cannot write {}: {}; {done}",
                path.display(),
                e.error
            ));
        }
    }
    Ok(())
}

mod stream;
pub use stream::AtomicFile;

#[cfg(test)]
mod tests;
