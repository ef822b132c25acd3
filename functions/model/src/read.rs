//! Reading typed values out of a [`Node`] tree, recording every problem instead of stopping
//! at the first.
//!
//! Every reader takes the node, the field's path (for messages) and the problem list, and
//! returns the value when it is valid. A content type's `decode` calls these for each of its
//! fields, so the set of field names a type accepts is written once, in its `decode`.

use jiff::civil::Date;
use serde_json::json;

use crate::pos::Pos;
use crate::problem::{Problem, Problems, suggest};
use crate::tree::{Entry, Node, Value, quote};

/// The path of a field inside another: `locations[0]` + `hours` → `locations[0].hours`.
pub(crate) fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// The path of a list item: `categories` + 1 → `categories[1]`.
pub(crate) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// The fields of one mapping, taken one by one by name; those never taken are unknown.
/// Describing (see [`crate::schema`]), every field asked for is there, as the probe.
pub(crate) struct Fields<'n> {
    entries: &'n [Entry],
    known: Vec<&'static str>,
    path: String,
    at: Pos,
    describing: bool,
}

impl<'n> Fields<'n> {
    /// The mapping at `node`, or a problem if it is something else.
    pub(crate) fn of(
        node: &'n Node,
        path: &str,
        what: &str,
        p: &mut Problems,
    ) -> Option<Fields<'n>> {
        if let Some(r) = p.recorder() {
            r.shape(path, json!({"type": "object", "description": what}));
            return Some(Fields {
                entries: &[],
                known: Vec::new(),
                path: path.to_string(),
                at: node.at,
                describing: true,
            });
        }
        match &node.value {
            Value::Map(entries) => Some(Fields {
                entries,
                known: Vec::new(),
                path: path.to_string(),
                at: node.at,
                describing: false,
            }),
            _ => {
                p.push(node.unexpected(path, what));
                None
            }
        }
    }

    /// The mapping, or an empty one when `node` is not a mapping (the problem is recorded):
    /// reading goes on so that the missing fields are reported too.
    pub(crate) fn of_or_empty(
        node: &'n Node,
        path: &str,
        what: &str,
        p: &mut Problems,
    ) -> Fields<'n> {
        Self::of(node, path, what, p).unwrap_or(Fields {
            entries: &[],
            known: Vec::new(),
            path: path.to_string(),
            at: node.at,
            describing: false,
        })
    }

    /// The value of `name` and its path, if it is present and not empty.
    pub(crate) fn get(&mut self, name: &'static str) -> Option<(&'n Node, String)> {
        self.known.push(name);
        if self.describing {
            return Some((&crate::schema::PROBE, join(&self.path, name)));
        }
        self.entries
            .iter()
            .find(|e| e.key == name)
            .filter(|e| e.value.value != Value::Null)
            .map(|e| (&e.value, join(&self.path, name)))
    }

    /// Whether `name` is present (even empty).
    pub(crate) fn has(&self, name: &str) -> bool {
        self.entries
            .iter()
            .any(|e| e.key == name && e.value.value != Value::Null)
    }

    /// Reads a required field; when it is missing, says what it should hold.
    pub(crate) fn required<T: Default>(
        &mut self,
        name: &'static str,
        expected: &str,
        p: &mut Problems,
        read: impl FnOnce(&'n Node, &str, &mut Problems) -> Option<T>,
    ) -> T {
        if let Some(r) = p.recorder() {
            r.require(&self.path, name);
            r.shape(&join(&self.path, name), json!({ "description": expected }));
        }
        match self.get(name) {
            Some((node, path)) => read(node, &path, p).unwrap_or_default(),
            None => {
                p.push(self.missing(name, expected));
                T::default()
            }
        }
    }

    /// Reads a field required when `needed` (a rule across fields): optional in the schema,
    /// which says when in the field's description.
    pub(crate) fn required_when<T: Default>(
        &mut self,
        needed: bool,
        name: &'static str,
        expected: &str,
        p: &mut Problems,
        read: impl FnOnce(&'n Node, &str, &mut Problems) -> Option<T>,
    ) -> Option<T> {
        if let Some(r) = p.recorder() {
            r.shape(&join(&self.path, name), json!({ "description": expected }));
            return self.optional(name, p, read);
        }
        if needed {
            Some(self.required(name, expected, p, read))
        } else {
            self.optional(name, p, read)
        }
    }

    /// Reads an optional field.
    pub(crate) fn optional<T>(
        &mut self,
        name: &'static str,
        p: &mut Problems,
        read: impl FnOnce(&'n Node, &str, &mut Problems) -> Option<T>,
    ) -> Option<T> {
        let (node, path) = self.get(name)?;
        read(node, &path, p)
    }

    /// Reads an optional boolean, false when absent.
    pub(crate) fn flag(&mut self, name: &'static str, p: &mut Problems) -> bool {
        self.optional(name, p, boolean).unwrap_or(false)
    }

    /// The problem for a missing field, placed at the mapping that should hold it.
    pub(crate) fn missing(&self, name: &str, expected: &str) -> Problem {
        Problem::new(
            self.at,
            join(&self.path, name),
            expected,
            "rien (le champ manque)",
        )
    }

    /// The position of the mapping itself.
    pub(crate) fn at(&self) -> Pos {
        self.at
    }

    /// Records every field that no reader asked for, with the closest known name.
    pub(crate) fn finish(self, what: &str, p: &mut Problems) {
        let expected = format!("un champ connu pour {what} ({})", self.known.join(", "));
        self.finish_as(p, &expected, |key| {
            format!("le champ inconnu {}", quote(key))
        });
    }

    /// [`Fields::finish`], saying `expected` and `found(key)` of a field no reader asked for.
    pub(crate) fn finish_as(
        self,
        p: &mut Problems,
        expected: &str,
        found: impl Fn(&str) -> String,
    ) {
        if let Some(r) = p.recorder() {
            r.close(&self.path);
            return;
        }
        for e in self.entries {
            if !self.known.contains(&e.key.as_str()) {
                let hint = suggest(&e.key, self.known.iter().copied());
                p.push(
                    Problem::new(e.key_at, join(&self.path, &e.key), expected, found(&e.key))
                        .with_suggestion(hint),
                );
            }
        }
    }
}

/// A scalar, as text; the JSON Schema says it has `shape` (what the reader that calls it
/// accepts): describing, the shape is recorded and nothing read.
pub(crate) fn shaped<'n>(
    node: &'n Node,
    path: &str,
    p: &mut Problems,
    expected: &str,
    shape: impl FnOnce() -> serde_json::Value,
) -> Option<&'n str> {
    if let Some(r) = p.recorder() {
        let mut shape = shape();
        shape["description"] = json!(expected);
        r.shape(path, shape);
        return None;
    }
    match &node.value {
        Value::Scalar { text, .. } => Some(text),
        _ => {
            p.push(node.unexpected(path, expected));
            None
        }
    }
}

