//! Editors' translations of an entry's public texts: `translations:` in the entry's own front
//! matter, keyed by a language of `site.toml`'s `languages` (not the site's own, which the
//! entry is written in), each holding only the texts that translate, the body as a `body:`
//! block. One file per entry, so that an import writes it whole and a change made by an
//! association keeps them ([`carried`]).
//!
//! ```yaml
//! translations:
//!   en:
//!     name: Port grocery
//!     summary: A solidarity grocery near the port.
//!     access: { note: Bring a proof of address. }
//!     locations:
//!       - directions: Tram B, stop « Quai »
//!     body: |
//!       The grocery sells everyday products at 10 to 30 % of their price.
//! ```

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;

use crate::context::Context;
use crate::problem::{Problem, Problems, suggest};
use crate::read::{Fields, join, list, text};
use crate::tree::{Node, Value, quote};

/// Which texts of a kind translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Texts {
    /// Name, summary, the access note, the places' directions, accessibility notes and
    /// season notes, the body.
    Association,
    /// Title (3 to 150 characters) and body: calls and listings.
    Titled,
    /// Title (1 to 150 characters) and body: free pages.
    Page,
}

impl Texts {
    /// The fields a translation of this kind may hold, as the messages list them.
    fn names(self) -> &'static str {
        match self {
            Texts::Association => {
                "name, summary, access.note, locations[].directions, locations[].accessibility.notes, locations[].season.note, body"
            }
            Texts::Titled | Texts::Page => "title, body",
        }
    }
}

/// The translations of one entry, by language code.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(transparent)]
pub struct Translations(pub BTreeMap<String, Translation>);

impl Translations {
    /// The translation into `lang`, if the entry has one.
    pub fn get(&self, lang: &str) -> Option<&Translation> {
        self.0.get(lang)
    }

    /// Whether the entry has no translation.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// An entry's texts in one language; what is absent stays in the site's language.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Translation {
    /// An association's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A call's, a listing's or a free page's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// An association's one-line summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// An association's access precision (`access.note`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<NoteText>,
    /// An association's places' texts, in the order of its `locations`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<LocationText>,
    /// The description, in Markdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// A text under `note`: the access precision, a season's note.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NoteText {
    /// The note.
    pub note: String,
}

/// The texts of one place.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LocationText {
    /// How to get there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directions: Option<String>,
    /// The accessibility notes (`accessibility.notes`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessibility: Option<NotesText>,
    /// The season's note (`season.note`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season: Option<NoteText>,
}

/// A text under `notes`: a place's accessibility notes.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NotesText {
    /// The notes.
    pub notes: String,
}

impl Translation {
    /// The access note, translated.
    pub fn access_note(&self) -> Option<&str> {
        self.access.as_ref().map(|a| a.note.as_str())
    }

    /// The texts of the place at `i` (in the order of `locations`).
    pub fn location(&self, i: usize) -> Option<&LocationText> {
        self.locations.get(i)
    }
}

impl LocationText {
    /// The accessibility notes, translated.
    pub fn accessibility_notes(&self) -> Option<&str> {
        self.accessibility.as_ref().map(|a| a.notes.as_str())
    }

    /// The season's note, translated.
    pub fn season_note(&self) -> Option<&str> {
        self.season.as_ref().map(|s| s.note.as_str())
    }
}

/// Where a translated field is written among the others: in the order of the entry's own
/// fields, the body last (language codes and unknown keys after, in their own order).
pub(crate) fn rank(key: &str) -> usize {
    const ORDER: [&str; 9] = [
        "name",
        "title",
        "summary",
        "access",
        "note",
        "locations",
        "directions",
        "accessibility",
        "season",
    ];
    match key {
        "body" => ORDER.len(),
        _ => ORDER
            .iter()
            .position(|k| *k == key)
            .unwrap_or(ORDER.len() + 1),
    }
}

/// The languages a translation may be in: the site's, but its own.
fn targets<'a>(cx: &'a Context) -> Vec<&'a str> {
    let own = cx.site.language.as_str();
    let mut out: Vec<&str> = Vec::new();
    for code in &cx.site.languages {
        if code != own && !out.contains(&code.as_str()) {
            out.push(code);
        }
    }
    out
}

/// Reads `translations` from the entry's fields (none when absent).
pub(crate) fn read(f: &mut Fields, texts: Texts, cx: &Context, p: &mut Problems) -> Translations {
    f.optional("translations", p, |n, path, p| {
        read_map(n, path, texts, cx, p)
    })
    .unwrap_or_default()
}

