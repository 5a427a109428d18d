//! Writing a command's output: to stdout, or to a file safely.

use super::{INVALID, OK};
use std::path::Path;

/// Write bytes to a file (temp file + rename; an existing file only with
/// `force`) or to stdout when no path is given.
pub fn write_output(path: Option<&Path>, bytes: &[u8], force: bool) -> u8 {
    match path {
        Some(_) => write_output_owned(path, bytes.to_vec(), force),
        None => write_stdout(bytes),
    }
}

fn write_stdout(bytes: &[u8]) -> u8 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            errln!("error: cannot write the output: {e}");
            INVALID
        }
    }
}

/// `write_output` of bytes it may keep (a large export is not copied).
pub fn write_output_owned(path: Option<&Path>, bytes: Vec<u8>, force: bool) -> u8 {
    let Some(path) = path else {
        return write_stdout(&bytes);
    };
    if path.exists() && !force {
        errln!(
            "error: {} already exists; use --force to replace it (nothing was written)",
            path.display()
        );
        return INVALID;
    }
    match crate::save::write_all_atomic(&[(path.to_path_buf(), bytes)]) {
        Ok(()) => {
            errln!("wrote {}", path.display());
            OK
        }
        Err(e) => {
            errln!("error: {e}");
            INVALID
        }
    }
}
