//! An association's profile (`content/associations/<slug>.md`).

use jiff::civil::Date;
use serde::Serialize;

use crate::access::Access;
use crate::checks;
use crate::context::Context;
use crate::pos::Pos;
use crate::problem::{Problem, Problems, suggest};
use crate::read::{Fields, date, list, non_empty_list, one_of, text};
use crate::shapes::{Contact, Hours, Place};
use crate::translations::{self, Texts, Translations};
use crate::tree::{Node, quote};

/// An association of the territory: who it is, where and when it receives people, how to
/// reach it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Association {
    /// The file name without `.md`, which is also its address: `/associations/<slug>/`.
    pub slug: String,
    /// Its name, 3 to 150 characters.
    pub name: String,
    /// One line shown in lists, 200 characters at most.
    pub summary: String,
    /// The keys of its categories, each declared in `site.toml`.
    pub categories: Vec<String>,
    /// Where it receives people; empty only when [`remote_only`](Self::remote_only).
    pub locations: Vec<Location>,
    /// Whether it helps only at a distance (telephone, online), with no place to visit.
    pub remote_only: bool,
    /// How to reach it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// Its official numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifiers: Option<Identifiers>,
    /// Whether it is a partner of the food bank (*banque alimentaire*).
    pub food_bank_partner: bool,
    /// Whom it welcomes: keys of the site's publics (built in, or declared in `site.toml`).
    pub publics: Vec<String>,
    /// Words of the former free list `public` that are no key of the site's, kept so that an
    /// older file still builds, shown as written (hyphens as spaces).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub public_other: Vec<String>,
    /// Whether only those publics are received (otherwise they are welcomed in particular,
    /// others too).
    pub publics_only: bool,
    /// Who may come and how: unconditional, on registration, on referral, on appointment,
    /// the fees and a precision (the former free text `conditions` is its precision).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// The languages spoken on site, as ISO 639-1 codes.
    pub languages: Vec<String>,
    /// When the information was last checked; shown on the page.
    pub updated: Date,
    /// The description, in Markdown.
    pub body: String,
    /// Editors' translations of its public texts, by language (see [`crate::translations`]).
    #[serde(skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// A place where the association receives people, with its hours.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Location {
    /// The address and its point on the map.
    #[serde(flatten)]
    pub place: Place,
    /// When it receives people, if the editor said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// Whether it opens on public holidays.
    pub public_holidays: HolidayPolicy,
    /// The periods when it is closed (holidays, works).
    pub closures: Vec<Closure>,
    /// How accessible it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessibility: Option<Accessibility>,
    /// How to get there: the tram or bus stop, a landmark (« accès » on the page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directions: Option<String>,
    /// When the place opens only part of the year (a winter shelter): the period, each year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season: Option<Season>,
}

/// A day of the year, `MM-DD`, for periods that come back every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    /// 1 to 12.
    pub month: i8,
    /// 1 to 31, as the month has.
    pub day: i8,
}

impl MonthDay {
    /// The day of the year of `date`.
    pub fn of(date: Date) -> MonthDay {
        MonthDay {
            month: date.month(),
            day: date.day(),
        }
    }

    fn parse(raw: &str) -> Option<MonthDay> {
        let (m, d) = raw.trim().split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (month, day): (i8, i8) = (m.parse().ok()?, d.parse().ok()?);
        // 2024 is a leap year: 02-29 is a day some years have.
        Date::new(2024, month, day).ok()?;
        Some(MonthDay { month, day })
    }

    fn read(node: &Node, path: &str, p: &mut Problems) -> Option<MonthDay> {
        const EXPECTED: &str = "un jour de l'année MM-JJ (ex. « 11-01 » pour le 1er novembre)";
        let raw = crate::read::shaped(
            node,
            path,
            p,
            EXPECTED,
            || serde_json::json!({"type": "string", "pattern": "^[0-9]{2}-[0-9]{2}$"}),
        )?;
        MonthDay::parse(raw).or_else(|| {
            p.push(Problem::new(node.at, path, EXPECTED, quote(raw)));
            None
        })
    }
}

