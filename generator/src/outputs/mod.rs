//! The machine-readable outputs: feeds, calendar, open data, sitemap, robots.txt.

pub mod ical;
pub mod opendata;
pub mod search;

use jiff::civil::Date;
use portal_model::Kind;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::error::BuildError;
use crate::index::ResourceFilter;
use crate::markdown::plain_summary;
use crate::published::{
    ASSOCIATIONS_CSV, ASSOCIATIONS_GEOJSON, ASSOCIATIONS_JSON, CALENDAR, CALLS_FEED, OUTLINE,
    RESOURCES_FEED, ROBOTS, SITEMAP,
};
use crate::render::Renderer;
use crate::write::Sink;

#[derive(Serialize)]
struct Feed {
    title: String,
    subtitle: String,
    id: String,
    url: String,
    self_url: String,
    updated: String,
    entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    id: String,
    url: String,
    updated: String,
    author: String,
    summary: String,
    category: String,
}

/// How many entries a feed holds: the newest. Feed readers poll for what is new; the
/// lists and the open data have everything.
const FEED_ENTRIES: usize = 100;

/// The `FEED_ENTRIES` most recently changed of `items` with their date and id, in the
/// feed's order: newest first, then by id.
fn newest<'a, T>(
    items: impl Iterator<Item = &'a T>,
    key: impl Fn(&T) -> (Date, String),
) -> Vec<(&'a T, Date, String)> {
    let mut dated: Vec<(&T, Date, String)> = items
        .map(|x| {
            let (date, id) = key(x);
            (x, date, id)
        })
        .collect();
    dated.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2)));
    dated.truncate(FEED_ENTRIES);
    dated
}

fn rfc3339(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

impl Renderer<'_> {
    /// Writes every file that is not an HTML page, but the sitemap (which needs the pages'
    /// addresses). Returns how many files it wrote. The outputs depend on the content only,
    /// not on the pages or each other: they are made in parallel.
    pub fn write_outputs(&self, sink: &dyn Sink) -> Result<usize, BuildError> {
        type Output<'r> = Box<dyn Fn() -> Result<usize, BuildError> + Sync + 'r>;
        let index = self.index;
        let urls = &self.urls;
        let one = |path: &str, bytes: Vec<u8>| sink.put(path, bytes).map(|()| 1);
        let outputs: Vec<Output> = vec![
            Box::new(|| one(CALLS_FEED, self.calls_feed()?)),
            Box::new(|| one(RESOURCES_FEED, self.resources_feed()?)),
            Box::new(|| one(CALENDAR, ical::calendar(index, urls).into_bytes())),
            Box::new(|| one(ASSOCIATIONS_JSON, opendata::json(index, urls)?)),
            Box::new(|| search::write(self, sink)),
            Box::new(|| one(ASSOCIATIONS_CSV, opendata::csv(index, urls)?)),
            Box::new(|| one(ASSOCIATIONS_GEOJSON, opendata::geojson(index, urls))),
            Box::new(|| {
                if index.content.outline.0.is_empty() {
                    return Ok(0);
                }
                one(OUTLINE, index.content.outline.to_geojson())
            }),
            Box::new(|| {
                let robots = format!(
                    "User-agent: *\nAllow: /\nDisallow: {}\n\nSitemap: {}\n",
                    urls.at("moderation/"),
                    urls.absolute(&urls.at(SITEMAP))
                );
                one(ROBOTS, robots.into_bytes())
            }),
        ];
        outputs.par_iter().map(|make| make()).sum()
    }

    fn calls_feed(&self) -> Result<Vec<u8>, BuildError> {
        let (index, urls) = (self.index, &self.urls);
        let calls: Vec<FeedEntry> =
            newest(index.open_calls().iter().map(|&id| index.call(id)), |c| {
                (
                    index.changed(Kind::VolunteerCall, &c.slug),
                    urls.absolute(&urls.call(&c.slug)),
                )
            })
            .into_iter()
            .map(|(c, changed, id)| FeedEntry {
                title: c.title.clone(),
                url: id.clone(),
                id,
                updated: rfc3339(changed),
                author: index.association_by_slug(&c.association).name.clone(),
                summary: plain_summary(&c.body, 300),
                category: "Bénévolat".into(),
            })
            .collect();
        self.feed(
            "Appels à bénévoles",
            "Les appels à bénévoles ouverts des associations",
            CALLS_FEED,
            urls.calls(),
            calls,
        )
    }

    fn resources_feed(&self) -> Result<Vec<u8>, BuildError> {
        let (index, urls) = (self.index, &self.urls);
        let resources: Vec<FeedEntry> = newest(
            index
                .open_resources(ResourceFilter::All)
                .iter()
                .map(|&id| index.resource(id)),
            |r| {
                (
                    index.changed(Kind::Resource, &r.slug),
                    urls.absolute(&urls.resource(&r.slug)),
                )
            },
        )
        .into_iter()
        .map(|(r, changed, id)| FeedEntry {
            title: format!("{} : {}", r.kind.label(), r.title),
            url: id.clone(),
            id,
            updated: rfc3339(changed),
            author: index.association_by_slug(&r.association).name.clone(),
            summary: plain_summary(&r.body, 300),
            category: r.category.label().into(),
        })
        .collect();
        self.feed(
            "Offres et demandes de ressources",
            "Ce que les associations donnent, prêtent ou cherchent",
            RESOURCES_FEED,
            urls.resources(),
            resources,
        )
    }

    /// Writes `sitemap.xml`, listing the pages written.
    pub fn write_sitemap(&self, sink: &dyn Sink, page_urls: &[String]) -> Result<(), BuildError> {
        sink.put(SITEMAP, self.sitemap(page_urls)?)
    }

    fn sitemap(&self, page_urls: &[String]) -> Result<Vec<u8>, BuildError> {
        let urls = &self.urls;
        let mut cx = Context::new();
        let locs: Vec<String> = page_urls
            .iter()
            // Pages marked noindex have no place in the sitemap.
            .filter(|u| {
                !u.ends_with("404.html")
                    && *u != &urls.at("moderation/")
                    && *u != &urls.at("merci/")
            })
            .map(|u| urls.absolute(u))
            .collect();
        cx.insert("urls", &locs);
        self.text("sitemap.xml", &cx)
    }

    /// An Atom feed of `entries`, already in the feed's order (see [`newest`]).
    fn feed(
        &self,
        title: &str,
        subtitle: &str,
        path: &str,
        html_url: String,
        entries: Vec<FeedEntry>,
    ) -> Result<Vec<u8>, BuildError> {
        let urls = &self.urls;
        let updated = entries
            .first()
            .map(|e| e.updated.clone())
            .unwrap_or_else(|| rfc3339(self.index.today));
        let feed = Feed {
            title: format!("{} : {title}", self.index.content.config.title),
            subtitle: subtitle.to_string(),
            id: urls.absolute(&urls.at(path)),
            url: urls.absolute(&html_url),
            self_url: urls.absolute(&urls.at(path)),
            updated,
            entries,
        };
        let mut cx = Context::new();
        cx.insert("feed", &feed);
        self.text("atom.xml", &cx)
    }
}
