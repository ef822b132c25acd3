//! A submission: a new entry, or a change to one, sent by an association through a form or
//! the API, before a moderator decides. Its fields are checked by the same `decode` as a
//! content file, and once approved it is written as the file an editor would have written.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::addresses;
use crate::checks::{is_email, is_slug, slugify};
use crate::content::{Entry, Kind};
use crate::context::Context;
use crate::form;
use crate::problem::Problem;

/// What can be submitted (free pages are written by editors only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionType {
    /// A new association's profile, or a change to one.
    Association,
    /// A call for volunteers.
    VolunteerCall,
    /// An offer or a request.
    Resource,
}

impl SubmissionType {
    /// Every type, in the order the forms list them.
    pub const ALL: [SubmissionType; 3] = [Self::Association, Self::VolunteerCall, Self::Resource];

    /// The kind of content file it becomes once accepted.
    pub fn kind(self) -> Kind {
        match self {
            Self::Association => Kind::Association,
            Self::VolunteerCall => Kind::VolunteerCall,
            Self::Resource => Kind::Resource,
        }
    }

    /// The type named `name` in the API (`association`, `volunteer_call`, `resource`).
    pub fn from_api(name: &str) -> Option<SubmissionType> {
        Self::ALL.into_iter().find(|t| t.kind().api_name() == name)
    }

    /// Said to the submitter and the moderator.
    pub fn label(self) -> &'static str {
        match self {
            Self::Association => "fiche d'association",
            Self::VolunteerCall => "appel à bénévoles",
            Self::Resource => "annonce",
        }
    }
}

/// A submission as sent (`POST /submissions`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// What is submitted (`type` in the JSON).
    #[serde(rename = "type")]
    pub kind: SubmissionType,
    /// The slug of the entry to change, or none for a new entry.
    #[serde(default)]
    pub target: Option<String>,
    /// The front matter's fields, as JSON: checked by the content type's own rules. A key
    /// given twice is refused, as a field written twice in a file is.
    #[serde(with = "crate::unique")]
    pub fields: Map<String, Value>,
    /// The description, in Markdown.
    #[serde(default)]
    pub body: String,
    /// Personal data: kept apart, never written into `content/`.
    pub contact_email: String,
}

/// A problem with one field of a submission, as the API and the forms report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's path, as the form names it (`quantity.amount`); empty for the whole
    /// submission.
    pub field: String,
    /// What is wrong, in French, for the submitter.
    pub message: String,
}

impl FieldError {
    fn new(field: &str, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.to_string(),
            message: message.into(),
        }
    }

    /// A problem of the content's checks, said for the form of `kind` (see
    /// [`crate::explain`]).
    fn from_problem(kind: Kind, p: &Problem, site: &crate::site::SiteConfig) -> FieldError {
        // The body's problems are named after the file's layout; the form calls it `body`.
        let field = match p.field.as_str() {
            "(description)" | "" => "body",
            f => f,
        };
        FieldError::new(field, crate::explain::message(kind, p, site))
    }
}

impl Draft {
    /// Checks the submission as the generator checks a file: it is written as the file
    /// `portal import` will write ([`Draft::to_markdown`]) and that file decoded as the
    /// build decodes it ([`Draft::file`]), so that what is accepted here imports. `targets`
    /// are the slugs of the existing entries of its kind, which a change must name.
    pub fn check(
        &self,
        cx: &Context,
        targets: &BTreeSet<String>,
        today: Date,
    ) -> Result<Entry, Vec<FieldError>> {
        let mut errors = Vec::new();
        if !is_email(self.contact_email.trim()) {
            errors.push(FieldError::new(
                "contact_email",
                "Indiquez une adresse e-mail où vous joindre, par exemple contact@exemple.org.",
            ));
        }
        if let Some(target) = &self.target
            && !targets.contains(target)
        {
            errors.push(FieldError::new(
                "target",
                format!("« {target} » n'est plus sur le portail : rechargez la page et choisissez dans la liste ce que vous modifiez."),
            ));
        }
        let slug = self.slug(&BTreeSet::new());
        match self.file(&slug, cx, today) {
            Ok((_, entry)) if errors.is_empty() => Ok(entry),
            Ok(_) => Err(self.in_form_order(errors)),
            Err(problems) => {
                let kind = self.kind.kind();
                errors.extend(
                    problems
                        .iter()
                        .map(|p| FieldError::from_problem(kind, p, cx.site)),
                );
                Err(self.in_form_order(errors))
            }
        }
    }

