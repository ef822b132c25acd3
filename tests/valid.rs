//! Sites that must build, and what their output must hold.

use std::fs;

use crate::support::{NOW, Site, canonical, files, read};

#[test]
fn basic_site_builds_every_page_kind() {
    let site = Site::copy("basic");
    let out = site.build("public");
    for page in [
        "index.html",
        "404.html",
        "associations/index.html",
        "associations/categorie/epicerie-solidaire/index.html",
        "associations/commune/bordeaux/index.html",
        "associations/commune/libourne/index.html",
        "associations/epicerie-du-port/index.html",
        "associations/ecoute-telephone/index.html",
        "benevolat/index.html",
        "benevolat/collecte-noel/index.html",
        "ressources/index.html",
        "ressources/offres/index.html",
        "ressources/demandes/index.html",
        "ressources/categorie/alimentaire/index.html",
        "ressources/pommes/index.html",
        "archives/index.html",
        "a-propos/index.html",
        "mentions-legales/index.html",
        "donnees/index.html",
        "sitemap.xml",
        "robots.txt",
        "flux/benevolat.xml",
        "flux/ressources.xml",
        "benevolat/creneaux.ics",
        "donnees/associations.json",
        "donnees/associations.csv",
        "donnees/associations.geojson",
    ] {
        assert!(out.join(page).is_file(), "{page} is missing");
    }
    let association = read(&out, "associations/epicerie-du-port/index.html");
    for expected in [
        "<h1>Épicerie du Port</h1>",
        "9\u{a0}h à 12\u{a0}h, 14\u{a0}h à 17\u{a0}h\u{a0}30",
        "Fermé les jours fériés",
        "Congés de fin d'année",
        "Accessible en fauteuil roulant",
        "<a class=tel href=tel:+33556123456>05\u{a0}56\u{a0}12\u{a0}34\u{a0}56</a>",
        "français, arabe",
        "Informations mises à jour le <time datetime=2026-11-01>1er novembre 2026</time>",
        "Collecte de Noël",
        "application/ld+json",
    ] {
        assert!(
            association.contains(expected),
            "association page lacks {expected:?}"
        );
    }
    let home = read(&out, "index.html");
    assert!(
        home.contains("Distribution du samedi matin"),
        "open call on the home page"
    );
    assert!(
        home.contains("40 kg de pommes"),
        "open offer on the home page"
    );
}

#[test]
fn expired_calls_and_listings_are_archived_but_keep_their_page() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let calls = read(&out, "benevolat/index.html");
    assert!(
        !calls.contains("Collecte d'été"),
        "an expired call is not listed"
    );
    assert!(calls.contains("Collecte de Noël"));
    let offers = read(&out, "ressources/offres/index.html");
    assert!(
        !offers.contains("Yaourts"),
        "an expired food offer is not listed"
    );
    let archive = read(&out, "archives/index.html");
    assert!(archive.contains("Collecte d'été") && archive.contains("Yaourts"));
    let expired = read(&out, "benevolat/collecte-ete/index.html");
    assert!(expired.contains("Cet appel est terminé"), "{expired}");
    let yaourts = read(&out, "ressources/yaourts-perimes/index.html");
    assert!(yaourts.contains("Cette annonce est terminée"));
    // Feeds and calendar hold only what is open.
    assert!(!read(&out, "flux/benevolat.xml").contains("Collecte d'été"));
    assert!(!read(&out, "benevolat/creneaux.ics").contains("Collecte d'été"));
}

#[test]
fn the_build_date_decides_what_is_archived() {
    let site = Site::copy("basic");
    let later = site.path("later");
    let result = site.portal(&[
        "build",
        "--now",
        "2026-12-02",
        "--output",
        later.to_str().unwrap(),
    ]);
    assert!(result.status.success());
    // The Christmas collection's deadline is 2026-12-01.
    assert!(!read(&later, "benevolat/index.html").contains("Collecte de Noël"));
    assert!(read(&later, "archives/index.html").contains("Collecte de Noël"));
}