impl std::fmt::Display for MonthDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl Serialize for MonthDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The part of each year a place is open, both days included; it may run over the new
/// year (`from: 11-01`, `to: 03-31`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Season {
    /// The first day open, each year.
    pub from: MonthDay,
    /// The last day open, each year.
    pub to: MonthDay,
    /// What to know (« plan grand froid », what to do the rest of the year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Season {
    /// Whether `date` is in the season.
    pub fn holds(&self, date: Date) -> bool {
        let d = MonthDay::of(date);
        if self.from <= self.to {
            self.from <= d && d <= self.to
        } else {
            d >= self.from || d <= self.to
        }
    }

    fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Season> {
        let mut f = Fields::of(node, path, "une saison {from, to, note}", p)?;
        let before = p.len();
        let from = f.required(
            "from",
            "le premier jour d'ouverture de l'année, MM-JJ",
            p,
            |n, path, p| MonthDay::read(n, path, p).map(Some),
        );
        let to = f.required(
            "to",
            "le dernier jour d'ouverture de l'année, MM-JJ",
            p,
            |n, path, p| MonthDay::read(n, path, p).map(Some),
        );
        let note = f.optional("note", p, |n, path, p| text(n, path, p, (1, 200), true));
        f.finish("une saison", p);
        match (from, to) {
            (Some(from), Some(to)) if p.len() == before => Some(Season { from, to, note }),
            _ => None,
        }
    }
}

/// Whether a place opens on public holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HolidayPolicy {
    /// Open as on any other day of the week.
    Open,
    /// Closed.
    Closed,
    /// Not said: people are told to ask.
    #[default]
    Unknown,
}

impl HolidayPolicy {
    /// The word written in content files.
    pub fn word(self) -> &'static str {
        match self {
            HolidayPolicy::Open => "open",
            HolidayPolicy::Closed => "closed",
            HolidayPolicy::Unknown => "unknown",
        }
    }

    /// What the page says, in French.
    pub fn label(self) -> &'static str {
        match self {
            HolidayPolicy::Open => "Ouvert les jours fériés",
            HolidayPolicy::Closed => "Fermé les jours fériés",
            HolidayPolicy::Unknown => "Jours fériés : se renseigner",
        }
    }
}

/// A period when the place is closed, both days included.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Closure {
    /// The first day closed.
    pub from: Date,
    /// The last day closed.
    pub to: Date,
    /// Why, or what to do meanwhile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How accessible a place is.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Accessibility {
    /// Whether a wheelchair gets in, if the editor said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wheelchair: Option<bool>,
    /// Anything else to know (a step, a lift, a hearing loop).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// An association's official numbers in the French registers.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Identifiers {
    /// The RNA number (*répertoire national des associations*, the register of
    /// associations): `W` and 9 digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rna: Option<String>,
    /// The SIRET number (the national register of establishments): 14 digits, Luhn key
    /// checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub siret: Option<String>,
}

impl Association {
    pub(crate) const WHAT: &'static str = "une association";

    pub(crate) fn decode(
        slug: &str,
        node: &Node,
        body: &str,
        body_at: Pos,
        cx: &Context,
        p: &mut Problems,
    ) -> Association {
        let mut f = Fields::of_or_empty(node, "", "un en-tête YAML de champs", p);
        let bounds = &cx.site.territory.bounds;
        let name = f.required("name", "un nom de 3 à 150 caractères", p, |n, path, p| {
            text(n, path, p, (3, 150), true)
        });
        let summary = f.required(
            "summary",
            "un résumé d'une ligne, 200 caractères au plus",
            p,
            |n, path, p| text(n, path, p, (1, 200), true),
        );
        let categories = f.required(
            "categories",
            "une liste de catégories déclarées dans site.toml",
            p,
            |n, path, p| {
                non_empty_list(n, path, p, "au moins une catégorie", |n, path, p| {
                    category(n, path, p, cx)
                })
            },
        );
        let remote_only = f.flag("remote_only", p);
        const PLACES: &str = "au moins un lieu d'accueil (ou remote_only: true)";
        let locations = match f.get("locations") {
            Some((n, path)) => {
                let items = list(n, &path, p, |n, path, p| Location::read(n, path, p, bounds));
                if items.as_ref().is_some_and(Vec::is_empty) && !remote_only {
                    p.push(Problem::new(n.at, path, PLACES, "une liste vide"));
                }
                items.unwrap_or_default()
            }
            None => {
                if !remote_only {
                    p.push(f.missing("locations", PLACES));
                }
                Vec::new()
            }
        };
        let contact = f.optional("contact", p, Contact::read);
        let identifiers = f.optional("identifiers", p, Identifiers::read);
        let food_bank_partner = f.flag("food_bank_partner", p);
        let (publics, public_other) = read_publics(&mut f, cx, p);
        let publics_only = f.flag("publics_only", p);
        let access = read_access(&mut f, p);
        let languages = f
            .optional("languages", p, |n, path, p| {
                list(n, path, p, checks::language)
            })
            .unwrap_or_default();
        let updated = f.required(
            "updated",
            "la date de dernière vérification des informations, AAAA-MM-JJ",
            p,
            date,
        );
        let at = f.at();
        let translations = translations::read(&mut f, Texts::Association, cx, p);
        f.finish(Self::WHAT, p);
        for (lang, t) in &translations.0 {
            if t.locations.len() > locations.len() {
                p.push(Problem::new(
                    at,
                    format!("translations.{lang}.locations"),
                    format!(
                        "les textes d'au plus {}, dans l'ordre de locations",
                        crate::problem::count(locations.len(), "lieu")
                    ),
                    crate::problem::count(t.locations.len(), "lieu"),
                ));
            }
        }
        let description = body.trim();
        if description.chars().count() < 50 {
            p.push(Problem::new(
                body_at,
                "(description)",
                "une description d'au moins 50 caractères après l'en-tête",
                crate::problem::count(description.chars().count(), "caractère"),
            ));
        }
        Association {
            slug: slug.to_string(),
            name,
            summary,
            categories,
            locations,
            remote_only,
            contact,
            identifiers,
            food_bank_partner,
            publics,
            public_other,
            publics_only,
            access,
            languages,
            updated,
            body: body.to_string(),
            translations,
        }
    }

