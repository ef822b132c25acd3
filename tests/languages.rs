//! The public's pages in several languages (issue #16): each language under its prefix with
//! the same paths, `lang` and `dir` on `<html>`, a language menu and `hreflang` alternates,
//! the sitemap's alternates; the default language's pages as they were but for these.

use std::fs;

use crate::support::{Site, files};

const LANGUAGES: &str = "language = \"fr\"\nlanguages = [\"fr\", \"en\", \"ar\"]\n";

fn raw(dir: &std::path::Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap_or_else(|_| panic!("{rel} is written"))
}

fn multilingual() -> Site {
    let site = Site::copy("basic");
    let toml = fs::read_to_string(site.path("site.toml")).unwrap();
    site.write(
        "site.toml",
        &toml.replacen("language = \"fr\"\n", LANGUAGES, 1),
    );
    site
}

/// A French page with what the other languages add to it taken out: the language menu,
/// the alternates and `dir="ltr"`.
fn without_languages(html: &str) -> String {
    let mut out = html.replacen("<html lang=\"fr\" dir=\"ltr\">", "<html lang=\"fr\">", 1);
    if let (Some(a), Some(b)) = (
        out.find("<nav class=\"languages\""),
        out.find("</nav><a class=\"brand\""),
    ) {
        out.replace_range(a..b + "</nav>".len(), "");
    }
    while let Some(a) = out.find("<link rel=\"alternate\" hreflang=") {
        let b = a + out[a..].find('>').unwrap() + 1;
        out.replace_range(a..b, "");
    }
    out
}

#[test]
fn the_default_language_keeps_its_pages_and_addresses() {
    let basic = Site::copy("basic");
    let one = basic.build("public");
    let site = multilingual();
    let several = site.build("public");
    let mut compared = 0;
    for (rel, bytes) in files(&one) {
        let other = fs::read(several.join(&rel)).unwrap_or_else(|_| panic!("{rel} is kept"));
        // The sitemap gains the alternates; the forms' state holds site.toml as written.
        if rel.starts_with("sitemap") || rel == "donnees/formulaires.json" {
            continue;
        }
        if rel.ends_with(".html") {
            let (a, b) = (
                String::from_utf8(bytes).unwrap(),
                String::from_utf8(other).unwrap(),
            );
            assert_eq!(a, without_languages(&b), "{rel}");
            compared += 1;
        } else {
            assert_eq!(bytes, other, "{rel}");
        }
    }
    assert!(compared > 20, "{compared} pages compared");
}

#[test]
fn each_language_has_the_public_pages_under_its_prefix() {
    let site = multilingual();
    let out = site.build("public");
    let page = raw(&out, "ar/associations/epicerie-du-port/index.html");
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"),
        "{page}"
    );
    for (code, url) in [
        (
            "fr",
            "https://test.example.org/associations/epicerie-du-port/",
        ),
        (
            "en",
            "https://test.example.org/en/associations/epicerie-du-port/",
        ),
        (
            "ar",
            "https://test.example.org/ar/associations/epicerie-du-port/",
        ),
        (
            "x-default",
            "https://test.example.org/associations/epicerie-du-port/",
        ),
    ] {
        let link = format!("<link rel=\"alternate\" hreflang=\"{code}\" href=\"{url}\">");
        assert!(page.contains(&link), "{link}");
    }
    // The menu names each language in itself, the current one marked, without JavaScript.
    assert!(page.contains(
        "<a href=\"/ar/associations/epicerie-du-port/\" lang=\"ar\" hreflang=\"ar\" dir=\"rtl\" aria-current=\"true\">العربية</a>"
    ));
    assert!(page.contains("<a href=\"/en/associations/epicerie-du-port/\" lang=\"en\" hreflang=\"en\" dir=\"ltr\">English</a>"));
    for rel in [
        "en/carte/index.html",
        "en/index.html",
        "ar/404.html",
        "ar/recherche/index.html",
    ] {
        assert!(out.join(rel).is_file(), "{rel}");
    }
    // Between associations, the pages stay in French, at their one address; the menu of a
    // French-only page leads to each language's home page.
    assert!(!out.join("ar/benevolat").exists());
    assert!(!out.join("en/proposer").exists());
    let calls = raw(&out, "benevolat/index.html");
    assert!(calls.contains("<a href=\"/ar/\" lang=\"ar\" hreflang=\"ar\" dir=\"rtl\">العربية</a>"));
    assert!(
        !calls.contains("hreflang=\"ar\" href="),
        "no alternates for a French-only page"
    );
    // The sitemap lists every language's page, each with its alternates.
    let sitemap = raw(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://test.example.org/ar/associations/epicerie-du-port/</loc><xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://test.example.org/associations/epicerie-du-port/\"/>"));
    assert!(sitemap.contains("<loc>https://test.example.org/benevolat/</loc></url>"));
}
