//! `portal import-directory`: a spreadsheet's CSV and a data·inclusion dump into content
//! files that build; every refused record reported at its line, column and field; nothing
//! replaced unless asked. The samples are fictional (`tests/opendata/sample/`).

use std::fs;

use crate::support::{NOW, Site, repo};

fn landes() -> Site {
    let site = Site {
        dir: tempfile::tempdir().expect("temporary folder"),
    };
    let init = site.portal(&["init", site.root().to_str().unwrap(), "--department", "40"]);
    assert!(init.status.success(), "{init:?}");
    site
}

fn sample(name: &str) -> String {
    repo()
        .join("tests/opendata/sample")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

fn import(site: &Site, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["import-directory", "--now", NOW];
    all.extend(args);
    let out = site.portal(&all);
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_spreadsheet_of_150_rows_with_5_wrong_imports_145_and_reports_the_5() {
    let site = landes();
    let csv = sample("annuaire-landes.csv");
    let (code, out, err) = import(&site, &[&csv]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        out.contains("encodage Windows-1252, séparateur « ; »"),
        "{out}"
    );
    assert!(out.contains("colonnes ignorées : Remarques"), "{out}");
    assert!(
        out.contains("150 fiche(s) lue(s) : 145 écrite(s) dans content/associations/, 5 refusée(s) (dont 1 adresse(s) sans coordonnées), 0 déjà présente(s)."),
        "{out}"
    );
    let lines: Vec<String> = err
        .lines()
        .take(5)
        .map(|l| l.replacen(&csv, "annuaire-landes.csv", 1))
        .collect();
    assert_eq!(
        lines,
        [
            "annuaire-landes.csv:23:5: « Téléphone, colonne E » (contact.phone) : attendu un numéro de téléphone français (ex. « 05 56 00 00 00 » ou « +33 5 56 00 00 00 »), trouvé « 05 58 12 »",
            "annuaire-landes.csv:58:3: « Code postal, colonne C » (locations[0].postal_code) : attendu un code postal de 5 chiffres, trouvé « 4010 »",
            "annuaire-landes.csv:91:8: « Catégorie, colonne H » (categories[0]) : attendu une catégorie déclarée dans site.toml (acces-aux-droits, distribution-alimentaire, epicerie-solidaire, hebergement, hygiene, lien-social, maraude, repas, sante, vetements), trouvé « aide-aux-devoirs »",
            "annuaire-landes.csv:117:2: « Adresse, colonne B » (locations[0].geo) : attendu la latitude et la longitude du lieu (aucun service de géocodage n'est appelé : géocodez le fichier, voir GUIDE.md, puis importez-le à nouveau), trouvé une adresse sans coordonnées",
            "annuaire-landes.csv:140:9: « Horaires, colonne I » (locations[0].hours) : attendu des horaires opening_hours d'OpenStreetMap que le portail sait dire (jours de la semaine, plages horaires, PH off), ex. « Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off », trouvé « du lundi au vendredi de 9h à 12h » : une syntaxe opening_hours invalide, illisible dès le caractère 1",
        ]
    );
    let written = fs::read_dir(site.path("content/associations"))
        .unwrap()
        .count();
    assert_eq!(written, 145);
    let one =
        fs::read_to_string(site.path("content/associations/epicerie-solidaire-006.md")).unwrap();
    assert!(one.contains("sa: [\"09:00-12:00\"]"), "{one}");
    assert!(one.contains("public_holidays: closed"), "{one}");
    assert!(
        one.contains("website: \"https://www.asso-006.example.org\""),
        "{one}"
    );
    let check = site.portal(&["check", "--now", NOW]);
    assert!(check.status.success(), "{check:?}");
    site.build("public");

    // Again: nothing replaced, unless asked; a dry run writes nothing.
    let before =
        fs::read_to_string(site.path("content/associations/epicerie-solidaire-006.md")).unwrap();
    site.write(
        "content/associations/epicerie-solidaire-006.md",
        &before.replace("Épicerie solidaire 006", "Épicerie du Bourg"),
    );
    let (_, out, _) = import(&site, &[&csv]);
    assert!(out.contains("0 écrite(s) dans content/associations/, 5 refusée(s) (dont 1 adresse(s) sans coordonnées), 145 déjà présente(s) (--overwrite pour les remplacer)."), "{out}");
    assert!(
        fs::read_to_string(site.path("content/associations/epicerie-solidaire-006.md"))
            .unwrap()
            .contains("Épicerie du Bourg")
    );
    let (_, out, _) = import(&site, &[&csv, "--overwrite", "--dry-run"]);
    assert!(
        out.contains("145 à écrire dans content/associations/ (dont 145 remplacée(s))"),
        "{out}"
    );
    assert!(
        fs::read_to_string(site.path("content/associations/epicerie-solidaire-006.md"))
            .unwrap()
            .contains("Épicerie du Bourg")
    );
    let (_, out, _) = import(&site, &[&csv, "--overwrite"]);
    assert!(
        out.contains("145 écrite(s) dans content/associations/ (dont 145 remplacée(s))"),
        "{out}"
    );
    assert_eq!(
        fs::read_to_string(site.path("content/associations/epicerie-solidaire-006.md")).unwrap(),
        before
    );
}

#[test]
fn utf8_with_bom_commas_and_columns_named_by_hand() {
    let site = landes();
    let csv = site.path("liste.csv");
    fs::write(
        &csv,
        "\u{feff}Structure,Rue,CP,Commune,Lat,Lon,Mail,Quoi,Présentation\n\
         \"Les Restos, ensemble\",1 rue Neuve,40100,Dax,\"43,71\",\"-1,05\",contact@ensemble.example.org,Repas solidaires,\"Des repas chauds le soir, sans condition, pour qui en a besoin.\"\n\
         Les Restos ensemble,2 rue Neuve,40000,Mont-de-Marsan,43.89,-0.5,,repas,\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    let (code, out, err) = import(
        &site,
        &[
            csv,
            "--column",
            "name=Structure",
            "--column",
            "categories=Quoi",
        ],
    );
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("encodage UTF-8 avec BOM, séparateur « , »"),
        "{out}"
    );
    assert!(out.contains("Structure → name, Rue → address, CP → postal_code, Commune → city, Lat → latitude, Lon → longitude, Mail → email, Quoi → categories, Présentation → description"), "{out}");
    // Two associations of the same name: told apart by their commune.
    let first =
        fs::read_to_string(site.path("content/associations/les-restos-ensemble-dax.md")).unwrap();
    assert!(first.contains("name: \"Les Restos, ensemble\""), "{first}");
    assert!(first.contains("geo: [43.71, -1.05]"), "{first}");
    assert!(
        first.contains(
            "summary: \"Des repas chauds le soir, sans condition, pour qui en a besoin.\""
        ),
        "{first}"
    );
    assert!(
        site.path("content/associations/les-restos-ensemble-mont-de-marsan.md")
            .is_file()
    );
    site.build("public");

    let (_, _, err) = import(&site, &[csv, "--column", "nom=Structure"]);
    assert_eq!(
        err,
        "--column nom=Structure : attendu un champ parmi name, summary, description, categories, place, address, postal_code, city, latitude, longitude, hours, public_holidays, wheelchair, phone, email, website, conditions, public, languages, rna, siret, food_bank_partner, updated, trouvé « nom »\n"
    );
    let (_, _, err) = import(&site, &[csv, "--column", "name=Structur"]);
    assert!(
        err.ends_with("trouvé « Structur » ; vouliez-vous dire « Structure » ?\n"),
        "{err}"
    );
}

#[test]
fn a_datainclusion_dump_imports_inside_the_territory_and_round_trips() {
    let site = landes();
    let (code, out, err) = import(
        &site,
        &[&sample("structures.json"), &sample("services.json")],
    );
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("service « Orientation hébergement à Tarnos » : adresse sans coordonnées (2 rue de l'Océan 40220 Tarnos), lieu non repris"), "{out}");
    assert!(out.contains("thématiques sans catégorie du site (à ajouter à [datainclusion.thematiques] de site.toml si besoin) : numerique--acceder-a-des-services-en-ligne (1)"), "{out}");
    assert!(out.contains("4 fiche(s) lue(s) : 4 écrite(s) dans content/associations/, 0 refusée(s), 0 déjà présente(s), 1 hors du territoire (ignorée(s))."), "{out}");
    let marsan =
        fs::read_to_string(site.path("content/associations/banque-solidaire-du-marsan.md"))
            .unwrap();
    // Its services: categories from their thematiques, a second place, publics, conditions.
    for expected in [
        "categories: [distribution-alimentaire, vetements]",
        "city: Saint-Pierre-du-Mont",
        "we: [\"14:00-17:00\"]",
        "public_holidays: closed",
        "publics: [familles]",
        "publics_only: true",
        "access:\n  note: \"Sur orientation d'un travailleur social\"",
        "updated: 2026-10-02",
    ] {
        assert!(marsan.contains(expected), "{expected}: {marsan}");
    }
    let ecoute = fs::read_to_string(site.path("content/associations/ecoute-landes.md")).unwrap();
    assert!(ecoute.contains("remote_only: true"), "{ecoute}");
    let out = site.build("public");

    // The site's own data·inclusion export reads back into another site: same associations.
    let other = landes();
    let (code, report, err) = import(
        &other,
        &[
            out.join("donnees/datainclusion/structures.json")
                .to_str()
                .unwrap(),
            out.join("donnees/datainclusion/services.json")
                .to_str()
                .unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{report}{err}");
    let names = |s: &Site| {
        let mut n: Vec<String> = fs::read_dir(s.path("content/associations"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&other), names(&site));
    let again =
        fs::read_to_string(other.path("content/associations/banque-solidaire-du-marsan.md"))
            .unwrap();
    assert!(
        again.contains("categories: [distribution-alimentaire, vetements]"),
        "{again}"
    );
    assert!(again.contains("public_holidays: closed"), "{again}");
    // Who may come survives the round trip.
    assert!(again.contains("publics: [familles]"), "{again}");
    assert!(again.contains("publics_only: true"), "{again}");
}

#[test]
fn a_file_that_is_not_a_directory_is_refused_whole() {
    let site = landes();
    site.write("x.json", "{\"nom\": ");
    let (code, _, err) = import(&site, &[site.path("x.json").to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("x.json:1:8: attendu du JSON valide, trouvé EOF while parsing"),
        "{err}"
    );
    let (_, _, err) = import(&site, &["annuaire.xlsx"]);
    assert_eq!(
        err,
        "annuaire.xlsx : attendu un fichier .csv (tableur) ou .json (export data·inclusion)\n"
    );
}
