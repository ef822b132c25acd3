//! A data·inclusion dump (the JSON files of structures and services published on
//! data.gouv.fr, schema v1) into associations: a structure becomes an association, its
//! services give its categories (their thematiques, through `[datainclusion.thematiques]`),
//! its places beyond its own address, its hours when it has none, its publics and access
//! conditions. Records outside the territory's box are left out and counted: a dump covers
//! more than one department.

use std::collections::BTreeMap;

use jiff::civil::Date;
use portal_model::SiteConfig;
use portal_model::checks::slugify;
use portal_model::site::position;
use portal_model::tree::quote;
use serde_json::Value;

use super::positions::{self, Element};
use super::{ImportError, Record, Source, first_sentence, hours, number};

/// One record of a dump and where it is.
struct Found<'a> {
    file: &'a str,
    text: &'a str,
    value: Value,
    element: Element,
}

impl Found<'_> {
    /// Where the record's field `name` is (the record's start when it has no such field).
    fn at(&self, name: &str) -> Source {
        let offset = self
            .element
            .fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or(self.element.start, |(_, o)| *o);
        Source {
            file: self.file.to_string(),
            at: position(self.text, offset),
            label: name.to_string(),
        }
    }

    fn str(&self, name: &str) -> Option<&str> {
        self.value
            .get(name)?
            .as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    fn number(&self, name: &str) -> Option<f64> {
        match self.value.get(name)? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => number(s),
            _ => None,
        }
    }

    fn list(&self, name: &str) -> Vec<&str> {
        self.value
            .get(name)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect()
    }

    fn point(&self) -> Option<(f64, f64)> {
        Some((self.number("latitude")?, self.number("longitude")?))
    }

    /// The address as a key: two records at the same address are one place.
    fn address_key(&self) -> Option<String> {
        Some(format!(
            "{}|{}",
            slugify(self.str("adresse")?),
            self.str("code_postal").unwrap_or("")
        ))
    }
}

/// Reads the dump's files (structures and services, in any files) into records; also says
/// what was read, and how many records lay outside the territory.
pub(super) fn read(
    files: &[(String, Vec<u8>)],
    config: &SiteConfig,
    today: Date,
) -> Result<(Vec<Record>, Vec<String>, usize), ImportError> {
    let mut structures = Vec::new();
    let mut services: BTreeMap<String, Vec<Found>> = BTreeMap::new();
    let mut notes = Vec::new();
    let texts: Vec<(&str, String)> = files
        .iter()
        .map(|(file, bytes)| {
            let text =
                String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
            (file.as_str(), text.into_owned())
        })
        .collect();
    for (file, text) in &texts {
        let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Json {
            file: file.to_string(),
            line: e.line(),
            column: e.column(),
            expected: "du JSON valide",
            found: e.to_string(),
        })?;
        let Value::Array(items) = value else {
            return Err(ImportError::Json {
                file: file.to_string(),
                line: 1,
                column: 1,
                expected: "un tableau JSON de structures ou de services data·inclusion",
                found: "une autre valeur".into(),
            });
        };
        let (mut s, mut v) = (0, 0);
        for (value, element) in items.into_iter().zip(positions::elements(text)) {
            let found = Found {
                file,
                text,
                value,
                element,
            };
            match found.str("structure_id").map(str::to_string) {
                Some(id) => {
                    v += 1;
                    services.entry(id).or_default().push(found);
                }
                None => {
                    s += 1;
                    structures.push(found);
                }
            }
        }
        notes.push(format!(
            "{file} : data·inclusion, {s} structure(s), {v} service(s)"
        ));
    }
    let bounds = &config.territory.bounds;
    let inside = |f: &Found| {
        f.point()
            .is_none_or(|(lat, lon)| bounds.contains(portal_model::shapes::Geo { lat, lon }))
    };
    let mut outside = 0;
    let mut unmapped: BTreeMap<String, usize> = BTreeMap::new();
    let mut records = Vec::new();
    let known: std::collections::BTreeSet<&str> =
        structures.iter().filter_map(|s| s.str("id")).collect();
    for (id, list) in &services {
        if !known.contains(id.as_str()) {
            notes.push(format!(
                "  {} service(s) de la structure {} absente des fichiers : ignorés",
                list.len(),
                quote(id)
            ));
        }
    }
    for s in &structures {
        let empty = Vec::new();
        let own = s
            .str("id")
            .and_then(|id| services.get(id))
            .unwrap_or(&empty);
        // Outside: its point is, or (without one) every point of its services is.
        let located: Vec<&Found> = own.iter().filter(|v| v.point().is_some()).collect();
        let away = match s.point() {
            Some(_) => !inside(s),
            None => !located.is_empty() && located.iter().all(|v| !inside(v)),
        };
        if away {
            outside += 1;
            continue;
        }
        let own: Vec<&Found> = own.iter().filter(|v| inside(v)).collect();
        records.push(structure(s, &own, config, today, &mut unmapped, &mut notes));
    }
    if !unmapped.is_empty() {
        let list: Vec<String> = unmapped.iter().map(|(t, n)| format!("{t} ({n})")).collect();
        notes.push(format!(
            "  thématiques sans catégorie du site (à ajouter à [datainclusion.thematiques] de site.toml si besoin) : {}",
            list.join(", ")
        ));
    }
    Ok((records, notes, outside))
}

