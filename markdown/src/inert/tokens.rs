//! Enough of HTML's tokenizer to read generated HTML as a browser does: start and end tags,
//! attributes with their values decoded, comments and doctypes, and the text of the elements
//! whose text is not markup (`<script>`, `<style>`, `<title>`, `<textarea>`…).
//!
//! It follows the states of the WHATWG tokenizer that matter for what a page can run, and
//! errs on the side of seeing a tag: a tag cut by the end of the text is still a tag.

/// A start tag, as a browser's tokenizer reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The byte offset of its `<`.
    pub at: usize,
    /// Its name, in ASCII lowercase.
    pub name: String,
    /// Its attributes in the order written: names in ASCII lowercase, values with their
    /// character references decoded.
    pub attrs: Vec<(String, String)>,
    /// For the elements whose text is not markup, that text as written, up to their end tag.
    pub text: Option<String>,
}

impl Tag {
    /// The value of the first attribute of that name, as a browser keeps it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the tokenizer meets at each `<` of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A start tag, with the text that follows it when that text is not markup.
    Start(Tag),
    /// An end tag (its attributes, which browsers ignore, are skipped).
    End {
        /// The byte offset of its `<`.
        at: usize,
        /// Its name, in ASCII lowercase.
        name: String,
    },
    /// A comment, a doctype, a processing instruction or a malformed end tag: markup that
    /// opens no element.
    Markup {
        /// The byte offset of its `<`.
        at: usize,
    },
    /// A `<` that a browser reads as text, such as the one in `a < b`.
    Text {
        /// The byte offset of the `<`.
        at: usize,
    },
}

/// The elements whose text a browser does not read as markup: only their own end tag ends
/// them. (`noscript` is read as markup here, which sees more tags, not fewer.)
const RAW_TEXT: [&str; 9] = [
    "script",
    "style",
    "title",
    "textarea",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Every `<` of `html`, read as a browser reads it, in order.
pub fn tokens(html: &str) -> Vec<Token> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|j| i + j) {
        let rest = &html[lt + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            out.push(Token::Markup { at: lt });
            i = lt + 4 + comment_length(comment);
        } else if rest.starts_with(['!', '?']) {
            out.push(Token::Markup { at: lt });
            i = html[lt..].find('>').map_or(html.len(), |j| lt + j + 1);
        } else if let Some(end) = rest.strip_prefix('/') {
            if end.starts_with(|c: char| c.is_ascii_alphabetic()) {
                let (name, next) = tag_name(html, lt + 2);
                let (_, next) = attributes(html, next);
                out.push(Token::End { at: lt, name });
                i = next;
            } else if end.starts_with('>') {
                i = lt + 3; // `</>` is dropped
            } else {
                out.push(Token::Markup { at: lt });
                i = html[lt..].find('>').map_or(html.len(), |j| lt + j + 1);
            }
        } else if b.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
            let (name, next) = tag_name(html, lt + 1);
            let (attrs, next) = attributes(html, next);
            i = next;
            let mut text = None;
            if RAW_TEXT.contains(&name.as_str()) {
                let end = raw_text_end(html, i, &name);
                text = Some(html[i..end].to_string());
                i = end;
            }
            out.push(Token::Start(Tag {
                at: lt,
                name,
                attrs,
                text,
            }));
        } else {
            out.push(Token::Text { at: lt });
            i = lt + 1;
        }
    }
    out
}

/// How many bytes of `rest`, the text after `<!--`, the comment takes with its end: `-->`,
/// `--!>`, or the `>` of an empty `<!-->` or `<!--->`.
fn comment_length(rest: &str) -> usize {
    if rest.starts_with('>') {
        return 1;
    }
    if rest.starts_with("->") {
        return 2;
    }
    let ends = [("-->", 3), ("--!>", 4)];
    ends.iter()
        .filter_map(|(end, len)| rest.find(end).map(|j| j + len))
        .min()
        .unwrap_or(rest.len())
}

/// The tag name starting at `start`, lowercased, and where it ends.
fn tag_name(html: &str, start: usize) -> (String, usize) {
    let end = html[start..]
        .find(|c: char| c.is_ascii() && (is_space(c as u8) || c == '/' || c == '>'))
        .map_or(html.len(), |j| start + j);
    (html[start..end].to_ascii_lowercase(), end)
}

/// The attributes of a tag from `i` to its `>`, and the offset after it.
fn attributes(html: &str, mut i: usize) -> (Vec<(String, String)>, usize) {
    let b = html.as_bytes();
    let skip_spaces = |mut i: usize| {
        while b.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        i
    };
    let mut attrs = Vec::new();
    loop {
        while b.get(i).is_some_and(|&c| is_space(c) || c == b'/') {
            i += 1;
        }
        match b.get(i) {
            None => return (attrs, html.len()),
            Some(b'>') => return (attrs, i + 1),
            Some(_) => {}
        }
        // A name may start with `=`; it ends at a space, `/`, `>` or `=`.
        let start = i;
        i += 1;
        while b
            .get(i)
            .is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'='))
        {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        let mut value = String::new();
        let after_name = skip_spaces(i);
        if b.get(after_name) == Some(&b'=') {
            i = skip_spaces(after_name + 1);
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let stop = html[i + 1..]
                        .find(q as char)
                        .map_or(html.len(), |j| i + 1 + j);
                    value = decode_references(&html[i + 1..stop]);
                    i = (stop + 1).min(html.len());
                }
                _ => {
                    let stop = html[i..]
                        .find(|c: char| c.is_ascii() && (is_space(c as u8) || c == '>'))
                        .map_or(html.len(), |j| i + j);
                    value = decode_references(&html[i..stop]);
                    i = stop;
                }
            }
        }
        attrs.push((name, value));
    }
}

