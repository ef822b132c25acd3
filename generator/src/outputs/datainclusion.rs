//! Open data others read: the associations as data·inclusion structures and their places
//! as services (the schema of France's open data on inclusion services, v1: PyPI package
//! `data-inclusion-schema`), so that Soliguide, Dora and the other services that read
//! data·inclusion can take the site's directory in. An association is a structure; each of
//! its places is a service held there (one service « à distance » for an association
//! without a place); its categories give the services' thematiques through
//! `[datainclusion.thematiques]`. `tests/opendata/run` validates every record with the
//! package's models and every `horaires_accueil` with OpenStreetMap's parser.

use portal_model::Association;
use portal_model::association::{HolidayPolicy, Location};
use serde::Serialize;

use crate::index::Index;
use crate::urls::Urls;

/// A structure (`data_inclusion.schema.v1.Structure`): the fields the site knows.
#[derive(Serialize)]
struct Structure<'a> {
    source: &'a str,
    id: String,
    nom: &'a str,
    date_maj: String,
    description: String,
    lien_source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    siret: Option<&'a str>,
    #[serde(flatten)]
    address: Option<Address<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    telephone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    courriel: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    site_web: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    horaires_accueil: Option<String>,
}

/// A service (`data_inclusion.schema.v1.Service`): what the association offers at one place.
#[derive(Serialize)]
struct Service<'a> {
    source: &'a str,
    structure_id: String,
    id: String,
    nom: String,
    description: String,
    lien_source: String,
    date_maj: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    thematiques: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publics: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publics_precisions: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conditions_acces: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    frais: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modes_mobilisation: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mobilisable_par: Option<Vec<&'static str>>,
    #[serde(flatten)]
    address: Option<Address<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    telephone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    courriel: Option<&'a str>,
    modes_accueil: [&'static str; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    horaires_accueil: Option<String>,
}

/// The address fields both records share.
#[derive(Serialize)]
struct Address<'a> {
    adresse: &'a str,
    code_postal: &'a str,
    commune: &'a str,
    latitude: f64,
    longitude: f64,
}

