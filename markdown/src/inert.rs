//! The safety oracle: whether a piece of HTML is inert, read as a browser reads it.
//!
//! Bodies may one day come from public forms, so what the generator writes must run
//! nothing: no script but structured data and the site's own files, no event handler, no
//! address a browser would run however it is encoded, no element that embeds or navigates.
//! The fuzz targets hold [`to_html`](crate::to_html)'s output to [`Scope::Body`]; the
//! adversarial tests hold every page a build writes to [`Scope::Page`].
//!
//! The oracle does not share code with the renderer it checks (its own tokenizer, its own
//! reading of addresses): a mistake in one is not repeated in the other.

mod tokens;

pub use tokens::{Tag, Token, decode_references, tokens};

use crate::MAX_NESTING;

/// What a piece of HTML is, which says what it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A Markdown body as [`to_html`](crate::to_html) writes it: only the elements and
    /// attributes pulldown-cmark writes, every `<` one of their tags, balanced and nested at
    /// most [`MAX_NESTING`] deep; no script at all.
    Body,
    /// A whole page of the built site: HTML's document, text, table and form elements and
    /// SVG's shapes, nothing that embeds, navigates or animates (optional end tags may be
    /// left out); scripts only as JSON-LD or as files of the site.
    Page,
}

/// Why a piece of HTML is not inert: the first offence, at the byte offset of its `<`.
#[derive(Debug, thiserror::Error)]
pub enum Why {
    /// An element the scope does not allow: `<iframe>`, `<object>`, `<base>`, SVG's
    /// `<animate>`, or in a body anything Markdown does not write.
    #[error("byte {at}: <{name}>, an element not allowed here")]
    Element {
        /// Where its `<` is.
        at: usize,
        /// Its name.
        name: String,
    },
    /// In a body, a `<` that opens none of Markdown's tags: a comment, a doctype, or text
    /// that should have been escaped.
    #[error("byte {at}: a `<` that opens no tag of Markdown's")]
    NotATag {
        /// Where the `<` is.
        at: usize,
    },
    /// An attribute that runs script: `onclick`, `onerror`, `onload`…
    #[error("byte {at}: <{element} {attr}=…>, an event handler")]
    EventHandler {
        /// Where the tag is.
        at: usize,
        /// The element.
        element: String,
        /// The attribute.
        attr: String,
    },
    /// An address a browser would run (`javascript:`, `vbscript:`, `data:`), however it is
    /// written: character references, tabs and line breaks, spaces or controls before it,
    /// case.
    #[error("byte {at}: <{element} {attr}={value:?}>, which a browser reads as {scheme:?}")]
    RunsCode {
        /// Where the tag is.
        at: usize,
        /// The element.
        element: String,
        /// The attribute holding the address.
        attr: String,
        /// Its value, references decoded.
        value: String,
        /// The scheme a browser sees, such as `javascript:`.
        scheme: &'static str,
    },
    /// A `style` attribute with a function, an escape or an at-rule (`url(`, `expression(`,
    /// `\6a`, `@import`), the ways CSS can fetch or run something.
    #[error("byte {at}: <{element} style={value:?}>, a style that can fetch or run something")]
    Style {
        /// Where the tag is.
        at: usize,
        /// The element.
        element: String,
        /// The style, references decoded.
        value: String,
    },
    /// In a body, an attribute pulldown-cmark does not write.
    #[error("byte {at}: <{element} {attr}=…>, an attribute Markdown does not write")]
    Attribute {
        /// Where the tag is.
        at: usize,
        /// The element.
        element: String,
        /// The attribute.
        attr: String,
    },
    /// `<meta http-equiv=refresh>`, which navigates (possibly to a `javascript:` address)
    /// by itself.
    #[error("byte {at}: <meta http-equiv=refresh>, which navigates by itself")]
    Refresh {
        /// Where the tag is.
        at: usize,
    },
    /// A script that is neither JSON-LD nor an empty `<script src>` of the site's own.
    #[error("byte {at}: a script that is neither JSON-LD nor one of the site's own files: {tag:?}")]
    Script {
        /// Where the tag is.
        at: usize,
        /// The script's tag, with its text.
        tag: Box<Tag>,
    },
    /// JSON-LD whose text a browser could read otherwise than as the JSON it means: not
    /// JSON (a field may have closed the script), or holding `<!--` or `<script`, which
    /// change where a browser ends the script.
    #[error("byte {at}: JSON-LD broken ({problem}), as when a field closes the script: {text}")]
    JsonLd {
        /// Where the tag is.
        at: usize,
        /// What is wrong with it.
        problem: String,
        /// The script's text.
        text: String,
    },
    /// In a body, an end tag that does not close the element open last.
    #[error("byte {at}: </{name}> closes {open:?}")]
    Unbalanced {
        /// Where the end tag is.
        at: usize,
        /// Its name.
        name: String,
        /// The element open last, if any.
        open: Option<String>,
    },
    /// In a body, an element left open at the end.
    #[error("byte {at}: <{name}> is never closed")]
    Unclosed {
        /// Where its start tag is.
        at: usize,
        /// Its name.
        name: String,
    },
    /// In a body, an element nested deeper than [`MAX_NESTING`]: the HTML minifier, a
    /// recursive parser, would overflow its stack.
    #[error("byte {at}: <{name}> nested {depth} deep, past {MAX_NESTING}")]
    TooDeep {
        /// Where its start tag is.
        at: usize,
        /// Its name.
        name: String,
        /// How deep it is.
        depth: usize,
    },
}

