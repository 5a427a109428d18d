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

/// Output made in parts, in order: to a file atomically as it is made
/// (`save::AtomicFile`: the target changes only when `finish` succeeds;
/// dropped before, nothing is replaced), or to stdout at `finish` (held
/// until then, so a failure part way prints nothing).
pub enum Stream {
    Stdout(Vec<Vec<u8>>),
    File(crate::save::AtomicFile, std::path::PathBuf),
}

impl Stream {
    /// Open the output; an existing file only with `force`.
    pub fn open(path: Option<&Path>, force: bool) -> Result<Stream, u8> {
        let Some(path) = path else {
            return Ok(Stream::Stdout(vec![]));
        };
        if path.exists() && !force {
            errln!(
                "error: {} already exists; use --force to replace it (nothing was written)",
                path.display()
            );
            return Err(INVALID);
        }
        match crate::save::AtomicFile::create(path) {
            Ok(f) => Ok(Stream::File(f, path.to_path_buf())),
            Err(e) => {
                errln!("error: {e}");
                Err(INVALID)
            }
        }
    }

    /// Add the next part. A part written to the file comes back, for the
    /// caller to reuse; one held for stdout does not.
    pub fn put(&mut self, part: Vec<u8>) -> Result<Option<Vec<u8>>, u8> {
        match self {
            Stream::Stdout(held) => {
                held.push(part);
                Ok(None)
            }
            Stream::File(f, _) => match f.write(&part) {
                Ok(()) => Ok(Some(part)),
                Err(e) => {
                    errln!("error: {e}");
                    Err(INVALID)
                }
            },
        }
    }

    /// Write what stdout held, or put the file in place.
    pub fn finish(self) -> u8 {
        match self {
            Stream::Stdout(held) => {
                let parts: Vec<&[u8]> = held.iter().map(|p| &p[..]).collect();
                write_stdout(&parts)
            }
            Stream::File(f, path) => match f.commit() {
                Ok(()) => {
                    errln!("wrote {}", path.display());
                    OK
                }
                Err(e) => {
                    errln!("error: {e}");
                    INVALID
                }
            },
        }
    }
}
