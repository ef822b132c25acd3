//! Plain words for search (`data/fr/lexicon.toml`): the words a person types (« manger »,
//! « douche », « dormir ») and the words of the entries they find (food aid, hygiene,
//! shelters), so that plain words work on any territory's labels and texts unconfigured.
//! The search index gives each entry the typed words of every group it holds, and the
//! names of the days it is open on, so that « samedi » finds what is open on Saturdays.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::checks::fold_words;

/// One group: words typed, and the beginnings of the entries' words that they find.
#[derive(Debug, Clone, Deserialize)]
pub struct Group {
    /// The need of the home page these words lead to, for a search box without JavaScript.
    #[serde(default)]
    pub need: Option<String>,
    /// What a person may type.
    pub typed: Vec<String>,
    /// Beginnings of words (folded) of the entries these find.
    pub finds: Vec<String>,
}

#[derive(Deserialize)]
struct LexiconFile {
    group: Vec<Group>,
}

/// The built-in groups.
pub fn groups() -> &'static [Group] {
    static GROUPS: OnceLock<Vec<Group>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        toml::from_str::<LexiconFile>(include_str!("data/fr/lexicon.toml"))
            .expect("data/fr/lexicon.toml is valid (tested)")
            .group
    })
}

/// The words an entry whose text is `text` is also found by: the typed words of each
/// group it holds a word of, folded, in order, without repeats.
pub fn extra_words(text: &str) -> Vec<&'static str> {
    let text = format!(" {}", fold_words(text));
    let mut out: Vec<&'static str> = Vec::new();
    for g in groups() {
        if g.finds.iter().any(|f| text.contains(&format!(" {f}"))) {
            for w in &g.typed {
                if !out.contains(&w.as_str()) {
                    out.push(w);
                }
            }
        }
    }
    out
}

/// The need a query leads to: that of the first word typed that a group with a need has
/// (folded, plural or singular), so that « manger » typed in a search box without
/// JavaScript opens the places to eat rather than a page that cannot search.
pub fn need_for(query: &str) -> Option<&'static str> {
    let singular = |w: &str| -> String {
        match w.strip_suffix(['s', 'x']) {
            Some(stem) if w.len() > 3 => stem.to_string(),
            _ => w.to_string(),
        }
    };
    fold_words(query).split(' ').find_map(|w| {
        let w = singular(w);
        groups().iter().find_map(|g| {
            let need = g.need.as_deref()?;
            g.typed.iter().any(|t| singular(t) == w).then_some(need)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_find_the_words_of_the_entries() {
        let food = extra_words("Distribution alimentaire · Épicerie solidaire");
        assert!(
            food.contains(&"manger") && food.contains(&"faim"),
            "{food:?}"
        );
        assert!(extra_words("Hygiène et douches").contains(&"douche"));
        assert!(extra_words("Hébergement et mise à l'abri").contains(&"dormir"));
        assert!(extra_words("Sans condition · Gratuit").contains(&"gratuit"));
        assert!(extra_words("Cours de français").is_empty());
    }

    #[test]
    fn a_plain_word_leads_to_its_need() {
        assert_eq!(need_for("Manger"), Some("manger"));
        assert_eq!(need_for("une douche"), Some("se-laver"));
        assert_eq!(need_for("vêtement chaud"), Some("s-habiller"));
        assert_eq!(need_for("40 kg de pommes"), None);
    }
}