/// The elements pulldown-cmark writes with the options [`to_html`](crate::to_html) turns
/// on.
const BODY_ELEMENTS: &str = "a blockquote br code del em h1 h2 h3 h4 h5 h6 hr img li ol p pre \
                             strong table tbody td th thead tr ul";

/// The attributes pulldown-cmark writes on them (`style` for table alignment, `class` for
/// a fenced block's language, `start` for an ordered list).
const BODY_ATTRIBUTES: [&str; 7] = ["href", "title", "src", "alt", "style", "start", "class"];

/// The elements without an end tag, in a body.
const VOID: [&str; 3] = ["br", "hr", "img"];

/// The elements a page may hold: HTML's document, text, table and form elements and the SVG
/// shapes the theme draws maps with. Left out: whatever embeds, navigates or animates
/// (`iframe`, `object`, `embed`, `frame`, `base`, `portal`, SVG's `animate`, `set`, `use`,
/// `image`, `foreignObject`), `style` (the site's CSS is a file), and every unknown name.
/// `script` is allowed under its own rule (see [`Why::Script`]).
const PAGE_ELEMENTS: &str = "\
    html head body title meta link noscript \
    main header footer nav section article aside address hgroup search h1 h2 h3 h4 h5 h6 \
    div p hr pre blockquote ol ul li dl dt dd figure figcaption details summary \
    a em strong small s cite q dfn abbr data time code var samp kbd sub sup i b u mark bdi \
    bdo span br wbr del ins img \
    table caption colgroup col tbody thead tfoot tr td th \
    form label input button select datalist optgroup option textarea output fieldset legend \
    meter progress \
    svg g path circle rect ellipse line polyline polygon text tspan desc defs";

/// The attributes whose value is an address a browser may follow or load.
const URL_ATTRIBUTES: [&str; 15] = [
    "href",
    "xlink:href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "cite",
    "ping",
    "longdesc",
    "manifest",
    "lowsrc",
    "dynsrc",
];

/// The schemes that make an address run code.
const RUNNING_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// Whether `html` is inert in `scope`: `Ok` if a browser would run nothing from it, or the
/// first reason it would.
pub fn is_inert(html: &str, scope: Scope) -> Result<(), Why> {
    // The elements open in a body, with where they start.
    let mut open: Vec<(String, usize)> = Vec::new();
    for token in tokens(html) {
        match token {
            Token::Start(tag) => {
                check_tag(&tag, scope)?;
                if scope == Scope::Body && !VOID.contains(&tag.name.as_str()) {
                    open.push((tag.name.clone(), tag.at));
                    if open.len() > MAX_NESTING {
                        return Err(Why::TooDeep {
                            at: tag.at,
                            name: tag.name,
                            depth: open.len(),
                        });
                    }
                }
            }
            Token::End { at, name } => {
                if !allowed(&name, scope) {
                    return Err(Why::Element { at, name });
                }
                if scope == Scope::Body {
                    match open.pop() {
                        Some((top, _)) if top == name => {}
                        top => {
                            return Err(Why::Unbalanced {
                                at,
                                name,
                                open: top.map(|(name, _)| name),
                            });
                        }
                    }
                }
            }
            Token::Markup { at } | Token::Text { at } if scope == Scope::Body => {
                return Err(Why::NotATag { at });
            }
            Token::Markup { .. } | Token::Text { .. } => {}
        }
    }
    match open.pop() {
        Some((name, at)) => Err(Why::Unclosed { at, name }),
        None => Ok(()),
    }
}