fn structure(
    s: &Found,
    services: &[&Found],
    config: &SiteConfig,
    today: Date,
    unmapped: &mut BTreeMap<String, usize>,
    notes: &mut Vec<String>,
) -> Record {
    let mut r = Record::new(s.at("id"));
    r.at.label = String::new();
    if let Some(name) = s.str("nom") {
        r.set("name", Value::from(name), Some(s.at("nom")));
    }
    // Categories: the services' thematiques, in the order of the site's categories.
    let mut categories: Vec<&str> = Vec::new();
    let mut themes_at = None;
    for v in services {
        for t in v.list("thematiques") {
            themes_at.get_or_insert_with(|| v.at("thematiques"));
            match config.datainclusion.category_for(&config.categories, t) {
                Some(key) if !categories.contains(&key) => categories.push(key),
                Some(_) => {}
                None => *unmapped.entry(t.to_string()).or_default() += 1,
            }
        }
    }
    let order = |k: &&str| config.categories.keys().position(|c| c == *k);
    categories.sort_by_key(order);
    let themes_at = themes_at.unwrap_or_else(|| r.at.clone());
    if categories.is_empty() {
        let all: Vec<&str> = services
            .iter()
            .flat_map(|v| v.list("thematiques"))
            .collect();
        r.refuse(
            "categories",
            &themes_at,
            "des thématiques de services qui correspondent à une catégorie du site ([datainclusion.thematiques] de site.toml)",
            if all.is_empty() {
                "aucun service avec des thématiques".to_string()
            } else {
                all.iter().map(|t| quote(t)).collect::<Vec<_>>().join(", ")
            },
        );
    } else {
        let keys = categories.iter().map(|k| Value::from(*k)).collect();
        r.set("categories", Value::Array(keys), Some(themes_at));
    }

    // Places: the structure's address, then each service's other address that has its
    // point (one without is said, and left out: the structure keeps its other places).
    let mut places: Vec<(&Found, Option<String>)> = Vec::new();
    if s.str("adresse").is_some() || s.point().is_some() {
        places.push((s, s.address_key()));
    }
    for v in services {
        let key = v.address_key();
        if key.is_none() || places.iter().any(|(_, k)| *k == key) {
            continue;
        }
        if v.point().is_none() {
            let at = v.at("adresse");
            notes.push(format!(
                "{}:{}:{}: service {} : adresse sans coordonnées ({}), lieu non repris ; géocodez-la (voir GUIDE.md) puis importez à nouveau",
                at.file,
                at.at.line,
                at.at.column,
                quote(v.str("nom").unwrap_or("")),
                [v.str("adresse"), v.str("code_postal"), v.str("commune")]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
            continue;
        }
        places.push((v, key));
    }
    let remote = services
        .iter()
        .all(|v| v.list("modes_accueil") == ["a-distance"]);
    if places.is_empty() && remote && !services.is_empty() {
        r.set("remote_only", Value::Bool(true), Some(s.at("id")));
    }
    for (n, (place, key)) in places.iter().enumerate() {
        let path = |field: &str| format!("locations[{n}].{field}");
        for (field, name) in [
            ("address", "adresse"),
            ("postal_code", "code_postal"),
            ("city", "commune"),
        ] {
            if let Some(v) = place.str(name) {
                r.set(&path(field), Value::from(v), Some(place.at(name)));
            }
        }
        match place.point() {
            Some((lat, lon)) => r.set(
                &path("geo"),
                serde_json::json!([lat, lon]),
                Some(place.at("latitude")),
            ),
            None => {
                r.no_coordinates = true;
                r.refuse(
                    &path("geo"),
                    &place.at("adresse"),
                    "la latitude et la longitude du lieu (aucun service de géocodage n'est appelé : voir GUIDE.md)",
                    "une adresse sans coordonnées",
                );
            }
        }
        // Its hours: its own, else those of a service at the same address.
        let with_hours = std::iter::once(*place)
            .chain(services.iter().copied().filter(|v| v.address_key() == *key))
            .find(|f| f.str("horaires_accueil").is_some());
        if let Some(f) = with_hours {
            let raw = f.str("horaires_accueil").unwrap_or("");
            let at = f.at("horaires_accueil");
            match hours::parse(raw) {
                Ok(week) => {
                    if let Some(h) = week.hours() {
                        r.set(&path("hours"), h, Some(at.clone()));
                    }
                    if let Some(word) = week.holidays {
                        r.set(&path("public_holidays"), Value::from(word), Some(at));
                    }
                }
                Err(what) => {
                    r.refuse(
                        &path("hours"),
                        &at,
                        hours::EXPECTED,
                        format!("{} : {what}", quote(raw)),
                    );
                    r.sources.push((path("hours"), at));
                }
            }
        }
    }
    r.qualifier = s.str("commune").unwrap_or("").to_string();

    for (field, name) in [
        ("phone", "telephone"),
        ("email", "courriel"),
        ("website", "site_web"),
    ] {
        if let Some(v) = s.str(name) {
            r.set(
                &format!("contact.{field}"),
                Value::from(v),
                Some(s.at(name)),
            );
        }
    }
    if let Some(siret) = s.str("siret") {
        r.set("identifiers.siret", Value::from(siret), Some(s.at("siret")));
    }
    let mut conditions: Vec<&str> = Vec::new();
    let mut publics: Vec<&str> = Vec::new();
    for v in services {
        if let Some(c) = v
            .str("conditions_acces")
            .filter(|c| !conditions.contains(c))
        {
            conditions.push(c);
        }
        for p in v.list("publics") {
            if !publics.contains(&p) {
                publics.push(p);
            }
        }
    }
    // Who may come, in the model of issue #20: the precision of access, the fees, and the
    // publics whose data·inclusion value one of the site's publics has (`tous-publics`
    // says nothing to add), received only (as data·inclusion means); the others are kept as
    // words of the former free list.
    let mut access = serde_json::Map::new();
    if !conditions.is_empty() {
        let text: String = conditions.join(" ; ").chars().take(500).collect();
        access.insert("note".into(), Value::from(text.trim()));
    }
    let fees: Vec<&str> = services.iter().filter_map(|v| v.str("frais")).collect();
    if let Some(word) = [
        portal_model::access::Fees::Free,
        portal_model::access::Fees::Paid,
    ]
    .iter()
    .find(|f| !fees.is_empty() && fees.iter().all(|x| *x == f.datainclusion()))
    .map(|f| f.word())
    {
        access.insert("fees".into(), Value::from(word));
    }
    if !access.is_empty() {
        let at = services
            .iter()
            .find(|v| v.str("conditions_acces").is_some() || v.str("frais").is_some())
            .map(|v| {
                v.at(if v.str("conditions_acces").is_some() {
                    "conditions_acces"
                } else {
                    "frais"
                })
            });
        r.set("access", Value::Object(access), at);
    }
    publics.retain(|p| *p != "tous-publics");
    if !publics.is_empty() {
        let at = services
            .iter()
            .find(|v| !v.list("publics").is_empty())
            .map(|v| v.at("publics"));
        let keys: Vec<&str> = publics
            .iter()
            .map(|d| {
                config
                    .publics
                    .0
                    .iter()
                    .find(|p| p.datainclusion.as_deref() == Some(*d))
                    .map_or(*d, |p| p.key.as_str())
            })
            .collect();
        // Keys of the site's as publics; words no public maps, with them, as the free list.
        let field = if keys.iter().all(|k| config.publics.get(k).is_some()) {
            "publics"
        } else {
            "public"
        };
        r.set(
            field,
            keys.iter().map(|k| Value::from(*k)).collect(),
            at.clone(),
        );
        // data·inclusion's publics are who is eligible: only them.
        if field == "publics" {
            r.set("publics_only", Value::from(true), at);
        }
    }
    let updated = s
        .str("date_maj")
        .map(|d| d.chars().take(10).collect::<String>())
        .unwrap_or_else(|| today.to_string());
    r.set("updated", Value::from(updated), Some(s.at("date_maj")));

    // The description: the structure's, with its services when it is short.
    let own = s.str("description").unwrap_or("");
    let mut body = own.to_string();
    if own.chars().count() < 200 && !services.is_empty() {
        let list: Vec<String> = services
            .iter()
            .filter_map(|v| {
                let name = v.str("nom")?;
                Some(match v.str("description") {
                    Some(d) => format!("- **{name}** : {}", first_sentence(d)),
                    None => format!("- **{name}**"),
                })
            })
            .collect();
        if !list.is_empty() {
            body = format!("{own}\n\nServices :\n\n{}", list.join("\n"));
        }
    }
    r.body = body.trim().to_string();
    r.sources.push(("body".into(), s.at("description")));
    let summary = [
        Some(own),
        services.first().and_then(|v| v.str("description")),
    ]
    .into_iter()
    .flatten()
    .map(first_sentence)
    .find(|s| !s.is_empty());
    if let Some(summary) = summary {
        r.set("summary", Value::from(summary), Some(s.at("description")));
    }
    r
}
