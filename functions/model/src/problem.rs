//! What is wrong with a piece of content, said so that an editor can fix it.

use std::fmt;

use crate::pos::Pos;

/// One problem: where, which field, what was expected, what was found, and perhaps what the
/// editor meant.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Position in the file (0 when unknown, e.g. in a JSON submission).
    pub at: Pos,
    /// The field's path, such as `locations[0].hours.mo[1]`; empty for the whole file.
    pub field: String,
    /// What was expected, in French: `un texte d'une ligne de 3 à 150 caractères`.
    pub expected: String,
    /// What was found instead, in French: `« Lu »`, `une liste vide`.
    pub found: String,
    /// A near-miss correction, such as `categories` for `catgories`.
    pub suggestion: Option<String>,
}

impl Problem {
    /// The problem at `at` in `field`: `expected` was wanted, `found` was there.
    pub fn new(
        at: Pos,
        field: impl Into<String>,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Self {
        Problem {
            at,
            field: field.into(),
            expected: expected.into(),
            found: found.into(),
            suggestion: None,
        }
    }

    /// The same problem with the correction the editor probably meant.
    pub fn with_suggestion(mut self, suggestion: Option<String>) -> Self {
        self.suggestion = suggestion;
        self
    }

    /// The message without the position: `field: attendu …, trouvé … (vouliez-vous dire …)`.
    pub fn message(&self) -> String {
        let mut out = String::new();
        if !self.field.is_empty() {
            out.push_str(&self.field);
            out.push_str(" : ");
        }
        out.push_str("attendu ");
        out.push_str(&self.expected);
        out.push_str(", trouvé ");
        out.push_str(&self.found);
        if let Some(s) = &self.suggestion {
            out.push_str(" ; vouliez-vous dire « ");
            out.push_str(s);
            out.push_str(" » ?");
        }
        out
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.line > 0 {
            write!(f, "{}:{}: ", self.at.line, self.at.column)?;
        }
        f.write_str(&self.message())
    }
}

/// `n` and a French noun, plural from 2 on: `1 caractère`, `0 caractère`, `9 caractères`.
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n > 1 {
        format!("{n} {noun}s")
    } else {
        format!("{n} {noun}")
    }
}

/// The problems found so far in one file or submission. When it describes instead (see
/// [`crate::schema`]), the readers record what they accept rather than read, and no
/// problem is kept.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Problems {
    list: Vec<Problem>,
    describe: Option<Box<crate::schema::Recorder>>,
}

impl Problems {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Problems that record the readers' shapes: decoding a kind with them writes its
    /// JSON Schema.
    pub(crate) fn describing() -> Self {
        Problems {
            list: Vec::new(),
            describe: Some(Box::default()),
        }
    }

    pub(crate) fn push(&mut self, problem: Problem) {
        if self.describe.is_none() {
            self.list.push(problem);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// The problems in the order they appear in the file.
    pub(crate) fn into_sorted(mut self) -> Vec<Problem> {
        self.list.sort_by_key(|p| p.at);
        self.list
    }

    /// The recorder of shapes, when these problems describe.
    pub(crate) fn recorder(&mut self) -> Option<&mut crate::schema::Recorder> {
        self.describe.as_deref_mut()
    }

    /// The shapes recorded.
    pub(crate) fn into_recorder(self) -> Option<crate::schema::Recorder> {
        self.describe.map(|b| *b)
    }
}

/// The closest known name to a mistyped one, if it is close enough to be a likely typo.
pub fn suggest<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let typed_lower = typed.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(&typed_lower, k), k))
        .filter(|(d, k)| *k != typed && *d <= (k.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let known = ["categories", "contact", "conditions"];
        assert_eq!(suggest("catgories", known), Some("categories".into()));
        assert_eq!(suggest("Contact", known), Some("contact".into()));
        assert_eq!(suggest("colour", known), None);
    }

    #[test]
    fn message_names_field_expected_found_and_suggestion() {
        let p = Problem::new(
            Pos::new(3, 1),
            "catgories",
            "un champ connu",
            "« catgories »",
        )
        .with_suggestion(Some("categories".into()));
        assert_eq!(
            p.to_string(),
            "3:1: catgories : attendu un champ connu, trouvé « catgories » ; vouliez-vous dire « categories » ?"
        );
    }
}