    /// The content file of the submission as `slug`, and the entry the build decodes from
    /// it: one function for the submission's check and for `portal import`.
    pub fn file(
        &self,
        slug: &str,
        cx: &Context,
        today: Date,
    ) -> Result<(String, Entry), Vec<Problem>> {
        let text = self.to_markdown(today);
        let entry = Entry::decode(self.kind.kind(), slug, &text, cx)?;
        Ok((text, entry))
    }

    /// Problems in the order of the form's fields (the target first, the submitter's e-mail
    /// last), as an error summary lists them.
    fn in_form_order(&self, mut errors: Vec<FieldError>) -> Vec<FieldError> {
        let fields = form::fields(self.kind.kind());
        let rank = |e: &FieldError| match e.field.as_str() {
            "target" => 0,
            "contact_email" => usize::MAX,
            f => fields
                .iter()
                .position(|d| d.name.starts_with(f) || f.starts_with(d.name))
                .map_or(usize::MAX - 1, |i| i + 1),
        };
        errors.sort_by_key(rank);
        errors
    }

    /// The fields as they will be written: an association's `updated` is the day it was
    /// submitted.
    fn prepared_fields(&self, today: Date) -> Map<String, Value> {
        let mut fields = self.fields.clone();
        if self.kind == SubmissionType::Association && !fields.contains_key("updated") {
            fields.insert("updated".into(), Value::String(today.to_string()));
        }
        fields
    }

    /// The file name of the entry: the target for a change; for a new entry, its name or
    /// title made a slug, with `-2`, `-3`… when `taken`.
    pub fn slug(&self, taken: &BTreeSet<String>) -> String {
        if let Some(target) = &self.target {
            return target.clone();
        }
        let title = ["name", "title"]
            .iter()
            .find_map(|k| self.fields.get(*k).and_then(Value::as_str))
            .unwrap_or("");
        let mut base = slugify(title);
        base.truncate(60);
        let base = base.trim_end_matches('-').to_string();
        let base = if is_slug(&base) {
            base
        } else {
            "entree".into()
        };
        (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|s| !taken.contains(s) && addresses::taken_by_site(self.kind.kind(), s).is_none())
            .expect("some suffix is free")
    }

    /// The content file an editor would have written: YAML front matter in the order of the
    /// form, then the body. No personal data.
    pub fn to_markdown(&self, today: Date) -> String {
        file_text(
            self.kind.kind(),
            &self.prepared_fields(today),
            &self.file_body(),
        )
    }

    /// The body as it is written in the file, so that checking sees what will be published.
    fn file_body(&self) -> String {
        let body = self.body.trim();
        if body.is_empty() {
            String::new()
        } else {
            format!("{body}\n")
        }
    }
}

/// A content file of `kind` from its fields (as JSON) and its body, as an editor would
/// write it: YAML front matter in the order of the kind's form, then the body. Approved
/// submissions and `portal import-directory` write their files with it.
pub fn file_text(kind: Kind, fields: &Map<String, Value>, body: &str) -> String {
    let order: Vec<&str> = form::fields(kind)
        .iter()
        .map(|f| f.name.split(['.', '[']).next().unwrap_or(f.name))
        .collect();
    let mut keys: Vec<&String> = fields.keys().collect();
    // The translations last, each language's texts in block style: the file reads as the
    // entry, then its texts in other languages.
    keys.sort_by_key(|k| {
        let rank = order.iter().position(|o| o == k).unwrap_or(usize::MAX - 1);
        let rank = if *k == "translations" {
            usize::MAX
        } else {
            rank
        };
        (rank, *k)
    });
    let mut out = String::from("---\n");
    for key in keys {
        write_entry(&mut out, 0, key, &fields[key], key == "translations");
    }
    out.push_str("---\n");
    out.push_str(body);
    out
}

/// One `key: value`; with `blocks`, a text of several lines is written as a literal block
/// (`body: |`), as an editor writes a translated description.
fn write_entry(out: &mut String, indent: usize, key: &str, value: &Value, blocks: bool) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            out.push_str(&format!("{pad}{key}:\n"));
            let mut keys: Vec<&String> = map.keys().collect();
            if blocks {
                // A translation's texts in the order of the entry's own, the body last.
                keys.sort_by_key(|k| (crate::translations::rank(k), *k));
            }
            for k in keys {
                write_entry(out, indent + 2, k, &map[k], blocks);
            }
        }
        Value::Array(items) if items.iter().any(|i| i.is_object() || i.is_array()) => {
            out.push_str(&format!("{pad}{key}:\n"));
            for item in items {
                write_item(out, indent + 2, item, blocks);
            }
        }
        Value::String(s) if blocks && is_block(s) => {
            out.push_str(&format!("{pad}{key}: {}\n", block_header(s)));
            for line in s.trim_end_matches('\n').split('\n') {
                if line.is_empty() {
                    out.push('\n');
                } else {
                    out.push_str(&format!("{pad}  {line}\n"));
                }
            }
        }
        _ => out.push_str(&format!("{pad}{key}: {}\n", inline(value))),
    }
}

