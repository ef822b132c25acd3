//! Open data: every association as JSON, CSV (one row per place) and GeoJSON (one point
//! per place), under the Licence Ouverte.

use portal_model::Association;
use serde::Serialize;

use std::io::{self, Write};

use crate::index::Index;
use crate::published::{CSV_COLUMNS, LICENCE, LICENCE_URL};
use crate::urls::Urls;

#[derive(Serialize)]
struct Record<'a> {
    /// Its fields as the content file has them, `slug` first.
    #[serde(flatten)]
    association: &'a Association,
    url: String,
    /// Hours in OpenStreetMap's `opening_hours` syntax, per location.
    opening_hours: Vec<String>,
    /// The publics in words, as the pages say them (`publics` holds their keys).
    publics_labels: Vec<&'a str>,
}

/// `donnees/associations.json`, written straight from the content (a tree of JSON values
/// in between would double the memory of a large site).
#[derive(Serialize)]
struct Document<'a> {
    title: String,
    licence: &'static str,
    licence_url: &'static str,
    source: String,
    generated: String,
    associations: Vec<Record<'a>>,
}

/// `donnees/associations.json`, into `out` as it is serialised.
pub(crate) fn json(index: &Index, urls: &Urls, out: &mut dyn Write) -> io::Result<()> {
    let records: Vec<Record> = index
        .directory()
        .iter()
        .map(|&id| {
            let a = index.association(id);
            Record {
                url: urls.absolute(&urls.association(&a.slug)),
                association: a,
                opening_hours: a
                    .locations
                    .iter()
                    .map(|l| l.hours.as_ref().map(|h| h.to_osm()).unwrap_or_default())
                    .collect(),
                publics_labels: a
                    .publics
                    .iter()
                    .map(|k| index.content.config.publics.label(k).unwrap_or(k))
                    .collect(),
            }
        })
        .collect();
    let doc = Document {
        title: format!("{} : associations", index.content.config.title),
        licence: LICENCE,
        licence_url: LICENCE_URL,
        source: urls.absolute(&urls.home()),
        generated: index.today.to_string(),
        associations: records,
    };
    // Compact, as the other data files: programs read it (a browser's viewer indents it),
    // and indenting added half its size (15 MB instead of 10 for 4,000 associations).
    serde_json::to_writer(out, &doc).map_err(io::Error::other)
}

/// A point of `donnees/associations.geojson`. Fields in alphabetical order, as when this
/// was a tree of JSON values: the file's bytes did not change.
#[derive(Serialize)]
struct Feature<'a> {
    geometry: Point,
    properties: PlaceProperties<'a>,
    r#type: &'static str,
}

#[derive(Serialize)]
struct Point {
    /// `[longitude, latitude]`.
    coordinates: [f64; 2],
    r#type: &'static str,
}

#[derive(Serialize)]
struct PlaceProperties<'a> {
    /// The access modes' words (`referral`…).
    access: Vec<&'static str>,
    address: &'a str,
    categories: &'a [String],
    city: &'a str,
    name: &'a str,
    opening_hours: Option<String>,
    phone: Option<&'a str>,
    place: Option<&'a str>,
    postal_code: &'a str,
    /// The publics' keys.
    publics: &'a [String],
    slug: &'a str,
    url: String,
}

#[derive(Serialize)]
struct FeatureCollection<'a> {
    features: Vec<Feature<'a>>,
    r#type: &'static str,
}

/// `donnees/associations.geojson`: one point per place, into `out`.
pub(crate) fn geojson(index: &Index, urls: &Urls, out: &mut dyn Write) -> io::Result<()> {
    let mut features = Vec::new();
    for &id in index.directory() {
        let a = index.association(id);
        for l in &a.locations {
            let p = &l.place;
            features.push(Feature {
                geometry: Point {
                    coordinates: [p.geo.lon, p.geo.lat],
                    r#type: "Point",
                },
                properties: PlaceProperties {
                    access: a
                        .access
                        .iter()
                        .flat_map(|x| &x.modes)
                        .map(|m| m.word())
                        .collect(),
                    address: &p.address,
                    categories: &a.categories,
                    city: &p.city,
                    name: &a.name,
                    opening_hours: l.hours.as_ref().map(|h| h.to_osm()),
                    phone: a
                        .contact
                        .as_ref()
                        .and_then(|c| c.phone.as_ref())
                        .map(|p| p.display.as_str()),
                    place: p.name.as_deref(),
                    postal_code: &p.postal_code,
                    publics: &a.publics,
                    slug: &a.slug,
                    url: urls.absolute(&urls.association(&a.slug)),
                },
                r#type: "Feature",
            });
        }
    }
    let doc = FeatureCollection {
        features,
        r#type: "FeatureCollection",
    };
    serde_json::to_writer(out, &doc).map_err(io::Error::other)
}

