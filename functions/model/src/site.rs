//! `site.toml`: the territory, its categories and the settings that have defaults.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::checks::is_slug;
use crate::publics::Publics;
// Where the other crates look for it, next to the territory that carries it.
pub use crate::geo::Bounds;
use crate::pos::Pos;
use crate::problem::Problem;
use crate::tree::quote;

/// The whole of `site.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, in every page's title.
    pub title: String,
    /// The address it is published at, `https://…`; feeds and the sitemap need it whole.
    pub base_url: String,
    /// The pages' language, `fr` by default.
    #[serde(default = "default_language")]
    pub language: String,
    /// The languages of the public's pages: `language` first (at the site's own
    /// addresses), each other one under its code (`/en/…`). Each needs a catalogue in the
    /// theme (`i18n/<code>.ftl`). Empty: `language` alone.
    #[serde(default)]
    pub languages: Vec<String>,
    /// The time zone dates and times are in, `Europe/Paris` by default.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// One sentence for the home page and search engines.
    #[serde(default)]
    pub description: Option<String>,
    /// The theme folder under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Entries per page in lists.
    #[serde(default = "default_page_size")]
    pub page_size: usize,
    /// Pass every HTML page through minify-html. Off by default: the templates are
    /// already written out without their indentation, and minifying each page costs half
    /// of a large build for about 5 % of the gzipped bytes.
    #[serde(default)]
    pub minify: bool,
    /// The area the portal covers.
    pub territory: Territory,
    /// The categories associations are listed under.
    pub categories: Categories,
    /// The interactive map's tiles.
    #[serde(default)]
    pub map: MapSettings,
    /// The forms' endpoint and limits.
    #[serde(default)]
    pub forms: FormSettings,
    /// Months after an association's `updated` date when its information is said to need
    /// checking (« informations à vérifier » on its page and in lists, and in `portal check`).
    #[serde(default = "default_stale_after_months")]
    pub stale_after_months: u32,
    /// How the site's data meets data·inclusion's (import of a dump, open data export).
    #[serde(default)]
    pub datainclusion: DataInclusionSettings,
    /// The site's own publics (`key = "Label"`), over the built-in ones.
    #[serde(default, rename = "publics")]
    pub own_publics: Categories,
    /// The categories of a need named outright (`manger = ["repas", …]`), instead of those
    /// its words find (see [`crate::needs`]).
    #[serde(default)]
    pub needs: std::collections::BTreeMap<String, Vec<String>>,
    /// Every public the site knows: the built-in ones and its own (made by [`SiteConfig::parse`]).
    #[serde(skip)]
    pub publics: Publics,
    /// How the exchange's e-mails are sent.
    #[serde(default)]
    pub mail: MailSettings,
}

/// How the exchange's e-mails are sent (`[mail]`): the sender, and for `portal serve` the
/// SMTP server. With no server, `portal serve` keeps the messages in an outbox folder; the
/// Lambda functions send with Amazon SES from `from` (an identity verified in SES).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailSettings {
    /// The sender: `Portail solidaire <ne-pas-repondre@exemple.org>`.
    pub from: String,
    /// `smtp://host:port`, `smtps://user:password@host`, `smtp+starttls://…`; empty: none.
    pub smtp: String,
}

impl MailSettings {
    /// The sender, or one on the site's own host name when `from` is empty.
    pub fn sender(&self, site: &SiteConfig) -> String {
        if !self.from.trim().is_empty() {
            return self.from.trim().to_string();
        }
        let host = site
            .base_url
            .split_once("://")
            .map_or(site.base_url.as_str(), |(_, r)| r)
            .split(['/', ':'])
            .next()
            .unwrap_or("localhost");
        format!(
            "{} <ne-pas-repondre@{host}>",
            site.title.replace(['<', '>', '"'], "")
        )
    }
}

fn default_language() -> String {
    "fr".into()
}
fn default_timezone() -> String {
    "Europe/Paris".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_page_size() -> usize {
    50
}
fn default_stale_after_months() -> u32 {
    6
}

/// The area the portal covers (a French *département* such as Gironde, or any other).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// Its name, as the pages say it.
    pub name: String,
    /// The box every point of the content must lie in.
    pub bounds: Bounds,
}

/// The categories of associations, in the order `site.toml` lists them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Categories(pub Vec<Category>);

/// One category: `key = "Label"` in `site.toml`, or `key = { label = "Label", labels = {
/// en = "…", ar = "…" } }` with its labels in the site's other languages.
#[derive(Debug, Clone, Serialize)]
pub struct Category {
    /// The key content files write, and the category's address.
    pub key: String,
    /// The name shown to the public, in the site's language.
    pub label: String,
    /// The name in the site's other languages, by language code; a language without one
    /// shows `label`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
}

