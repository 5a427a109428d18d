//! Reading input files (SPEC §9 "Settled later", issue 17 item 13): only
//! regular files are read, never more than `MAX_FILE_BYTES`, and never in a
//! way that can hang on a FIFO; an `extends` path must stay inside the
//! workspace.

use super::diag::{Diagnostic, Owner, Severity};
use std::path::{Path, PathBuf};

/// The largest input file read, in bytes (anything bigger is refused with a message).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Read a whole file, with a message a finance lead can act on. Only a
/// regular file is read (SPEC §9 "Settled later"): the file is opened
/// non-blocking (so a FIFO cannot hang the open), its type is checked on the
/// open handle (so it cannot be swapped after the check), and at most
/// `MAX_FILE_BYTES` are read (so `/dev/zero` or a growing file cannot fill
/// the memory).
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| io_message(path, &e))?;
    let meta = file.metadata().map_err(|e| io_message(path, &e))?;
    if meta.is_dir() {
        return Err("this is a folder, not a file".into());
    }
    if !meta.is_file() {
        return Err(format!(
            "this is not a regular file but {}; poolplan reads only ordinary files",
            file_kind(&meta)
        ));
    }
    let too_big = |len: u64| {
        format!(
            "the file is {} MB; poolplan reads files up to {} MB",
            len >> 20,
            MAX_FILE_BYTES >> 20
        )
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    super::chain::record_read(path, &bytes);
    Ok(bytes)
}

/// What a file that is not regular is, in words.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "a special file"
}

fn io_message(_path: &Path, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file is missing".into(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied: poolplan cannot read this file".into()
        }
        _ => format!("cannot read the file: {e}"),
    }
}

/// SPEC §9 "Settled later": an `extends` path is relative to the extending
/// file's folder and must stay inside the workspace (symlinks followed).
pub fn inside(
    src: &super::source::Source,
    root: &Path,
    from: &Path,
    e: &str,
) -> Result<PathBuf, String> {
    let refuse = |why: &str| {
        Err(format!(
            "extends = \"{e}\" {why}; extends takes a scenario id, or a path relative to this file's folder that stays inside the workspace"
        ))
    };
    if Path::new(e).is_absolute() {
        return refuse("is an absolute path");
    }
    let dir = from.parent().unwrap_or(Path::new("."));
    let pp = dir.join(e);
    if let (Some(real_root), Some(real)) = (src.canonical(root), src.canonical(&pp)) {
        return if real.starts_with(&real_root) {
            Ok(pp)
        } else {
            refuse("leads outside the workspace")
        };
    }
    // Missing (reading it will say so): judged by the words of the path.
    let mut depth = dir.strip_prefix(root).map_or(0, |r| r.components().count());
    for part in e.split('/') {
        match part {
            ".." if depth == 0 => return refuse("leads outside the workspace"),
            ".." => depth -= 1,
            "" | "." => {}
            _ => depth += 1,
        }
    }
    Ok(pp)
}

pub(super) fn list_dir(dir: &Path, want_dirs: bool, ext: Option<&str>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                // Every file-like entry is read, so a FIFO, a device or a
                // folder named `x.toml` is an error naming it (`read_file`).
                want_dirs == p.is_dir() || (!want_dirs && p.extension().is_some())
            })
            .filter(|p| ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)))
            .collect(),
        Err(_) => vec![],
    };
    out.sort();
    out
}

pub(super) fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A file or folder name that is not a valid id.
pub(super) fn name_error(owner: Owner, file: String, what: &str, e: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        owner,
        file,
        line: None,
        col: None,
        field: None,
        message: format!("the {what} is used as an id and must be one: {e}; rename it"),
    }
}
