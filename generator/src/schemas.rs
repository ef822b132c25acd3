//! `portal schema`: the JSON Schema of each content type, written from the one model
//! (`portal_model::schema`), for the site's own categories and associations, so that an
//! editor's IDE completes and checks the front matter. They are written locally, into
//! `schemas/` by default (not published: they follow the site being edited, offline), and
//! the files `portal new` writes point to them with a `yaml-language-server` line.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use portal_model::{Context, Kind};

use crate::error::BuildError;

/// Where `portal new` and `portal init` write the schemas, under the site's folder.
pub const FOLDER: &str = "schemas";

/// The file name of a kind's schema: `associations.schema.json`.
pub fn file_name(kind: Kind) -> String {
    format!("{}.schema.json", kind.folder())
}

/// The first line of a new file's front matter: its schema, for yaml-language-server, by a
/// path relative to the file (`content/<folder>/x.md` → `schemas/`).
pub fn modeline(kind: Kind) -> String {
    format!(
        "# yaml-language-server: $schema=../../{FOLDER}/{}\n",
        file_name(kind)
    )
}

/// Writes the schema of every kind into `dir` (replacing those there); returns the files.
/// Reads only `site.toml` and the names of the associations: the content may be broken.
pub fn write(root: &Path, dir: &Path) -> Result<Vec<PathBuf>, BuildError> {
    let config = crate::load::load_config(root)?;
    let associations: BTreeSet<String> = fs::read_dir(root.join("content/associations"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".md")
                .map(String::from)
        })
        .filter(|s| portal_model::checks::is_slug(s))
        .collect();
    let cx = Context {
        site: &config,
        associations: &associations,
    };
    fs::create_dir_all(dir).map_err(BuildError::io(dir))?;
    let mut written = Vec::new();
    for kind in Kind::ALL {
        let schema = portal_model::schema::of(kind, &cx);
        let mut text = serde_json::to_string_pretty(&schema).expect("JSON of plain data");
        text.push('\n');
        let path = dir.join(file_name(kind));
        fs::write(&path, text).map_err(BuildError::io(&path))?;
        written.push(path);
    }
    Ok(written)
}
