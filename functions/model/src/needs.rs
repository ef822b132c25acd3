//! The plain-word needs of the home page's way in (Manger, Se laver, Dormir…): built in
//! (`data/fr/needs.toml`), each finding a site's categories by their keys and labels, so
//! that any `site.toml` gets them unconfigured; `site.toml`'s `[needs]` may name a need's
//! categories instead.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::checks::fold_words;
use crate::site::SiteConfig;

/// One need: the verb the home page says and how it finds its categories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    /// Its address, `/besoin/<key>/`, and its name in `site.toml`'s `[needs]`.
    pub key: String,
    /// The plain verb: « Manger ».
    pub label: String,
    /// The name of its pictogram in the theme.
    pub icon: String,
    /// Beginnings of words (folded) that a category's key or label holds to belong to it.
    #[serde(rename = "match")]
    pub matches: Vec<String>,
}

#[derive(Deserialize)]
struct NeedsFile {
    need: Vec<Need>,
}

/// The built-in needs, in the order of the home page.
pub fn defaults() -> &'static [Need] {
    static DEFAULTS: OnceLock<Vec<Need>> = OnceLock::new();
    DEFAULTS.get_or_init(|| {
        toml::from_str::<NeedsFile>(include_str!("data/fr/needs.toml"))
            .expect("data/fr/needs.toml is valid (tested)")
            .need
    })
}

impl Need {
    /// The keys of the site's categories that belong to this need, in `site.toml`'s order:
    /// those its `[needs]` names, else those whose key or label matches.
    pub fn categories<'a>(&self, site: &'a SiteConfig) -> Vec<&'a str> {
        if let Some(named) = site.needs.get(&self.key) {
            return site
                .categories
                .keys()
                .filter(|k| named.iter().any(|n| n == k))
                .collect();
        }
        site.categories
            .0
            .iter()
            .filter(|c| self.holds(&c.key) || self.holds(&c.label))
            .map(|c| c.key.as_str())
            .collect()
    }

    /// Whether `text` holds a word starting with one of the need's beginnings.
    fn holds(&self, text: &str) -> bool {
        let text = format!(" {}", fold_words(text));
        self.matches.iter().any(|m| text.contains(&format!(" {m}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(extra: &str) -> SiteConfig {
        SiteConfig::parse(&format!(
            r#"title = "T"
base_url = "https://example.org"
[territory]
name = "Landes"
bounds = [[43.4, -1.6], [44.6, 0.2]]
[categories]
banque-alimentaire = "Colis et paniers"
bains-douches = "Bains-douches municipaux"
abri-de-nuit = "Mise à l'abri"
friperie = "Fripes et vestiaires"
permanence = "Accès aux droits"
ecoute = "Lien social"
{extra}"#
        ))
        .unwrap()
    }

    #[test]
    fn the_defaults_are_the_seven_verbs() {
        let labels: Vec<&str> = defaults().iter().map(|n| n.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Manger",
                "Se laver",
                "Dormir",
                "S'habiller",
                "Se soigner",
                "Démarches",
                "Parler à quelqu'un"
            ]
        );
    }

    #[test]
    fn another_territorys_categories_find_their_needs_by_key_and_label() {
        let site = site("");
        let found: Vec<(&str, Vec<&str>)> = defaults()
            .iter()
            .map(|n| (n.key.as_str(), n.categories(&site)))
            .collect();
        assert_eq!(
            found,
            [
                ("manger", vec!["banque-alimentaire"]),
                ("se-laver", vec!["bains-douches"]),
                ("dormir", vec!["abri-de-nuit"]),
                ("s-habiller", vec!["friperie"]),
                ("se-soigner", vec![]),
                ("demarches", vec!["permanence"]),
                ("parler", vec!["ecoute"]),
            ]
        );
    }

    #[test]
    fn site_toml_names_a_needs_categories_instead() {
        let site = site("[needs]\nse-soigner = [\"permanence\"]\n");
        let need = defaults().iter().find(|n| n.key == "se-soigner").unwrap();
        assert_eq!(need.categories(&site), ["permanence"]);
    }
}
