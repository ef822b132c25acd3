//! Write: where rendered files go. A build writes into a staging folder beside the output
//! and swaps it in only once everything succeeded, so a failed build leaves the previous
//! site exactly as it was. `portal serve` keeps the site in memory instead.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::error::BuildError;

/// Receives the files of a build, from several threads.
pub trait Sink: Sync {
    /// Stores `bytes` at `path`, relative to the site's root, with `/` separators.
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), BuildError>;

    /// Stores at `path` what `write` writes, as it writes it: for the files that a large site
    /// could not hold in memory beside everything else (its open data is a gigabyte at a
    /// million entries). Held in memory, then [`Sink::put`], unless the sink does better.
    fn put_with(&self, path: &str, write: Writer<'_>) -> Result<(), BuildError> {
        let mut bytes = Vec::new();
        write(&mut bytes).map_err(BuildError::io(path))?;
        self.put(path, bytes)
    }
}

/// What writes a file piece by piece, for [`Sink::put_with`].
pub type Writer<'a> = &'a mut dyn FnMut(&mut dyn Write) -> io::Result<()>;

/// A relative path that stays inside the output: no `..`, no root, no drive.
fn safe_relative(path: &str) -> Result<&Path, BuildError> {
    let p = Path::new(path);
    if path.is_empty() || !p.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(BuildError::OutputPathOutside(path.to_string()));
    }
    Ok(p)
}

/// Marks a folder as a portal build, so that a build never replaces a folder it did not make.
pub const MARKER: &str = ".portal-build";

/// A folder being filled, to replace the output folder at the end.
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    committed: bool,
    /// The target holds a previous build, whose unchanged files can be reused.
    reuse: bool,
}

impl Staging {
    /// Prepares a staging folder next to `target`, after checking that `target` may be
    /// replaced: it must not exist, be empty, or hold a previous build.
    pub fn new(target: &Path) -> Result<Staging, BuildError> {
        if target.exists() {
            let is_build = target.join(MARKER).is_file();
            let empty = fs::read_dir(target)
                .map_err(BuildError::io(target))?
                .next()
                .is_none();
            if !is_build && !empty {
                return Err(BuildError::OutputNotABuild(target.to_path_buf()));
            }
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = target.parent().unwrap_or(Path::new("."));
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(BuildError::io(&dir))?;
        }
        fs::create_dir_all(&dir).map_err(BuildError::io(&dir))?;
        let marker = dir.join(MARKER);
        fs::write(&marker, b"").map_err(BuildError::io(&marker))?;
        Ok(Staging {
            target: target.to_path_buf(),
            reuse: target.join(MARKER).is_file(),
            dir,
            committed: false,
        })
    }

    /// Replaces the output folder with the staging folder.
    pub fn commit(mut self) -> Result<(), BuildError> {
        let old = self.dir.with_file_name(format!(
            ".{}.old-{}",
            self.target
                .file_name()
                .unwrap_or_default()
                .to_string_lossy(),
            std::process::id()
        ));
        if self.target.exists() {
            fs::rename(&self.target, &old).map_err(BuildError::io(&self.target))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            // Put the previous site back before reporting.
            let _ = fs::rename(&old, &self.target);
            return Err(BuildError::io(&self.target)(e));
        }
        self.committed = true;
        if old.exists() {
            fs::remove_dir_all(&old).map_err(BuildError::io(&old))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), BuildError> {
        let rel = safe_relative(path)?;
        let full = self.dir.join(rel);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
        }
        // A file the previous build wrote with the same bytes is linked, not written: no
        // new inode or data blocks, and its modification time stays, so that the tools
        // that publish the site (rsync, aws s3 sync) see it unchanged.
        if self.reuse && same_file(&self.target.join(rel), &bytes) {
            let old = self.target.join(rel);
            if fs::hard_link(&old, &full).is_ok() {
                return Ok(());
            }
        }
        fs::write(&full, bytes).map_err(BuildError::io(&full))
    }

    fn put_with(&self, path: &str, write: Writer<'_>) -> Result<(), BuildError> {
        let rel = safe_relative(path)?;
        let full = self.dir.join(rel);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
        }
        let file = fs::File::create(&full).map_err(BuildError::io(&full))?;
        let mut out = BufWriter::with_capacity(1 << 20, file);
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(BuildError::io(&full))?;
        drop(out);
        // Written, then compared: the previous build's file, if the same, takes its place.
        let old = self.target.join(rel);
        if self.reuse && same_files(&old, &full) {
            fs::remove_file(&full).map_err(BuildError::io(&full))?;
            if fs::hard_link(&old, &full).is_err() {
                fs::copy(&old, &full).map_err(BuildError::io(&full))?;
            }
        }
        Ok(())
    }
}