    /// Whether its information is older than `months` months on `today`: its page and its
    /// cards say « informations à vérifier », and `portal check` lists it.
    pub fn is_stale(&self, today: Date, months: u32) -> bool {
        let span = jiff::Span::new().months(i64::from(months));
        self.updated.checked_add(span).is_ok_and(|due| due < today)
    }

    /// The location calls and listings fall back to.
    pub fn first_place(&self) -> Option<&Place> {
        self.locations.first().map(|l| &l.place)
    }
}

/// `publics` (keys the site knows) and the former free list `public`, whose words that are
/// keys count as publics and the others are kept as written.
fn read_publics(f: &mut Fields, cx: &Context, p: &mut Problems) -> (Vec<String>, Vec<String>) {
    let mut publics: Vec<String> = f
        .optional("publics", p, |n, path, p| {
            list(n, path, p, |n, path, p| public_key(n, path, p, cx))
        })
        .unwrap_or_default();
    let at = f.at();
    let legacy = f.optional("public", p, |n, path, p| {
        list(n, path, p, |n, path, p| text(n, path, p, (1, 60), true))
    });
    let mut other = Vec::new();
    if let Some(words) = legacy {
        if !publics.is_empty() {
            p.push(Problem::new(
                at,
                "public",
                "soit publics (les publics déclarés), soit public (l'ancienne liste libre), pas les deux : réunissez-les dans publics",
                "publics et public",
            ));
        }
        for w in words {
            if cx.site.publics.get(&w).is_some() {
                publics.push(w);
            } else {
                other.push(w);
            }
        }
    }
    publics.dedup();
    (publics, other)
}

/// A key of the site's publics.
fn public_key(node: &Node, path: &str, p: &mut Problems, cx: &Context) -> Option<String> {
    let known: Vec<&str> = cx.site.publics.keys().collect();
    // Describing (the JSON Schema), the site's keys are the choices.
    if let Some(r) = p.recorder() {
        let shape = serde_json::json!({"enum": known, "description": "un public du site"});
        r.shape(path, shape);
        return None;
    }
    let key = checks::slug(node, path, p)?;
    if cx.site.publics.get(&key).is_some() {
        return Some(key);
    }
    p.push(
        Problem::new(
            node.at,
            path,
            format!(
                "un public connu du site ({}), ou déclaré dans la table [publics] de site.toml",
                known.join(", ")
            ),
            quote(&key),
        )
        .with_suggestion(suggest(&key, known.iter().copied())),
    );
    None
}

/// `access`, and the former free text `conditions`, read as its precision.
fn read_access(f: &mut Fields, p: &mut Problems) -> Option<Access> {
    let at = f.at();
    let access = f.optional("access", p, Access::read);
    let conditions = f.optional("conditions", p, |n, path, p| {
        text(n, path, p, (1, 500), false)
    });
    match (access, conditions) {
        (Some(a), Some(_)) if a.note.is_some() => {
            p.push(Problem::new(
                at,
                "conditions",
                "soit access.note, soit conditions (son ancien nom), pas les deux",
                "access.note et conditions",
            ));
            Some(a)
        }
        (Some(a), Some(c)) => Some(Access { note: Some(c), ..a }),
        (None, Some(c)) => Some(Access {
            note: Some(c),
            ..Access::default()
        }),
        (a, None) => a,
    }
}

