//! A small document tree that remembers where every value was written.
//!
//! Front matter is parsed into this tree, not straight into typed structs, so that a problem
//! can name the line and column of the value at fault and so that every problem of a file is
//! found in one pass. A JSON submission becomes the same tree (without positions), so the
//! same checks run on both.
//!
//! Plain scalars stay text until a field asks for a type: `postal_code: 33000` is the text
//! "33000", `start: 09:00` is "09:00" and `title: Non` is "Non", which is what an editor
//! means, whatever YAML's type rules would make of them.

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

// Where the other crates look for it, next to the nodes that carry it.
pub use crate::pos::Pos;
use crate::problem::{Problem, count};

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where it starts.
    pub at: Pos,
}

/// What a node holds: YAML's kinds of value, with scalars kept as text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`, `~`, or nothing after the colon.
    Null,
    /// A scalar as written; `quoted` when it was written in quotes (or was a JSON string).
    Scalar {
        /// The text as written, quotes and escapes resolved.
        text: String,
        /// Whether it was quoted.
        quoted: bool,
    },
    /// A sequence, `[a, b]` or `- a`.
    List(Vec<Node>),
    /// A mapping, its keys in the order written.
    Map(Vec<Entry>),
}

/// One `key: value` pair of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key.
    pub key: String,
    /// Where the key is written.
    pub key_at: Pos,
    /// Its value.
    pub value: Node,
}

impl Node {
    /// The value `value`, written at `at`.
    pub fn new(value: Value, at: Pos) -> Self {
        Node { value, at }
    }

    /// The problem of this value not being what `field` expects: the expectation, and the
    /// value described as found.
    pub(crate) fn unexpected(&self, field: &str, expected: impl Into<String>) -> Problem {
        Problem::new(self.at, field, expected, self.describe())
    }

    /// A short French description of the value, for "found …" in messages.
    pub(crate) fn describe(&self) -> String {
        match &self.value {
            Value::Null => "une valeur vide".to_string(),
            Value::Scalar { text, .. } => quote(text),
            Value::List(items) => format!("une liste de {}", count(items.len(), "élément")),
            Value::Map(_) => "un ensemble de champs (clé: valeur)".to_string(),
        }
    }
}

/// Where the parser's span starts, 1-based.
fn pos_of(span: &Span) -> Pos {
    let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Pos::new(to_u32(span.start.line()), to_u32(span.start.col() + 1))
}

/// Quotes a value the French way, shortened when long.
pub fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let one_line = text.replace('\n', "⏎");
    if one_line.chars().count() > MAX {
        let short: String = one_line.chars().take(MAX).collect();
        format!("« {short}… »")
    } else {
        format!("« {one_line} »")
    }
}

/// Nesting deeper than this is refused: no content type needs more than a handful of levels,
/// and a bounded depth keeps hostile input from exhausting the stack.
const MAX_DEPTH: usize = 32;

/// Parses one YAML document (front matter) into a tree.
///
/// Anchors are ignored and aliases refused: content files have no use for them, and refusing
/// them rules out the "billion laughs" expansion. Positions are shifted by `first_line - 1`
/// so that they are counted from the top of the file, not of the front matter.
pub fn parse_yaml(source: &str, first_line: u32) -> Result<Node, Problem> {
    let shift = |at: Pos| Pos::new(at.line + first_line - 1, at.column);
    let mut parser = Parser::new_from_str(source);
    // Open collections: the node being built, and the key waiting for its value.
    let mut stack: Vec<(Node, Option<(String, Pos)>)> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| {
            let m = e.marker();
            let at = Pos::new(m.line() as u32 + first_line - 1, m.col() as u32 + 1);
            Problem::new(at, "", "du YAML valide", syntax_error(e.info()))
        })?;
        let at = shift(pos_of(&span));
        let done = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(Problem::new(
                        at,
                        "",
                        "un seul bloc d'en-tête YAML",
                        "plusieurs documents YAML",
                    ));
                }
                continue;
            }
            Event::Alias(_) => {
                return Err(Problem::new(
                    at,
                    "",
                    "des valeurs écrites en entier (les alias YAML *nom ne sont pas acceptés)",
                    "un alias YAML",
                ));
            }
            Event::Scalar(text, style, _, _) => {
                let quoted = !matches!(style, ScalarStyle::Plain);
                let value = if !quoted && matches!(&*text, "" | "~" | "null" | "Null" | "NULL") {
                    Value::Null
                } else {
                    Value::Scalar {
                        text: text.into_owned(),
                        quoted,
                    }
                };
                Node::new(value, at)
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Problem::new(
                        at,
                        "",
                        format!("au plus {MAX_DEPTH} niveaux d'imbrication"),
                        "une imbrication plus profonde",
                    ));
                }
                let value = if matches!(event, Event::SequenceStart(..)) {
                    Value::List(Vec::new())
                } else {
                    Value::Map(Vec::new())
                };
                stack.push((Node::new(value, at), None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some((node, _)) => node,
                None => continue,
            },
            _ => continue,
        };
        match stack.last_mut() {
            None => root = Some(done),
            Some((parent, pending_key)) => match &mut parent.value {
                Value::List(items) => items.push(done),
                Value::Map(entries) => match pending_key.take() {
                    None => {
                        let Value::Scalar { text, .. } = done.value else {
                            return Err(Problem::new(
                                done.at,
                                "",
                                "un nom de champ simple",
                                done.describe(),
                            ));
                        };
                        *pending_key = Some((text, done.at));
                    }
                    Some((key, key_at)) => {
                        if entries.iter().any(|e| e.key == key) {
                            return Err(Problem::new(
                                key_at,
                                key.clone(),
                                "chaque champ une seule fois",
                                format!("le champ {} écrit deux fois", quote(&key)),
                            ));
                        }
                        entries.push(Entry {
                            key,
                            key_at,
                            value: done,
                        });
                    }
                },
                _ => unreachable!("only collections are pushed on the stack"),
            },
        }
    }
    Ok(root.unwrap_or_else(|| Node::new(Value::Map(Vec::new()), Pos::new(first_line, 1))))
}