/// Where the text of a raw-text element `name` that starts at `i` ends: at its end tag, a
/// `</name` followed by a space, `/` or `>`, in any case.
fn raw_text_end(html: &str, i: usize, name: &str) -> usize {
    if name == "plaintext" {
        return html.len();
    }
    let lower = html[i..].to_ascii_lowercase();
    let close = format!("</{name}");
    let mut from = 0;
    while let Some(j) = lower[from..].find(&close).map(|j| from + j) {
        let after = lower.as_bytes().get(j + close.len()).copied();
        if after.is_none_or(|c| is_space(c) || c == b'/' || c == b'>') {
            return i + j;
        }
        from = j + 1;
    }
    html.len()
}

/// Character references decoded as a browser decodes them in an attribute value: numeric
/// ones with or without their `;`, and the named ones that can spell an address (`&colon;`,
/// `&Tab;`, `&NewLine;`…), whatever their case. Anything else is left as written.
pub fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference stands for, and how many bytes after the `&` it takes.
fn reference(rest: &str) -> Option<(char, usize)> {
    if let Some(number) = rest.strip_prefix('#') {
        let (radix, digits_at) = match number.as_bytes().first() {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let digits = rest[digits_at..]
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(rest.len() - digits_at);
        if digits == 0 {
            return None;
        }
        let value = rest[digits_at..digits_at + digits]
            .chars()
            .try_fold(0u32, |n, d| {
                n.checked_mul(radix)?.checked_add(d.to_digit(radix)?)
            });
        // Zero, surrogates and values past Unicode become U+FFFD, as in a browser.
        let c = value
            .filter(|&v| v != 0)
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        let end = digits_at + digits;
        let len = if rest[end..].starts_with(';') {
            end + 1
        } else {
            end
        };
        return Some((c, len));
    }
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    if !rest[name_len..].starts_with(';') {
        return None;
    }
    let c = match rest[..name_len].to_ascii_lowercase().as_str() {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "colon" => ':',
        "tab" => '\t',
        "newline" => '\n',
        "sol" => '/',
        "bsol" => '\\',
        "period" => '.',
        "num" => '#',
        "quest" => '?',
        "nbsp" => '\u{A0}',
        _ => return None,
    };
    Some((c, name_len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(html: &str) -> Tag {
        match tokens(html).into_iter().next() {
            Some(Token::Start(tag)) => tag,
            other => panic!("no start tag in {html:?}: {other:?}"),
        }
    }

    #[test]
    fn attributes_are_read_in_every_style() {
        let tag = start("<A HREF = 'x y' data-x=1 checked title=\"a>b\" / onclick=go>");
        assert_eq!(tag.name, "a");
        assert_eq!(tag.attr("href"), Some("x y"));
        assert_eq!(tag.attr("data-x"), Some("1"));
        assert_eq!(tag.attr("checked"), Some(""));
        assert_eq!(tag.attr("title"), Some("a>b"));
        assert_eq!(tag.attr("onclick"), Some("go"));
    }

    #[test]
    fn comments_doctypes_and_text_are_not_tags() {
        let all = tokens("<!DOCTYPE html><!-- <script> --><!--><?x?>a < b</ x></><p>");
        assert_eq!(
            all,
            [
                Token::Markup { at: 0 },
                Token::Markup { at: 15 },
                Token::Markup { at: 32 },
                Token::Markup { at: 37 },
                Token::Text { at: 44 },
                Token::Markup { at: 47 },
                Token::Start(Tag {
                    at: 55,
                    name: "p".into(),
                    attrs: vec![],
                    text: None
                }),
            ]
        );
        // `--!>` ends a comment too.
        assert!(matches!(tokens("<!-- a --!><b>")[1], Token::Start(_)));
    }

    #[test]
    fn the_text_of_a_script_runs_to_its_own_end_tag() {
        let all = tokens("<script>a<b></scripts></SCRIPT ><i>");
        let Token::Start(script) = &all[0] else {
            panic!("{all:?}")
        };
        assert_eq!(script.text.as_deref(), Some("a<b></scripts>"));
        assert!(matches!(&all[1], Token::End { name, .. } if name == "script"));
        assert!(matches!(&all[2], Token::Start(t) if t.name == "i"));
    }

    #[test]
    fn references_are_decoded_as_a_browser_does() {
        for (written, read) in [
            ("&#106;ava", "java"),
            ("&#x6A;&#X41;", "jA"),
            ("&#0000106avascript", "javascript"),
            ("java&Tab;script&colon;", "java\tscript:"),
            ("&NewLine;&amp;&lt;&quot;&apos;", "\n&<\"'"),
            ("&#0;&#xD800;&#99999999999;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ("&unknown; &amp &# &#x;", "&unknown; &amp &# &#x;"),
        ] {
            assert_eq!(decode_references(written), read, "{written}");
        }
    }
}
