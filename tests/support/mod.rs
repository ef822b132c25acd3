//! Helpers for the end-to-end tests: copy a test site into a temporary folder, and run the
//! real `portal` binary on it. The sites have no `themes/`: they build with the theme built
//! into the binary, as a new territory's site does.

#![allow(dead_code)]

pub(crate) mod burst;
pub(crate) mod server;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's root.
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The build date every test uses, so that what is archived does not depend on the day.
pub(crate) const NOW: &str = "2026-11-23";

/// A test site in a temporary folder.
pub(crate) struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// Copies `tests/sites/<name>`.
    pub(crate) fn copy(name: &str) -> Site {
        let dir = tempfile::tempdir().expect("temporary folder");
        copy_tree(&repo().join("tests/sites").join(name), dir.path());
        Site { dir }
    }

    /// The bundled content of the repository (its `site.toml` and `content/`).
    pub(crate) fn bundled() -> Site {
        let dir = tempfile::tempdir().expect("temporary folder");
        copy_tree(&repo().join("content"), &dir.path().join("content"));
        fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
        Site { dir }
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub(crate) fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Runs `portal --root <site> <args>`.
    pub(crate) fn portal(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_portal"))
            .arg("--root")
            .arg(self.root())
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("the portal binary runs")
    }

    /// Builds into `<site>/<out>` at the test date; panics with the output on failure.
    pub(crate) fn build(&self, out: &str) -> PathBuf {
        let output = self.path(out);
        let result = self.portal(&["build", "--now", NOW, "--output", output.to_str().unwrap()]);
        assert!(
            result.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&result.stderr)
        );
        output
    }
}

/// Copies a folder recursively.
pub(crate) fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`, relative, sorted, with its bytes.
pub(crate) fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                walk(base, &entry.path(), out);
            } else {
                let rel = entry
                    .path()
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read(entry.path()).unwrap()));
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// A file of the output; an HTML page in its canonical form (see [`canonical`]).
pub(crate) fn read(dir: &Path, rel: &str) -> String {
    let bytes = fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    if rel.ends_with(".html") {
        canonical(&bytes)
    } else {
        String::from_utf8(bytes).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// An HTML page as minify-html writes it: one spelling of the same document, so that
/// assertions hold whatever the templates' line breaks, indentation and quotes, and
/// whether `site.toml` asks for minified pages.
pub(crate) fn canonical(html: &[u8]) -> String {
    String::from_utf8(portal::minify(html)).expect("HTML pages are UTF-8")
}