fn read_map(
    node: &Node,
    path: &str,
    texts: Texts,
    cx: &Context,
    p: &mut Problems,
) -> Option<Translations> {
    let codes = targets(cx);
    let own = cx.site.language.as_str();
    if let Some(r) = p.recorder() {
        let description = format!(
            "les traductions des textes publics, par langue de site.toml (languages) autre que {own} : {}",
            texts.names()
        );
        // A site of one language accepts no translation: an empty `enum` is not a valid
        // JSON Schema, `maxProperties: 0` says the same.
        let shape = if codes.is_empty() {
            json!({"type": "object", "maxProperties": 0, "description": description})
        } else {
            json!({"type": "object", "propertyNames": {"enum": codes}, "description": description})
        };
        r.shape(path, shape);
        read_one(&crate::schema::PROBE, &join(path, "*"), texts, p);
        return None;
    }
    let Value::Map(entries) = &node.value else {
        p.push(node.unexpected(path, "des traductions par langue (en: {summary: …}, …)"));
        return None;
    };
    let before = p.len();
    let mut out = BTreeMap::new();
    for e in entries {
        let lang_path = join(path, &e.key);
        let expected = if codes.is_empty() {
            format!(
                "une langue du site autre que {own} ; le site n'en a pas d'autre (site.toml, languages)"
            )
        } else {
            format!(
                "une langue du site autre que {own} (site.toml, languages : {})",
                codes.join(", ")
            )
        };
        if e.key == own {
            p.push(Problem::new(
                e.key_at,
                lang_path,
                expected,
                format!(
                    "« {own} », la langue du texte lui-même : écrivez-le dans les champs de l'entrée"
                ),
            ));
            continue;
        }
        if !codes.contains(&e.key.as_str()) {
            p.push(
                Problem::new(e.key_at, lang_path, expected, quote(&e.key))
                    .with_suggestion(suggest(&e.key, codes.iter().copied())),
            );
            continue;
        }
        if let Some(t) = read_one(&e.value, &lang_path, texts, p) {
            out.insert(e.key.clone(), t);
        }
    }
    (p.len() == before).then_some(Translations(out))
}

/// One language's texts.
fn read_one(node: &Node, path: &str, texts: Texts, p: &mut Problems) -> Option<Translation> {
    let what = format!("des textes traduits ({})", texts.names());
    if p.recorder().is_none() {
        refuse_empty(node, path, &what, p);
    }
    let mut f = Fields::of(node, path, &what, p)?;
    let before = p.len();
    let mut t = Translation::default();
    let line = |(min, max)| {
        move |n: &Node, path: &str, p: &mut Problems| text(n, path, p, (min, max), true)
    };
    let block = |(min, max)| {
        move |n: &Node, path: &str, p: &mut Problems| text(n, path, p, (min, max), false)
    };
    match texts {
        Texts::Association => {
            t.name = f.optional("name", p, line((3, 150)));
            t.summary = f.optional("summary", p, line((1, 200)));
            t.access = f.optional("access", p, |n, path, p| {
                let mut g = Fields::of(n, path, "la précision traduite {note}", p)?;
                let note = g.optional("note", p, block((1, 500)));
                finish(g, "access", "note", p);
                note.map(|note| NoteText { note })
            });
            t.locations = f
                .optional("locations", p, |n, path, p| list(n, path, p, location))
                .unwrap_or_default();
        }
        Texts::Titled => t.title = f.optional("title", p, line((3, 150))),
        Texts::Page => t.title = f.optional("title", p, line((1, 150))),
    }
    t.body = f.optional("body", p, block((1, 100_000)));
    finish(f, "", texts.names(), p);
    if p.len() != before {
        return None;
    }
    if t == Translation::default() && p.recorder().is_none() {
        p.push(Problem::new(
            node.at,
            path,
            format!("au moins un texte traduit ({})", texts.names()),
            "aucun",
        ));
        return None;
    }
    Some(t)
}

