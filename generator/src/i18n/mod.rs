//! The languages of the public's pages: those `site.toml` lists (`languages`), the first
//! one (`language`, French by default) at the site's own addresses, each other one under
//! its code (`/en/carte/`, `/ar/associations/<slug>/`), with the same paths below it.
//! Their words are the theme's catalogues (`i18n/<code>.ftl`), checked here: every
//! language listed has one, with every message of the default language's.

mod catalogue;

use std::sync::Arc;

use portal_model::Problem;
use portal_model::tree::Pos;

pub(crate) use catalogue::{Arg, Catalogue};

use crate::error::{BuildError, FileProblems};
use crate::theme::Theme;

/// One language of the site.
#[derive(Debug, Clone)]
pub(crate) struct Lang {
    /// Its position in `site.toml`'s list; 0 is the default language.
    pub index: usize,
    /// Its BCP 47 code: `fr`, `ar`.
    pub code: String,
    /// What its pages' paths start with under the site's base: `""`, `ar/`.
    pub prefix: String,
    /// Written right to left (the catalogue's `language-direction = rtl`).
    pub rtl: bool,
    /// The language named in itself (the catalogue's `language-name`): « العربية ».
    pub name: String,
    /// On a page in another language than the site's, the site's (`fr`): the language of
    /// the editors' texts left untranslated, for their elements' `lang`. Empty on the
    /// site's own language.
    pub source: String,
    pub catalogue: Arc<Catalogue>,
}

impl Lang {
    /// `rtl` or `ltr`, for `dir`.
    pub(crate) fn dir(&self) -> &'static str {
        if self.rtl { "rtl" } else { "ltr" }
    }

    /// An editor's text as this language's pages show it: its translation when the entry
    /// has one for this language, else the text as written, with the language it is in
    /// (empty when it is the page's: no `lang` to set).
    pub(crate) fn said<'a>(&'a self, written: &'a str, translated: Option<&'a str>) -> Said<'a> {
        match translated {
            Some(text) if self.index > 0 => Said { text, lang: "" },
            _ => Said {
                text: written,
                lang: &self.source,
            },
        }
    }

    /// The entry's translation into this language, if it has one (none on the site's own).
    pub(crate) fn translation<'a>(
        &self,
        t: &'a portal_model::translations::Translations,
    ) -> Option<&'a portal_model::translations::Translation> {
        if self.index == 0 {
            None
        } else {
            t.get(&self.code)
        }
    }

    /// A message without arguments.
    pub(crate) fn t(&self, key: &str) -> String {
        self.catalogue.text(key)
    }

    /// A message with arguments.
    pub(crate) fn f(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.catalogue.format(key, args)
    }
}

/// An editor's text on a page, and the language it is in when it is not the page's (for
/// `lang` on its element; empty when it is the page's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Said<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

/// French as the built-in catalogue says it: what the index measures printed guides with,
/// so that a guide has the same sheets, at the same addresses, in every language.
pub(crate) fn french() -> &'static Lang {
    static FRENCH: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();
    FRENCH.get_or_init(|| {
        let text = crate::theme::BUILT_IN
            .iter()
            .find(|(rel, _)| *rel == "i18n/fr.ftl")
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
            .unwrap_or_default();
        let (catalogue, _) = Catalogue::parse("fr", &text);
        Lang {
            index: 0,
            code: "fr".into(),
            prefix: String::new(),
            rtl: false,
            name: catalogue.text("language-name"),
            source: String::new(),
            catalogue: Arc::new(catalogue),
        }
    })
}

/// The site's languages, the default one first.
#[derive(Debug, Clone)]
pub(crate) struct Languages(pub Vec<Lang>);

