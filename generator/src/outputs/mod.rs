//! The machine-readable outputs: feeds, calendar, open data, search index, the map's
//! tiles of places, sitemap, robots.txt. Each is a function of the index (the sitemap, of
//! the pages' addresses), and says which files it wrote.

pub(crate) mod datainclusion;
pub(crate) mod feeds;
pub(crate) mod ical;
pub(crate) mod opendata;
pub(crate) mod places;
pub(crate) mod search;
pub(crate) mod sitemap;

use rayon::prelude::*;

use crate::error::BuildError;
use crate::index::Index;
use crate::published::{
    ASSOCIATIONS_CSV, ASSOCIATIONS_GEOJSON, ASSOCIATIONS_JSON, CALENDAR, CALLS_FEED, COMMUNES,
    DATAINCLUSION_SERVICES, DATAINCLUSION_STRUCTURES, OUTLINE, RESOURCES_FEED, ROBOTS,
};
use crate::templates::Templates;
use crate::urls::Urls;
use crate::write::{Sink, Writer};

/// Writes every file that is not an HTML page, but the sitemap (which needs the pages'
/// addresses), and returns their paths. The outputs depend on the content only, not on the
/// pages or each other: they are made in parallel, and can be while the pages render.
pub(crate) fn write(
    index: &Index,
    templates: &Templates,
    urls: &Urls,
    sink: &dyn Sink,
) -> Result<Vec<String>, BuildError> {
    type Output<'r> = Box<dyn Fn() -> Result<Vec<String>, BuildError> + Sync + 'r>;
    let one = |path: &str, bytes: Vec<u8>| sink.put(path, bytes).map(|()| vec![path.to_string()]);
    // The open data, as large as the site: written as it is made.
    let streamed =
        |path: &str, write: Writer| sink.put_with(path, write).map(|()| vec![path.to_string()]);
    let outputs: Vec<Output> = vec![
        Box::new(|| one(CALLS_FEED, feeds::calls(index, templates, urls)?)),
        Box::new(|| one(RESOURCES_FEED, feeds::resources(index, templates, urls)?)),
        Box::new(|| one(CALENDAR, ical::calendar(index, urls).into_bytes())),
        Box::new(|| streamed(ASSOCIATIONS_JSON, &mut |w| opendata::json(index, urls, w))),
        Box::new(|| search::write(index, urls, sink)),
        Box::new(|| places::write(index, urls, sink)),
        Box::new(|| streamed(ASSOCIATIONS_CSV, &mut |w| opendata::csv(index, urls, w))),
        Box::new(|| {
            streamed(ASSOCIATIONS_GEOJSON, &mut |w| {
                opendata::geojson(index, urls, w)
            })
        }),
        Box::new(|| {
            let (structures, services) = datainclusion::files(index, urls);
            let mut written = one(DATAINCLUSION_STRUCTURES, structures)?;
            written.extend(one(DATAINCLUSION_SERVICES, services)?);
            Ok(written)
        }),
        Box::new(|| {
            if index.content.outline.0.is_empty() {
                return Ok(Vec::new());
            }
            one(OUTLINE, index.content.outline.to_geojson())
        }),
        Box::new(|| one(ROBOTS, sitemap::robots(urls))),
        Box::new(|| {
            let content = &index.content;
            let table = if content.communes.is_empty() {
                crate::communes::of_places(&content.associations)
            } else {
                content.communes.clone()
            };
            one(
                COMMUNES,
                serde_json::to_vec(&table).expect("JSON of names and numbers"),
            )
        }),
    ];
    let written: Vec<Vec<String>> = outputs
        .par_iter()
        .map(|make| make())
        .collect::<Result<_, _>>()?;
    Ok(written.into_iter().flatten().collect())
}
