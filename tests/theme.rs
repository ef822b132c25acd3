//! The theme built into the binary: a site of only `site.toml` and `content/` builds with
//! it, a site's `themes/<theme>/` replaces some of its files, and `portal theme export`
//! writes it out as the repository's `themes/default/` holds it.

use std::fs;

use crate::support::{Site, files, read, repo};

#[test]
fn a_site_of_only_site_toml_and_content_builds_with_the_built_in_theme() {
    let site = Site::copy("basic");
    let top: Vec<String> = fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let mut top = top;
    top.sort();
    assert_eq!(top, ["content", "site.toml"]);
    let out = site.build("public");
    let home = read(&out, "index.html");
    assert!(home.contains("<h1>"), "{home}");
    // Every static file of the theme is published, the assets fingerprinted.
    let published: Vec<String> = files(&out).into_iter().map(|(p, _)| p).collect();
    for (rel, _) in files(&repo().join("themes/default/static")) {
        let found = match rel.strip_prefix("assets/").and_then(|a| a.rsplit_once('.')) {
            Some((stem, ext)) => published
                .iter()
                .any(|p| p.starts_with(&format!("assets/{stem}.")) && p.ends_with(ext)),
            None => published.contains(&rel),
        };
        assert!(found, "{rel} of the theme is not in the site");
    }
}

#[test]
fn a_file_of_the_sites_theme_replaces_the_built_in_one_only() {
    let site = Site::copy("basic");
    let card = "themes/default/templates/partials/association_card.html";
    let built_in = fs::read_to_string(repo().join(card)).unwrap();
    site.write(
        card,
        &built_in.replace(
            "{% endif %}>{{ item.summary }}</p>",
            "{% endif %} class=resume>{{ item.summary }}</p>",
        ),
    );
    site.write(
        "themes/default/static/assets/style.css",
        "body { color: #111; }",
    );
    let out = site.build("public");
    let list = read(&out, "associations/index.html");
    assert!(list.contains("<p class=resume>"), "{list}");
    // The other templates are the built-in ones: the page keeps its frame.
    assert!(list.contains("Aller au contenu"), "{list}");
    let styles: Vec<(String, Vec<u8>)> = files(&out)
        .into_iter()
        .filter(|(p, _)| p.starts_with("assets/style."))
        .collect();
    assert_eq!(styles.len(), 1, "{styles:?}");
    assert_eq!(styles[0].1, b"body { color: #111; }");

    // A theme of its own name must have its folder; with one, the built-in files fill in.
    let config = fs::read_to_string(site.path("site.toml")).unwrap();
    site.write("site.toml", &format!("theme = \"maison\"\n{config}"));
    let refused = site.portal(&["build"]);
    assert_eq!(
        String::from_utf8(refused.stderr).unwrap(),
        format!(
            "le thème « maison » (site.toml, clé theme) n'existe pas : dossier {} introuvable (le \
             thème intégré s'appelle « default » ; « portal theme export » en écrit une copie à \
             modifier)\nRien n'a été écrit : le site précédent ({}) est inchangé.\n",
            site.path("themes/maison").display(),
            site.path("public").display()
        )
    );
    site.write(
        "themes/maison/templates/partials/association_card.html",
        "<p class=maison>{{ item.name }}</p>",
    );
    let out = site.build("public");
    let list = read(&out, "associations/index.html");
    assert!(list.contains("<p class=maison>"), "{list}");
    assert!(!list.contains("<p class=resume>"), "{list}");
}

#[test]
fn theme_export_writes_the_repositorys_theme_and_never_overwrites() {
    let site = Site::copy("basic");
    let export = site.portal(&["theme", "export"]);
    assert!(export.status.success(), "{export:?}");
    assert_eq!(
        files(&site.path("themes/default")),
        files(&repo().join("themes/default")),
        "the built-in theme is the repository's themes/default/"
    );
    let again = site.portal(&["theme", "export"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8(again.stderr)
            .unwrap()
            .contains("existe déjà : rien n'a été écrit"),
    );
    let one = site.path("seul");
    let only = site.portal(&[
        "theme",
        "export",
        one.to_str().unwrap(),
        "--file",
        "templates/base.html",
    ]);
    assert!(only.status.success(), "{only:?}");
    assert_eq!(
        files(&one).into_iter().map(|(p, _)| p).collect::<Vec<_>>(),
        ["templates/base.html"]
    );
    let typo = site.portal(&["theme", "export", "x", "--file", "templates/bse.html"]);
    assert_eq!(
        String::from_utf8(typo.stderr).unwrap(),
        "le thème intégré n'a pas de fichier « templates/bse.html » ; vouliez-vous dire « templates/base.html » ?\n"
    );
}