/// A text of several lines that a literal block keeps as it is: no carriage return, tab or
/// other control character, and no line of spaces only (a block would drop them).
fn is_block(s: &str) -> bool {
    s.contains('\n')
        && !s.chars().any(|c| c.is_control() && c != '\n')
        && s.split('\n').all(|l| l.is_empty() || !l.trim().is_empty())
        && !s.trim_start_matches('\n').is_empty()
        && !s.starts_with('\n')
}

/// `|` and its indicators: the indentation when the first line starts with a space, the
/// chomping that gives back the text's final line breaks.
fn block_header(s: &str) -> String {
    let indent = if s.starts_with(' ') { "2" } else { "" };
    let trailing = s.len() - s.trim_end_matches('\n').len();
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    format!("|{indent}{chomp}")
}

/// One item of a block list: `- ` then the item, its other lines aligned under the first.
fn write_item(out: &mut String, indent: usize, item: &Value, blocks: bool) {
    let Value::Object(map) = item else {
        out.push_str(&format!("{}- {}\n", " ".repeat(indent), inline(item)));
        return;
    };
    let mut block = String::new();
    for (k, v) in map {
        write_entry(&mut block, indent + 2, k, v, blocks);
    }
    let first = " ".repeat(indent + 2);
    let dash = format!("{}- ", " ".repeat(indent));
    out.push_str(&block.replacen(&first, &dash, 1));
    if map.is_empty() {
        out.push_str(&format!("{dash}{{}}\n"));
    }
}

/// A value on one line: scalars plain when YAML reads them back unchanged, else quoted;
/// lists in flow style.
fn inline(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if is_plain(s) => s.clone(),
        // A JSON string is a valid YAML double-quoted string.
        Value::String(s) => serde_json::to_string(s).expect("a string serialises"),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(_) => serde_json::to_string(value).expect("a map serialises"),
    }
}

