//! `portal serve`: the real binary on a free port, edited while it runs.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::support::Site;
use crate::support::server::Server;

/// The error shown over a page when the last build failed.
const OVERLAY: &str = "<pre id=\"portal-build-error\"";

#[test]
fn serve_rebuilds_on_change_and_keeps_the_last_good_site_on_error() {
    let site = Site::copy("basic");
    let server = Server::start(&site);
    let (status, home) = server.get("/");
    assert_eq!(status, 200);
    assert!(
        home.contains("/__portal/events"),
        "pages get the live-reload script"
    );
    assert_eq!(server.get("/associations/epicerie-du-port/").0, 200);
    assert_eq!(server.get("/nulle-part/").0, 404);

    // Listen for the reload event before editing.
    let mut events = TcpStream::connect(&server.addr).unwrap();
    write!(events, "GET /__portal/events HTTP/1.0\r\nHost: x\r\n\r\n").unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();

    let file = "content/associations/epicerie-du-port.md";
    let good = std::fs::read_to_string(site.path(file)).unwrap();
    site.write(
        file,
        &good.replace("name: Épicerie du Port", "name: Épicerie du Grand Port"),
    );
    let page = server.wait_for("/associations/epicerie-du-port/", "the new name", |b| {
        b.contains("Épicerie du Grand Port")
    });
    assert!(!page.contains(OVERLAY));
    let mut seen = Vec::new();
    let mut buf = [0u8; 512];
    while !String::from_utf8_lossy(&seen).contains("event: reload") {
        let n = events.read(&mut buf).expect("a reload event within 10 s");
        assert!(n > 0, "the event stream closed");
        seen.extend_from_slice(&buf[..n]);
    }

    // A broken edit: the error is shown over the last good page, which is still served.
    site.write(
        file,
        &good.replace("name: Épicerie du Port", "nme: Épicerie"),
    );
    let broken = server.wait_for("/", "the error overlay", |b| b.contains(OVERLAY));
    let shown = broken
        .split_once(OVERLAY)
        .and_then(|(_, rest)| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(text, _)| text);
    assert_eq!(
        shown,
        Some(
            "La construction a échoué (dernier site valide affiché) :\n\n\
             content/associations/epicerie-du-port.md:2:1: name : attendu un nom de 3 à 150 \
             caractères, trouvé rien (le champ manque)\n\
             content/associations/epicerie-du-port.md:2:1: nme : attendu un champ connu pour une \
             association (name, summary, categories, remote_only, locations, contact, identifiers, \
             food_bank_partner, publics, public, publics_only, access, conditions, languages, updated, \
             translations), trouvé le champ inconnu \
             « nme » ; vouliez-vous dire « name » ?\n\
             Contenu refusé : 2 problèmes dans 1 fichier."
        ),
        "{broken}"
    );
    let (status, page) = server.get("/associations/epicerie-du-port/");
    assert_eq!(status, 200);
    assert!(
        page.contains("Épicerie du Grand Port"),
        "the last good site is served"
    );

    // Fixed again: the overlay goes.
    site.write(file, &good);
    server.wait_for("/", "the overlay to go", |b| !b.contains(OVERLAY));
}

/// The forms answer under the endpoint exactly as the functions on Lambda do (one
/// translation of the path, `portal_forms::api::Api::receive`), the site everywhere else.
#[test]
fn serve_hands_the_endpoint_to_the_forms_as_lambda_does() {
    let site = Site::copy("basic");
    let server = Server::start(&site);
    let json = [("Content-Type", "application/json")];
    let send = |method, path, body: &str| {
        crate::support::server::send(&server.addr, method, path, &json, body).unwrap()
    };
    assert_eq!(
        send("GET", "/api/nulle-part", ""),
        (404, r#"{"error":"route inconnue"}"#.to_string())
    );
    assert_eq!(
        send("POST", "/api/submissions", &"x".repeat(17 * 1024)),
        (
            413,
            r#"{"error":"Envoi trop long : 16 Kio au plus."}"#.to_string()
        )
    );
    assert_eq!(send("OPTIONS", "/api/submissions", "").0, 204);
    // Not under the endpoint: the site's files, and its 404 page.
    let (status, page) = send("GET", "/apis/submissions", "");
    assert_eq!(status, 404);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
}

/// A site without `themes/` is served with the built-in theme; a file of the theme added
/// while it runs (the folder created then) replaces the built-in one, and removing it
/// brings the built-in one back.
#[test]
fn serve_follows_a_theme_folder_that_appears_and_its_overrides() {
    let site = Site::copy("basic");
    assert!(!site.path("themes").exists());
    let server = Server::start(&site);
    let card = "themes/default/templates/partials/association_card.html";
    let list = server.get("/associations/").1;
    assert!(!list.contains("class=\"surcharge\""), "{list}");
    let built_in = std::fs::read_to_string(crate::support::repo().join(card)).unwrap();
    site.write(
        card,
        &built_in.replace(
            "{% endif %}>{{ item.summary }}",
            "{% endif %} class=\"surcharge\">{{ item.summary }}",
        ),
    );
    server.wait_for("/associations/", "the overriding card", |b| {
        b.contains("class=\"surcharge\"")
    });
    // Edited again: the folder is watched now.
    site.write(
        card,
        &built_in.replace(
            "{% endif %}>{{ item.summary }}",
            "{% endif %} class=\"encore\">{{ item.summary }}",
        ),
    );
    server.wait_for("/associations/", "the card edited again", |b| {
        b.contains("class=\"encore\"")
    });
    std::fs::remove_file(site.path(card)).unwrap();
    server.wait_for("/associations/", "the built-in card again", |b| {
        !b.contains("class=\"encore\"") && b.contains("class=\"card\"")
    });
}
