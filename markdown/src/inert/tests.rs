use super::*;
use crate::to_html;

fn page(html: &str) -> Result<(), Why> {
    is_inert(html, Scope::Page)
}

fn body(html: &str) -> Result<(), Why> {
    is_inert(html, Scope::Body)
}

#[test]
fn what_the_generator_writes_is_inert() {
    let markdown = "# Titre\n\nDu *texte*, du **gras**, ~~barré~~, `code`, [un lien](/a/) et \
                    ![une image](/i.png \"titre\").\n\n> Citation\n\n1. un\n2. deux\n\n\
                    3. trois\n\n- a\n- b\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n```rust\nfn f() {}\n```\n\n\
                    ---\nFin  \nde ligne <script>alert(1)</script>\n";
    let html = to_html(markdown, 1);
    body(&html).unwrap();
    page(&format!(
        "<!DOCTYPE html><html lang=fr><head><meta charset=utf-8><title>Page</title>\
         <link rel=stylesheet href=/assets/style.css><meta http-equiv=Content-Security-Policy \
         content=\"default-src 'self'\"><script type=application/ld+json>{{\"@type\":\"Place\"}}\
         </script></head><body><a class=skip-link href=#contenu>Aller</a><main id=contenu>\
         {html}<svg viewBox=\"0 0 10 10\" role=img><title>Carte</title><circle cx=1 cy=1 r=1>\
         </circle><text x=1>1</text></svg><form action=/recherche/><input name=q></form>\
         <a href=mailto:a@b.fr>a</a> <a href=tel:+33556>t</a> 1 < 2</main>\
         <script src=/assets/site.js defer></script>"
    ))
    .unwrap();
}

#[test]
fn scripts_are_refused_but_json_ld_and_the_sites_own_files() {
    for html in [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<script src=\"/\\evil.example/x.js\"></script>",
        "<script src=https://evil.example/x.js></script>",
        "<script src=/assets/site.js>alert(1)</script>",
        "<script type=module>import '/x.js'</script>",
    ] {
        assert!(matches!(page(html), Err(Why::Script { .. })), "{html}");
        assert!(matches!(body(html), Err(Why::Element { .. })), "{html}");
    }
    for html in [
        // A field that closed the script: the JSON is cut short.
        "<script type=application/ld+json>{\"name\":\"</script><script>alert(1)</script>\"}",
        // `<!--` and `<script` move the end a browser sees.
        "<script type=application/ld+json>{\"name\":\"<!--<script>\"}</script>",
    ] {
        assert!(matches!(page(html), Err(Why::JsonLd { .. })), "{html}");
    }
    page("<script type=\"application/ld+json\">{\"name\":\"\\u003c/script>\"}</script>").unwrap();
}

#[test]
fn event_handlers_are_refused_in_any_case_and_quoting() {
    for html in [
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)></svg>",
        "<a href=/ ONMOUSEOVER='alert(1)'>a</a>",
        "<p/onclick=\"alert(1)\">x</p>",
        "<p onfocus>x</p>",
    ] {
        assert!(
            matches!(page(html), Err(Why::EventHandler { .. })),
            "{html}"
        );
        assert!(
            matches!(
                body(html),
                Err(Why::EventHandler { .. } | Why::Element { .. })
            ),
            "{html}"
        );
    }
}

#[test]
fn addresses_that_run_code_are_refused_however_they_are_written() {
    let values = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;&#X41;vascript:alert(1)",
        "&#0000106avascript:alert(1)",
        "java&#x09;script:alert(1)",
        "java&#10;script:alert(1)",
        "java&Tab;script:alert(1)",
        "java&NewLine;script:alert(1)",
        "javascript&colon;alert(1)",
        "&#x20;\u{1}javascript:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "DATA:image/svg+xml,<svg onload=alert(1)>",
    ];
    for value in values {
        for tag in [
            format!("<a href=\"{value}\">x</a>"),
            format!("<a href='{value}'>x</a>"),
            format!("<img src=\"{value}\">"),
        ] {
            assert!(matches!(page(&tag), Err(Why::RunsCode { .. })), "{tag}");
            assert!(matches!(body(&tag), Err(Why::RunsCode { .. })), "{tag}");
        }
    }
    for tag in [
        "<a href=javascript:alert(1)>x</a>",
        "<svg><a xlink:href=javascript:alert(1)><text>x</text></a></svg>",
        "<form action=javascript:alert(1)></form>",
        "<button formaction=javascript:alert(1)>x</button>",
        "<img srcset=\"/a.png 1x, javascript:alert(1) 2x\">",
        "<a href=/ ping=\"/p javascript:alert(1)\">x</a>",
    ] {
        assert!(matches!(page(tag), Err(Why::RunsCode { .. })), "{tag}");
    }
    // Words that only look like a scheme are addresses within the site.
    for tag in [
        "<a href=/javascript:x>x</a>",
        "<a href=\"?q=javascript:x\">x</a>",
        "<a href=\"#data:x\">x</a>",
        "<a href=\"&amp;#106;avascript:x\">x</a>",
    ] {
        page(tag).unwrap();
    }
}