/// A text of `min..=max` characters, trimmed; `one_line` refuses line breaks.
pub(crate) fn text(
    node: &Node,
    path: &str,
    p: &mut Problems,
    (min, max): (usize, usize),
    one_line: bool,
) -> Option<String> {
    let expected = if one_line {
        format!("un texte d'une ligne de {min} à {max} caractères")
    } else {
        format!("un texte de {min} à {max} caractères")
    };
    // Text is what YAML writes as a string or a number (`postal_code: 33000`).
    let raw = shaped(node, path, p, &expected, || {
        let mut shape = json!({"type": ["string", "number"], "minLength": min, "maxLength": max});
        if one_line {
            shape["pattern"] = json!("^[^\\r\\n]*$");
        }
        shape
    })?;
    let value = raw.trim();
    let count = value.chars().count();
    if count < min || count > max {
        p.push(Problem::new(
            node.at,
            path,
            expected,
            crate::problem::count(count, "caractère"),
        ));
        return None;
    }
    if let Some(c) = value.chars().find(|&c| is_forbidden_char(c)) {
        p.push(Problem::new(node.at, path, expected, forbidden_char(c)));
        return None;
    }
    if one_line && value.contains(['\n', '\r']) {
        p.push(Problem::new(
            node.at,
            path,
            expected,
            "un texte sur plusieurs lignes",
        ));
        return None;
    }
    Some(value.to_string())
}

