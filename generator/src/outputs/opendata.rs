//! Open data: every association as JSON, CSV (one row per place) and GeoJSON (one point
//! per place), under the Licence Ouverte.

use portal_model::Association;
use serde::Serialize;
use serde_json::json;

use crate::error::BuildError;
use crate::render::urls::Urls;
use crate::site::Site;

pub const LICENCE: &str = "Licence Ouverte / Open Licence 2.0 (Etalab)";
pub const LICENCE_URL: &str = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

/// The columns of the CSV, in order.
pub const CSV_COLUMNS: [&str; 24] = [
    "slug",
    "nom",
    "resume",
    "categories",
    "lieu",
    "adresse",
    "code_postal",
    "commune",
    "latitude",
    "longitude",
    "horaires",
    "jours_feries",
    "accessible_fauteuil",
    "a_distance_uniquement",
    "telephone",
    "email",
    "site_web",
    "rna",
    "siret",
    "partenaire_banque_alimentaire",
    "publics",
    "langues",
    "mis_a_jour",
    "url",
];

#[derive(Serialize)]
struct Record<'a> {
    slug: &'a str,
    url: String,
    #[serde(flatten)]
    association: &'a Association,
    /// Hours in OpenStreetMap's `opening_hours` syntax, per location.
    opening_hours: Vec<String>,
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

/// `donnees/associations.json`.
pub fn json(site: &Site, urls: &Urls) -> Result<Vec<u8>, BuildError> {
    let records: Vec<Record> = site
        .directory
        .iter()
        .map(|&i| {
            let a = &site.content.associations[i];
            Record {
                slug: &a.slug,
                url: urls.absolute(&urls.association(&a.slug)),
                association: a,
                opening_hours: a
                    .locations
                    .iter()
                    .map(|l| l.hours.as_ref().map(|h| h.to_osm()).unwrap_or_default())
                    .collect(),
            }
        })
        .collect();
    let doc = Document {
        title: format!("{} : associations", site.content.config.title),
        licence: LICENCE,
        licence_url: LICENCE_URL,
        source: urls.absolute(&urls.home()),
        generated: site.today.to_string(),
        associations: records,
    };
    Ok(serde_json::to_vec_pretty(&doc).expect("JSON of plain data"))
}

/// `donnees/associations.geojson`: one point per place, `[longitude, latitude]`.
pub fn geojson(site: &Site, urls: &Urls) -> Vec<u8> {
    let mut features = Vec::new();
    for &i in &site.directory {
        let a = &site.content.associations[i];
        for l in &a.locations {
            let p = &l.place;
            features.push(json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.geo.lon, p.geo.lat]},
                "properties": {
                    "slug": a.slug,
                    "name": a.name,
                    "url": urls.absolute(&urls.association(&a.slug)),
                    "categories": a.categories,
                    "place": p.name,
                    "address": p.address,
                    "postal_code": p.postal_code,
                    "city": p.city,
                    "opening_hours": l.hours.as_ref().map(|h| h.to_osm()),
                    "phone": a.contact.as_ref().and_then(|c| c.phone.as_ref()).map(|p| p.display.clone()),
                },
            }));
        }
    }
    let doc = json!({"type": "FeatureCollection", "features": features});
    serde_json::to_vec(&doc).expect("JSON of plain data")
}

/// `donnees/associations.csv`: one row per place (one row without place for an
/// association that works remotely only).
pub fn csv(site: &Site, urls: &Urls) -> Result<Vec<u8>, BuildError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| BuildError::Template(format!("donnees/associations.csv : {e}"));
    w.write_record(CSV_COLUMNS).map_err(err)?;
    for &i in &site.directory {
        let a = &site.content.associations[i];
        let contact = a.contact.clone().unwrap_or_default();
        let ids = a.identifiers.clone().unwrap_or_default();
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
                a.public.join("; "),
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
    w.into_inner()
        .map_err(|e| BuildError::Template(format!("donnees/associations.csv : {e}")))
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
