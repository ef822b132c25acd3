//! `portal init`: a new territory's site from a department or from any box, which builds
//! and serves straight away.

use std::fs;

use crate::support::server::Server;
use crate::support::{Site, read};

fn empty() -> Site {
    Site {
        dir: tempfile::tempdir().expect("temporary folder"),
    }
}

fn init(site: &Site, args: &[&str]) -> std::process::Output {
    let mut all = vec!["init", site.root().to_str().unwrap()];
    all.extend(args);
    site.portal(&all)
}

#[test]
fn init_for_a_department_writes_a_site_that_builds_and_serves() {
    let site = empty();
    let done = init(&site, &["--department", "landes"]);
    assert!(done.status.success(), "{done:?}");
    let toml = fs::read_to_string(site.path("site.toml")).unwrap();
    for line in [
        "title = \"Portail des solidarités — Landes\"",
        "name = \"Landes\"",
        "bounds = [[43.48, -1.54], [44.55, 0.15]]",
        "distribution-alimentaire = \"Distribution alimentaire\"",
        "stale_after_months = 6",
        "[datainclusion.thematiques]",
    ] {
        assert!(toml.contains(line), "site.toml lacks {line:?}:\n{toml}");
    }
    let outline =
        fs::read_to_string(site.path("content/data/departement-40-landes.geojson")).unwrap();
    let outline: serde_json::Value = serde_json::from_str(&outline).unwrap();
    assert_eq!(outline["properties"]["attribution"], "IGN — Admin Express");
    assert_eq!(
        outline["properties"]["licence"],
        "Licence Ouverte / Open Licence (Etalab)"
    );
    assert_eq!(outline["geometry"]["type"], "Polygon");
    let accessibility = fs::read_to_string(site.path("content/pages/accessibilite.md")).unwrap();
    assert!(
        accessibility.contains("(RGAA),\nversion 4.1"),
        "{accessibility}"
    );
    assert!(
        accessibility.contains("département (Landes)"),
        "{accessibility}"
    );
    let guide = fs::read_to_string(site.path("GUIDE.md")).unwrap();
    assert!(guide.starts_with("# Guide des éditeurs — Portail des solidarités — Landes\n"));

    let out = site.build("public");
    let map = read(&out, "carte/index.html");
    assert!(
        map.contains("Contour du territoire : IGN — Admin Express."),
        "{map}"
    );
    assert!(map.contains("<path d="), "the outline is drawn");
    for page in ["a-propos", "mentions-legales", "accessibilite"] {
        assert!(out.join(page).join("index.html").is_file(), "{page}");
    }
    let server = Server::start(&site);
    let (status, home) = server.get("/");
    assert_eq!(status, 200);
    assert!(home.contains("Landes"), "{home}");

    // Never over a site.
    let again = init(&site, &["--department", "40"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(again.stderr).unwrap(),
        format!(
            "{} existe déjà : rien n'a été écrit (choisissez un dossier vide ou nouveau)\n",
            site.path("content").display()
        )
    );
}

#[test]
fn init_for_any_box_needs_a_name_and_numbers_in_order() {
    let site = empty();
    let no_name = init(&site, &["--bounds", "43.2,5.2,43.4,5.6"]);
    assert_eq!(
        String::from_utf8(no_name.stderr).unwrap(),
        "--bounds demande aussi --name, le nom du territoire tel que les pages le disent\n"
    );
    let reversed = init(
        &site,
        &["--bounds", "43.4,5.6,43.2,5.2", "--name", "Marseille"],
    );
    assert!(
        String::from_utf8(reversed.stderr).unwrap().starts_with(
            "--bounds « 43.4,5.6,43.2,5.2 » : attendu LAT_MIN,LON_MIN,LAT_MAX,LON_MAX"
        )
    );
    let unknown = init(&site, &["--department", "Gironed"]);
    assert_eq!(
        String::from_utf8(unknown.stderr).unwrap(),
        "aucun département ne s'appelle ni n'a pour code « Gironed » ; vouliez-vous dire « Gironde (33) » ? (départements de métropole seulement, 01 à 95, 2A et 2B ; sinon --bounds et --name)\n"
    );
    assert!(!site.path("site.toml").exists(), "nothing written");
    let done = init(
        &site,
        &[
            "--bounds",
            "43.2,5.2,43.4,5.6",
            "--name",
            "Métropole \"Sud\"",
            "--title",
            "Solidarités",
        ],
    );
    assert!(done.status.success(), "{done:?}");
    assert!(!site.path("content/data").exists(), "no outline for a box");
    let out = site.build("public");
    assert!(read(&out, "index.html").contains("Solidarités"));
    assert!(!read(&out, "carte/index.html").contains("Contour du territoire"));
}