/// A category's value in `site.toml`: its label, or its labels by language.
#[derive(Deserialize)]
#[serde(untagged)]
enum Labelled {
    One(String),
    Several {
        label: String,
        #[serde(default)]
        labels: BTreeMap<String, String>,
    },
}

impl Category {
    /// Its label in the language `lang`, else in the site's language.
    pub fn label_for(&self, lang: &str) -> &str {
        self.labels.get(lang).unwrap_or(&self.label)
    }
}

impl Categories {
    /// The label of the category `key`, if it is declared.
    pub fn label(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|c| c.key == key)
            .map(|c| c.label.as_str())
    }

    /// The label of the category `key` in the language `lang`: its own label in that
    /// language, else the label in the site's language.
    pub fn label_in(&self, key: &str, lang: &str) -> Option<&str> {
        Some(self.0.iter().find(|c| c.key == key)?.label_for(lang))
    }

    /// The keys, in the order of `site.toml`.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|c| c.key.as_str())
    }
}

impl<'de> Deserialize<'de> for Categories {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = Categories;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of category = \"Label\" (or { label = \"Label\", labels = { en = \"…\" } })")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Categories, A::Error> {
                let mut out = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Labelled>()? {
                    if !is_slug(&key) {
                        return Err(de::Error::custom(format!(
                            "category key {key:?} must be lowercase letters, digits and hyphens"
                        )));
                    }
                    let (label, labels) = match value {
                        Labelled::One(label) => (label, BTreeMap::new()),
                        Labelled::Several { label, labels } => (label, labels),
                    };
                    out.push(Category { key, label, labels });
                }
                Ok(Categories(out))
            }
        }
        d.deserialize_map(InOrder)
    }
}

/// The tiles of the interactive map, loaded on demand (the maps drawn at build time need
/// none).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MapSettings {
    /// A tile URL template, `{z}/{x}/{y}` (and optionally `{s}`, `{r}`) as Leaflet reads it.
    pub tiles: String,
    /// Shown as text on the map: tile providers require it.
    pub attribution: String,
    /// Where the attribution links to (none when empty).
    pub attribution_url: String,
}

impl Default for MapSettings {
    fn default() -> Self {
        MapSettings {
            tiles: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            attribution: "© les contributeurs d'OpenStreetMap".into(),
            attribution_url: "https://www.openstreetmap.org/copyright".into(),
        }
    }
}

/// Where the forms post to.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct FormSettings {
    /// The path (same origin) or URL of the functions.
    pub endpoint: String,
    /// Submissions an hour from one address before `429`.
    pub rate_limit_per_hour: u32,
    /// Seconds under which a form sent back is taken for a bot's.
    pub min_fill_seconds: u32,
    /// Days after a decision when the submitter's e-mail is erased.
    pub retention_days: u32,
    /// Whether the forms may ask the national address service (api-adresse.data.gouv.fr)
    /// for an address's coordinates. Off by default: the address typed leaves the visitor's
    /// browser for a State service; the site's CSP must then allow it (`template.yaml`'s
    /// `AddressSearch`).
    pub address_search: bool,
}

impl Default for FormSettings {
    fn default() -> Self {
        FormSettings {
            endpoint: "/api".into(),
            rate_limit_per_hour: 10,
            min_fill_seconds: 3,
            retention_days: 30,
            address_search: false,
        }
    }
}

/// How the site's data meets data·inclusion's lists (`[datainclusion]` in `site.toml`). The
/// thematiques are the first table; the publics and access conditions of a later version of
/// the model are meant to sit beside them, one table each.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct DataInclusionSettings {
    /// The producer's name in the records published (`source`, and the start of each `id`);
    /// by default the site's host name, its dots as hyphens.
    pub source: Option<String>,
    /// For each category of the site, the data·inclusion thematiques it stands for. On
    /// import, a service's thematique goes to the first category (in the order of
    /// `[categories]`) that names it or its category of thematiques; on export, each
    /// category's thematiques are published.
    pub thematiques: std::collections::BTreeMap<String, Vec<String>>,
}