/// Says the YAML scanner's most common complaints in French, with the usual cause; other
/// messages are passed on as they are.
fn syntax_error(info: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        (
            "mapping values are not allowed",
            "un « : » inattendu (une valeur qui contient « : » doit être entre guillemets)",
        ),
        (
            "illegal placement of ':'",
            "un « : » mal placé (une valeur qui contient « : » doit être entre guillemets)",
        ),
        (
            "did not find expected ',' or ']'",
            "une liste [ … ] mal fermée (il manque « ] » ou une virgule)",
        ),
        (
            "did not find expected ',' or '}'",
            "un bloc { … } mal fermé (il manque « } » ou une virgule ; une note qui contient une virgule doit être entre guillemets)",
        ),
        (
            "found character that cannot start any token",
            "un caractère qui ne peut pas commencer une valeur (une tabulation ? indentez avec des espaces ; une valeur qui commence par @ ou ` doit être entre guillemets)",
        ),
        (
            "tabs disallowed",
            "une tabulation (indentez avec des espaces)",
        ),
        (
            "found unexpected end of stream",
            "la fin du fichier au milieu d'une valeur (un guillemet non fermé ?)",
        ),
        (
            "did not find expected key",
            "une ligne mal indentée (les champs d'un même bloc doivent commencer à la même colonne)",
        ),
        (
            "recursion limit exceeded",
            "une imbrication trop profonde de [ ] ou de { }",
        ),
        (
            "did not find expected '-' indicator",
            "une liste mal indentée (les « - » d'une même liste doivent être alignés)",
        ),
    ];
    KNOWN
        .iter()
        .find(|(english, _)| info.contains(english))
        .map_or_else(|| info.to_string(), |(_, french)| (*french).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> &[Entry] {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn plain_scalars_stay_text_with_positions() {
        let node = parse_yaml("code: 33000\nstart: 09:00\nlist:\n  - a\n  - b\n", 2).unwrap();
        let entries = map(&node);
        assert_eq!(entries[0].key, "code");
        assert_eq!(entries[0].key_at, Pos::new(2, 1));
        assert_eq!(
            entries[0].value,
            Node::new(
                Value::Scalar {
                    text: "33000".into(),
                    quoted: false
                },
                Pos::new(2, 7)
            )
        );
        let Value::List(items) = &entries[2].value.value else {
            panic!()
        };
        assert_eq!(items[1].at, Pos::new(6, 5));
    }

    #[test]
    fn aliases_and_duplicates_are_refused() {
        let alias = parse_yaml("a: &x [1, 2]\nb: *x\n", 1).unwrap_err();
        assert_eq!(alias.at, Pos::new(2, 4));
        let dup = parse_yaml("a: 1\na: 2\n", 1).unwrap_err();
        assert_eq!(dup.field, "a");
        assert_eq!(dup.at, Pos::new(2, 1));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        // Flow style: the scanner's own limit answers.
        let flow = "a: ".to_string() + &"[".repeat(10_000) + &"]".repeat(10_000);
        let err = parse_yaml(&flow, 1).unwrap_err();
        assert_eq!(err.found, "une imbrication trop profonde de [ ] ou de { }");
        // Block style: ours does.
        let block: String = (0..40).map(|i| format!("{}k:\n", "  ".repeat(i))).collect();
        let err = parse_yaml(&block, 1).unwrap_err();
        assert_eq!(err.expected, "au plus 32 niveaux d'imbrication");
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let err = parse_yaml("a: [1, 2\nb: 3\n", 5).unwrap_err();
        assert!(err.at.line >= 5, "{err:?}");
        assert_eq!(err.expected, "du YAML valide");
    }
}
