//! Markdown bodies to HTML, safely: bodies may one day come from public forms.
//!
//! Raw HTML is shown as text, never passed through; links and images keep only safe
//! schemes; headings are moved one level down, since the page's title is its only `h1`;
//! elements nested deeper than [`MAX_NESTING`] are left out, their text kept.
//!
//! [`inert`] is the oracle that says whether HTML is safe, read as a browser reads it: the
//! fuzz targets hold this renderer's output to it, the adversarial tests every page built.

pub mod inert;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// How deep elements of a body may nest. No text needs more than a few levels, and the HTML
/// minifier, a recursive parser, overflows its stack on a few hundred (`>>>>…`, `- - - …`).
pub const MAX_NESTING: usize = 32;

/// Renders a Markdown body to safe HTML, its highest heading `depth` levels under `h1`:
/// 1 for a body right under the page's `h1`, 2 for a body inside an `h2` section. Editors
/// start their sections with `#` or `##` alike; either way the page keeps one `h1` and no
/// level is skipped.
pub fn to_html(markdown: &str, depth: usize) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION;
    let top = Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let moved = move |level: HeadingLevel| demote(level, depth, top);
    // Links whose target is refused are shown as their text: their end tag is dropped too.
    let mut refused_links = Vec::new();
    let mut link_depth = 0usize;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            link_depth += 1;
            if is_safe_url(&dest_url) {
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            } else {
                refused_links.push(link_depth);
                None
            }
        }
        Event::End(TagEnd::Link) => {
            let refused = refused_links.last() == Some(&link_depth);
            link_depth -= 1;
            if refused {
                refused_links.pop();
                None
            } else {
                Some(Event::End(TagEnd::Link))
            }
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = if is_safe_url(&dest_url) {
                dest_url
            } else {
                CowStr::Borrowed("")
            };
            Some(Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: moved(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(moved(level)))),
        other => Some(other),
    });
    // Start and end tags past the limit are dropped in pairs, so the HTML stays balanced.
    // Depth counts elements written, not events (see `elements`).
    let mut open = 0usize;
    let events = events.filter(move |event| match event {
        Event::Start(tag) => {
            open += elements(tag.to_end());
            open <= MAX_NESTING
        }
        Event::End(tag) => {
            let kept = open <= MAX_NESTING;
            open -= elements(*tag);
            kept
        }
        _ => true,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// How deep the elements pulldown-cmark writes for one start event nest. A code block is
/// `<pre><code>`; a table is kept or left out whole, since its end writes
/// `</tbody></table>` whatever was kept of it: it counts its four levels (`table`, `thead`
/// or `tbody`, `tr`, `th` or `td`) at once and its parts none.
fn elements(tag: TagEnd) -> usize {
    match tag {
        TagEnd::Table => 4,
        TagEnd::TableHead | TagEnd::TableRow | TagEnd::TableCell => 0,
        TagEnd::CodeBlock => 2,
        _ => 1,
    }
}

/// `level` moved so that the body's `top` level (1 for `#`) lands `depth` levels under
/// `h1`.
fn demote(level: HeadingLevel, depth: usize, top: usize) -> HeadingLevel {
    const LEVELS: [HeadingLevel; 6] = [
        HeadingLevel::H1,
        HeadingLevel::H2,
        HeadingLevel::H3,
        HeadingLevel::H4,
        HeadingLevel::H5,
        HeadingLevel::H6,
    ];
    LEVELS[(level as usize - top + depth).min(5)]
}

/// Web, mail and phone links, and links within the site; never `javascript:`, `data:` or
/// other schemes a browser would run.
fn is_safe_url(url: &str) -> bool {
    let lower: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    match lower.split_once(':') {
        Some((scheme, _))
            if !scheme.contains('/') && !scheme.contains('?') && !scheme.contains('#') =>
        {
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

/// The first paragraph's text, shortened: a summary for feeds and search engines.
pub fn plain_summary(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph) if !text.is_empty() => break,
            _ => {}
        }
    }
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html(
            "Bonjour <script>alert(1)</script>\n\n<div onclick=x>y</div>\n",
            1,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn unsafe_links_keep_only_their_text() {
        let html = to_html(
            "[clic](javascript:alert(1)) et [site](https://exemple.org) [x](JaVa\tScript:1)",
            1,
        );
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(html.contains("clic"));
        assert!(
            html.contains("<a href=\"https://exemple.org\">site</a>"),
            "{html}"
        );
    }

    #[test]
    fn headings_move_down_below_the_page_heading() {
        assert_eq!(to_html("# Titre\n", 1), "<h2>Titre</h2>\n");
        // The body's highest heading is what moves under the page's, whatever its level.
        assert_eq!(to_html("## Sous-titre\n", 2), "<h3>Sous-titre</h3>\n");
        assert_eq!(
            to_html("# Haut\n\n###### Bas\n", 2),
            "<h3>Haut</h3>\n<h6>Bas</h6>\n"
        );
    }

    #[test]
    fn nesting_is_cut_at_the_limit_and_stays_balanced() {
        for markdown in [">".repeat(10_000) + " x", "- ".repeat(10_000) + "x"] {
            let html = to_html(&markdown, 1);
            let (mut open, mut deepest) = (0i64, 0i64);
            for (i, _) in html.match_indices('<') {
                if html[i..].starts_with("</") {
                    open -= 1;
                } else {
                    open += 1;
                    deepest = deepest.max(open);
                }
            }
            assert_eq!(open, 0, "balanced");
            assert_eq!(deepest, MAX_NESTING as i64, "{}", &html[..200]);
            assert!(html.contains('x'), "the text stays");
        }
    }

    #[test]
    fn every_construct_deep_down_stays_within_the_limit() {
        // Tables and code blocks write more elements than events: `<table><thead><tr><th>`.
        for n in MAX_NESTING - 8..MAX_NESTING + 4 {
            let q = "> ".repeat(n);
            for markdown in [
                format!("{q}| a |\n{q}|---|\n{q}| *b* |\n"),
                format!("{q}```\n{q}x\n{q}```\n"),
                format!("{q}    x\n"),
                format!("{q}- a\n{q}  1. b\n"),
                format!("{q}*a **b [c](/d) ![e](/f)***\n"),
            ] {
                let html = to_html(&markdown, 1);
                if let Err(why) = inert::is_inert(&html, inert::Scope::Body) {
                    panic!("{n} deep: {why} in {html:?}");
                }
            }
        }
    }

    #[test]
    fn safe_urls() {
        for ok in [
            "https://a.fr",
            "/ressources/",
            "#x",
            "mailto:a@b.fr",
            "tel:+33556",
            "page?a=b:c",
        ] {
            assert!(is_safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            " vbscript:x",
            "java\nscript:x",
        ] {
            assert!(!is_safe_url(bad), "{bad}");
        }
    }

    #[test]
    fn summary_is_the_first_paragraph_cut_at_a_word() {
        assert_eq!(
            plain_summary("Un *deux* trois.\n\nQuatre", 100),
            "Un deux trois."
        );
        assert_eq!(plain_summary("Un deux trois quatre", 10), "Un deux…");
    }
}

#[cfg(test)]
mod heading_tests {
    use super::to_html;

    #[test]
    fn the_bodys_highest_heading_lands_under_the_page_heading() {
        let hash = to_html("# Qui\n\n## Où\n", 1);
        let hashes = to_html("## Qui\n\n### Où\n", 1);
        assert_eq!(hash, "<h2>Qui</h2>\n<h3>Où</h3>\n");
        assert_eq!(hashes, hash, "## or # alike");
        assert_eq!(to_html("# Qui\n", 2), "<h3>Qui</h3>\n");
        assert_eq!(to_html("###### Six\n", 5), "<h6>Six</h6>\n");
    }
}