#[test]
fn elements_that_embed_navigate_or_animate_are_refused() {
    for html in [
        "<iframe src=/x></iframe>",
        "<object data=/x></object>",
        "<embed src=/x>",
        "<frame src=/x>",
        "<base href=https://evil.example/>",
        "<portal src=/x></portal>",
        "<style>*{}</style>",
        "<svg><animate attributeName=href to=javascript:alert(1) /></svg>",
        "<svg><set attributeName=href to=javascript:alert(1) /></svg>",
        "<svg><foreignObject><p>x</p></foreignObject></svg>",
        "<svg><use href=/sprite.svg#x /></svg>",
        "<math><mi>x</mi></math>",
        "<x-widget>x</x-widget>",
        "<p>x</blink>",
    ] {
        assert!(matches!(page(html), Err(Why::Element { .. })), "{html}");
    }
    assert!(matches!(
        page("<meta http-equiv=\"Refresh\" content=\"0;url=javascript:alert(1)\">"),
        Err(Why::Refresh { .. })
    ));
}

#[test]
fn styles_that_can_fetch_or_run_are_refused() {
    for value in [
        "background:url(javascript:alert(1))",
        "width:expression(alert(1))",
        "background:\\75rl(x)",
        "@import 'x'",
        "background:&#117;rl(x)",
    ] {
        let html = format!("<p style=\"{value}\">x</p>");
        assert!(matches!(page(&html), Err(Why::Style { .. })), "{html}");
    }
    body("<table><thead><tr><th style=\"text-align: left\">a</th></tr></thead></table>").unwrap();
}

#[test]
fn a_body_holds_only_markdowns_elements_balanced_and_bounded() {
    for html in [
        "<div>x</div>",
        "<span>x</span>",
        "<input type=checkbox>",
        "<svg></svg>",
    ] {
        assert!(matches!(body(html), Err(Why::Element { .. })), "{html}");
    }
    for html in ["<!-- x -->", "a < b", "<!DOCTYPE html>", "</ p>"] {
        assert!(matches!(body(html), Err(Why::NotATag { .. })), "{html}");
    }
    assert!(matches!(
        body("<a id=x href=/>x</a>"),
        Err(Why::Attribute { .. })
    ));
    assert!(matches!(
        body("<em>x</strong>"),
        Err(Why::Unbalanced { .. })
    ));
    assert!(matches!(body("</p>"), Err(Why::Unbalanced { .. })));
    assert!(matches!(body("<p>x"), Err(Why::Unclosed { .. })));
    let deep = |n: usize| "<blockquote>".repeat(n) + &"</blockquote>".repeat(n);
    body(&deep(MAX_NESTING)).unwrap();
    assert!(matches!(
        body(&deep(MAX_NESTING + 1)),
        Err(Why::TooDeep { depth: 33, .. })
    ));
}

#[test]
fn hostile_markdown_renders_inert() {
    for markdown in [
        "<script>alert(1)</script>\n\n<div onclick=x>y</div>\n<!-- x -->",
        "[a](javascript:alert(1)) [b](&#106;avascript:1) [c](java&#x09;script:1) \
         [d](<java\tscript:1>) [e](javascript&colon;1) [f](&#x20;javascript:1)",
        "![a](data:image/svg+xml;base64,PHN2Zz4=) ![b](vbscript:x) [c][r]\n\n[r]: javascript:1",
        "<javascript:alert(1)> <vbscript:x> <data:text/html,x>",
        "[a](https://exemple.org \"t\\\" onclick=\\\"x\")",
        "`<script>` ```<img src=x onerror=1>```",
        &(">".repeat(200) + " x"),
        &("- ".repeat(200) + "x"),
        &("> ".repeat(40) + "| a |\n" + &"> ".repeat(40) + "|---|\n"),
    ] {
        for depth in [1, 2] {
            let html = to_html(markdown, depth);
            if let Err(why) = body(&html) {
                panic!("{why} in {html:?} from {markdown:?}");
            }
        }
    }
}