#[test]
fn raw_html_and_dangerous_links_never_reach_the_page() {
    let site = Site::copy("basic");
    let out = site.build("public");
    for (path, bytes) in files(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = canonical(&bytes);
        assert!(!html.contains("<script>alert"), "{path} runs raw HTML");
        assert!(
            !html.to_lowercase().contains("javascript:"),
            "{path} has a javascript: link"
        );
        // Inside a quoted attribute (the description meta) `<b>` is inert text, which
        // minify-html leaves unescaped; anywhere else it would be an element.
        let outside_attributes = html.replace("content=\"Une épicerie solidaire <b>", "");
        assert!(
            !outside_attributes.contains("<b>ouverte</b>"),
            "{path} passes HTML from a summary"
        );
    }
    let page = read(&out, "associations/epicerie-du-port/index.html");
    assert!(
        page.contains("&lt;script>alert"),
        "raw HTML is shown as text"
    );
    assert!(
        page.contains("Un lien piégé"),
        "the text of a refused link stays"
    );
    // The body's "# Qui sommes-nous" sits under the h2 "Présentation".
    assert!(page.contains("<h3>Qui sommes-nous</h3>"));
}

#[test]
fn every_page_has_a_language_a_skip_link_first_landmarks_and_one_h1() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let mut pages = 0;
    for (path, bytes) in files(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = canonical(&bytes);
        assert!(
            html.starts_with("<!doctype html><html lang=fr>"),
            "{path}: doctype and lang"
        );
        assert!(
            html.contains("<body><a class=skip-link href=#contenu>Aller au contenu</a>"),
            "{path}: the skip link comes first"
        );
        assert!(
            html.contains("<main class=wrap id=contenu tabindex=-1>"),
            "{path}: main"
        );
        assert!(
            html.contains("<header class=site-header>")
                && html.contains("<footer class=site-footer>")
        );
        assert_eq!(html.matches("<h1").count(), 1, "{path}: exactly one h1");
        let levels: Vec<u8> = html
            .match_indices("<h")
            .filter_map(|(i, _)| html.as_bytes().get(i + 2).copied())
            .filter(|b| (b'1'..=b'6').contains(b))
            .map(|b| b - b'0')
            .collect();
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{path}: heading order jumps from h{} to h{}",
                pair[0],
                pair[1]
            );
        }
    }
    assert!(pages > 20);
}

#[test]
fn two_builds_are_byte_identical() {
    let site = Site::copy("basic");
    let a = site.build("one");
    let b = site.build("two");
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa.len(), fb.len());
    for ((pa, ba), (pb, bb)) in fa.iter().zip(&fb) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs between two builds");
    }
}

#[test]
fn assets_are_fingerprinted_and_referenced() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let assets: Vec<String> = fs::read_dir(out.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let css = assets
        .iter()
        .find(|a| a.starts_with("style.") && a.ends_with(".css"))
        .expect("css");
    assert_eq!(css.len(), "style.12345678.css".len(), "{css}");
    assert!(read(&out, "index.html").contains(&format!("href=/assets/{css}")));
}

#[test]
fn open_data_parses_with_the_expected_columns() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let text = read(&out, "donnees/associations.json");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let list = json["associations"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    // A parser keeps one of two equal keys silently: count them in the text.
    for key in ["slug", "url", "opening_hours"] {
        assert_eq!(text.matches(&format!("\"{key}\":")).count(), 2, "{key}");
    }
    assert_eq!(
        json["licence"],
        "Licence Ouverte / Open Licence 2.0 (Etalab)"
    );
    let epicerie = list
        .iter()
        .find(|a| a["slug"] == "epicerie-du-port")
        .unwrap();
    assert_eq!(epicerie["locations"][0]["postal_code"], "33000");
    assert_eq!(epicerie["contact"]["phone"]["display"], "05 56 12 34 56");

    let geo: serde_json::Value =
        serde_json::from_str(&read(&out, "donnees/associations.geojson")).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().unwrap();
    assert_eq!(
        features.len(),
        2,
        "one point per place; the remote association has none"
    );
    let coords = &features
        .iter()
        .find(|f| f["properties"]["city"] == "Bordeaux")
        .unwrap()["geometry"]["coordinates"];
    assert_eq!(coords[0], -0.569, "GeoJSON is [longitude, latitude]");
    assert_eq!(coords[1], 44.853);

    let mut csv = csv::Reader::from_path(out.join("donnees/associations.csv")).unwrap();
    let headers: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "slug",
            "nom",
            "resume",
            "categories",
            "lieu",
            "adresse",
            "code_postal",
            "commune",
            "latitude",
            "longitude",
            "horaires",
            "jours_feries",
            "accessible_fauteuil",
            "a_distance_uniquement",
            "telephone",
            "email",
            "site_web",
            "rna",
            "siret",
            "partenaire_banque_alimentaire",
            "publics",
            "acces",
            "precisions_acces",
            "frais",
            "publics_uniquement",
            "langues",
            "mis_a_jour",
            "url"
        ]
    );
    let rows: Vec<csv::StringRecord> = csv.records().map(|r| r.unwrap()).collect();
    assert_eq!(
        rows.len(),
        3,
        "one row per place, one for the remote-only association"
    );
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    let bordeaux = rows.iter().find(|r| &r[7] == "Bordeaux").unwrap();
    assert_eq!(&bordeaux[10], "Tu 09:00-12:00,14:00-17:30; Sa 09:00-12:00");
    // Who may come: the publics' keys, the access's precision (the former `conditions`).
    assert_eq!(&bordeaux[20], "familles");
    assert_eq!(&bordeaux[22], "Sur orientation d'un travailleur social");
    assert_eq!(epicerie["publics"], serde_json::json!(["familles"]));
    assert_eq!(epicerie["publics_labels"], serde_json::json!(["Familles"]));
    assert_eq!(epicerie["public_other"], serde_json::json!(["étudiants"]));
    assert_eq!(
        epicerie["access"]["note"],
        "Sur orientation d'un travailleur social"
    );
}

