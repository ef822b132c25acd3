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
    /// About the bytes of its `<url>` element, to keep each file under [`BYTES_PER_SITEMAP`].
    #[serde(skip)]
    bytes: usize,
}

/// One language's URL of a page.
#[derive(Serialize)]
struct Alt {
    hreflang: String,
    href: String,
}

/// URLs a sitemap may hold (sitemaps.org: 50,000, and 50 MB).
const PER_SITEMAP: usize = 50_000;

/// The bytes a sitemap is filled with at most: sitemaps.org's 50 MiB, less a tenth for what
/// a theme's template writes around each address beyond the estimate of [`Loc::bytes`]. A
/// site of nine languages has ten alternates to each address, about 1.1 KB: 50,000 of them
/// would be 55 MB.
const BYTES_PER_SITEMAP: usize = 45 << 20;

/// `sitemap.xml`: the pages given, but those marked noindex. Beyond [`PER_SITEMAP`] pages
/// or [`BYTES_PER_SITEMAP`] bytes, `sitemap.xml` is an index of `sitemap-1.xml`,
/// `sitemap-2.xml`… Returns the files, by path.
pub(crate) fn sitemap<'a>(
    templates: &Templates,
    urls: &Urls,
    languages: &Languages,
    pages: impl IntoIterator<Item = Listed<'a>>,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    // A page's alternates are the same from each of its languages: made once per path,
    // they cost pages × languages, not pages × languages².
    let mut shared: HashMap<&str, (Value, usize)> = HashMap::new();
    let none = (Value::from(Vec::<Value>::new()), 0);
    let locs: Vec<Loc> = pages
        .into_iter()
        .filter(|p| !p.noindex)
        .map(|p| {
            let (alternates, alt_bytes) = if p.translated && languages.several() {
                let path = unprefixed(urls, languages, p.url);
                shared
                    .entry(path)
                    .or_insert_with(|| {
                        let alts = alternates(urls, languages, path);
                        // `<xhtml:link rel="alternate" hreflang="…" href="…"/>`
                        let bytes = alts
                            .iter()
                            .map(|a| 46 + a.hreflang.len() + a.href.len())
                            .sum();
                        (Value::from_serializable(&alts), bytes)
                    })
                    .clone()
            } else {
                none.clone()
            };
            let loc = urls.absolute(p.url);
            // `  <url><loc>…</loc>…</url>` and its line's end
            let bytes = 25 + loc.len() + alt_bytes;
            Loc {
                loc,
                alternates,
                bytes,
            }
        })
        .collect();
    let urlset = |locs: &[Loc]| {
        let mut cx = Context::new();
        cx.insert("urls", locs);
        templates.render("sitemap.xml", &cx, 64 * locs.len())
    };
    let parts = parts(&locs);
    if parts.len() == 1 {
        return Ok(vec![(SITEMAP.to_string(), urlset(&locs)?)]);
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, part) in parts.into_iter().enumerate() {
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

/// The addresses cut into files of at most [`PER_SITEMAP`] addresses and about
/// [`BYTES_PER_SITEMAP`] bytes each, in order.
fn parts(locs: &[Loc]) -> Vec<&[Loc]> {
    let mut parts = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, loc) in locs.iter().enumerate() {
        if i > start && (i - start == PER_SITEMAP || bytes + loc.bytes > BYTES_PER_SITEMAP) {
            parts.push(&locs[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += loc.bytes;
    }
    parts.push(&locs[start..]);
    parts
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

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(bytes: usize) -> Loc {
        Loc {
            loc: String::new(),
            alternates: Value::from(Vec::<Value>::new()),
            bytes,
        }
    }

    /// A file ends at 50,000 addresses, or before the bytes would pass the limit.
    #[test]
    fn files_are_cut_by_count_and_by_bytes() {
        let sizes = |locs: &[Loc]| parts(locs).iter().map(|p| p.len()).collect::<Vec<_>>();
        let small: Vec<Loc> = (0..PER_SITEMAP * 2 + 1).map(|_| loc(100)).collect();
        assert_eq!(sizes(&small), [PER_SITEMAP, PER_SITEMAP, 1]);
        let large: Vec<Loc> = (0..5).map(|_| loc(BYTES_PER_SITEMAP / 2)).collect();
        assert_eq!(sizes(&large), [2, 2, 1]);
        assert_eq!(sizes(&[loc(BYTES_PER_SITEMAP + 1)]), [1]);
        assert_eq!(sizes(&[]), [0]);
    }
}
