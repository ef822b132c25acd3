//! The theme: its templates, compiled, and its static files, fingerprinted, once per build.
//! The default theme is built into the binary (from `themes/default/`, see `build.rs`); a
//! site's `themes/<theme>/` holds only what it changes: each of its files replaces the
//! built-in file of the same path, the others stay.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};
use tera::Tera;

use crate::error::BuildError;
use crate::urls::Urls;

/// The name of the built-in theme, the one `site.toml` names by default.
pub const DEFAULT: &str = "default";

/// The built-in theme: every file of `themes/default/` when the binary was built, as (path
/// relative to the theme's folder, bytes), in path order.
pub const BUILT_IN: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/theme.rs"));

/// A theme: its templates, compiled, and its static files, fingerprinted.
pub struct Theme {
    pub(crate) tera: Tera,
    /// Files copied to the output as they are: (output path, bytes).
    pub files: Vec<(String, Vec<u8>)>,
    /// Logical asset name → fingerprinted URL (`style.css` → `/assets/style.1a2b3c4d.css`).
    pub assets: BTreeMap<String, String>,
    /// The catalogues of the public's languages (`i18n/<code>.ftl`): code → text.
    pub(crate) catalogues: BTreeMap<String, String>,
}

impl Theme {
    /// Loads the built-in theme with the files of `themes/<name>/` over it: `templates/**`
    /// compiled, `static/**` copied. Files under `static/assets/` get a content hash in
    /// their name, so they can be cached for ever. A theme other than `default` must have
    /// its folder.
    pub fn load(root: &Path, name: &str, urls: &Urls) -> Result<Theme, BuildError> {
        let dir = root.join("themes").join(name);
        if name != DEFAULT && !dir.is_dir() {
            return Err(BuildError::ThemeMissing {
                name: name.to_string(),
                folder: dir,
            });
        }
        let mut sources: BTreeMap<String, Vec<u8>> = BUILT_IN
            .iter()
            .map(|(rel, bytes)| (rel.to_string(), bytes.to_vec()))
            .collect();
        for (rel, path) in files_under(&dir)? {
            let bytes = fs::read(&path).map_err(BuildError::io(&path))?;
            sources.insert(rel, bytes);
        }
        let mut templates = Vec::new();
        let mut statics = Vec::new();
        let mut catalogues = BTreeMap::new();
        for (rel, bytes) in sources {
            if let Some(template) = rel.strip_prefix("templates/") {
                let text = String::from_utf8(bytes).map_err(|_| BuildError::TemplateNotText {
                    file: dir.join(&rel),
                })?;
                templates.push((template.to_string(), text));
            } else if let Some(code) = rel
                .strip_prefix("i18n/")
                .and_then(|f| f.strip_suffix(".ftl"))
            {
                let text = String::from_utf8(bytes).map_err(|_| BuildError::TemplateNotText {
                    file: dir.join(&rel),
                })?;
                catalogues.insert(code.to_string(), text);
            } else if let Some(file) = rel.strip_prefix("static/") {
                statics.push((file.to_string(), bytes));
            }
        }
        let mut tera = with_functions();
        let tight = templates.iter().map(|(rel, text)| {
            let text = if rel.ends_with(".html") {
                tighten(text)
            } else {
                text.clone()
            };
            (rel.clone(), text)
        });
        if tera.add_raw_templates(tight).is_err() {
            // Report the error against the template as written, at its real column.
            tera = with_functions();
            tera.add_raw_templates(templates)?;
        }
        let mut files = Vec::new();
        let mut assets = BTreeMap::new();
        for (rel, bytes) in statics {
            let out = match rel.strip_prefix("assets/") {
                Some(asset) => {
                    let hash = Sha256::digest(&bytes);
                    let short: String = hash[..4].iter().map(|b| format!("{b:02x}")).collect();
                    let fingerprinted = match asset.rsplit_once('.') {
                        Some((stem, ext)) => format!("assets/{stem}.{short}.{ext}"),
                        None => format!("assets/{asset}.{short}"),
                    };
                    assets.insert(asset.to_string(), urls.at(&fingerprinted));
                    fingerprinted
                }
                None => rel,
            };
            files.push((out, bytes));
        }
        Ok(Theme {
            tera,
            files,
            assets,
            catalogues,
        })
    }
}

