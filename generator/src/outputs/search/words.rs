//! The words a search compares, defined once: how a text is folded (case, accents), cut
//! into words, which words are too common to count and how a plural is made singular.
//! The index is written with these rules, and the manifest hands the same rules to the
//! browser's script (`themes/default/static/assets/search.js`), which applies them to what
//! is typed: neither side has a folding of its own. Only the rules here are French; the
//! index format is not, so a site in another language gets an index of its own words by
//! giving its own `Words`.

use serde::Serialize;

/// The rules of one language, as the manifest carries them to the script.
#[derive(Debug, Serialize)]
pub(crate) struct Words {
    /// Letters replaced after lower-casing (`é` → `e`, `œ` → `oe`); any other letter stays.
    fold: &'static [(char, &'static str)],
    /// Words left out of the index and of queries.
    stop: &'static [&'static str],
    /// A word of at least `plural_min` letters loses one final letter among these.
    plural: &'static str,
    plural_min: usize,
    /// Words shorter than this find nothing (a shard key is this long).
    pub min: usize,
}

/// French: accents and ligatures folded, a final `s` or `x` taken off.
pub(crate) const FRENCH: Words = Words {
    fold: &[
        ('à', "a"),
        ('á', "a"),
        ('â', "a"),
        ('ã', "a"),
        ('ä', "a"),
        ('å', "a"),
        ('ç', "c"),
        ('è', "e"),
        ('é', "e"),
        ('ê', "e"),
        ('ë', "e"),
        ('ì', "i"),
        ('í', "i"),
        ('î', "i"),
        ('ï', "i"),
        ('ñ', "n"),
        ('ò', "o"),
        ('ó', "o"),
        ('ô', "o"),
        ('õ', "o"),
        ('ö', "o"),
        ('ù', "u"),
        ('ú', "u"),
        ('û', "u"),
        ('ü', "u"),
        ('ý', "y"),
        ('ÿ', "y"),
        ('œ', "oe"),
        ('æ', "ae"),
    ],
    stop: &[
        "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "en", "est",
        "et", "il", "la", "le", "les", "leur", "leurs", "ne", "nos", "notre", "nous", "ou", "par",
        "pas", "pour", "qui", "que", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vos",
        "votre", "vous",
    ],
    plural: "sx",
    plural_min: 4,
    min: 2,
};

impl Words {
    /// Lower case, then the folding table: `Œuvre à l'Été` → `oeuvre a l'ete`.
    pub(crate) fn fold(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.to_lowercase().chars() {
            match self.fold.iter().find(|(from, _)| *from == c) {
                Some((_, to)) => out.push_str(to),
                None => out.push(c),
            }
        }
        out
    }

    /// The words of `text` an entry is found by, in order, repeats kept: folded, cut at
    /// anything but letters and digits (of any script), stop words and words shorter than
    /// [`Words::min`] left out, made singular.
    ///
    /// Synonyms (a lexicon by which « manger » finds food aid) would be added here, to
    /// the words of the entry (the script would then need nothing more), or in the script's
    /// `terms`, to the words typed.
    pub(crate) fn terms<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        folded
            .split(|c: char| !(c.is_alphabetic() || c.is_numeric()))
            .filter(move |w| w.chars().count() >= self.min && !self.stop.contains(w))
            .map(|w| self.singular(w))
    }

    /// A word without its plural letter: `repas` → `repa`, `vêtements` → `vêtement`, `bus`
    /// stays (too short), so that singular and plural meet.
    fn singular<'a>(&self, w: &'a str) -> &'a str {
        match w.strip_suffix(|c| self.plural.contains(c)) {
            Some(stem) if w.chars().count() >= self.plural_min => stem,
            _ => w,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_cuts_and_makes_singular() {
        let w = &FRENCH;
        assert_eq!(w.fold("Œuvre à l'Été, Noël"), "oeuvre a l'ete, noel");
        let folded = w.fold("Les repas, colis et jeux du bus ; vêtements à Łódź");
        let terms: Vec<&str> = w.terms(&folded).collect();
        assert_eq!(
            terms,
            ["repa", "coli", "jeu", "bus", "vetement", "łodź"],
            "stop words out, letters outside the table kept in their word"
        );
        let arabic = w.fold("مطعم تضامني");
        assert_eq!(w.terms(&arabic).collect::<Vec<_>>(), ["مطعم", "تضامني"]);
    }
}