impl<'a> Address<'a> {
    fn of(l: &'a Location) -> Address<'a> {
        let p = &l.place;
        Address {
            adresse: &p.address,
            code_postal: &p.postal_code,
            commune: &p.city,
            latitude: p.geo.lat,
            longitude: p.geo.lon,
        }
    }
}

/// The hours of a place in OpenStreetMap's `opening_hours` syntax, as data·inclusion asks:
/// the week's ranges, and `PH off` when it closes on public holidays (open: the weekday's
/// hours apply, which is what no rule says).
pub(crate) fn opening_hours(l: &Location) -> Option<String> {
    let week = l.hours.as_ref().map(|h| h.to_osm()).unwrap_or_default();
    if week.is_empty() {
        return None;
    }
    Some(match l.public_holidays {
        HolidayPolicy::Closed => format!("{week}; PH off"),
        HolidayPolicy::Open | HolidayPolicy::Unknown => week,
    })
}

/// A Markdown body as data·inclusion's plain descriptions: paragraphs kept, the line
/// breaks the editor wrapped them at joined (a list or a heading keeps its lines).
fn plain(body: &str) -> String {
    body.trim()
        .split("\n\n")
        .map(|paragraph| {
            let lines: Vec<&str> = paragraph.lines().map(str::trim).collect();
            let block = lines.iter().any(|l| {
                l.starts_with(['-', '*', '#', '>', '|']) || l.starts_with(char::is_numeric)
            });
            lines.join(if block { "\n" } else { " " })
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A name as data·inclusion wants it: not ending with a period (but « etc. »).
fn name(name: &str) -> &str {
    if name.ends_with("etc.") {
        name
    } else {
        name.trim_end_matches('.')
    }
}

/// At most `max` characters of `text`, cut at a character boundary.
fn at_most(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// `donnees/datainclusion/structures.json` and `services.json`: JSON arrays, as
/// data·inclusion publishes its own.
pub(crate) fn files<'i>(index: &'i Index, urls: &Urls) -> (Vec<u8>, Vec<u8>) {
    let config = &index.content.config;
    let source = config.datainclusion_source();
    let mut structures = Vec::new();
    let mut services = Vec::new();
    for &id in index.directory() {
        let a: &'i Association = index.association(id);
        let structure_id = format!("{source}--{}", a.slug);
        let url = urls.absolute(&urls.association(&a.slug));
        let description = at_most(&plain(&a.body), 10_000);
        let contact = a.contact.as_ref();
        let telephone = contact
            .and_then(|c| c.phone.as_ref())
            .map(|p| p.tel.as_str());
        let courriel = contact.and_then(|c| c.email.as_deref());
        let first = a.locations.first();
        structures.push(Structure {
            source: &source,
            id: structure_id.clone(),
            nom: name(&a.name),
            date_maj: a.updated.to_string(),
            description: description.clone(),
            lien_source: url.clone(),
            siret: a.identifiers.as_ref().and_then(|i| i.siret.as_deref()),
            address: first.map(Address::of),
            telephone,
            courriel,
            site_web: contact.and_then(|c| c.website.as_deref()),
            horaires_accueil: first.and_then(opening_hours),
        });
        let mut thematiques: Vec<&str> = a
            .categories
            .iter()
            .flat_map(|c| config.datainclusion.thematiques_of(c))
            .collect();
        thematiques.sort_unstable();
        thematiques.dedup();
        let who = Who::of(a, config);
        let service = |n: String, nom: String, l: Option<&'i Location>| Service {
            source: &source,
            structure_id: structure_id.clone(),
            id: format!("{structure_id}--{n}"),
            nom: at_most(name(&nom), 150),
            description: description.clone(),
            lien_source: url.clone(),
            date_maj: a.updated.to_string(),
            thematiques: thematiques.clone(),
            publics: who.publics.clone(),
            publics_precisions: who.precisions.clone(),
            conditions_acces: a.access.as_ref().and_then(|x| x.note.as_deref()),
            frais: a
                .access
                .as_ref()
                .and_then(|x| x.fees)
                .map(|f| f.datainclusion()),
            modes_mobilisation: who.modes.clone(),
            mobilisable_par: who.by.clone(),
            address: l.map(Address::of),
            telephone,
            courriel,
            modes_accueil: [if l.is_some() {
                "en-presentiel"
            } else {
                "a-distance"
            }],
            horaires_accueil: l.and_then(opening_hours),
        };
        if a.locations.is_empty() {
            services.push(service("a-distance".into(), a.name.clone(), None));
        }
        for (n, l) in a.locations.iter().enumerate() {
            let nom = if a.locations.len() > 1 {
                let place = l.place.name.as_deref().unwrap_or(&l.place.city);
                format!("{} — {place}", a.name)
            } else {
                a.name.clone()
            };
            services.push(service((n + 1).to_string(), nom, Some(l)));
        }
    }
    (
        serde_json::to_vec(&structures).expect("JSON of plain data"),
        serde_json::to_vec(&services).expect("JSON of plain data"),
    )
}

/// Who may come, in data·inclusion's lists (the tables of `portal_model::access` and
/// `portal_model::publics`).
struct Who<'i> {
    /// The publics' values; `tous-publics` unless the association receives only its own.
    publics: Option<Vec<&'i str>>,
    /// The publics welcomed in words, for those the list cannot say.
    precisions: Option<String>,
    modes: Option<Vec<&'static str>>,
    by: Option<Vec<&'static str>>,
}

impl<'i> Who<'i> {
    fn of(a: &'i Association, config: &'i portal_model::SiteConfig) -> Who<'i> {
        let known: Vec<_> = a
            .publics
            .iter()
            .filter_map(|k| config.publics.get(k))
            .collect();
        let mut values: Vec<&str> = known
            .iter()
            .filter_map(|p| p.datainclusion.as_deref())
            .collect();
        values.sort_unstable();
        values.dedup();
        // Only those publics: the list says them; welcomed in particular, others too: all.
        let publics = if a.publics_only && !values.is_empty() {
            Some(values)
        } else if a.publics_only {
            None
        } else {
            Some(vec!["tous-publics"])
        };
        let words: Vec<&str> = known
            .iter()
            .map(|p| p.label.as_str())
            .chain(a.public_other.iter().map(String::as_str))
            .collect();
        let precisions = (!words.is_empty()).then(|| words.join(", "));
        let modes = a
            .access
            .as_ref()
            .map(|x| &x.modes)
            .filter(|m| !m.is_empty());
        let list = |f: fn(portal_model::access::AccessMode) -> &'static [&'static str]| {
            modes.map(|m| {
                let mut v: Vec<&'static str> =
                    m.iter().flat_map(|&m| f(m).iter().copied()).collect();
                v.sort_unstable();
                v.dedup();
                v
            })
        };
        Who {
            publics,
            precisions,
            modes: list(portal_model::access::AccessMode::datainclusion_modes),
            by: list(portal_model::access::AccessMode::datainclusion_by),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn descriptions_join_the_wrapped_lines_of_paragraphs_only() {
        assert_eq!(
            plain("Une épicerie\nouverte à tous.\n\n- le mardi\n- le samedi\n"),
            "Une épicerie ouverte à tous.\n\n- le mardi\n- le samedi"
        );
    }
}