#[test]
fn feeds_and_sitemap_are_well_formed_xml() {
    let site = Site::copy("basic");
    let out = site.build("public");
    for file in ["flux/benevolat.xml", "flux/ressources.xml", "sitemap.xml"] {
        let text = read(&out, file);
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(doc.root_element().children().count() > 0);
    }
    let atom = read(&out, "flux/ressources.xml");
    let doc = roxmltree::Document::parse(&atom).unwrap();
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 2, "the open offer and the open request");
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://test.example.org/associations/epicerie-du-port/</loc>"));
    assert!(!sitemap.contains("404"));
}

#[test]
fn calendar_has_one_off_and_weekly_events_in_the_site_time_zone() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let ics = read(&out, "benevolat/creneaux.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.lines().all(|l| l.len() <= 75), "lines are folded");
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        3,
        "two slots and one weekly event"
    );
    assert!(ics.contains("DTSTART;TZID=Europe/Paris:20261205T090000"));
    assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=SA"));
    assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris"));
    assert_eq!(ics.matches("BEGIN:").count(), ics.matches("END:").count());
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let before = files(&out);
    site.write(
        "content/associations/epicerie-du-port.md",
        "---\nname: X\n---\ncourt\n",
    );
    let result = site.portal(&["build", "--now", NOW, "--output", out.to_str().unwrap()]);
    assert!(!result.status.success());
    // The problems, as `portal check` reports them, then what became of the output.
    let check = site.portal(&["check"]);
    assert_eq!(
        String::from_utf8_lossy(&result.stderr),
        format!(
            "{}Rien n'a été écrit : le site précédent ({}) est inchangé.\n",
            String::from_utf8_lossy(&check.stderr),
            out.display()
        )
    );
    assert_eq!(
        files(&out),
        before,
        "the previous output is exactly as it was"
    );
    let leftovers: Vec<_> = fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging") || n.contains(".old-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn new_writes_commented_files_that_build() {
    let site = Site::copy("basic");
    for (kind, slug) in [
        ("association", "nouvelle-association"),
        ("benevolat", "nouvel-appel"),
        ("ressource", "nouvelle-annonce"),
        ("page", "nouvelle-page"),
    ] {
        let result = site.portal(&["new", kind, slug]);
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
    }
    let text =
        fs::read_to_string(site.path("content/associations/nouvelle-association.md")).unwrap();
    assert!(text.contains("# Au moins une catégorie parmi celles de site.toml"));
    // Each file points to its schema, which portal new wrote (with the new association).
    for (folder, file) in [
        ("associations", "nouvelle-association"),
        ("benevolat", "nouvel-appel"),
        ("ressources", "nouvelle-annonce"),
        ("pages", "nouvelle-page"),
    ] {
        let text = fs::read_to_string(site.path(&format!("content/{folder}/{file}.md"))).unwrap();
        assert!(
            text.starts_with(&format!(
                "---\n# yaml-language-server: $schema=../../schemas/{folder}.schema.json\n"
            )),
            "{text}"
        );
        let schema: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(site.path(&format!("schemas/{folder}.schema.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    }
    let calls = fs::read_to_string(site.path("schemas/benevolat.schema.json")).unwrap();
    assert!(calls.contains("\"nouvelle-association\""), "{calls}");
    let check = site.portal(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let again = site.portal(&["new", "page", "nouvelle-page"]);
    assert!(
        !again.status.success(),
        "an existing file is never overwritten"
    );
}

#[test]
fn check_counts_the_content() {
    let site = Site::copy("basic");
    let result = site.portal(&["check", "--now", NOW]);
    assert!(result.status.success());
    assert_eq!(
        String::from_utf8_lossy(&result.stdout),
        "Contenu valide : 2 associations, 3 appels à bénévoles, 3 annonces, 2 pages.\n"
    );
}

/// An association not checked for longer than `stale_after_months` is marked on its page
/// and its cards, and `portal check` lists it with its public contact.
#[test]
fn information_older_than_stale_after_months_is_marked_and_listed() {
    let site = Site::copy("basic");
    let file = "content/associations/epicerie-du-port.md";
    let text = fs::read_to_string(site.path(file)).unwrap();
    site.write(
        file,
        &text.replace("updated: 2026-11-01", "updated: 2026-05-22"),
    );
    let out = site.build("public");
    let page = read(&out, "associations/epicerie-du-port/index.html");
    assert!(
        page.contains("<strong>Informations à vérifier</strong> : cette fiche n'a pas été vérifiée depuis le <time datetime=2026-05-22>22 mai 2026</time>."),
        "{page}"
    );
    let list = read(&out, "associations/index.html");
    assert_eq!(
        list.matches("<p class=stale>Informations à vérifier</p>")
            .count(),
        1
    );
    assert!(
        !read(&out, "associations/ecoute-telephone/index.html").contains("Informations à vérifier")
    );
    let check = site.portal(&["check", "--now", NOW]);
    assert!(check.status.success(), "stale information is no error");
    assert_eq!(
        String::from_utf8(check.stdout).unwrap(),
        "Contenu valide : 2 associations, 3 appels à bénévoles, 3 annonces, 2 pages.\n\
         Informations à vérifier (mises à jour il y a plus de 6 mois, stale_after_months) : 1 association\n  \
         content/associations/epicerie-du-port.md : Épicerie du Port, mise à jour le 2026-05-22 ; contact : 05 56 12 34 56, contact@epicerie.example.org, https://epicerie.example.org\n"
    );
    // A longer delay in site.toml: no longer stale.
    let toml = fs::read_to_string(site.path("site.toml")).unwrap();
    site.write("site.toml", &format!("stale_after_months = 12\n{toml}"));
    let check = site.portal(&["check", "--now", NOW]);
    assert!(
        !String::from_utf8(check.stdout)
            .unwrap()
            .contains("à vérifier")
    );
}

#[test]
fn a_base_url_with_a_path_prefixes_every_link() {
    let site = Site::copy("basic");
    let toml = fs::read_to_string(site.path("site.toml")).unwrap();
    site.write(
        "site.toml",
        &toml.replace("https://test.example.org", "https://example.org/portail"),
    );
    let out = site.build("public");
    let home = read(&out, "index.html");
    assert!(home.contains("href=/portail/associations/"), "{home}");
    assert!(!home.contains("href=/associations/"));
}

#[test]
fn maps_are_drawn_at_build_time_numbered_like_their_lists() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let map = read(&out, "carte/index.html");
    // Attributes as minify-html writes them.
    assert!(
        map.contains("aria-labelledby=map-title class=map role=img"),
        "{map}"
    );
    assert!(map.contains("<title id=map-title>Carte des 2 lieux d'accueil"));
    // One marker per place of welcome (the remote-only association has none).
    assert_eq!(map.matches("<circle").count(), 2);
    assert_eq!(
        map.matches("<a href=/associations/epicerie-du-port/>")
            .count(),
        2
    );
    assert!(map.contains("<li data-geo=44.853,-0.569><a href=/associations/epicerie-du-port/>"));
    // The one script is the interactive map's, on demand; the drawn map needs none.
    assert_eq!(map.matches("<script").count(), 1, "{map}");
    let commune = read(&out, "associations/commune/bordeaux/index.html");
    assert!(commune.contains("class=map role=img"));
    assert!(
        commune.contains("<span aria-hidden=true class=marker-num>1</span>"),
        "{commune}"
    );
    // The interactive map gets the drawing's markers: Bordeaux's place, not Libourne's.
    assert!(
        commune.contains("data-markers=[[1,44.853,-0.569]]"),
        "{commune}"
    );
    let guide = read(&out, "associations/commune/bordeaux/guide/index.html");
    assert!(
        guide.contains("<h1>Où trouver de l'aide à Bordeaux</h1>"),
        "{guide}"
    );
    assert!(guide.contains("Tél."), "phones are printed");
}

#[test]
fn the_interactive_map_takes_its_tiles_from_site_toml_and_its_outline_from_content_data() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let map = read(&out, "carte/index.html");
    // Hidden until its script runs; OpenStreetMap by default; Leaflet shipped with the site.
    assert!(map.contains("hidden id=map-tools"), "{map}");
    assert!(map.contains("data-tiles=https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
    assert!(map.contains("data-leaflet=/vendor/leaflet-1.9.4/"));
    assert!(out.join("vendor/leaflet-1.9.4/leaflet.js").is_file());
    assert!(out.join("vendor/leaflet-1.9.4/LICENSE.txt").is_file());
    assert!(
        !map.contains("data-outline"),
        "no outline without content/data/"
    );
    assert!(!out.join("carte/contour.geojson").exists());

    let toml = fs::read_to_string(site.path("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{toml}\n[map]\ntiles = \"https://tuiles.example.org/{{z}}/{{x}}/{{y}}.png\"\nattribution = \"© Tuiles & Cie\"\nattribution_url = \"\"\n"),
    );
    site.write(
        "content/data/gironde.geojson",
        r#"{"type":"Polygon","coordinates":[[[-1.2,44.3],[0.3,44.3],[0.3,45.5],[-1.2,44.3]]]}"#,
    );
    let out = site.build("public");
    let map = read(&out, "carte/index.html");
    assert!(
        map.contains("data-tiles=https://tuiles.example.org/{z}/{x}/{y}.png"),
        "{map}"
    );
    assert!(map.contains("data-attribution=\"© Tuiles & Cie\""), "{map}");
    assert!(map.contains("data-outline=/carte/contour.geojson"));
    let outline: serde_json::Value =
        serde_json::from_str(&read(&out, "carte/contour.geojson")).unwrap();
    assert_eq!(
        outline["geometry"]["coordinates"][0][0][1],
        serde_json::json!([0.3, 44.3])
    );
}

#[test]
fn requests_and_offers_are_matched_and_needs_listed_by_category_and_commune() {
    let site = Site::copy("basic");
    site.write(
        "content/ressources/fruits-pour-les-colis.md",
        "---\ntitle: Fruits pour les colis\nassociation: ecoute-telephone\nkind: request\ncategory: food\n---\nPour nos colis du mois.\n",
    );
    let out = site.build("public");
    let request = read(&out, "ressources/fruits-pour-les-colis/index.html");
    assert!(request.contains("Offres qui pourraient répondre à cette demande"));
    assert!(
        request.contains("<a href=/ressources/pommes/>40 kg de pommes</a>"),
        "{request}"
    );
    // The expired yogurts are not offered any more.
    assert!(!request.contains("yaourts-perimes"));
    let offer = read(&out, "ressources/pommes/index.html");
    assert!(offer.contains("<a href=/ressources/fruits-pour-les-colis/>"));
    let needs = read(&out, "ressources/besoins/index.html");
    assert!(
        needs.contains("<h2>Denrées alimentaires</h2><h3>À distance</h3>"),
        "{needs}"
    );
}

#[test]
fn the_search_index_holds_open_entries_and_the_search_page_works_without_javascript() {
    let site = Site::copy("basic");
    let out = site.build("public");
    // Each open entry once, in numbered files of entries; each word, in the shard of its
    // folded prefix ("Épicerie" under "ep"), with the numbers of its entries; archived
    // entries nowhere.
    let json =
        |path: &str| -> serde_json::Value { serde_json::from_str(&read(&out, path)).unwrap() };
    let manifest = json("recherche/index.json");
    assert!(
        manifest["words"]["stop"]
            .as_array()
            .unwrap()
            .contains(&"des".into())
    );
    let chunk = manifest["chunk"].as_u64().unwrap() as usize;
    let entries = manifest["entries"].as_u64().unwrap() as usize;
    let all: Vec<serde_json::Value> = (0..entries.div_ceil(chunk))
        .flat_map(|n| {
            json(&format!("recherche/fiches/{n}.json"))
                .as_array()
                .unwrap()
                .clone()
        })
        .collect();
    let titles: Vec<&str> = all.iter().map(|i| i["t"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), entries);
    let mut once = titles.clone();
    once.sort();
    once.dedup();
    assert_eq!(
        once.len(),
        titles.len(),
        "each entry is stored once: {titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t.contains("Yaourts")),
        "archived listings are not found"
    );
    // A word's numbers are written as differences from the previous one.
    let found = |key: &str, word: &str| -> Vec<&str> {
        let shard = json(&format!("recherche/mots/{key}.json"));
        let mut n = 0;
        shard[word]
            .as_array()
            .unwrap()
            .iter()
            .map(|gap| {
                n += gap.as_u64().unwrap() as usize;
                titles[n]
            })
            .collect()
    };
    assert_eq!(found("ep", "epicerie"), ["Épicerie du Port"]);
    assert_eq!(found("po", "pomme"), ["40 kg de pommes"]);
    let keys = manifest["keys"].as_array().unwrap();
    assert!(keys.contains(&"ep".into()) && keys.contains(&"po".into()));
    let page = read(&out, "recherche/index.html");
    assert!(
        page.contains("<a href=/associations/categorie/hygiene/>"),
        "browse links without JS"
    );
    let home = read(&out, "index.html");
    assert!(
        home.contains("action=/recherche/") && home.contains("role=search"),
        "{home}"
    );
}

#[test]
fn pages_are_written_without_indentation_and_minified_when_site_toml_asks() {
    let site = Site::copy("basic");
    let plain = site.build("plain");
    let page = fs::read_to_string(plain.join("associations/epicerie-du-port/index.html")).unwrap();
    assert!(
        !page
            .lines()
            .any(|l| l.starts_with(' ') || l.starts_with('\t')),
        "no line of a page keeps the templates' indentation:\n{page}"
    );
    let toml = fs::read_to_string(site.path("site.toml")).unwrap();
    site.write("site.toml", &format!("minify = true\n{toml}"));
    let minified = site.build("minified");
    let mut pages = 0;
    for (path, bytes) in files(&plain) {
        let other = fs::read(minified.join(&path)).unwrap();
        if path.ends_with(".html") {
            pages += 1;
            assert_eq!(
                String::from_utf8(other.clone()).unwrap(),
                canonical(&bytes),
                "{path}"
            );
            assert!(other.len() < bytes.len(), "{path} is smaller minified");
        } else if path != "donnees/formulaires.json" {
            assert_eq!(other, bytes, "{path}: only pages are minified");
        }
    }
    assert!(pages > 30, "{pages} pages compared");
}

#[test]
fn long_lists_link_their_ends_and_the_pages_near_the_current_one() {
    let site = Site::copy("basic");
    let toml = fs::read_to_string(site.path("site.toml")).unwrap();
    fs::write(site.path("site.toml"), format!("page_size = 1\n{toml}")).unwrap();
    for n in 1..=8 {
        site.write(
            &format!("content/associations/ecoute-{n}.md"),
            &format!("---\nname: Écoute {n}\nsummary: Une ligne d'écoute.\ncategories: hygiene\nremote_only: true\nupdated: 2026-10-15\n---\nDes bénévoles répondent au téléphone chaque soir, pour écouter et orienter.\n"),
        );
    }
    let out = site.build("public");
    // 10 associations, one per page: page 5 links 1, 3 to 7 and 10, with a gap on each side.
    let page = canonical(read(&out, "associations/page/5/index.html").as_bytes());
    let nav = &page[page.find("Pages de la liste").unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let linked: Vec<&str> = nav
        .match_indices(">Page ")
        .map(|(i, _)| nav[i + 6..].split('<').next().unwrap())
        .collect();
    assert_eq!(
        linked,
        ["précédente", "1", "3", "4", "5", "6", "7", "10", "suivante"]
    );
    assert_eq!(nav.matches("…").count(), 2, "{nav}");
    assert!(nav.contains("href=/associations/page/10/"), "{nav}");
}

#[test]
fn the_home_page_leads_to_each_need_whose_pages_list_places_with_the_days_hours() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let home = read(&out, "index.html");
    // The way in comes first, then the emergency numbers, then what associations exchange.
    let way_in = home
        .find("J'ai besoin d'aide maintenant")
        .expect("the way in");
    let emergency = home.find("href=tel:115").expect("the emergency numbers");
    let between = home
        .find("Entre associations")
        .expect("the exchanges, labelled");
    assert!(way_in < emergency && emergency < between, "{home}");
    // The test site's categories find two needs unconfigured: food and hygiene.
    assert!(home.contains("href=/besoin/manger/") && home.contains("href=/besoin/se-laver/"));
    assert!(
        !home.contains("href=/besoin/dormir/"),
        "no page for a need without a category"
    );
    let food = read(&out, "besoin/manger/index.html");
    assert!(food.contains("<h1 class=need-title>"), "{food}");
    assert!(food.contains("href=/besoin/manger/bordeaux/"));
    // Monday 23 November, the build's day: the grocery is closed that day, as said.
    assert!(
        food.contains("<span class=card-day>Lundi 23\u{a0}novembre</span> : <span class=card-hours>fermé</span>"),
        "{food}"
    );
    assert!(food.contains("<a href=/associations/epicerie-du-port/#lieu-1>Épicerie du Port</a>"));
    assert!(food.contains("Sur orientation d'un travailleur social"));
    let bordeaux = read(&out, "besoin/manger/bordeaux/index.html");
    assert!(
        !bordeaux.contains("Libourne</p>"),
        "only the places in Bordeaux"
    );
}

#[test]
fn who_may_come_is_said_in_words_from_the_former_free_fields_too() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let page = read(&out, "associations/epicerie-du-port/index.html");
    // `public: [familles, étudiants]`: the key by its label, the other word as written;
    // `conditions:` is the access's precision.
    assert!(
        page.contains("<dt>Publics accueillis en particulier</dt><dd>Familles, étudiants</dd>"),
        "{page}"
    );
    assert!(
        page.contains("<dt>Qui peut venir</dt><dd>Sur orientation d'un travailleur social</dd>")
    );
    assert!(
        page.contains("href=\"geo:44.853,-0.569?q=44.853,-0.569\""),
        "a link for the maps app"
    );
    assert!(
        page.contains("href=\"https://www.openstreetmap.org/directions?route=%3B44.853%2C-0.569\"")
    );
    let guide = read(&out, "associations/commune/bordeaux/guide/index.html");
    assert!(
        guide.contains("Tél. 05\u{a0}56\u{a0}12\u{a0}34\u{a0}56"),
        "phone numbers held together"
    );
    assert!(
        guide.contains("9\u{a0}h à 12\u{a0}h"),
        "times held together"
    );
    assert!(guide.contains("Fermé du 24 décembre 2026 au 2 janvier 2027 (Congés de fin d'année)"));
    assert!(
        guide.contains("<svg aria-label=\"Code QR de l'adresse de cette page en ligne\""),
        "the QR code, inline"
    );
    assert!(guide.contains("https://test.example.org/associations/commune/bordeaux/"));
    assert!(guide.contains("href=tel:3919"), "the emergency numbers");
}

#[test]
fn the_association_form_locates_a_place_and_asks_the_address_service_only_when_allowed() {
    let site = Site::copy("basic");
    let out = site.build("public");
    let form = read(&out, "proposer/association/index.html");
    assert!(
        form.contains("id=locate-commune") && form.contains("id=locate-map"),
        "{form}"
    );
    assert!(!form.contains("locate-address") && !form.contains("data-address-search"));
    // Without a table of communes in content/data, the communes of the places, at their middle.
    let communes = read(&out, "donnees/communes.json");
    assert_eq!(
        communes,
        r#"[["Bordeaux",44.853,-0.569],["Libourne",44.9153,-0.2439]]"#
    );
    let toml = fs::read_to_string(site.path("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{toml}\n[forms]\naddress_search = true\n"),
    );
    let out = site.build("public");
    let form = read(&out, "proposer/association/index.html");
    assert!(form.contains("id=locate-address") && form.contains("data-address-search"));
}
