//! Embeds what the binary carries: the default theme (`themes/default/`, every file, so that
//! a site needs no `themes/` folder) and the outlines of the departments (compressed).
//!
//! A list of `include_bytes!` is written rather than using `include_dir` or `rust-embed`:
//! either would need this script all the same for cargo to see a file added to the theme
//! (`rerun-if-changed` on a folder scans it), and `rust-embed` reads the disk at run time in
//! debug builds, so a debug binary would not carry its theme.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let theme = manifest.join("../themes/default");
    println!("cargo:rerun-if-changed={}", theme.display());
    let mut files = Vec::new();
    walk(&theme, &theme, &mut files);
    files.sort();
    let mut code = String::from("&[\n");
    for (rel, path) in &files {
        writeln!(code, "    ({rel:?}, include_bytes!({path:?}) as &[u8]),").unwrap();
    }
    code.push_str("]\n");
    std::fs::write(out.join("theme.rs"), code).expect("OUT_DIR is writable");

    // The simplified departments (570 KB of JSON, 235 KB compressed): compressed here,
    // unpacked by `portal init` only.
    let departments = manifest.join("data/departements-france-simplifie.geojson");
    println!("cargo:rerun-if-changed={}", departments.display());
    let raw = std::fs::read(&departments).expect("generator/data holds the departments");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&raw).expect("compressing in memory");
    std::fs::write(
        out.join("departements.geojson.gz"),
        gz.finish().expect("compressing in memory"),
    )
    .expect("OUT_DIR is writable");
}

/// Every file under `dir` that a site's theme would load: hidden files left out.
fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("the theme folder is readable") {
        let entry = entry.expect("the theme folder is readable");
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type().expect("a file type").is_dir() {
            walk(base, &path, out);
        } else {
            let rel = path
                .strip_prefix(base)
                .expect("under the theme")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path.to_string_lossy().into_owned()));
        }
    }
}
