//! The web forms of the portal, defined once: the generator renders them from these fields,
//! and the functions read a form post with them into the same JSON a script would send.
//! Checking is not done here: a submission's fields go through the content types' `decode`,
//! like a file.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::access::{AccessMode, Fees};
use crate::content::Kind;
use crate::resource::{ResourceCategory, ResourceKind, Unit};
use crate::shapes::Weekday;

/// How a field is typed in, and where its choices come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "choices", rename_all = "snake_case")]
pub enum Input {
    /// One line of text.
    Text,
    /// Several lines (`textarea`): a description, in Markdown.
    LongText,
    /// A date, `AAAA-MM-JJ` (year, month, day).
    Date,
    /// A time of day, `HH:MM`.
    Time,
    /// A number.
    Number,
    /// An e-mail address.
    Email,
    /// A telephone number.
    Tel,
    /// A web address.
    Url,
    /// A yes/no box, sent as `true` when ticked.
    Checkbox,
    /// One choice among fixed words: `(word, label)`.
    Radio(&'static [(&'static str, &'static str)]),
    /// One choice among fixed words, as a drop-down list: `(word, label)`.
    Select(&'static [(&'static str, &'static str)]),
    /// Several choices among fixed words.
    Checkboxes(&'static [(&'static str, &'static str)]),
    /// Several of the site's categories.
    Categories,
    /// Several of the site's publics.
    Publics,
    /// One of the site's associations.
    Association,
}

/// One field of a form. `name` is the field's path in the content type, as problems name it
/// (`quantity.amount`, `locations[0].hours.sa`), so that an error finds its field.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Field {
    /// The field's path in the content type, such as `quantity.amount`.
    pub name: &'static str,
    /// Its label, in French.
    pub label: &'static str,
    /// A help text under the label, in French; empty when none.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub hint: &'static str,
    /// How it is typed in.
    pub input: Input,
    /// Whether the form may not be sent without it.
    pub required: bool,
    /// Typed as one line separated by commas, sent as a list.
    pub list: bool,
    /// The group (`fieldset`) the field belongs to, shown as its legend.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub group: &'static str,
}

const fn field(name: &'static str, label: &'static str, input: Input) -> Field {
    Field {
        name,
        label,
        hint: "",
        input,
        required: false,
        list: false,
        group: "",
    }
}

impl Field {
    const fn required(mut self) -> Self {
        self.required = true;
        self
    }
    const fn hint(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }
    const fn list(mut self) -> Self {
        self.list = true;
        self
    }
    const fn group(mut self, group: &'static str) -> Self {
        self.group = group;
        self
    }
}

const RESOURCE_KINDS: &[(&str, &str)] = &[
    (ResourceKind::Offer.word(), "Nous proposons (don, prêt)"),
    (ResourceKind::Request.word(), "Nous recherchons"),
];

macro_rules! choices {
    ($ty:ident: $($v:ident),+) => {
        &[$(($ty::$v.word(), $ty::$v.label())),+]
    };
}

const CATEGORIES: &[(&str, &str)] =
    choices!(ResourceCategory: Food, Equipment, Skills, Premises, Transport, Other);
const UNITS: &[(&str, &str)] = choices!(Unit: Kg, L, Portions, Items, Hours, M2);

const DAYS: &[(&str, &str)] = &[
    (Weekday::Mo.key(), "lundi"),
    (Weekday::Tu.key(), "mardi"),
    (Weekday::We.key(), "mercredi"),
    (Weekday::Th.key(), "jeudi"),
    (Weekday::Fr.key(), "vendredi"),
    (Weekday::Sa.key(), "samedi"),
    (Weekday::Su.key(), "dimanche"),
];

const ACCESS_MODES: &[(&str, &str)] = &[
    (
        AccessMode::Unconditional.word(),
        AccessMode::Unconditional.label(),
    ),
    (
        AccessMode::Registration.word(),
        AccessMode::Registration.label(),
    ),
    (AccessMode::Referral.word(), AccessMode::Referral.label()),
    (
        AccessMode::Appointment.word(),
        AccessMode::Appointment.label(),
    ),
];
const FEES: &[(&str, &str)] = &[
    (Fees::Free.word(), Fees::Free.label()),
    (Fees::Paid.word(), Fees::Paid.label()),
];

const HOURS_HINT: &str =
    "Plages HH:MM-HH:MM séparées par des virgules, ex. 09:00-12:00, 14:00-17:00 ; vide si fermé.";
const PLACE: &str = "Lieu d'accueil";
const HOURS: &str = "Horaires d'ouverture";
const CONTACT: &str = "Contact public";
const SLOT: &str = "Une date précise";
const RECURRENCE: &str = "Ou un besoin régulier";
const ACCESS: &str = "Qui peut venir";
const GEO_HINT: &str = "En degrés décimaux. Sans les connaître : choisissez la commune, ou placez le lieu sur la carte.";

const ASSOCIATION: &[Field] = &[
    field("name", "Nom de l'association", Input::Text).required(),
    field("summary", "Résumé en une phrase", Input::Text)
        .required()
        .hint("200 caractères au plus ; il apparaît dans les listes."),
    field("categories", "Ce que vous proposez", Input::Categories).required(),
    field("locations[0].name", "Nom du lieu", Input::Text)
        .group(PLACE)
        .hint("Facultatif, ex. « Local de la rue Neuve »."),
    field("locations[0].address", "Adresse", Input::Text)
        .required()
        .group(PLACE),
    field("locations[0].postal_code", "Code postal", Input::Text)
        .required()
        .group(PLACE),
    field("locations[0].city", "Commune", Input::Text)
        .required()
        .group(PLACE),
    field("locations[0].geo[0]", "Latitude", Input::Number)
        .required()
        .group(PLACE)
        .hint(GEO_HINT),
    field("locations[0].geo[1]", "Longitude", Input::Number)
        .required()
        .group(PLACE),
    field("locations[0].directions", "Comment venir", Input::Text)
        .group(PLACE)
        .hint("Facultatif : arrêt de tram ou de bus, repère, ex. « Tram C, arrêt Gare Saint-Jean, puis 5 minutes à pied »."),
    field("locations[0].hours.mo", "Lundi", Input::Text)
        .list()
        .group(HOURS)
        .hint(HOURS_HINT),
    field("locations[0].hours.tu", "Mardi", Input::Text)
        .list()
        .group(HOURS),
    field("locations[0].hours.we", "Mercredi", Input::Text)
        .list()
        .group(HOURS),
    field("locations[0].hours.th", "Jeudi", Input::Text)
        .list()
        .group(HOURS),
    field("locations[0].hours.fr", "Vendredi", Input::Text)
        .list()
        .group(HOURS),
    field("locations[0].hours.sa", "Samedi", Input::Text)
        .list()
        .group(HOURS),
    field("locations[0].hours.su", "Dimanche", Input::Text)
        .list()
        .group(HOURS),
    field("contact.phone", "Téléphone", Input::Tel).group(CONTACT),
    field("contact.email", "Adresse e-mail publique", Input::Email).group(CONTACT),
    field("contact.website", "Site web", Input::Url)
        .group(CONTACT)
        .hint("Commençant par https://"),
    field("access.mode", "Comment entrer", Input::Checkboxes(ACCESS_MODES))
        .group(ACCESS)
        .hint("Cochez tout ce qui s'applique."),
    field("access.fees", "Coût", Input::Radio(FEES)).group(ACCESS),
    field("access.note", "Précisions", Input::Text)
        .group(ACCESS)
        .hint("Facultatif, ex. « sur présentation d'un justificatif de domicile »."),
    field("publics", "Publics accueillis en particulier", Input::Publics)
        .group(ACCESS)
        .hint("Facultatif : ne cochez rien si tout le monde est accueilli de la même façon."),
    field("publics_only", "Seuls ces publics sont reçus", Input::Checkbox).group(ACCESS),
    field("languages", "Langues parlées sur place", Input::Text)
        .list()
        .hint("Codes à deux lettres séparés par des virgules, ex. fr, en, ar."),
    field("body", "Présentation", Input::LongText)
        .required()
        .hint("Au moins 50 caractères : qui vous êtes, pour qui, comment venir."),
];

const VOLUNTEER_CALL: &[Field] = &[
    field("title", "Intitulé de la mission", Input::Text).required(),
    field("association", "Association", Input::Association).required(),
    field("skills", "Compétences utiles", Input::Text)
        .list()
        .hint("Séparées par des virgules, ex. permis B, cuisine."),
    field("slots[0].date", "Date", Input::Date).group(SLOT),
    field("slots[0].start", "Début", Input::Time).group(SLOT),
    field("slots[0].end", "Fin", Input::Time).group(SLOT),
    field("slots[0].volunteers", "Bénévoles recherchés", Input::Number).group(SLOT),
    field("recurrence.days", "Jours", Input::Checkboxes(DAYS)).group(RECURRENCE),
    field("recurrence.start", "Début", Input::Time).group(RECURRENCE),
    field("recurrence.end", "Fin", Input::Time).group(RECURRENCE),
    field("recurrence.from", "À partir du", Input::Date).group(RECURRENCE),
    field("recurrence.until", "Jusqu'au", Input::Date)
        .group(RECURRENCE)
        .hint("Facultatif."),
    field(
        "recurrence.volunteers",
        "Bénévoles recherchés",
        Input::Number,
    )
    .group(RECURRENCE),
    field("deadline", "Date limite de réponse", Input::Date).hint("Facultatif."),
    field("open_to_minors", "Ouvert aux mineurs", Input::Checkbox),
    field("body", "Description de la mission", Input::LongText),
];

const RESOURCE: &[Field] = &[
    field("title", "Titre de l'annonce", Input::Text)
        .required()
        .hint("Ex. « 40 kg de pommes » ou « Camion frigorifique pour une collecte »."),
    field("association", "Association", Input::Association).required(),
    field("kind", "Vous…", Input::Radio(RESOURCE_KINDS)).required(),
    field("category", "Catégorie", Input::Select(CATEGORIES)).required(),
    field("quantity.amount", "Quantité", Input::Number).group("Quantité"),
    field("quantity.unit", "Unité", Input::Select(UNITS)).group("Quantité"),
    field("available.from", "Disponible à partir du", Input::Date).group("Disponibilité"),
    field("available.until", "Jusqu'au", Input::Date).group("Disponibilité"),
    field("expires", "Date limite de consommation", Input::Date)
        .hint("Obligatoire pour une offre de denrées."),
    field("cold_chain", "Chaîne du froid nécessaire", Input::Checkbox)
        .hint("Pour les denrées seulement."),
    field("body", "Description", Input::LongText),
];

/// The fields of the form for a kind of entry (free pages have no form).
pub fn fields(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::Association => ASSOCIATION,
        Kind::VolunteerCall => VOLUNTEER_CALL,
        Kind::Resource => RESOURCE,
        Kind::Page => &[],
    }
}

/// Reads a form post (`name=value` pairs, in order) into the JSON fields of a submission
/// and its body. Empty boxes are left out, as an editor leaves out a field with no value;
/// a name given several times (checkboxes) makes a list.
pub fn read_post(kind: Kind, pairs: &[(String, String)]) -> (Map<String, Value>, String) {
    let defs = fields(kind);
    let mut root = Value::Object(Map::new());
    let mut body = String::new();
    for (name, value) in pairs {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        if name == "body" {
            body = value.replace("\r\n", "\n");
            continue;
        }
        let def = defs.iter().find(|f| f.name == name);
        let value = match def {
            Some(f) if f.list => Value::Array(
                value
                    .split([',', ';', '\n'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_string()))
                    .collect(),
            ),
            // A number stays a number in the file an editor reads.
            Some(f) if f.input == Input::Number => {
                serde_json::from_str::<serde_json::Number>(value)
                    .map_or_else(|_| Value::String(value.to_string()), Value::Number)
            }
            Some(f)
                if matches!(
                    f.input,
                    Input::Checkboxes(_) | Input::Categories | Input::Publics
                ) =>
            {
                Value::Array(vec![Value::String(value.to_string())])
            }
            _ => Value::String(value.to_string()),
        };
        insert(&mut root, name, value);
    }
    // The form offers one frequency, so a recurrence typed in is weekly (content.md wants
    // `freq: weekly`, which the form has no field for).
    if kind == Kind::VolunteerCall
        && let Some(Value::Object(recurrence)) = root.get_mut("recurrence")
    {
        recurrence
            .entry("freq")
            .or_insert_with(|| Value::String("weekly".into()));
    }
    match root {
        Value::Object(map) => (map, body),
        _ => unreachable!("the root is built as an object"),
    }
}

/// Puts `value` at `path` (`a.b[1].c`), creating what is missing; a second value for a list
/// field is appended.
fn insert(root: &mut Value, path: &str, value: Value) {
    let mut node = root;
    let steps = steps(path);
    for (i, step) in steps.iter().enumerate() {
        let last = i + 1 == steps.len();
        node = match step {
            Step::Key(key) => {
                let Value::Object(map) = node else { return };
                if last {
                    match (map.get_mut(*key), value) {
                        (Some(Value::Array(items)), Value::Array(more)) => items.extend(more),
                        (_, value) => {
                            map.insert((*key).to_string(), value);
                        }
                    }
                    return;
                }
                map.entry(*key).or_insert_with(|| empty_for(&steps[i + 1]))
            }
            Step::Index(n) => {
                let Value::Array(items) = node else { return };
                if items.len() <= *n {
                    items.resize(*n + 1, Value::Null);
                }
                if last {
                    items[*n] = value;
                    return;
                }
                if items[*n].is_null() {
                    items[*n] = empty_for(&steps[i + 1]);
                }
                &mut items[*n]
            }
        };
    }
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn empty_for(next: &Step) -> Value {
    match next {
        Step::Key(_) => Value::Object(Map::new()),
        Step::Index(_) => Value::Array(Vec::new()),
    }
}

/// `locations[0].geo[1]` → key locations, index 0, key geo, index 1. A malformed index is
/// kept as part of the key, so that it is reported as an unknown field.
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        out.push(Step::Key(key));
        while let Some((n, after)) = rest.split_once(']') {
            match n.parse() {
                Ok(n) if n < 32 => out.push(Step::Index(n)),
                _ => {
                    out.pop();
                    out.push(Step::Key(part));
                    break;
                }
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_post_becomes_nested_fields() {
        let (fields, body) = read_post(
            Kind::Association,
            &post(&[
                ("name", "Les Restos du Bourg"),
                ("categories", "repas"),
                ("categories", "hygiene"),
                ("locations[0].geo[0]", "44.8"),
                ("locations[0].geo[1]", "-0.5"),
                ("locations[0].hours.sa", "09:00-12:00, 14:00-17:00"),
                ("locations[0].hours.su", ""),
                ("contact.phone", " 05 56 00 00 00 "),
                ("body", "Bonjour\r\nà tous"),
            ]),
        );
        assert_eq!(
            Value::Object(fields),
            serde_json::json!({
                "name": "Les Restos du Bourg",
                "categories": ["repas", "hygiene"],
                "locations": [{"geo": [44.8, -0.5],
                               "hours": {"sa": ["09:00-12:00", "14:00-17:00"]}}],
                "contact": {"phone": "05 56 00 00 00"},
            })
        );
        assert_eq!(body, "Bonjour\nà tous");
    }

    #[test]
    fn a_recurrence_from_the_form_is_weekly() {
        let (fields, _) = read_post(
            Kind::VolunteerCall,
            &post(&[
                ("recurrence.days", "tu"),
                ("recurrence.days", "th"),
                ("recurrence.start", "19:00"),
            ]),
        );
        assert_eq!(
            fields["recurrence"],
            serde_json::json!({"freq": "weekly", "days": ["tu", "th"], "start": "19:00"})
        );
        let (fields, _) = read_post(Kind::VolunteerCall, &post(&[("title", "Sans")]));
        assert!(!fields.contains_key("recurrence"));
    }

    #[test]
    fn odd_names_do_not_panic() {
        let (fields, _) = read_post(
            Kind::Resource,
            &post(&[
                ("a[99999999999]", "x"),
                ("b[x]", "y"),
                ("c.", "z"),
                ("[0]", "w"),
            ]),
        );
        assert!(fields.contains_key("b[x]"));
    }
}
