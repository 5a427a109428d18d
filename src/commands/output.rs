//! Writing a command's output: to stdout, or to a file safely.

use super::{INVALID, OK};
use std::path::Path;

/// Write bytes to a file (temp file + rename; an existing file only with
/// `force`) or to stdout when no path is given.
pub fn write_output(path: Option<&Path>, bytes: &[u8], force: bool) -> u8 {
    match path {
        Some(_) => write_output_parts(path, &[bytes], force),
        None => write_stdout(&[bytes]),
    }
}

fn write_stdout(parts: &[&[u8]]) -> u8 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let all = parts.iter().try_for_each(|b| out.write_all(b));
    match all.and_then(|_| out.flush()) {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            errln!("error: cannot write the output: {e}");
            INVALID
        }
    }
}

/// `write_output` of output made in parts (the tidy export: one per
/// scenario), written in order without joining them.
pub fn write_output_parts(path: Option<&Path>, parts: &[&[u8]], force: bool) -> u8 {
    let Some(path) = path else {
        return write_stdout(parts);
    };
    if path.exists() && !force {
        errln!(
            "error: {} already exists; use --force to replace it (nothing was written)",
            path.display()
        );
        return INVALID;
    }
    match crate::save::write_all_atomic_parts(&[(path.to_path_buf(), parts)]) {
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