/// `donnees/associations.csv`: one row per place (one row without place for an
/// association that works remotely only), into `out`.
pub(crate) fn csv(index: &Index, urls: &Urls, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let err = io::Error::other;
    w.write_record(CSV_COLUMNS).map_err(err)?;
    for &id in index.directory() {
        let a = index.association(id);
        let contact = a.contact.clone().unwrap_or_default();
        let ids = a.identifiers.clone().unwrap_or_default();
        let access = a.access.as_ref();
        // `place` holds the nine place columns, from `lieu` to `accessible_fauteuil`.
        let common = |place: Vec<String>| -> Vec<String> {
            let mut row = vec![
                a.slug.clone(),
                a.name.clone(),
                a.summary.clone(),
                a.categories.join("; "),
            ];
            row.extend(place);
            row.extend([
                yes_no(a.remote_only),
                contact
                    .phone
                    .as_ref()
                    .map(|p| p.display.clone())
                    .unwrap_or_default(),
                contact.email.clone().unwrap_or_default(),
                contact.website.clone().unwrap_or_default(),
                ids.rna.clone().unwrap_or_default(),
                ids.siret.clone().unwrap_or_default(),
                yes_no(a.food_bank_partner),
                a.publics.join("; "),
                access
                    .map(|x| {
                        x.modes
                            .iter()
                            .map(|m| m.word())
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default(),
                access.and_then(|x| x.note.clone()).unwrap_or_default(),
                access
                    .and_then(|x| x.fees)
                    .map(|f| f.word().to_string())
                    .unwrap_or_default(),
                yes_no(a.publics_only),
                a.languages.join("; "),
                a.updated.to_string(),
                urls.absolute(&urls.association(&a.slug)),
            ]);
            row.into_iter().map(|c| defuse(&c)).collect()
        };
        let rows: Vec<Vec<String>> = if a.locations.is_empty() {
            vec![common(vec![String::new(); 9])]
        } else {
            a.locations
                .iter()
                .map(|l| {
                    let p = &l.place;
                    common(vec![
                        p.name.clone().unwrap_or_default(),
                        p.address.clone(),
                        p.postal_code.clone(),
                        p.city.clone(),
                        p.geo.lat.to_string(),
                        p.geo.lon.to_string(),
                        l.hours.as_ref().map(|h| h.to_osm()).unwrap_or_default(),
                        format!("{:?}", l.public_holidays).to_lowercase(),
                        l.accessibility
                            .as_ref()
                            .and_then(|x| x.wheelchair)
                            .map(yes_no)
                            .unwrap_or_default(),
                    ])
                })
                .collect()
        };
        for row in rows {
            w.write_record(&row).map_err(err)?;
        }
    }
    w.flush()
}

fn yes_no(b: bool) -> String {
    if b { "oui" } else { "non" }.to_string()
}

/// Spreadsheets run a cell starting with `=`, `+`, `-` or `@` as a formula: such cells get a
/// leading apostrophe. Numbers and phone numbers (a sign, then only digits, spaces and dots)
/// are left alone; `-1+cmd|…` is not a number but a formula.
fn defuse(cell: &str) -> String {
    let mut chars = cell.chars();
    let risky = match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !chars.all(|c| c.is_ascii_digit() || c == ' ' || c == '.'),
        _ => false,
    };
    if risky {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_numbers_are_not() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("-0.57"), "-0.57");
        assert_eq!(defuse("+33 5 56"), "+33 5 56");
        assert_eq!(defuse("@cmd"), "'@cmd");
        assert_eq!(defuse("-1+cmd|' /C calc'!A0"), "'-1+cmd|' /C calc'!A0");
        assert_eq!(defuse("+1 +cmd"), "'+1 +cmd");
    }
}
