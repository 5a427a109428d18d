//! Where the loader's bytes come from: the disk, or a map of path → bytes
//! held in memory (for the fuzz targets, which would otherwise write a
//! workspace to disk for every run, and for tests). The loader asks only
//! these questions — read a file, does it exist, is it a folder, what is in
//! a folder, where does a path really lead — so both sources give the same
//! model and the same messages.

use super::super::files::{list_dir, read_file, MAX_FILE_BYTES};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// The loader's source of files.
#[derive(Debug, Clone, Default)]
pub enum Source {
    /// The file system (`load::read_file`: regular files only, capped).
    #[default]
    Disk,
    /// Files held in memory; a folder exists when a file lies under it.
    Memory(Arc<MemoryFiles>),
}

/// Files in memory, by path (made lexical: `.` and `..` resolved).
#[derive(Debug, Clone, Default)]
pub struct MemoryFiles {
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl MemoryFiles {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add (or replace) the file at `path`.
    pub fn insert(&mut self, path: impl AsRef<Path>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(lexical(path.as_ref()), bytes.into());
    }

    /// Every regular file of a workspace's `budgets/` and `scenarios/`
    /// folders, read from disk (for tests: one workspace through both
    /// sources).
    pub fn workspace(root: &Path) -> Self {
        let mut m = MemoryFiles::new();
        let mut pending = vec![root.join("budgets"), root.join("scenarios")];
        while let Some(dir) = pending.pop() {
            let Ok(rd) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in rd.filter_map(Result::ok) {
                let p = e.path();
                match e.file_type() {
                    Ok(t) if t.is_dir() => pending.push(p),
                    Ok(t) if t.is_file() => {
                        if let Ok(b) = std::fs::read(&p) {
                            m.insert(p, b);
                        }
                    }
                    _ => {}
                }
            }
        }
        m
    }

    fn is_dir(&self, p: &Path) -> bool {
        self.files
            .range(p.to_path_buf()..)
            .next()
            .is_some_and(|(k, _)| k != p && k.starts_with(p))
    }

    /// The names directly inside folder `dir`, each with whether it is a folder.
    fn children(&self, dir: &Path) -> Vec<(PathBuf, bool)> {
        let mut out: Vec<(PathBuf, bool)> = vec![];
        for k in self.files.range(dir.to_path_buf()..).map(|(k, _)| k) {
            let Ok(rest) = k.strip_prefix(dir) else {
                break;
            };
            let mut parts = rest.components();
            let Some(first) = parts.next() else {
                continue;
            };
            let child = dir.join(first);
            let folder = parts.next().is_some();
            match out.last_mut() {
                Some((last, f)) if *last == child => *f |= folder,
                _ => out.push((child, folder)),
            }
        }
        out
    }
}

impl Source {
    /// Files held in memory.
    pub fn memory(files: MemoryFiles) -> Self {
        Source::Memory(Arc::new(files))
    }

    /// Read a whole file, with the messages of `load::read_file`.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        let m = match self {
            Source::Disk => return read_file(path),
            Source::Memory(m) => m,
        };
        let p = lexical(path);
        match m.files.get(&p) {
            Some(b) if b.len() as u64 > MAX_FILE_BYTES => Err(format!(
                "the file is {} MB; poolplan reads files up to {} MB",
                b.len() >> 20,
                MAX_FILE_BYTES >> 20
            )),
            Some(b) => {
                super::super::chain::record_read(path, b);
                Ok(b.clone())
            }
            None if m.is_dir(&p) => Err("this is a folder, not a file".into()),
            None => Err("the file is missing".into()),
        }
    }

    /// Whether `path` is a file or a folder.
    pub fn exists(&self, path: &Path) -> bool {
        match self {
            Source::Disk => path.exists(),
            Source::Memory(m) => {
                let p = lexical(path);
                m.files.contains_key(&p) || m.is_dir(&p)
            }
        }
    }

    /// Whether `path` is a folder.
    pub fn is_dir(&self, path: &Path) -> bool {
        match self {
            Source::Disk => path.is_dir(),
            Source::Memory(m) => m.is_dir(&lexical(path)),
        }
    }

    /// The entries of `dir`, sorted: its folders (`want_dirs`), or its
    /// file-like entries (anything that is not a folder, and a folder with
    /// an extension, so that `x.toml/` is reported), of extension `ext`.
    pub fn list(&self, dir: &Path, want_dirs: bool, ext: Option<&str>) -> Vec<PathBuf> {
        let m = match self {
            Source::Disk => return list_dir(dir, want_dirs, ext),
            Source::Memory(m) => m,
        };
        let mut out: Vec<PathBuf> = m
            .children(&lexical(dir))
            .into_iter()
            .filter(|(p, folder)| want_dirs == *folder || (!want_dirs && p.extension().is_some()))
            .map(|(p, _)| p)
            .filter(|p| ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)))
            .collect();
        out.sort();
        out
    }

    /// The names of the files and folders in `dir` (unsorted; none if it
    /// cannot be read).
    pub fn names(&self, dir: &Path) -> Vec<String> {
        let name = |p: &Path| {
            p.file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        match self {
            Source::Disk => std::fs::read_dir(dir)
                .map(|rd| {
                    rd.filter_map(Result::ok)
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default(),
            Source::Memory(m) => m
                .children(&lexical(dir))
                .iter()
                .map(|(p, _)| name(p))
                .collect(),
        }
    }

    /// Where `path` really leads (symlinks followed on disk; in memory, `.`
    /// and `..` resolved), or `None` if nothing is there.
    pub fn canonical(&self, path: &Path) -> Option<PathBuf> {
        match self {
            Source::Disk => std::fs::canonicalize(path).ok(),
            Source::Memory(_) => self.exists(path).then(|| lexical(path)),
        }
    }
}

/// `p` with `.` dropped and `..` taking off the previous part.
fn lexical(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
