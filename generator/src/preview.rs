//! The page a submission becomes, before it is accepted: the site as it is on disk with the
//! proposed file in its place, indexed and rendered by the same stages and templates as a
//! build, its one page only. `portal serve` gives it to the form functions, so that the
//! moderation page shows moderators the page, not the YAML.

use std::collections::BTreeSet;
use std::path::PathBuf;

use jiff::civil::Date;
use portal_model::{Context, Entry, Kind};

use crate::dates::{ChangeDates, today_in};
use crate::index::Index;
use crate::load;
use crate::render::{self, Job, Renderer};
use crate::templates::Templates;
use crate::theme::Theme;
use crate::urls::Urls;

/// Renders proposed entries of the site at `root`.
pub struct Previewer {
    root: PathBuf,
    today: Option<Date>,
}

impl Previewer {
    /// Previews for the site at `root`, on `today` (the site's today when none).
    pub fn new(root: PathBuf, today: Option<Date>) -> Previewer {
        Previewer { root, today }
    }

    fn page(&self, kind: Kind, slug: &str, source: &str) -> Result<String, String> {
        let mut content = load::load(&self.root).map_err(|e| e.to_string())?;
        let today = self.today.unwrap_or_else(|| today_in(&content.config));
        let mut slugs: BTreeSet<String> = content
            .associations
            .iter()
            .map(|a| a.slug.clone())
            .collect();
        if kind == Kind::Association {
            slugs.insert(slug.to_string());
        }
        let cx = Context {
            site: &content.config,
            associations: &slugs,
        };
        let entry = Entry::decode(kind, slug, source, &cx).map_err(|problems| {
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(" ; ")
        })?;
        match entry {
            Entry::Association(a) => put(&mut content.associations, a, |x| &x.slug),
            Entry::VolunteerCall(c) => put(&mut content.calls, c, |x| &x.slug),
            Entry::Resource(r) => put(&mut content.resources, r, |x| &x.slug),
            Entry::Page(_) => return Err("les pages libres ne se proposent pas".into()),
        }
        let urls = Urls::new(&content.config.base_url);
        let theme =
            Theme::load(&self.root, &content.config.theme, &urls).map_err(|e| e.to_string())?;
        let languages =
            crate::i18n::Languages::new(&content.config, &theme).map_err(|e| e.to_string())?;
        let index = Index::new(content, today, ChangeDates::fixed(today));
        // Moderators read the page in the site's own language.
        let lang = languages.default_lang();
        let templates = Templates::new(&theme, &index, &urls, lang, &languages);
        let renderer = Renderer::new(&index, &templates, urls, lang, &languages);
        let job = match kind {
            Kind::Association => index.find_association(slug).map(Job::Association),
            Kind::VolunteerCall => index.find_call(slug).map(Job::Call),
            Kind::Resource => index.find_resource(slug).map(Job::Resource),
            Kind::Page => None,
        }
        .ok_or("l'entrée proposée est introuvable une fois indexée")?;
        let (_, raw) = render::render_raw(&renderer, &job).map_err(|e| e.to_string())?;
        let html = String::from_utf8(raw).map_err(|e| e.to_string())?;
        Ok(main_of(&html).to_string())
    }
}

impl portal_forms::api::Preview for Previewer {
    fn render(&self, kind: Kind, slug: &str, source: &str) -> Result<String, String> {
        self.page(kind, slug, source)
    }
}

/// Puts `entry` in the list sorted by slug, in place of the entry of the same slug if any.
fn put<T>(items: &mut Vec<T>, entry: T, slug: impl Fn(&T) -> &String) {
    match items.binary_search_by(|x| slug(x).cmp(slug(&entry))) {
        Ok(i) => items[i] = entry,
        Err(i) => items.insert(i, entry),
    }
}

/// What is inside the page's `<main>`: the entry, without the site's header and footer.
fn main_of(html: &str) -> &str {
    let start = html
        .find("<main")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1));
    let end = html.rfind("</main>");
    match (start, end) {
        (Some(s), Some(e)) if s <= e => &html[s..e],
        _ => html,
    }
}

#[cfg(test)]
mod tests {
    use super::main_of;

    #[test]
    fn the_main_content_is_kept() {
        assert_eq!(
            main_of("<header>x</header><main id=contenu><h1>A</h1></main><footer>"),
            "<h1>A</h1>"
        );
    }
}