/// A Tera that knows the functions the templates call: `t`, whose catalogue each
/// language's templates set (see `templates.rs`); until then it says the key.
fn with_functions() -> Tera {
    let mut tera = Tera::new();
    tera.register_function("t", |kwargs: tera::Kwargs, _: &tera::State| {
        kwargs.must_get::<String>("key")
    });
    tera
}

/// Writes the built-in theme's files (all of them, or those named in `only`, paths as in
/// the theme: `templates/association.html`) under `dir`, for a site that wants to change
/// them; returns the files written. Nothing is written if any of them exists already.
pub fn export(dir: &Path, only: &[String]) -> Result<Vec<std::path::PathBuf>, BuildError> {
    for name in only {
        if !BUILT_IN.iter().any(|(rel, _)| rel == name) {
            let hint = portal_model::problem::suggest(name, BUILT_IN.iter().map(|(r, _)| *r));
            return Err(BuildError::NotInTheme {
                file: name.clone(),
                suggestion: hint,
            });
        }
    }
    let chosen: Vec<&(&str, &[u8])> = BUILT_IN
        .iter()
        .filter(|(rel, _)| only.is_empty() || only.iter().any(|o| o == rel))
        .collect();
    let existing: Vec<_> = chosen
        .iter()
        .map(|(rel, _)| dir.join(rel))
        .filter(|p| p.symlink_metadata().is_ok())
        .collect();
    if !existing.is_empty() {
        return Err(BuildError::ExportExists(existing));
    }
    let mut written = Vec::new();
    for (rel, bytes) in chosen {
        let path = dir.join(rel);
        let parent = path.parent().expect("a theme file has a folder");
        fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
        fs::write(&path, bytes).map_err(BuildError::io(&path))?;
        written.push(path);
    }
    Ok(written)
}

/// The files under `dir`, as (path relative to `dir` with `/`, full path), sorted; none when
/// there is no such folder.
fn files_under(dir: &Path) -> Result<Vec<(String, std::path::PathBuf)>, BuildError> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(BuildError::ThemeFolder)?;
        if entry.file_type().is_file() && !entry.file_name().to_string_lossy().starts_with('.') {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, entry.path().to_path_buf()));
        }
    }
    Ok(out)
}

/// A template without the indentation of its lines: what a minifier would remove from
/// every page, removed once. Lines stay (Tera's errors keep their line numbers) and so does
/// everything inside `<pre>`, `<textarea>`, `<script>` and `<style>`, where white space
/// may matter. A run of white space with a line break shows as one space in HTML, as the
/// line break alone does: the page looks the same.
pub(crate) fn tighten(template: &str) -> String {
    const VERBATIM: [&str; 4] = ["pre", "textarea", "script", "style"];
    let mut out = String::with_capacity(template.len());
    let mut inside: Option<&str> = None;
    for (n, line) in template.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(if inside.is_some() {
            line
        } else {
            line.trim_start()
        });
        // Where the line leaves us: the last of these tags it opens or closes decides.
        let lower = line.to_ascii_lowercase();
        for tag in VERBATIM {
            let open = lower.rfind(&format!("<{tag}"));
            let close = lower.rfind(&format!("</{tag}"));
            match (open, close) {
                (Some(o), Some(c)) if o > c => inside = Some(tag),
                (Some(_), None) => inside = Some(tag),
                (_, Some(_)) if inside == Some(tag) => inside = None,
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tighten;

    #[test]
    fn indentation_goes_lines_and_verbatim_blocks_stay() {
        let template = "<ul>\n    {% for x in xs %}<li>{{ x }}</li>\n    {% endfor %}\n</ul>\n  <pre>\n  a\n    b\n  </pre>\n  <p>x</p>\n<textarea>\n  keep</textarea>\n  <script>\n  let a = `\n    b`;\n</script>\n  <p>y</p>";
        assert_eq!(
            tighten(template),
            "<ul>\n{% for x in xs %}<li>{{ x }}</li>\n{% endfor %}\n</ul>\n<pre>\n  a\n    b\n  </pre>\n<p>x</p>\n<textarea>\n  keep</textarea>\n<script>\n  let a = `\n    b`;\n</script>\n<p>y</p>"
        );
        assert_eq!(tighten("<pre>a</pre>\n  <p>"), "<pre>a</pre>\n<p>");
    }
}