/// A character no text may hold: control characters other than tab and line breaks, and the
/// two non-characters XML refuses. They are invisible in a page, and they would make the
/// Atom feeds unreadable (XML forbids them) or split a line of the calendar (RFC 5545).
pub(crate) fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// What a problem says it found for a forbidden character.
pub(crate) fn forbidden_char(c: char) -> String {
    format!("le caractère de contrôle invisible U+{:04X}", c as u32)
}

/// `true` or `false`; `oui`/`non` are refused with the word to write instead.
pub(crate) fn boolean(node: &Node, path: &str, p: &mut Problems) -> Option<bool> {
    const EXPECTED: &str = "true ou false";
    let raw = shaped(node, path, p, EXPECTED, || json!({"type": "boolean"}))?;
    match raw.to_ascii_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        other => {
            let hint = match other {
                "oui" | "yes" | "vrai" | "on" | "1" => Some("true".to_string()),
                "non" | "no" | "faux" | "off" | "0" => Some("false".to_string()),
                _ => None,
            };
            p.push(Problem::new(node.at, path, EXPECTED, quote(raw)).with_suggestion(hint));
            None
        }
    }
}

/// A finite number.
pub(crate) fn number(node: &Node, path: &str, p: &mut Problems) -> Option<f64> {
    const EXPECTED: &str = "un nombre (avec un point décimal, pas une virgule)";
    let raw = shaped(node, path, p, EXPECTED, || json!({"type": "number"}))?;
    match raw.trim().parse::<f64>() {
        Ok(n) if n.is_finite() => Some(n),
        _ => {
            let hint = raw
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .map(|_| raw.replace(',', "."));
            p.push(Problem::new(node.at, path, EXPECTED, quote(raw)).with_suggestion(hint));
            None
        }
    }
}

/// A whole number.
pub(crate) fn integer(node: &Node, path: &str, p: &mut Problems) -> Option<i64> {
    let raw = shaped(
        node,
        path,
        p,
        "un nombre entier",
        || json!({"type": "integer"}),
    )?;
    raw.trim().parse::<i64>().ok().or_else(|| {
        p.push(Problem::new(node.at, path, "un nombre entier", quote(raw)));
        None
    })
}

/// A calendar date written `YYYY-MM-DD`.
pub(crate) fn date(node: &Node, path: &str, p: &mut Problems) -> Option<Date> {
    const EXPECTED: &str = "une date AAAA-MM-JJ";
    let raw = shaped(
        node,
        path,
        p,
        EXPECTED,
        || json!({"type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"}),
    )?;
    match parse_date(raw) {
        Ok(d) => Some(d),
        Err(found) => {
            p.push(Problem::new(node.at, path, EXPECTED, found));
            None
        }
    }
}

/// Parses `YYYY-MM-DD` strictly; the error describes what was found.
pub fn parse_date(raw: &str) -> Result<Date, String> {
    let b = raw.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(quote(raw));
    }
    let num = |r: std::ops::Range<usize>| raw[r].parse::<i16>().unwrap_or(0);
    Date::new(num(0..4), num(5..7) as i8, num(8..10) as i8)
        .map_err(|_| format!("{} (cette date n'existe pas)", quote(raw)))
}

/// One of a fixed set of words.
pub(crate) fn one_of<'a>(
    node: &Node,
    path: &str,
    p: &mut Problems,
    choices: &[&'a str],
) -> Option<&'a str> {
    let expected = format!("l'une des valeurs {}", choices.join(", "));
    let raw = shaped(node, path, p, &expected, || json!({ "enum": choices }))?;
    if let Some(found) = choices.iter().find(|c| **c == raw) {
        return Some(found);
    }
    p.push(
        Problem::new(node.at, path, expected, quote(raw))
            .with_suggestion(suggest(raw, choices.iter().copied())),
    );
    None
}