/// Whether an element may appear in `scope` (scripts then pass their own rule).
fn allowed(name: &str, scope: Scope) -> bool {
    match scope {
        Scope::Body => BODY_ELEMENTS.split_ascii_whitespace().any(|e| e == name),
        Scope::Page => {
            name == "script" || PAGE_ELEMENTS.split_ascii_whitespace().any(|e| e == name)
        }
    }
}

/// The rules of one start tag: its element, its attributes, and for a script its text.
fn check_tag(tag: &Tag, scope: Scope) -> Result<(), Why> {
    if !allowed(&tag.name, scope) {
        return Err(Why::Element {
            at: tag.at,
            name: tag.name.clone(),
        });
    }
    let element = || tag.name.clone();
    for (attr, value) in &tag.attrs {
        if attr.starts_with("on") {
            return Err(Why::EventHandler {
                at: tag.at,
                element: element(),
                attr: attr.clone(),
            });
        }
        if scope == Scope::Body && !BODY_ATTRIBUTES.contains(&attr.as_str()) {
            return Err(Why::Attribute {
                at: tag.at,
                element: element(),
                attr: attr.clone(),
            });
        }
        if URL_ATTRIBUTES.contains(&attr.as_str())
            && let Some(scheme) = addresses(attr, value).find_map(running_scheme)
        {
            return Err(Why::RunsCode {
                at: tag.at,
                element: element(),
                attr: attr.clone(),
                value: value.clone(),
                scheme,
            });
        }
        if attr == "style" && style_can_fetch(value) {
            return Err(Why::Style {
                at: tag.at,
                element: element(),
                value: value.clone(),
            });
        }
    }
    if tag.name == "meta"
        && tag
            .attr("http-equiv")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"))
    {
        return Err(Why::Refresh { at: tag.at });
    }
    if tag.name == "script" {
        check_script(tag)?;
    }
    Ok(())
}

/// The addresses an attribute holds: one, or for `srcset` and `ping` a list.
fn addresses<'v>(attr: &str, value: &'v str) -> Box<dyn Iterator<Item = &'v str> + 'v> {
    match attr {
        // `url 1x, url 2x`: each candidate's first word.
        "srcset" => Box::new(
            value
                .split(',')
                .map(|c| c.split_ascii_whitespace().next().unwrap_or("")),
        ),
        "ping" => Box::new(value.split_ascii_whitespace()),
        _ => Box::new(std::iter::once(value)),
    }
}

/// The scheme that makes an address run code, read as a browser's URL parser reads it
/// (references are decoded already): tabs and line breaks removed anywhere, controls and
/// spaces stripped at the start, case ignored.
fn running_scheme(url: &str) -> Option<&'static str> {
    let url: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let url = url
        .trim_start_matches(|c: char| c <= ' ')
        .to_ascii_lowercase();
    RUNNING_SCHEMES.into_iter().find(|s| url.starts_with(s))
}

/// Whether a `style` attribute holds a function (`url(`, `expression(`), an escape that
/// could spell one, or an at-rule: declarations such as `text-align: left` need none.
fn style_can_fetch(value: &str) -> bool {
    value.contains(['(', '\\', '@'])
}

/// A script is JSON-LD that parses as JSON, or an empty `<script src>` of the site's own,
/// an absolute path (not `//host/…` nor `/\host/…`, which a browser reads as another host).
fn check_script(tag: &Tag) -> Result<(), Why> {
    let text = tag.text.as_deref().unwrap_or("");
    if tag
        .attr("type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
    {
        let lower = text.to_ascii_lowercase();
        let problem = if lower.contains("<!--") || lower.contains("<script") {
            Some("it holds <!-- or <script".to_string())
        } else {
            serde_json::from_str::<serde_json::Value>(text)
                .err()
                .map(|e| e.to_string())
        };
        return match problem {
            Some(problem) => Err(Why::JsonLd {
                at: tag.at,
                problem,
                text: text.to_string(),
            }),
            None => Ok(()),
        };
    }
    let src: String = tag
        .attr("src")
        .unwrap_or("")
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let own = src.starts_with('/') && !src[1..].starts_with(['/', '\\']);
    if own && text.is_empty() {
        Ok(())
    } else {
        Err(Why::Script {
            at: tag.at,
            tag: Box::new(tag.clone()),
        })
    }
}

#[cfg(test)]
mod tests;