impl Languages {
    /// The languages of `site.toml` with their catalogues from the theme; every problem of
    /// every catalogue at once.
    pub(crate) fn new(
        config: &portal_model::SiteConfig,
        theme: &Theme,
    ) -> Result<Languages, BuildError> {
        let codes = codes(config);
        let mut problems: Vec<FileProblems> = Vec::new();
        let mut parsed: Vec<(String, String, Catalogue)> = Vec::new();
        for code in &codes {
            let file = format!("themes/{}/i18n/{code}.ftl", config.theme);
            let Some(text) = theme.catalogues.get(code) else {
                problems.push(FileProblems {
                    file: "site.toml".into(),
                    problems: vec![Problem::new(
                        Pos::new(0, 0),
                        "languages",
                        format!(
                            "une langue dont le thème a le catalogue ({file}) ; le thème en a pour : {}",
                            theme.catalogues.keys().cloned().collect::<Vec<_>>().join(", ")
                        ),
                        format!("« {code} »"),
                    )],
                });
                continue;
            };
            let (c, mut found) = Catalogue::parse(code, text);
            if !is_language_code(code) {
                found.insert(
                    0,
                    Problem::new(
                        Pos::new(0, 0),
                        "languages",
                        "un code de langue en minuscules (BCP 47 : fr, en, ar, fa-af)",
                        format!("« {code} »"),
                    ),
                );
            }
            if !found.is_empty() {
                problems.push(FileProblems {
                    file: file.clone(),
                    problems: found,
                });
            }
            parsed.push((code.clone(), file, c));
        }
        if let Some((_, _, reference)) = parsed.first() {
            for (_, file, c) in parsed.iter().skip(1) {
                let missing = missing_keys(reference, c);
                if missing.is_empty() {
                    continue;
                }
                match problems.iter_mut().find(|p| &p.file == file) {
                    Some(p) => p.problems.extend(missing),
                    None => problems.push(FileProblems {
                        file: file.clone(),
                        problems: missing,
                    }),
                }
            }
        }
        if !problems.is_empty() {
            return Err(BuildError::Content(problems));
        }
        let own = codes.first().cloned().unwrap_or_default();
        let langs = parsed
            .into_iter()
            .enumerate()
            .map(|(index, (code, _, c))| Lang {
                index,
                prefix: if index == 0 {
                    String::new()
                } else {
                    format!("{code}/")
                },
                rtl: c.text("language-direction") == "rtl",
                name: c.text("language-name"),
                source: if index == 0 {
                    String::new()
                } else {
                    own.clone()
                },
                code,
                catalogue: Arc::new(c),
            })
            .collect();
        Ok(Languages(langs))
    }

    /// The default language.
    pub(crate) fn default_lang(&self) -> &Lang {
        &self.0[0]
    }

    /// Whether the site has more than its default language.
    pub(crate) fn several(&self) -> bool {
        self.0.len() > 1
    }
}

/// Refuses a free page whose address is a language's folder (`content/pages/en.md` and
/// `/en/`): one would overwrite the other.
pub(crate) fn refuse_clashes(
    config: &portal_model::SiteConfig,
    pages: &[portal_model::Page],
) -> Result<(), BuildError> {
    let codes = codes(config);
    let clashes: Vec<FileProblems> = pages
        .iter()
        .filter(|p| codes.iter().skip(1).any(|c| *c == p.slug))
        .map(|p| FileProblems {
            file: format!("content/pages/{}.md", p.slug),
            problems: vec![Problem::new(
                Pos::new(0, 0),
                "",
                "un nom de page qui n'est pas le code d'une langue du site (site.toml, languages)",
                format!("« {} », le dossier des pages dans cette langue", p.slug),
            )],
        })
        .collect();
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(BuildError::Content(clashes))
    }
}

