//! The Atom feeds of the open calls and listings: the newest entries, for feed readers.

use jiff::civil::Date;
use portal_model::Kind;
use serde::Serialize;
use tera::Context;

use crate::error::BuildError;
use crate::index::{Index, ResourceFilter};
use crate::published::{CALLS_FEED, RESOURCES_FEED};
use crate::templates::Templates;
use crate::urls::Urls;
use portal_markdown::plain_summary;

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

/// The Atom feed of the open calls.
pub(crate) fn calls(
    index: &Index,
    templates: &Templates,
    urls: &Urls,
) -> Result<Vec<u8>, BuildError> {
    let calls: Vec<FeedEntry> = newest(index.open_calls().iter().map(|&id| index.call(id)), |c| {
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
    feed(
        index,
        templates,
        urls,
        "Appels à bénévoles",
        "Les appels à bénévoles ouverts des associations",
        CALLS_FEED,
        urls.calls(),
        calls,
    )
}

/// The Atom feed of the open listings.
pub(crate) fn resources(
    index: &Index,
    templates: &Templates,
    urls: &Urls,
) -> Result<Vec<u8>, BuildError> {
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
    feed(
        index,
        templates,
        urls,
        "Offres et demandes de ressources",
        "Ce que les associations donnent, prêtent ou cherchent",
        RESOURCES_FEED,
        urls.resources(),
        resources,
    )
}

/// An Atom feed of `entries`, already in the feed's order (see [`newest`]).
#[allow(clippy::too_many_arguments)]
fn feed(
    index: &Index,
    templates: &Templates,
    urls: &Urls,
    title: &str,
    subtitle: &str,
    path: &str,
    html_url: String,
    entries: Vec<FeedEntry>,
) -> Result<Vec<u8>, BuildError> {
    let updated = entries
        .first()
        .map(|e| e.updated.clone())
        .unwrap_or_else(|| rfc3339(index.today));
    let feed = Feed {
        title: format!("{} : {title}", index.content.config.title),
        subtitle: subtitle.to_string(),
        id: urls.absolute(&urls.at(path)),
        url: urls.absolute(&html_url),
        self_url: urls.absolute(&urls.at(path)),
        updated,
        entries,
    };
    let mut cx = Context::new();
    cx.insert("feed", &feed);
    templates.render("atom.xml", &cx, 0)
}
