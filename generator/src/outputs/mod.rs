//! The machine-readable outputs: feeds, calendar, open data, sitemap, robots.txt.

pub mod ical;
pub mod jsonld;
pub mod opendata;
pub mod search;

use jiff::civil::Date;
use portal_model::Kind;
use serde::Serialize;
use tera::Context;

use crate::error::BuildError;
use crate::markdown::plain_summary;
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

fn rfc3339(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

impl Renderer<'_> {
    /// Writes every file that is not an HTML page. Returns how many files it wrote.
    pub fn write_outputs(
        &self,
        sink: &dyn Sink,
        page_urls: &[String],
    ) -> Result<usize, BuildError> {
        let site = self.site;
        let urls = &self.urls;
        let mut written = 0;
        let mut put = |path: &str, bytes: Vec<u8>| -> Result<(), BuildError> {
            written += 1;
            sink.put(path, bytes)
        };

        let calls: Vec<FeedEntry> = site
            .open_calls()
            .into_iter()
            .map(|c| FeedEntry {
                title: c.title.clone(),
                id: urls.absolute(&urls.call(&c.slug)),
                url: urls.absolute(&urls.call(&c.slug)),
                updated: rfc3339(site.changed(Kind::VolunteerCall, &c.slug)),
                author: site.association(&c.association).name.clone(),
                summary: plain_summary(&c.body, 300),
                category: "Bénévolat".into(),
            })
            .collect();
        put(
            "flux/benevolat.xml",
            self.feed(
                "Appels à bénévoles",
                "Les appels à bénévoles ouverts des associations",
                "flux/benevolat.xml",
                urls.calls(),
                calls,
            )?,
        )?;
        let resources: Vec<FeedEntry> = site
            .open_resources(None)
            .into_iter()
            .map(|r| FeedEntry {
                title: format!("{} : {}", r.kind.label(), r.title),
                id: urls.absolute(&urls.resource(&r.slug)),
                url: urls.absolute(&urls.resource(&r.slug)),
                updated: rfc3339(site.changed(Kind::Resource, &r.slug)),
                author: site.association(&r.association).name.clone(),
                summary: plain_summary(&r.body, 300),
                category: r.category.label().into(),
            })
            .collect();
        put(
            "flux/ressources.xml",
            self.feed(
                "Offres et demandes de ressources",
                "Ce que les associations donnent, prêtent ou cherchent",
                "flux/ressources.xml",
                urls.resources(),
                resources,
            )?,
        )?;

        put(
            "benevolat/creneaux.ics",
            ical::calendar(site, urls).into_bytes(),
        )?;
        put("donnees/associations.json", opendata::json(site, urls)?)?;
        search::files(self)
            .into_iter()
            .try_for_each(|(path, bytes)| put(&path, bytes))?;
        put("donnees/associations.csv", opendata::csv(site, urls)?)?;
        put(
            "donnees/associations.geojson",
            opendata::geojson(site, urls),
        )?;
        if !self.outline.0.is_empty() {
            put(crate::render::places::OUTLINE, self.outline.to_geojson())?;
        }

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
        put("sitemap.xml", self.text("sitemap.xml", &cx)?)?;
        put(
            "robots.txt",
            format!(
                "User-agent: *\nAllow: /\nDisallow: {}\n\nSitemap: {}\n",
                urls.at("moderation/"),
                urls.absolute(&urls.at("sitemap.xml"))
            )
            .into_bytes(),
        )?;
        Ok(written)
    }

    fn feed(
        &self,
        title: &str,
        subtitle: &str,
        path: &str,
        html_url: String,
        mut entries: Vec<FeedEntry>,
    ) -> Result<Vec<u8>, BuildError> {
        let urls = &self.urls;
        entries.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
        let updated = entries
            .iter()
            .map(|e| e.updated.clone())
            .max()
            .unwrap_or_else(|| rfc3339(self.site.today));
        let feed = Feed {
            title: format!("{} : {title}", self.site.content.config.title),
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
