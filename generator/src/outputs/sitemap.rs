//! What search engines read: `sitemap.xml`, the pages to index, and `robots.txt`.

use std::collections::HashMap;

use serde::Serialize;
use tera::{Context, Value};

use crate::error::BuildError;
use crate::i18n::Languages;
use crate::published::SITEMAP;
use crate::templates::Templates;
use crate::urls::Urls;

/// A page written by the build, as the sitemap sees it.
pub(crate) struct Listed<'a> {
    pub url: &'a str,
    /// The page asks not to be indexed (it says so in its `<head>`).
    pub noindex: bool,
    /// It is one of the public's pages, in every language at the same path.
    pub translated: bool,
}

/// A URL of the sitemap with the same page in the other languages: a list of [`Alt`],
/// made once per page and shared by its URLs in every language.
#[derive(Serialize)]
struct Loc {
    loc: String,
    alternates: Value,
}

/// One language's URL of a page.
#[derive(Serialize)]
struct Alt {
    hreflang: String,
    href: String,
}

/// URLs a sitemap may hold (sitemaps.org: 50,000, and 50 MB).
const PER_SITEMAP: usize = 50_000;

/// `sitemap.xml`: the pages given, but those marked noindex. Beyond [`PER_SITEMAP`] pages,
/// `sitemap.xml` is an index of `sitemap-1.xml`, `sitemap-2.xml`… Returns the files, by
/// path.
pub(crate) fn sitemap<'a>(
    templates: &Templates,
    urls: &Urls,
    languages: &Languages,
    pages: impl IntoIterator<Item = Listed<'a>>,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    // A page's alternates are the same from each of its languages: made once per path,
    // they cost pages × languages, not pages × languages².
    let mut shared: HashMap<&str, Value> = HashMap::new();
    let none = Value::from(Vec::<Value>::new());
    let locs: Vec<Loc> = pages
        .into_iter()
        .filter(|p| !p.noindex)
        .map(|p| Loc {
            loc: urls.absolute(p.url),
            alternates: if p.translated && languages.several() {
                let path = unprefixed(urls, languages, p.url);
                shared
                    .entry(path)
                    .or_insert_with(|| Value::from_serializable(&alternates(urls, languages, path)))
                    .clone()
            } else {
                none.clone()
            },
        })
        .collect();
    let urlset = |locs: &[Loc]| {
        let mut cx = Context::new();
        cx.insert("urls", locs);
        templates.render("sitemap.xml", &cx, 64 * locs.len())
    };
    if locs.len() <= PER_SITEMAP {
        return Ok(vec![(SITEMAP.to_string(), urlset(&locs)?)]);
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, part) in locs.chunks(PER_SITEMAP).enumerate() {
        let path = format!("sitemap-{}.xml", n + 1);
        // Absolute addresses are plain ASCII here: nothing to escape.
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            urls.absolute(&urls.at(&path))
        ));
        files.push((path, urlset(part)?));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, (SITEMAP.to_string(), index.into_bytes()));
    Ok(files)
}

/// `robots.txt`: everything may be crawled but the moderators' page; where the sitemap is.
pub(crate) fn robots(urls: &Urls) -> Vec<u8> {
    format!(
        "User-agent: *\nAllow: /\nDisallow: {}\n\nSitemap: {}\n",
        urls.at("moderation/"),
        urls.absolute(&urls.at(SITEMAP))
    )
    .into_bytes()
}

/// The page's path without the site's base and its language's prefix, whichever it is.
fn unprefixed<'u>(urls: &Urls, languages: &Languages, url: &'u str) -> &'u str {
    let rel = url.strip_prefix(&urls.base_path).unwrap_or(url);
    languages
        .0
        .iter()
        .skip(1)
        .find_map(|l| rel.strip_prefix(&l.prefix))
        .unwrap_or(rel)
}

/// The same page (at `path`, without prefix) in each language, and the default language's
/// as `x-default`: (hreflang, absolute URL).
fn alternates(urls: &Urls, languages: &Languages, path: &str) -> Vec<Alt> {
    let mut out: Vec<Alt> = languages
        .0
        .iter()
        .map(|l| {
            let there = urls.in_language(&l.prefix);
            Alt {
                hreflang: l.code.clone(),
                href: there.absolute(&there.public_at(path)),
            }
        })
        .collect();
    out.push(Alt {
        hreflang: "x-default".into(),
        href: out[0].href.clone(),
    });
    out
}