/// The texts of one place of an association.
fn location(node: &Node, path: &str, p: &mut Problems) -> Option<LocationText> {
    let mut f = Fields::of(
        node,
        path,
        "les textes traduits d'un lieu {directions, accessibility.notes, season.note}",
        p,
    )?;
    let before = p.len();
    let directions = f.optional("directions", p, |n, path, p| {
        text(n, path, p, (1, 300), true)
    });
    let accessibility = f.optional("accessibility", p, |n, path, p| {
        let mut g = Fields::of(n, path, "les notes traduites {notes}", p)?;
        let notes = g.optional("notes", p, |n, path, p| text(n, path, p, (1, 500), false));
        finish(g, "accessibility", "notes", p);
        notes.map(|notes| NotesText { notes })
    });
    let season = f.optional("season", p, |n, path, p| {
        let mut g = Fields::of(n, path, "la note traduite {note}", p)?;
        let note = g.optional("note", p, |n, path, p| text(n, path, p, (1, 200), true));
        finish(g, "season", "note", p);
        note.map(|note| NoteText { note })
    });
    finish(
        f,
        "locations[]",
        "directions, accessibility.notes, season.note",
        p,
    );
    (p.len() == before).then_some(LocationText {
        directions,
        accessibility,
        season,
    })
}

/// Refuses every field left out of the translation: it does not translate.
fn finish(f: Fields, within: &str, names: &str, p: &mut Problems) {
    let place = if within.is_empty() {
        String::new()
    } else {
        format!(" de {within}")
    };
    f.finish_as(
        p,
        &format!("un texte traduisible{place} ({names})"),
        |key| {
            format!(
                "le champ {}, qui ne se traduit pas (il vaut pour toutes les langues)",
                quote(key)
            )
        },
    );
}

/// An empty value (`summary:` with nothing after it) is refused where it is: a translation
/// left empty would otherwise vanish without a word.
fn refuse_empty(node: &Node, path: &str, what: &str, p: &mut Problems) {
    match &node.value {
        Value::Null => p.push(Problem::new(node.at, path, what, "une valeur vide")),
        Value::Map(entries) => {
            for e in entries {
                if matches!(e.value.value, Value::Null) {
                    p.push(Problem::new(
                        e.value.at,
                        join(path, &e.key),
                        "un texte traduit (ou pas de champ : le texte reste dans la langue du site)",
                        "une valeur vide",
                    ));
                } else if matches!(e.value.value, Value::Map(_)) {
                    refuse_empty(&e.value, &join(path, &e.key), what, p);
                }
            }
        }
        Value::List(items) => {
            for (i, item) in items.iter().enumerate() {
                if matches!(item.value, Value::Map(_)) {
                    refuse_empty(item, &crate::read::index(path, i), what, p);
                }
            }
        }
        Value::Scalar { .. } => {}
    }
}

/// A change's fields with the translations of the file it changes, when the change does not
/// say its own: the forms have no inputs for them, and an association's change must not lose
/// what editors translated. `current` is the file as it is.
pub fn carried(
    mut fields: serde_json::Map<String, serde_json::Value>,
    current: &str,
) -> serde_json::Map<String, serde_json::Value> {
    if fields.contains_key("translations") {
        return fields;
    }
    let Ok(parts) = crate::content::split_front_matter(current) else {
        return fields;
    };
    let Ok(node) = crate::tree::parse_yaml(parts.front, parts.front_line) else {
        return fields;
    };
    let Value::Map(entries) = &node.value else {
        return fields;
    };
    if let Some(e) = entries.iter().find(|e| e.key == "translations") {
        fields.insert("translations".into(), to_json(&e.value));
    }
    fields
}

