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

/// An association of the multilingual site with an editor's English translation of its
/// name, summary and first place's directions, and none of its body.
fn translated() -> Site {
    let site = multilingual();
    let rel = "content/associations/epicerie-du-port.md";
    let file = fs::read_to_string(site.path(rel)).unwrap();
    let file = file.replacen(
        "updated: 2026-11-01\n",
        "updated: 2026-11-01\ntranslations:\n  en:\n    name: Port grocery\n    summary: A solidarity grocery for everyone in the neighbourhood.\n    locations:\n      - accessibility: {notes: Ramp at the entrance}\n",
        1,
    );
    site.write(rel, &file);
    site
}

#[test]
fn an_english_page_shows_the_translation_in_its_language_and_the_rest_in_french() {
    let site = translated();
    let out = site.build("public");
    let page = raw(&out, "en/associations/epicerie-du-port/index.html");
    assert!(page.contains("<h1>Port grocery</h1>"), "{page}");
    assert!(
        page.contains(
            "<p class=\"lead\">A solidarity grocery for everyone in the neighbourhood.</p>"
        )
    );
    assert!(page.contains("Ramp at the entrance"));
    assert!(!page.contains("lang=\"fr\" dir=\"ltr\">Rampe"));
    // The body was not translated: French, inside lang="fr", so a screen reader switches.
    let prose = page
        .find("<div class=\"prose\" lang=\"fr\" dir=\"ltr\">")
        .map(|i| &page[i..])
        .expect("the body inside lang=\"fr\"");
    assert!(
        prose[..prose.find("</div>").unwrap()].contains("Qui sommes-nous"),
        "{prose}"
    );
    // The Arabic page, without a translation, keeps the French name inside lang="fr".
    let ar = raw(&out, "ar/associations/epicerie-du-port/index.html");
    assert!(ar.contains("<h1 lang=\"fr\" dir=\"ltr\">Épicerie du Port</h1>"));
    // The English directory's card says the translation too.
    let directory = raw(&out, "en/associations/index.html");
    assert!(directory.contains(">Port grocery</a>"), "{directory}");
    // The French page is as without translations.
    let fr = raw(&out, "associations/epicerie-du-port/index.html");
    assert!(fr.contains("<h1>Épicerie du Port</h1>") && !fr.contains("Port grocery"));
}

#[test]
fn open_data_and_search_carry_the_translations() {
    let site = translated();
    let out = site.build("public");
    let data: serde_json::Value =
        serde_json::from_str(&raw(&out, "donnees/associations.json")).unwrap();
    let a = data["associations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] == "epicerie-du-port")
        .unwrap();
    assert_eq!(a["translations"]["en"]["name"], "Port grocery");
    assert_eq!(
        a["translations"]["en"]["locations"][0]["accessibility"]["notes"],
        "Ramp at the entrance"
    );
    let other = data["associations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] != "epicerie-du-port")
        .unwrap();
    assert!(
        other.get("translations").is_none(),
        "none when untranslated"
    );

    // The entry's number in the index, then the English word finding it.
    let mut number = None;
    for n in 0.. {
        let Ok(text) = fs::read_to_string(out.join(format!("recherche/fiches/{n}.json"))) else {
            break;
        };
        let items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        if let Some(i) = items
            .iter()
            .position(|i| i["u"] == "/associations/epicerie-du-port/")
        {
            number = Some(n * 16 + i);
        }
    }
    let number = number.expect("the association is in the index");
    let mut found = None;
    for entry in fs::read_dir(out.join("recherche/mots")).unwrap() {
        let words: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        if let Some(list) = words.get("grocery") {
            found = Some(list.clone());
        }
    }
    let list = found.expect("« grocery » is a word of the index");
    let mut at = 0;
    let numbers: Vec<u64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            at += g.as_u64().unwrap();
            at
        })
        .collect();
    assert_eq!(numbers, [number as u64]);
}

#[test]
fn portal_new_shows_translations_that_build_once_uncommented() {
    let site = multilingual();
    for (kind, folder, slug) in [
        ("association", "associations", "nouvelle-association"),
        ("page", "pages", "nouvelle-page"),
    ] {
        let run = site.portal(&["new", kind, slug]);
        assert!(run.status.success(), "{run:?}");
        let rel = format!("content/{folder}/{slug}.md");
        let text = fs::read_to_string(site.path(&rel)).unwrap();
        assert!(text.contains("# translations:\n#   en:\n"), "{text}");
        // The example, uncommented, is a translation the site accepts.
        let mut open = false;
        let lines: Vec<String> = text
            .lines()
            .map(|l| {
                if l == "# translations:" {
                    open = true;
                }
                if l == "---" {
                    open = false;
                }
                match l.strip_prefix("# ") {
                    Some(rest) if open => rest.to_string(),
                    _ => l.to_string(),
                }
            })
            .collect();
        site.write(&rel, &(lines.join("\n") + "\n"));
    }
    let check = site.portal(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let out = site.build("public");
    assert!(raw(&out, "en/nouvelle-page/index.html").contains("<h1>Title in en</h1>"));
}

#[test]
fn what_stays_french_on_other_languages_pages_says_so() {
    let site = multilingual();
    let out = site.build("public");
    let home = raw(&out, "en/index.html");
    // Free pages without a translated title: their links in the menu and the footer.
    assert!(
        home.contains("<a href=\"/en/a-propos/\" lang=\"fr\">À propos</a>"),
        "{home}"
    );
    assert!(home.contains("<a href=\"/en/mentions-legales/\" lang=\"fr\">Mentions légales</a>"));
    let fr = raw(&out, "index.html");
    assert!(fr.contains("<a href=\"/a-propos/\">À propos</a>"));
    // Languages spoken, named in themselves, each in its own language.
    let page = raw(&out, "en/associations/epicerie-du-port/index.html");
    assert!(
        page.contains("<span lang=\"fr\">français</span>, <span lang=\"ar\">العربية</span>"),
        "{page}"
    );
    let page = raw(&out, "associations/epicerie-du-port/index.html");
    assert!(page.contains("français, arabe"));
    // The map's description and title in the page's language.
    let map = raw(&out, "en/carte/index.html");
    assert!(map.contains("the map and the list of places"), "{map}");
    assert!(!map.contains("Carte des"), "{map}");
}