/// Text YAML reads back as the same string in any context, flow lists included.
fn is_plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    const WORDS: &[&str] = &[
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    (first.is_alphabetic() || (first.is_ascii_digit() && s.parse::<f64>().is_err()))
        && !s.contains([
            ':', '#', ',', '[', ']', '{', '}', '\n', '\r', '\t', '"', '\'', '\\',
        ])
        && s.trim() == s
        && !WORDS.contains(&s.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::SiteConfig;

    fn site() -> SiteConfig {
        SiteConfig::parse(
            r#"title = "T"
base_url = "https://example.org"
language = "fr"
timezone = "Europe/Paris"
[territory]
name = "Gironde"
bounds = [[44.19, -1.27], [45.58, 0.32]]
[categories]
repas = "Repas"
"#,
        )
        .unwrap()
    }

    fn today() -> Date {
        jiff::civil::date(2026, 11, 23)
    }

    fn draft(json: Value) -> Draft {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_valid_offer_is_written_as_a_file_that_decodes_to_the_same_entry() {
        let site = site();
        let associations = BTreeSet::from(["epicerie-du-medoc".to_string()]);
        let cx = Context {
            site: &site,
            associations: &associations,
        };
        let d = draft(serde_json::json!({
            "type": "resource", "target": null,
            "fields": {"title": "40 kg de pommes", "association": "epicerie-du-medoc",
                       "kind": "offer", "category": "food", "expires": "2026-12-01",
                       "quantity": {"amount": 40, "unit": "kg"}},
            "body": "Pommes de la collecte de samedi : à retirer sur place, # pas de livraison.",
            "contact_email": "contact@example.org"}));
        let entry = d.check(&cx, &BTreeSet::new(), today()).unwrap();
        let file = d.to_markdown(today());
        assert_eq!(
            file,
            "---\ntitle: 40 kg de pommes\nassociation: epicerie-du-medoc\nkind: offer\n\
             category: food\nquantity:\n  amount: 40\n  unit: kg\nexpires: 2026-12-01\n---\n\
             Pommes de la collecte de samedi : à retirer sur place, # pas de livraison.\n"
        );
        assert!(!file.contains("contact@example.org"));
        let slug = d.slug(&BTreeSet::new());
        assert_eq!(slug, "40-kg-de-pommes");
        let again = Entry::decode(Kind::Resource, &slug, &file, &cx).unwrap();
        assert_eq!(again, entry);
    }

    #[test]
    fn an_association_with_nested_places_round_trips() {
        let site = site();
        let none = BTreeSet::new();
        let cx = Context {
            site: &site,
            associations: &none,
        };
        let d = draft(serde_json::json!({
            "type": "association",
            "fields": {"name": "Les \"Restos\" : du Bourg", "summary": "Repas chauds, le soir.",
                       "categories": ["repas"],
                       "locations": [{"address": "1 rue Neuve", "postal_code": "33000",
                                      "city": "Bordeaux", "geo": [44.84, -0.57],
                                      "hours": {"sa": ["09:00-12:00", "14:00-17:00"]}}]},
            "body": "Une association de quartier qui sert des repas chauds le soir, sans condition.",
            "contact_email": "moi@example.org"}));
        let entry = d.check(&cx, &none, today()).unwrap();
        let file = d.to_markdown(today());
        assert!(
            file.contains("name: \"Les \\\"Restos\\\" : du Bourg\"\n"),
            "{file}"
        );
        assert!(
            file.contains("  - address: 1 rue Neuve\n    city: Bordeaux\n"),
            "{file}"
        );
        assert!(file.contains("postal_code: \"33000\""), "{file}");
        assert!(file.contains("updated: 2026-11-23\n"), "{file}");
        let again = Entry::decode(Kind::Association, "les-restos-du-bourg", &file, &cx).unwrap();
        assert_eq!(again, entry);
    }

    #[test]
    fn problems_name_the_form_fields() {
        let site = site();
        let none = BTreeSet::new();
        let cx = Context {
            site: &site,
            associations: &none,
        };
        let d = draft(serde_json::json!({
            "type": "resource", "target": "inconnue",
            "fields": {"title": "Pommes", "association": "nulle-part", "kind": "offre",
                       "category": "food"},
            "contact_email": "pas-un-mail"}));
        let errors = d.check(&cx, &none, today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["target", "association", "kind", "contact_email"],
            "{errors:#?}"
        );
        assert_eq!(
            errors[2].message,
            "Choisissez une réponse : « Nous proposons (don, prêt) » ou « Nous recherchons »."
        );
        assert_eq!(
            errors[1].message,
            "Choisissez votre association dans la liste."
        );
        assert!(errors.iter().all(|e| !e.message.contains("content/")));
    }

    #[test]
    fn titles_in_any_script_give_readable_distinct_slugs() {
        let slug = |title: &str| {
            draft(
                serde_json::json!({"type": "resource", "fields": {"title": title},
                "contact_email": "a@b.fr"}),
            )
            .slug(&BTreeSet::new())
        };
        let titles = [
            "Продуктовый набор",
            "سلة غذائية",
            "🍎🍐 fruits",
            "Œufs frais",
            "食品",
        ];
        let slugs: Vec<String> = titles.iter().map(|t| slug(t)).collect();
        for (t, s) in titles.iter().zip(&slugs) {
            assert!(is_slug(s) && s != "entree", "{t} gave {s}");
        }
        let distinct: BTreeSet<&String> = slugs.iter().collect();
        assert_eq!(distinct.len(), slugs.len(), "{slugs:?}");
        assert_eq!(slugs[0], "produktovyi-nabor");
        assert_eq!(slugs[3], "oeufs-frais");
    }

    #[test]
    fn a_new_entry_never_takes_an_address_the_site_makes() {
        let slug = |kind: &str, title: &str| {
            draft(
                serde_json::json!({"type": kind, "fields": {"title": title, "name": title},
                "contact_email": "a@b.fr"}),
            )
            .slug(&BTreeSet::new())
        };
        assert_eq!(slug("association", "Commune"), "commune-2");
        assert_eq!(slug("association", "Catégorie"), "categorie-2");
        assert_eq!(slug("resource", "Offres"), "offres-2");
        assert_eq!(slug("resource", "Besoins"), "besoins-2");
        assert_eq!(slug("volunteer_call", "Page"), "page-2");
        assert_eq!(slug("resource", "Pommes"), "pommes");
    }

    #[test]
    fn new_slugs_avoid_those_taken() {
        let d = draft(serde_json::json!({"type": "resource",
            "fields": {"title": "Camion frigo !"}, "contact_email": "a@b.fr"}));
        let taken = BTreeSet::from(["camion-frigo".to_string(), "camion-frigo-2".to_string()]);
        assert_eq!(d.slug(&taken), "camion-frigo-3");
    }
}