/// A list, each item read by `item`; a single value stands for a list of one, as an editor
/// writing `categories: maraude` means.
pub(crate) fn list<'n, T>(
    node: &'n Node,
    path: &str,
    p: &mut Problems,
    mut item: impl FnMut(&'n Node, &str, &mut Problems) -> Option<T>,
) -> Option<Vec<T>> {
    if let Some(r) = p.recorder() {
        r.shape(path, json!({"type": "array"}));
        r.list(path);
        item(&crate::schema::PROBE, &index(path, 0), p);
        return None;
    }
    match &node.value {
        Value::List(items) => {
            let before = p.len();
            let out: Vec<T> = items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| item(n, &index(path, i), p))
                .collect();
            (p.len() == before).then_some(out)
        }
        Value::Scalar { .. } => item(node, &index(path, 0), p).map(|v| vec![v]),
        _ => {
            p.push(node.unexpected(path, "une liste"));
            None
        }
    }
}

/// A list that must hold at least one item.
pub(crate) fn non_empty_list<'n, T>(
    node: &'n Node,
    path: &str,
    p: &mut Problems,
    what: &str,
    item: impl FnMut(&'n Node, &str, &mut Problems) -> Option<T>,
) -> Option<Vec<T>> {
    if let Some(r) = p.recorder() {
        r.shape(path, json!({"minItems": 1, "description": what}));
    }
    let items = list(node, path, p, item)?;
    if items.is_empty() {
        p.push(Problem::new(node.at, path, what, "une liste vide"));
        return None;
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::parse_yaml;

    fn problems_of(yaml: &str, read: impl FnOnce(&Node, &mut Problems)) -> Vec<String> {
        let node = parse_yaml(yaml, 1).unwrap();
        let mut p = Problems::new();
        read(&node, &mut p);
        p.into_sorted().iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn unknown_and_missing_fields_are_all_reported() {
        let out = problems_of("nme: x\ncolour: red\n", |node, p| {
            let mut f = Fields::of(node, "", "l'association", p).unwrap();
            let _: String = f.required("name", "un nom", p, |n, path, p| {
                text(n, path, p, (3, 150), true)
            });
            f.finish("l'association", p);
        });
        assert_eq!(
            out,
            [
                "1:1: name : attendu un nom, trouvé rien (le champ manque)",
                "1:1: nme : attendu un champ connu pour l'association (name), trouvé le champ inconnu « nme » ; vouliez-vous dire « name » ?",
                "2:1: colour : attendu un champ connu pour l'association (name), trouvé le champ inconnu « colour »",
            ]
        );
    }

    #[test]
    fn dates_are_strict() {
        for (raw, ok) in [
            ("2026-02-28", true),
            ("2026-02-30", false),
            ("28/02/2026", false),
        ] {
            assert_eq!(parse_date(raw).is_ok(), ok, "{raw}");
        }
    }

    #[test]
    fn control_characters_are_refused_in_texts() {
        let out = problems_of(
            "a: \"x\\x01y\"\nb: \"x\\ry\"\nc: \"x\\uFFFEy\"\n",
            |node, p| {
                let mut f = Fields::of(node, "", "x", p).unwrap();
                for name in ["a", "b", "c"] {
                    f.optional(name, p, |n, path, p| text(n, path, p, (1, 10), true));
                }
            },
        );
        assert_eq!(
            out,
            [
                "1:4: a : attendu un texte d'une ligne de 1 à 10 caractères, trouvé le caractère de contrôle invisible U+0001",
                "2:4: b : attendu un texte d'une ligne de 1 à 10 caractères, trouvé un texte sur plusieurs lignes",
                "3:4: c : attendu un texte d'une ligne de 1 à 10 caractères, trouvé le caractère de contrôle invisible U+FFFE",
            ]
        );
    }

    #[test]
    fn booleans_suggest_the_english_word() {
        let out = problems_of("a: oui\n", |node, p| {
            let mut f = Fields::of(node, "", "x", p).unwrap();
            f.flag("a", p);
        });
        assert_eq!(
            out,
            ["1:4: a : attendu true ou false, trouvé « oui » ; vouliez-vous dire « true » ?"]
        );
    }
}
