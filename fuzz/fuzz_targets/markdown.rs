//! Any text through the generator's Markdown renderer. Bodies may come from public forms, so
//! besides never panicking the output must be inert: no element but those Markdown makes,
//! no `<script`, and no link or image whose address a browser would run.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The renderer alone, from the generator's source file: it needs only pulldown-cmark, and
// depending on the whole generator would build tokio, tera and minify-html instrumented.
#[path = "../../generator/src/markdown.rs"]
mod markdown;

/// The elements pulldown-cmark writes with the options the generator turns on.
const ELEMENTS: &str = "a blockquote br code del em h1 h2 h3 h4 h5 h6 hr img li ol p pre strong \
                        table tbody td th thead tr ul";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for depth in [1, 2] {
        let html = markdown::to_html(text, depth);
        check(&html, text);
    }
    let _ = markdown::plain_summary(text, 160);
});

fn check(html: &str, input: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(
        !lower.contains("<script"),
        "raw <script in {html:?} from {input:?}"
    );
    // Open elements, which the minifier's recursion must not see too deep.
    let mut open = 0usize;
    for (i, _) in html.match_indices('<') {
        let rest = &lower[i + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            ELEMENTS.split_whitespace().any(|e| e == name),
            "element <{name}> in {html:?} from {input:?}"
        );
        if rest.starts_with('/') {
            open = open.checked_sub(1).expect("an end tag closes an element");
        } else if !matches!(name.as_str(), "br" | "hr" | "img") {
            open += 1;
            assert!(
                open <= markdown::MAX_NESTING,
                "nested {open} deep from {input:?}"
            );
        }
    }
    assert_eq!(open, 0, "unbalanced {html:?} from {input:?}");
    for attr in ["href=\"", "src=\""] {
        for (i, _) in lower.match_indices(attr) {
            let value = &html[i + attr.len()..];
            let value = &value[..value.find('"').unwrap_or(value.len())];
            let url = as_browser_reads(value);
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(
                    !url.starts_with(scheme),
                    "{attr}{value}\" runs {scheme} in {html:?} from {input:?}"
                );
            }
        }
    }
}

/// An attribute value as a browser resolves it: character references decoded, then tabs
/// and line breaks removed, leading controls and spaces stripped, lowercased.
fn as_browser_reads(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e < 12);
        let decoded = end.and_then(|e| match &rest[1..e] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "colon" => Some(':'),
            "tab" => Some('\t'),
            "newline" => Some('\n'),
            n => n
                .strip_prefix("#x")
                .or_else(|| n.strip_prefix("#X"))
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| n.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_start_matches(|c: char| c <= ' ')
        .to_ascii_lowercase()
}