impl DataInclusionSettings {
    /// The site's category for a data·inclusion thematique: the first of `categories` whose
    /// table names the thematique itself, else the first that names its category.
    pub fn category_for<'a>(
        &self,
        categories: &'a Categories,
        thematique: &str,
    ) -> Option<&'a str> {
        let names = |c: &Category, value: &str| {
            self.thematiques
                .get(&c.key)
                .is_some_and(|list| list.iter().any(|t| t == value))
        };
        let parent = crate::datainclusion::category_of(thematique);
        categories
            .0
            .iter()
            .find(|c| names(c, thematique))
            .or_else(|| categories.0.iter().find(|c| names(c, parent)))
            .map(|c| c.key.as_str())
    }

    /// The thematiques published for a category: those its table names that are
    /// thematiques (a category of thematiques is not one).
    pub fn thematiques_of(&self, category: &str) -> impl Iterator<Item = &str> {
        self.thematiques
            .get(category)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .filter(|t| crate::datainclusion::THEMATIQUES.contains(t))
    }
}

impl SiteConfig {
    /// Parses and checks `site.toml`; every problem found is returned.
    pub fn parse(source: &str) -> Result<SiteConfig, Vec<Problem>> {
        let config: SiteConfig = toml::from_str(source).map_err(|e| {
            let at = e
                .span()
                .map(|s| position(source, s.start))
                .unwrap_or_default();
            let message = e.message().trim();
            let problem = match unknown_field(message) {
                Some((typed, known, hint)) => Problem::new(
                    at,
                    "",
                    format!("une clé connue ici ({})", known.join(", ")),
                    format!("la clé inconnue {}", quote(typed)),
                )
                .with_suggestion(hint),
                None => Problem::new(at, "", "un site.toml valide", message),
            };
            vec![problem]
        })?;
        let mut config = config;
        config.publics = Publics::with(&config.own_publics);
        let problems = config.problems(source);
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    fn problems(&self, source: &str) -> Vec<Problem> {
        let at = |key: &str| {
            source
                .find(key)
                .map(|i| position(source, i))
                .unwrap_or_default()
        };
        let mut out = Vec::new();
        let [[lat0, lon0], [lat1, lon1]] = self.territory.bounds.0;
        if !(lat0 < lat1
            && lon0 < lon1
            && (-90.0..=90.0).contains(&lat0)
            && (-90.0..=90.0).contains(&lat1))
        {
            out.push(Problem::new(
                at("bounds"),
                "territory.bounds",
                "[[lat_min, lon_min], [lat_max, lon_max]], les minimums avant les maximums",
                self.territory.bounds.to_string(),
            ));
        }
        if jiff::tz::TimeZone::get(&self.timezone).is_err() {
            out.push(Problem::new(
                at("timezone"),
                "timezone",
                "un fuseau horaire de la base IANA (ex. « Europe/Paris »)",
                quote(&self.timezone),
            ));
        }
        if !(self.base_url.starts_with("https://") || self.base_url.starts_with("http://")) {
            out.push(Problem::new(
                at("base_url"),
                "base_url",
                "l'adresse publique du site, commençant par https://",
                quote(&self.base_url),
            ));
        }
        if self.categories.0.is_empty() {
            out.push(Problem::new(
                at("[categories]"),
                "categories",
                "au moins une catégorie",
                "aucune",
            ));
        }
        let tiles = &self.map.tiles;
        if !(tiles.starts_with("https://")
            && ["{z}", "{x}", "{y}"].iter().all(|k| tiles.contains(k)))
        {
            out.push(Problem::new(
                at("tiles"),
                "map.tiles",
                "une adresse de tuiles en https:// avec {z}, {x} et {y}",
                quote(tiles),
            ));
        }
        let known: Vec<&str> = self.categories.keys().collect();
        for (category, thematiques) in &self.datainclusion.thematiques {
            if !known.contains(&category.as_str()) {
                out.push(
                    Problem::new(
                        at(&format!("{category} =")),
                        format!("datainclusion.thematiques.{category}"),
                        format!("une catégorie de [categories] ({})", known.join(", ")),
                        quote(category),
                    )
                    .with_suggestion(crate::problem::suggest(category, known.iter().copied())),
                );
            }
            for t in thematiques {
                if !crate::datainclusion::is_known(t) {
                    let all = crate::datainclusion::THEMATIQUES
                        .iter()
                        .chain(crate::datainclusion::CATEGORIES)
                        .copied();
                    out.push(
                        Problem::new(
                            at(t),
                            format!("datainclusion.thematiques.{category}"),
                            "une thématique de data·inclusion (ex. « equipement-et-alimentation--alimentation »)",
                            quote(t),
                        )
                        .with_suggestion(crate::problem::suggest(t, all)),
                    );
                }
            }
        }
        if self.stale_after_months == 0 {
            out.push(Problem::new(
                at("stale_after_months"),
                "stale_after_months",
                "un nombre de mois au moins égal à 1",
                "0",
            ));
        }
        let needs: Vec<&str> = crate::needs::defaults()
            .iter()
            .map(|n| n.key.as_str())
            .collect();
        let categories: Vec<&str> = self.categories.keys().collect();
        for (need, named) in &self.needs {
            if !needs.contains(&need.as_str()) {
                out.push(
                    Problem::new(
                        at(&format!("{need} =")),
                        format!("needs.{need}"),
                        format!("un besoin parmi {}", needs.join(", ")),
                        quote(need),
                    )
                    .with_suggestion(crate::problem::suggest(need, needs.iter().copied())),
                );
            }
            for c in named.iter().filter(|c| !categories.contains(&c.as_str())) {
                out.push(
                    Problem::new(
                        at(&format!("{need} =")),
                        format!("needs.{need}"),
                        format!("des catégories de [categories] ({})", categories.join(", ")),
                        quote(c),
                    )
                    .with_suggestion(crate::problem::suggest(c, categories.iter().copied())),
                );
            }
        }
        let own = self.language.as_str();
        let others: Vec<&str> = self
            .languages
            .iter()
            .map(String::as_str)
            .filter(|c| *c != own)
            .collect();
        for (table, list) in [
            ("categories", &self.categories),
            ("publics", &self.own_publics),
        ] {
            for c in &list.0 {
                // A label in a language the site does not list (yet) is kept: a territory
                // turns a language on or off in `languages` alone. An unknown code or the
                // site's own language is a mistake.
                let wrong =
                    |l: &&String| l.as_str() == own || crate::checks::language_name(l).is_none();
                for lang in c.labels.keys().filter(wrong) {
                    out.push(
                        Problem::new(
                            at(&format!("{} =", c.key)),
                            format!("{table}.{}.labels.{lang}", c.key),
                            format!(
                                "un code de langue ISO 639-1 autre que {own} (label est en {own} ; site.toml, languages : {})",
                                if others.is_empty() {
                                    "aucune autre".to_string()
                                } else {
                                    others.join(", ")
                                }
                            ),
                            quote(lang),
                        )
                        .with_suggestion(crate::problem::suggest(lang, others.iter().copied())),
                    );
                }
            }
        }
        if self.page_size == 0 {
            out.push(Problem::new(
                at("page_size"),
                "page_size",
                "un nombre au moins égal à 1",
                "0",
            ));
        }
        out
    }

    /// The producer's name in the data·inclusion records: `[datainclusion] source`, or the
    /// host of `base_url` with its dots as hyphens.
    pub fn datainclusion_source(&self) -> String {
        if let Some(source) = &self.datainclusion.source {
            return source.clone();
        }
        let host = self
            .base_url
            .split("://")
            .nth(1)
            .unwrap_or(&self.base_url)
            .split(['/', ':'])
            .next()
            .unwrap_or("");
        crate::checks::slugify(host)
    }

    /// The base URL without its trailing slash, for joining with absolute paths.
    pub fn base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }

    /// The site's time zone (UTC if `timezone` is unknown, which `parse` refuses).
    pub fn time_zone(&self) -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::get(&self.timezone).unwrap_or(jiff::tz::TimeZone::UTC)
    }
}

/// Reads serde's "unknown field `x`, expected one of `a`, `b`" message: the key typed, the
/// keys known there and the closest of them, so that it can be said in French.
fn unknown_field(message: &str) -> Option<(&str, Vec<&str>, Option<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (typed, rest) = rest.split_once('`')?;
    let known: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    let hint = crate::problem::suggest(typed, known.iter().copied());
    Some((typed, known, hint))
}

/// The 1-based line and column of a byte offset.
pub fn position(source: &str, offset: usize) -> Pos {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Pos::new(line as u32, column as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
title = "Portail"
base_url = "https://example.org"
language = "fr"
timezone = "Europe/Paris"

[territory]
name = "Gironde"
bounds = [[44.19, -1.27], [45.58, 0.32]]

[categories]
distribution-alimentaire = "Distribution alimentaire"
epicerie-solidaire = "Épicerie solidaire"
"#;

    #[test]
    fn minimal_config_has_defaults_and_keeps_category_order() {
        let c = SiteConfig::parse(MINIMAL).unwrap();
        assert_eq!(c.forms.endpoint, "/api");
        let keys: Vec<_> = c.categories.keys().collect();
        assert_eq!(keys, ["distribution-alimentaire", "epicerie-solidaire"]);
    }

    #[test]
    fn unknown_key_is_refused_with_a_suggestion() {
        let err = SiteConfig::parse(&MINIMAL.replace("timezone", "timezon")).unwrap_err();
        assert_eq!(err[0].suggestion.as_deref(), Some("timezone"));
        assert_eq!(err[0].at.line, 5);
    }

    #[test]
    fn the_map_defaults_to_openstreetmap_and_tiles_are_checked() {
        let c = SiteConfig::parse(MINIMAL).unwrap();
        assert_eq!(
            c.map.tiles,
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        );
        assert_eq!(c.map.attribution, "© les contributeurs d'OpenStreetMap");
        let own = format!(
            "{MINIMAL}\n[map]\ntiles = \"https://tuiles.example.org/{{z}}/{{x}}/{{y}}.png\"\n"
        );
        assert_eq!(
            SiteConfig::parse(&own).unwrap().map.attribution,
            c.map.attribution
        );
        let plain =
            format!("{MINIMAL}\n[map]\ntiles = \"http://tuiles.example.org/{{z}}/{{x}}.png\"\n");
        let err = SiteConfig::parse(&plain).unwrap_err();
        assert_eq!(
            (err[0].field.as_str(), err[0].at.line),
            ("map.tiles", 16),
            "{err:?}"
        );
    }

    #[test]
    fn the_datainclusion_table_names_categories_and_known_thematiques() {
        let table = format!(
            "{MINIMAL}\n[datainclusion.thematiques]\nepicerie-solidaire = [\"equipement-et-alimentation--alimentation\"]\ndistribution-alimentaire = [\"equipement-et-alimentation\"]\n"
        );
        let c = SiteConfig::parse(&table).unwrap();
        let di = &c.datainclusion;
        // The thematique itself first, then its category of thematiques, in the site's order.
        assert_eq!(
            di.category_for(&c.categories, "equipement-et-alimentation--alimentation"),
            Some("epicerie-solidaire")
        );
        assert_eq!(
            di.category_for(&c.categories, "equipement-et-alimentation--habillement"),
            Some("distribution-alimentaire")
        );
        assert_eq!(di.category_for(&c.categories, "sante--addictions"), None);
        assert_eq!(di.thematiques_of("distribution-alimentaire").count(), 0);
        assert_eq!(c.datainclusion_source(), "example-org");
        let wrong = format!(
            "{MINIMAL}\n[datainclusion.thematiques]\nepicerie = [\"equipement-et-alimentation--alimentaire\"]\n"
        );
        let err = SiteConfig::parse(&wrong).unwrap_err();
        let messages: Vec<String> = err.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [
                "16:1: datainclusion.thematiques.epicerie : attendu une catégorie de [categories] (distribution-alimentaire, epicerie-solidaire), trouvé « epicerie »",
                "16:14: datainclusion.thematiques.epicerie : attendu une thématique de data·inclusion (ex. « equipement-et-alimentation--alimentation »), trouvé « equipement-et-alimentation--alimentaire » ; vouliez-vous dire « equipement-et-alimentation--alimentation » ?",
            ]
        );
    }

    #[test]
    fn publics_and_needs_are_read_and_checked() {
        let own = format!(
            "{MINIMAL}\n[publics]\nmarins = \"Marins\"\n\n[needs]\nmanger = [\"epicerie-solidaire\"]\n"
        );
        let c = SiteConfig::parse(&own).unwrap();
        assert_eq!(c.publics.label("marins"), Some("Marins"));
        assert_eq!(c.publics.label("familles"), Some("Familles"));
        assert_eq!(c.needs["manger"], ["epicerie-solidaire"]);
        let bad = format!("{MINIMAL}\n[needs]\nmangr = [\"repas\"]\n");
        let err = SiteConfig::parse(&bad).unwrap_err();
        let said: Vec<String> = err.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            said,
            [
                "16:1: needs.mangr : attendu un besoin parmi manger, se-laver, dormir, s-habiller, se-soigner, demarches, parler, trouvé « mangr » ; vouliez-vous dire « manger » ?",
                "16:1: needs.mangr : attendu des catégories de [categories] (distribution-alimentaire, epicerie-solidaire), trouvé « repas »",
            ]
        );
    }

    #[test]
    fn bad_timezone_and_bounds_are_reported_together() {
        let src = MINIMAL.replace("Europe/Paris", "Europe/Bordeaux").replace(
            "[[44.19, -1.27], [45.58, 0.32]]",
            "[[45.58, 0.32], [44.19, -1.27]]",
        );
        let err = SiteConfig::parse(&src).unwrap_err();
        assert_eq!(err.len(), 2, "{err:?}");
    }
}