/// Whether two plain files hold the same bytes, read a piece at a time.
fn same_files(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(ma), Ok(mb)) = (fs::symlink_metadata(a), fs::symlink_metadata(b)) else {
        return false;
    };
    if !ma.is_file() || ma.len() != mb.len() {
        return false;
    }
    let (Ok(fa), Ok(fb)) = (fs::File::open(a), fs::File::open(b)) else {
        return false;
    };
    let (mut ra, mut rb) = (io::BufReader::new(fa), io::BufReader::new(fb));
    let (mut xa, mut xb) = (vec![0; 1 << 16], vec![0; 1 << 16]);
    loop {
        let n = match ra.read(&mut xa) {
            Ok(0) => return true,
            Ok(n) => n,
            Err(_) => return false,
        };
        if rb.read_exact(&mut xb[..n]).is_err() || xa[..n] != xb[..n] {
            return false;
        }
    }
}

/// Whether `path` is a plain file holding exactly `bytes`.
fn same_file(path: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

/// The site in memory, for `portal serve`.
#[derive(Default)]
pub struct Memory {
    files: Mutex<BTreeMap<String, Arc<Vec<u8>>>>,
}

impl Memory {
    /// A site in memory that starts with `files` (a previous build's, to update).
    pub fn from_files(files: BTreeMap<String, Arc<Vec<u8>>>) -> Memory {
        Memory {
            files: Mutex::new(files),
        }
    }

    /// Lends the files as they are now.
    pub fn with_files<R>(&self, f: impl FnOnce(&BTreeMap<String, Arc<Vec<u8>>>) -> R) -> R {
        f(&self.files.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// The files written, by path relative to the output.
    pub fn into_files(self) -> BTreeMap<String, Arc<Vec<u8>>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), BuildError> {
        safe_relative(path)?;
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), Arc::new(bytes));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_escape() {
        for bad in ["../x", "/etc/passwd", "a/../../b", ""] {
            assert_eq!(
                safe_relative(bad).unwrap_err().to_string(),
                format!("chemin de sortie refusé : « {bad} » sortirait du dossier du site")
            );
        }
        assert!(safe_relative("associations/x/index.html").is_ok());
    }

    #[test]
    fn a_folder_not_made_by_a_build_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("mine");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("precious.txt"), "x").unwrap();
        assert_eq!(
            Staging::new(&target).err().unwrap().to_string(),
            format!(
                "le dossier de sortie {} existe et n'a pas été créé par portal build : choisissez \
                 un autre dossier avec --output, ou videz-le",
                target.display()
            )
        );
        assert!(target.join("precious.txt").exists());
    }

    #[test]
    fn commit_swaps_and_drop_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let s = Staging::new(&target).unwrap();
        s.put("index.html", b"one".to_vec()).unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(target.join("index.html")).unwrap(), b"one");
        let s = Staging::new(&target).unwrap();
        s.put("index.html", b"two".to_vec()).unwrap();
        drop(s);
        assert_eq!(fs::read(target.join("index.html")).unwrap(), b"one");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no staging folder left"
        );
    }

    #[test]
    fn unchanged_files_are_linked_not_written() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let s = Staging::new(&target).unwrap();
        s.put("a/index.html", b"same".to_vec()).unwrap();
        s.put("b/index.html", b"old".to_vec()).unwrap();
        s.commit().unwrap();
        let inode = |p: &str| fs::metadata(target.join(p)).unwrap().ino();
        let (a, b) = (inode("a/index.html"), inode("b/index.html"));
        let s = Staging::new(&target).unwrap();
        s.put("a/index.html", b"same".to_vec()).unwrap();
        s.put("b/index.html", b"new".to_vec()).unwrap();
        s.commit().unwrap();
        assert_eq!(
            inode("a/index.html"),
            a,
            "the unchanged file is the same file"
        );
        assert_ne!(inode("b/index.html"), b);
        assert_eq!(fs::read(target.join("b/index.html")).unwrap(), b"new");
        assert_eq!(fs::read(target.join("a/index.html")).unwrap(), b"same");
    }
}
