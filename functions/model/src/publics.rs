//! The publics a place welcomes (`publics` in an association's file): keys the site
//! declares, with built-in defaults (`data/fr/publics.toml`) that `site.toml`'s `[publics]`
//! extends or relabels, always shown by their label, never by their key.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::site::Categories;

/// One public: its key in files, its label on the site, its data·inclusion value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Public {
    /// What content files write: `familles`.
    pub key: String,
    /// What the pages say: « Familles ».
    pub label: String,
    /// The value of data·inclusion's `publics` list it is published as, if one matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datainclusion: Option<String>,
    /// The label in other languages than the site's, by language code (the built-in ones
    /// are `labels` in `data/fr/publics.toml`, a site's are those of its `[publics]`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub labels: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct PublicsFile {
    public: Vec<Public>,
}

/// The built-in publics, in the order of their file.
pub fn defaults() -> &'static [Public] {
    static DEFAULTS: OnceLock<Vec<Public>> = OnceLock::new();
    DEFAULTS.get_or_init(|| {
        toml::from_str::<PublicsFile>(include_str!("data/fr/publics.toml"))
            .expect("data/fr/publics.toml is valid (tested)")
            .public
    })
}

/// The publics of one site: the built-in ones, then those `site.toml` adds; a key it
/// declares again takes its label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Publics(pub Vec<Public>);

impl Publics {
    /// The built-in publics with the site's own table over them.
    pub fn with(own: &Categories) -> Publics {
        let mut all: Vec<Public> = defaults().to_vec();
        for c in &own.0 {
            match all.iter_mut().find(|p| p.key == c.key) {
                // A label changed in the site's language leaves the built-in translations,
                // which said the former one, unless the site gives its own.
                Some(p) => {
                    if p.label != c.label {
                        p.labels.clear();
                    }
                    p.label = c.label.clone();
                    p.labels.extend(c.labels.clone());
                }
                None => all.push(Public {
                    key: c.key.clone(),
                    label: c.label.clone(),
                    datainclusion: None,
                    labels: c.labels.clone(),
                }),
            }
        }
        Publics(all)
    }

    /// The public of that key, if the site knows it.
    pub fn get(&self, key: &str) -> Option<&Public> {
        self.0.iter().find(|p| p.key == key)
    }

    /// The label of a key, if the site knows it.
    pub fn label(&self, key: &str) -> Option<&str> {
        self.get(key).map(|p| p.label.as_str())
    }

    /// The label of `key` in the language `lang`, else in the site's language.
    pub fn label_in(&self, key: &str, lang: &str) -> Option<&str> {
        self.get(key)
            .map(|p| p.labels.get(lang).map_or(p.label.as_str(), String::as_str))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|p| p.key.as_str())
    }
}

/// A word of the former free list `public` that is no key of the site's, as the page says
/// it: `hommes-seuls` → « hommes seuls ».
pub fn as_words(raw: &str) -> String {
    raw.replace(['-', '_'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Category;

    #[test]
    fn the_defaults_load_with_labels_and_valid_keys() {
        let all = defaults();
        assert!(all.len() > 20);
        assert!(
            all.iter()
                .all(|p| crate::checks::is_slug(&p.key) && !p.label.is_empty())
        );
        let d = |k: &str| all.iter().find(|p| p.key == k).unwrap();
        assert_eq!(d("personnes-mal-logees").label, "Personnes mal logées");
        assert_eq!(d("femmes").datainclusion.as_deref(), Some("femmes"));
    }

    #[test]
    fn a_site_adds_and_relabels() {
        let own = Categories(vec![
            Category {
                key: "familles".into(),
                label: "Parents et enfants".into(),
                labels: Default::default(),
            },
            Category {
                key: "marins".into(),
                label: "Marins".into(),
                labels: Default::default(),
            },
        ]);
        let p = Publics::with(&own);
        assert_eq!(p.label("familles"), Some("Parents et enfants"));
        assert_eq!(p.label("marins"), Some("Marins"));
        assert_eq!(p.get("marins").unwrap().datainclusion, None);
        assert_eq!(p.label("femmes"), Some("Femmes"));
    }
}
