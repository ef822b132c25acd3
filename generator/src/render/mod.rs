//! Render: the theme's templates applied to the site's views, minified.

pub mod cards;
pub mod forms;
pub mod jsonld;
pub mod map;
pub mod matching;
pub mod pages;
pub mod places;
pub mod views;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};
use tera::{Context, Tera, Value};

use crate::error::BuildError;
use crate::index::{AssociationId, CallId, Index, ResourceId};
use crate::published;
use crate::urls::Urls;
use views::Link;

/// A theme: its templates, compiled, and its static files, fingerprinted.
pub struct Theme {
    tera: Tera,
    /// Files copied to the output as they are: (output path, bytes).
    pub files: Vec<(String, Vec<u8>)>,
    /// Logical asset name → fingerprinted URL (`style.css` → `/assets/style.1a2b3c4d.css`).
    pub assets: BTreeMap<String, String>,
}

impl Theme {
    /// Loads `themes/<name>/templates/**` and `themes/<name>/static/**`. Files under
    /// `static/assets/` get a content hash in their name, so they can be cached for ever.
    pub fn load(root: &Path, name: &str, urls: &Urls) -> Result<Theme, BuildError> {
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            return Err(BuildError::ThemeMissing {
                name: name.to_string(),
                folder: dir,
            });
        }
        let mut templates = Vec::new();
        for (rel, path) in files_under(&dir.join("templates"))? {
            let text = fs::read_to_string(&path).map_err(BuildError::io(&path))?;
            templates.push((rel, text));
        }
        let mut tera = Tera::new();
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
            tera = Tera::new();
            tera.add_raw_templates(templates)?;
        }
        let mut files = Vec::new();
        let mut assets = BTreeMap::new();
        for (rel, path) in files_under(&dir.join("static"))? {
            let bytes = fs::read(&path).map_err(BuildError::io(&path))?;
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
        })
    }
}

/// The files under `dir`, as (path relative to `dir` with `/`, full path), sorted.
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

/// What every page knows of the site.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    territory: &'a str,
    language: &'a str,
    base_path: &'a str,
    home: String,
    /// Main navigation: sections, then free pages with a `menu` position.
    menu: Vec<Link>,
    /// Free pages without a menu position (footer).
    footer: Vec<Link>,
    feeds: Feeds,
    opendata: String,
    forms_endpoint: &'a str,
    moderation: String,
    retention_days: u32,
    timezone: &'a str,
    today: String,
}

#[derive(Serialize)]
struct Feeds {
    calls: String,
    resources: String,
    calendar: String,
}

/// Renders templates for one site with one theme.
pub struct Renderer<'a> {
    pub index: &'a Index,
    pub urls: Urls,
    tera: Tera,
    cards: cards::Cards,
}

impl<'a> Renderer<'a> {
    pub fn new(index: &'a Index, theme: &Theme, urls: Urls) -> Renderer<'a> {
        let mut tera = theme.tera.clone();
        let config = &index.content.config;
        let mut pages: Vec<_> = index.content.pages.iter().collect();
        pages.sort_by_key(|p| (p.menu.unwrap_or(i64::MAX), p.title.clone()));
        let mut menu = vec![
            Link {
                label: "Accueil".into(),
                url: urls.home(),
            },
            Link {
                label: "Associations".into(),
                url: urls.directory(),
            },
            Link {
                label: "Bénévolat".into(),
                url: urls.calls(),
            },
            Link {
                label: "Ressources".into(),
                url: urls.resources(),
            },
            Link {
                label: "Proposer".into(),
                url: urls.at("proposer/"),
            },
        ];
        let mut footer = Vec::new();
        for p in pages {
            let link = Link {
                label: p.title.clone(),
                url: urls.page(&p.slug),
            };
            if p.menu.is_some() {
                menu.push(link);
            } else {
                footer.push(link);
            }
        }
        let view = SiteView {
            title: &config.title,
            description: config.description.as_deref().unwrap_or(""),
            territory: &config.territory.name,
            language: &config.language,
            base_path: &urls.base_path,
            home: urls.home(),
            menu,
            footer,
            feeds: Feeds {
                calls: urls.at(published::CALLS_FEED),
                resources: urls.at(published::RESOURCES_FEED),
                calendar: urls.at(published::CALENDAR),
            },
            opendata: urls.opendata(),
            forms_endpoint: &config.forms.endpoint,
            moderation: urls.at("moderation/"),
            retention_days: config.forms.retention_days,
            timezone: &config.timezone,
            today: index.today.to_string(),
        };
        tera.global_context().insert("site", &view);
        tera.global_context().insert("assets", &theme.assets);
        Renderer {
            index,
            urls,
            tera,
            cards: cards::Cards::new(index),
        }
    }

    /// The card of an association, made on first use.
    pub fn association_card(&self, id: AssociationId) -> Value {
        self.cards.association(id, self.index, &self.urls)
    }

    pub fn call_card(&self, id: CallId) -> Value {
        self.cards.call(id, self.index, &self.urls)
    }

    pub fn resource_card(&self, id: ResourceId) -> Value {
        self.cards.resource(id, self.index, &self.urls)
    }

    /// Drops the renderer, its cards on a thread of their own: at 100,000 entries freeing
    /// their maps takes a serial 150 ms at the end of a build, and nothing waits for it.
    pub fn drop_aside(mut self) {
        let cards = std::mem::take(&mut self.cards);
        std::thread::spawn(move || drop(cards));
    }

    /// Renders an HTML page as the template writes it.
    pub fn raw(&self, template: &str, context: &Context) -> Result<Vec<u8>, BuildError> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, context, &mut out)
            .map_err(|source| BuildError::Render {
                template: template.to_string(),
                source,
            })?;
        Ok(out)
    }

    /// A rendered page as it is written: minified when `site.toml` asks for it.
    pub fn finish(&self, html: Vec<u8>) -> Vec<u8> {
        if self.index.content.config.minify {
            minify(&html)
        } else {
            html
        }
    }

    /// Renders a text template (feeds, sitemap) without minifying.
    pub fn text(&self, template: &str, context: &Context) -> Result<Vec<u8>, BuildError> {
        let mut out = Vec::new();
        self.tera
            .render_to(template, context, &mut out)
            .map_err(|source| BuildError::Render {
                template: template.to_string(),
                source,
            })?;
        Ok(out)
    }
}

/// A template without the indentation of its lines: what a minifier would remove from
/// every page, removed once. Lines stay (Tera's errors keep their line numbers) and so does
/// everything inside `<pre>`, `<textarea>`, `<script>` and `<style>`, where white space
/// may matter. A run of white space with a line break shows as one space in HTML, as the
/// line break alone does: the page looks the same.
pub fn tighten(template: &str) -> String {
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

/// Minifies HTML; the document stays valid (closing tags and the doctype are kept).
pub fn minify(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: true,
        minify_js: true,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &cfg)
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
