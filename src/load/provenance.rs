//! SHA-256 of input files, for the provenance block of the Cabinet exports:
//! paths shown relative to the workspace with `/` separators (absolute only
//! for a scenario file outside it), sorted, no duplicates.

use super::read_file;
use sha2::{Digest, Sha256};
use std::path::{Component, Path};

/// The path as shown: relative to `root` where it lies inside it.
pub fn shown_path(root: &Path, path: &Path) -> String {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (croot, cpath) = (canon(root), canon(path));
    let rel = cpath
        .strip_prefix(&croot)
        .or_else(|_| path.strip_prefix(root))
        .unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let joined = parts.join("/");
    if rel.is_absolute() && !joined.starts_with('/') {
        format!("/{}", joined.trim_start_matches('/'))
    } else {
        joined
    }
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// (shown path, SHA-256) of every file, sorted by path, without duplicates.
pub fn hash_files<'a>(
    root: &Path,
    files: impl IntoIterator<Item = &'a Path>,
) -> Result<Vec<(String, String)>, String> {
    let mut out = vec![];
    for f in files {
        let shown = shown_path(root, f);
        let bytes = read_file(f).map_err(|e| format!("{shown}: {e}"))?;
        out.push((shown, sha256_hex(&bytes)));
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn paths_are_relative_with_slashes() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("budgets").join("b");
        std::fs::create_dir_all(&f).unwrap();
        std::fs::write(f.join("budget.toml"), "x").unwrap();
        assert_eq!(
            shown_path(d.path(), &f.join("budget.toml")),
            "budgets/b/budget.toml"
        );
        let h = hash_files(d.path(), [f.join("budget.toml").as_path(); 2]).unwrap();
        assert_eq!(h.len(), 1);
    }
}