/// A category key declared in `site.toml`.
fn category(node: &Node, path: &str, p: &mut Problems, cx: &Context) -> Option<String> {
    if let Some(r) = p.recorder() {
        let keys: Vec<&str> = cx.site.categories.keys().collect();
        r.shape(path, serde_json::json!({"enum": keys, "description": "une catégorie déclarée dans site.toml"}));
        return None;
    }
    let key = checks::slug(node, path, p)?;
    if cx.site.categories.label(&key).is_some() {
        return Some(key);
    }
    let known: Vec<&str> = cx.site.categories.keys().collect();
    p.push(
        Problem::new(
            node.at,
            path,
            format!(
                "une catégorie déclarée dans site.toml ({})",
                known.join(", ")
            ),
            quote(&key),
        )
        .with_suggestion(suggest(&key, known.iter().copied())),
    );
    None
}

impl Location {
    fn read(
        node: &Node,
        path: &str,
        p: &mut Problems,
        bounds: &crate::geo::Bounds,
    ) -> Option<Location> {
        let mut f = Fields::of(
            node,
            path,
            "un lieu (address, postal_code, city, geo, hours…)",
            p,
        )?;
        let before = p.len();
        let place = Place::read_fields(&mut f, p, bounds);
        let hours = f.optional("hours", p, Hours::read);
        let public_holidays = f
            .optional("public_holidays", p, |n, path, p| {
                one_of(n, path, p, &["open", "closed", "unknown"])
            })
            .map(|v| match v {
                "open" => HolidayPolicy::Open,
                "closed" => HolidayPolicy::Closed,
                _ => HolidayPolicy::Unknown,
            })
            .unwrap_or_default();
        let closures = f
            .optional("closures", p, |n, path, p| list(n, path, p, Closure::read))
            .unwrap_or_default();
        let accessibility = f.optional("accessibility", p, Accessibility::read);
        let directions = f.optional("directions", p, |n, path, p| {
            text(n, path, p, (1, 300), true)
        });
        let season = f.optional("season", p, Season::read);
        f.finish("un lieu", p);
        (p.len() == before).then_some(Location {
            place,
            hours,
            public_holidays,
            closures,
            accessibility,
            directions,
            season,
        })
    }

    /// Whether the place is closed all day on `day` by one of its closures.
    pub fn closed_on(&self, day: Date) -> bool {
        self.closures.iter().any(|c| c.from <= day && day <= c.to)
    }
}

impl Closure {
    fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Closure> {
        let mut f = Fields::of(node, path, "une fermeture {from, to, note}", p)?;
        let before = p.len();
        let from = f.required("from", "le premier jour de fermeture, AAAA-MM-JJ", p, date);
        let to = f.required("to", "le dernier jour de fermeture, AAAA-MM-JJ", p, date);
        let note = f.optional("note", p, |n, path, p| text(n, path, p, (1, 200), true));
        f.finish("une fermeture", p);
        if p.len() == before && to < from {
            p.push(Problem::new(
                node.at,
                crate::read::join(path, "to"),
                format!("une date de fin le {from} ou après"),
                to.to_string(),
            ));
        }
        (p.len() == before).then_some(Closure { from, to, note })
    }
}

impl Accessibility {
    fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Accessibility> {
        let mut f = Fields::of(node, path, "une accessibilité {wheelchair, notes}", p)?;
        let before = p.len();
        let a = Accessibility {
            wheelchair: f.optional("wheelchair", p, crate::read::boolean),
            notes: f.optional("notes", p, |n, path, p| text(n, path, p, (1, 500), false)),
        };
        f.finish("une accessibilité", p);
        (p.len() == before).then_some(a)
    }
}

impl Identifiers {
    fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Identifiers> {
        let mut f = Fields::of(node, path, "des identifiants {rna, siret}", p)?;
        let before = p.len();
        let ids = Identifiers {
            rna: f.optional("rna", p, checks::rna),
            siret: f.optional("siret", p, checks::siret),
        };
        f.finish("des identifiants", p);
        (p.len() == before).then_some(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn information_is_stale_the_day_after_its_months_have_passed() {
        let a = Association {
            updated: jiff::civil::date(2026, 5, 23),
            ..Association::default()
        };
        assert!(!a.is_stale(jiff::civil::date(2026, 11, 23), 6));
        assert!(a.is_stale(jiff::civil::date(2026, 11, 24), 6));
        assert!(!a.is_stale(jiff::civil::date(2026, 11, 24), 7));
    }
}