/// A tree as JSON, its scalars as text (every translated field is text).
fn to_json(node: &Node) -> serde_json::Value {
    match &node.value {
        Value::Null => serde_json::Value::Null,
        Value::Scalar { text, .. } => serde_json::Value::String(text.clone()),
        Value::List(items) => serde_json::Value::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => serde_json::Value::Object(
            entries
                .iter()
                .map(|e| (e.key.clone(), to_json(&e.value)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::content::{Entry, Kind};
    use crate::site::SiteConfig;
    use crate::submission::Draft;

    fn site() -> SiteConfig {
        let toml = include_str!("../../../tests/sites/basic/site.toml").replacen(
            "language = \"fr\"\n",
            "language = \"fr\"\nlanguages = [\"fr\", \"en\", \"ar\"]\n",
            1,
        );
        SiteConfig::parse(&toml).unwrap()
    }

    const FILE: &str = "---\nname: Épicerie du Port\nsummary: Une épicerie solidaire.\ncategories: [epicerie-solidaire]\nlocations:\n  - address: 12 quai des Chartrons\n    postal_code: \"33000\"\n    city: Bordeaux\n    geo: [44.853, -0.569]\n    directions: Tram B, arrêt Chartrons\nupdated: 2026-11-01\ntranslations:\n  en:\n    summary: A solidarity grocery.\n    locations:\n      - directions: \"Tram B, Chartrons stop\"\n    body: |\n      The grocery sells food at low prices.\n\n      Everyone is welcome.\n---\nL'épicerie propose des produits à petit prix aux familles du quartier.\n";

    #[test]
    fn an_association_carries_its_translations_and_they_survive_a_change() {
        let site = site();
        let none = BTreeSet::new();
        let cx = Context {
            site: &site,
            associations: &none,
        };
        let Entry::Association(a) =
            Entry::decode(Kind::Association, "epicerie", FILE, &cx).unwrap()
        else {
            panic!("an association")
        };
        let en = a.translations.get("en").unwrap();
        assert_eq!(en.summary.as_deref(), Some("A solidarity grocery."));
        assert_eq!(
            en.location(0).and_then(|l| l.directions.as_deref()),
            Some("Tram B, Chartrons stop")
        );
        assert_eq!(
            en.body.as_deref(),
            Some("The grocery sells food at low prices.\n\nEveryone is welcome.")
        );
        // A change through the forms says nothing of translations: the file keeps them, the
        // body written back as a block.
        let change: Draft = serde_json::from_value(serde_json::json!({
            "type": "association", "target": "epicerie",
            "fields": {"name": "Épicerie du Port", "summary": "Une épicerie solidaire du port.",
                       "categories": ["epicerie-solidaire"],
                       "locations": [{"address": "12 quai des Chartrons", "postal_code": "33000",
                                      "city": "Bordeaux", "geo": [44.853, -0.569]}],
                       "updated": "2026-11-20"},
            "body": "L'épicerie propose des produits à petit prix aux familles du quartier.",
            "contact_email": "moi@example.org"}))
        .unwrap();
        let kept = Draft {
            fields: carried(change.fields.clone(), FILE),
            ..change
        };
        let (text, entry) = kept
            .file("epicerie", &cx, jiff::civil::date(2026, 11, 23))
            .unwrap();
        assert!(
            text.contains("translations:\n  en:\n    summary: A solidarity grocery.\n    locations:\n      - directions: \"Tram B, Chartrons stop\"\n    body: |\n      The grocery sells food at low prices.\n\n      Everyone is welcome.\n---\n"),
            "{text}"
        );
        let Entry::Association(b) = entry else {
            panic!("an association")
        };
        assert_eq!(b.summary, "Une épicerie solidaire du port.");
        assert_eq!(b.translations, a.translations);
    }

    #[test]
    fn a_submission_s_translations_are_checked_by_the_same_rule() {
        let site = site();
        let none = BTreeSet::new();
        let cx = Context {
            site: &site,
            associations: &none,
        };
        let d: Draft = serde_json::from_value(serde_json::json!({
            "type": "resource",
            "fields": {"title": "Un camion", "association": "x", "kind": "offer",
                       "category": "equipment", "translations": {"de": {"title": "Ein Lkw"}}},
            "body": "Un camion à prêter.", "contact_email": "moi@example.org"}))
        .unwrap();
        let errors = d
            .check(&cx, &BTreeSet::new(), jiff::civil::date(2026, 11, 23))
            .unwrap_err();
        assert!(
            errors.iter().any(|e| e.field == "translations.de"),
            "{errors:?}"
        );
    }

    #[test]
    fn the_schema_lists_the_languages_and_the_texts_that_translate() {
        let site = site();
        let none = BTreeSet::new();
        let cx = Context {
            site: &site,
            associations: &none,
        };
        let schema = crate::schema::of(Kind::Association, &cx);
        let t = &schema["properties"]["translations"];
        assert_eq!(t["propertyNames"]["enum"], serde_json::json!(["en", "ar"]));
        let one = &t["additionalProperties"];
        assert_eq!(one["additionalProperties"], serde_json::json!(false));
        let mut names: Vec<&String> = one["properties"].as_object().unwrap().keys().collect();
        names.sort();
        assert_eq!(names, ["access", "body", "locations", "name", "summary"]);
    }

    #[test]
    fn a_site_of_one_language_has_a_valid_schema_that_accepts_no_translation() {
        let site = SiteConfig::parse(include_str!("../../../tests/sites/basic/site.toml")).unwrap();
        let none = BTreeSet::new();
        let cx = Context {
            site: &site,
            associations: &none,
        };
        let schema = crate::schema::of(Kind::Association, &cx);
        let t = &schema["properties"]["translations"];
        assert_eq!(t["maxProperties"], 0, "{t}");
        assert!(t.get("propertyNames").is_none(), "{t}");
    }
}
