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

/// `sitemap.xml`: the pages given, but those marked noindex.
pub(crate) fn sitemap<'a>(
    templates: &Templates,
    urls: &Urls,
    pages: impl IntoIterator<Item = Listed<'a>>,
) -> Result<Vec<u8>, BuildError> {
    let locs: Vec<String> = pages
        .into_iter()
        .filter(|p| !p.noindex)
        .map(|p| urls.absolute(p.url))
        .collect();
    let mut cx = Context::new();
    cx.insert("urls", &locs);
    templates.render("sitemap.xml", &cx, 0)
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