/// A code that can be a path's first folder and a `lang` attribute: `fr`, `fa-af`.
fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| {
            (2..=8).contains(&p.len())
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The codes of `site.toml`: `language` first, then the others of `languages`, once each.
pub(crate) fn codes(config: &portal_model::SiteConfig) -> Vec<String> {
    let mut codes = vec![config.language.clone()];
    for c in &config.languages {
        if !codes.contains(c) {
            codes.push(c.clone());
        }
    }
    codes
}

/// The messages of `reference` that `other` lacks, each a problem at line 0 (the file as a
/// whole), and those `other` has that `reference` does not know.
fn missing_keys(reference: &Catalogue, other: &Catalogue) -> Vec<Problem> {
    let mut out: Vec<Problem> = reference
        .keys
        .iter()
        .filter(|k| !other.has(k))
        .map(|k| {
            Problem::new(
                Pos::new(0, 0),
                k.as_str(),
                "le message, traduit (il est dans le catalogue de la langue par défaut)",
                "rien (le message manque)",
            )
        })
        .collect();
    out.extend(other.keys.iter().filter(|k| !reference.has(k)).map(|k| {
        Problem::new(
            Pos::new(0, 0),
            k.as_str(),
            "un message du catalogue de la langue par défaut",
            "un message inconnu (faute de frappe, ou message retiré)",
        )
        .with_suggestion(portal_model::problem::suggest(
            k,
            reference.keys.iter().map(String::as_str),
        ))
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::urls::Urls;

    /// The built-in theme's catalogues: one per language of the bundled site, each with
    /// every message of the French one and no other.
    #[test]
    fn built_in_catalogues_are_complete() {
        let urls = Urls::new("https://example.org");
        let theme = Theme::load(std::path::Path::new("/nonexistent"), "default", &urls).unwrap();
        let site =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../site.toml")).unwrap();
        let config = portal_model::SiteConfig::parse(&site).unwrap();
        assert_eq!(
            codes(&config),
            ["fr", "en", "ar", "fa", "ps", "uk", "ru", "es", "ro"]
        );
        let languages = match Languages::new(&config, &theme) {
            Ok(l) => l,
            Err(e) => panic!("{e}"),
        };
        let rtl: Vec<&str> = languages
            .0
            .iter()
            .filter(|l| l.rtl)
            .map(|l| l.code.as_str())
            .collect();
        assert_eq!(rtl, ["ar", "fa", "ps"]);
        assert_eq!(languages.0[2].name, "العربية");
        assert_eq!(languages.0[5].name, "Українська");
        for l in &languages.0 {
            assert_eq!(l.catalogue.keys.len(), languages.0[0].catalogue.keys.len());
        }
    }

    #[test]
    fn arguments_are_formatted_and_plurals_chosen() {
        let (c, problems) = Catalogue::parse(
            "ru",
            "places = { $n ->\n    [one] { $n } место\n    [few] { $n } места\n   *[many] { $n } мест\n}\n",
        );
        assert!(problems.is_empty());
        let n = |n| c.format("places", &[("n", Arg::Number(n))]);
        assert_eq!(n(1), "1 место");
        assert_eq!(n(3), "3 места");
        assert_eq!(n(11), "11 мест");
        assert_eq!(c.text("missing"), "missing");
    }
}

#[cfg(test)]
mod words_for_scripts {
    use super::*;
    use crate::urls::Urls;

    /// The messages the templates write inside `data-words='{…}'` (a JSON object in a
    /// single-quoted attribute) hold no quote that would end it.
    #[test]
    fn the_scripts_words_hold_no_quotes() {
        let urls = Urls::new("https://example.org");
        let theme = Theme::load(std::path::Path::new("/nonexistent"), "default", &urls).unwrap();
        for (code, text) in &theme.catalogues {
            let (c, problems) = Catalogue::parse(code, text);
            assert!(problems.is_empty(), "{code}: {problems:?}");
            for key in c.keys.iter().filter(|k| {
                k.starts_with("js-")
                    || *k == "list-semicolon"
                    || k.starts_with("weekday-")
                    || k.starts_with("month-")
                    || [
                        "closed",
                        "time-hours",
                        "time-minutes",
                        "day-month",
                        "list-comma",
                    ]
                    .contains(&k.as_str())
            }) {
                let text = c.text(key);
                assert!(!text.contains(['\'', '"']), "{code}: {key} = {text}");
            }
        }
    }
}
