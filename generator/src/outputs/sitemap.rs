//! What search engines read: `sitemap.xml`, the pages to index, and `robots.txt`.

use tera::Context;

use crate::error::BuildError;
use crate::published::SITEMAP;
use crate::templates::Templates;
use crate::urls::Urls;

/// A page written by the build, as the sitemap sees it.
pub(crate) struct Listed<'a> {
    pub url: &'a str,
    /// The page asks not to be indexed (it says so in its `<head>`).
    pub noindex: bool,
}

/// URLs a sitemap may hold (sitemaps.org: 50,000, and 50 MB).
const PER_SITEMAP: usize = 50_000;

/// `sitemap.xml`: the pages given, but those marked noindex. Beyond [`PER_SITEMAP`] pages,
/// `sitemap.xml` is an index of `sitemap-1.xml`, `sitemap-2.xml`… Returns the files, by
/// path.
pub(crate) fn sitemap<'a>(
    templates: &Templates,
    urls: &Urls,
    pages: impl IntoIterator<Item = Listed<'a>>,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let locs: Vec<String> = pages
        .into_iter()
        .filter(|p| !p.noindex)
        .map(|p| urls.absolute(p.url))
        .collect();
    let urlset = |locs: &[String]| {
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
