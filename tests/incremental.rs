//! `portal serve`'s incremental rebuilds give the files of a full build, byte for byte,
//! after each kind of edit an editor makes, and keep the last good site on an error.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use portal::build::{BuildOptions, build_into};
use portal::incremental::{Files, Incremental, Progress};
use portal::write::Memory;

use crate::support::{NOW, Site};

fn full_build(site: &Site) -> BTreeMap<String, Arc<Vec<u8>>> {
    let memory = Memory::default();
    build_into(&options(site), &memory).expect("the full build succeeds");
    memory.into_files()
}

fn options(site: &Site) -> BuildOptions {
    BuildOptions {
        root: site.root().to_path_buf(),
        output: PathBuf::new(),
        today: Some(NOW.parse().unwrap()),
    }
}

/// Saves `file` with `from` replaced by `to`, rebuilds, and compares with a full build.
/// Returns the progress steps seen.
fn edit(site: &Site, inc: &mut Incremental, edits: &[(&str, &str, &str)]) -> Vec<Progress> {
    let mut paths = Vec::new();
    for (file, from, to) in edits {
        let text = std::fs::read_to_string(site.path(file)).unwrap();
        assert!(text.contains(from), "{file} holds {from:?}");
        site.write(file, &text.replacen(from, to, 1));
        paths.push(site.path(file));
    }
    let mut steps = Vec::new();
    let mut last = Files::new();
    let update = inc
        .rebuild(&paths, &mut |files, progress| {
            steps.push(progress);
            last = files.clone();
        })
        .expect("the rebuild succeeds");
    assert!(update.is_some(), "{edits:?} takes the incremental path");
    let full = full_build(site);
    let differ: Vec<&String> = full
        .keys()
        .chain(last.keys())
        .filter(|k| full.get(*k) != last.get(*k))
        .collect();
    assert!(
        differ.is_empty(),
        "after {edits:?}, these files differ from a full build: {differ:?}"
    );
    steps
}

#[test]
fn incremental_rebuilds_equal_full_builds() {
    let site = Site::bundled();
    let mut inc = Incremental::new(options(&site));
    let first = inc.full().unwrap().clone();
    assert_eq!(first, full_build(&site), "the first build is a full one");

    let association = "content/associations/escale-hygiene-bordeaux.md";
    // A new name moves the association in every list and in its calls' and listings' pages.
    let steps = edit(
        &site,
        &mut inc,
        &[(association, "name: L'Escale Hygiène", "name: Abri Escale")],
    );
    assert_eq!(steps, [Progress::OwnPages, Progress::Done]);
    // Body only.
    edit(
        &site,
        &mut inc,
        &[(
            association,
            "\n---\n",
            "\n---\nDésormais ouvert aussi le dimanche.\n\n",
        )],
    );
    // Another commune: it leaves Bordeaux's page and guide, and the distances change.
    edit(
        &site,
        &mut inc,
        &[
            (association, "city: Bordeaux", "city: Cenon"),
            (
                association,
                "geo: [44.8279, -0.5644]",
                "geo: [44.8571, -0.5317]",
            ),
        ],
    );
    // A request that becomes an offer of another category, and a call retitled, together.
    edit(
        &site,
        &mut inc,
        &[
            (
                "content/ressources/denrees-petits-dejeuners.md",
                "kind: request\ncategory: food",
                "kind: offer\ncategory: equipment",
            ),
            (
                "content/benevolat/accueil-douches-escale.md",
                "title: Accueil des matinées douches et laverie",
                "title: Accueil des matinées douches",
            ),
        ],
    );
}

#[test]
fn an_invalid_edit_keeps_the_last_site_and_its_fix_is_incremental() {
    let site = Site::bundled();
    let mut inc = Incremental::new(options(&site));
    inc.full().unwrap();
    let file = "content/associations/escale-hygiene-bordeaux.md";
    let good = std::fs::read_to_string(site.path(file)).unwrap();
    site.write(file, &good.replace("postal_code: \"33", "postal_code: \"3"));
    let mut published = 0;
    let error = inc
        .rebuild(&[site.path(file)], &mut |_, _| published += 1)
        .expect_err("a bad postal code is refused");
    assert_eq!(published, 0, "nothing is published");
    assert_eq!(
        error.to_string(),
        "content/associations/escale-hygiene-bordeaux.md:9:18: locations[0].postal_code : \
         attendu un code postal de 5 chiffres, trouvé « 3800 »\n\
         Contenu refusé : 1 problème dans 1 fichier."
    );
    edit(
        &site,
        &mut inc,
        &[(file, "postal_code: \"3", "postal_code: \"33")],
    );
}

#[test]
fn what_is_not_a_known_entry_takes_a_full_build() {
    let site = Site::bundled();
    let mut inc = Incremental::new(options(&site));
    inc.full().unwrap();
    let mut last = Files::new();
    // An editor's swap file, written and removed beside a real save: still incremental.
    let swap = site.path("content/associations/.escale-hygiene-bordeaux.md.swp");
    let file = "content/associations/escale-hygiene-bordeaux.md";
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    site.write(
        file,
        &text.replace("name: L'Escale Hygiène", "name: Escale"),
    );
    let update = inc
        .rebuild(&[swap, site.path(file)], &mut |files, _| {
            last = files.clone()
        })
        .unwrap();
    assert!(
        update.is_some(),
        "a swap file gone does not force a full build"
    );
    // A theme file added over the built-in one, then removed: each a full build, serving
    // the site's file, then the built-in one again.
    let licence = "vendor/leaflet-1.9.4/LICENSE.txt";
    let built_in = last[licence].clone();
    let theme_file = site.path(&format!("themes/default/static/{licence}"));
    site.write(
        &format!("themes/default/static/{licence}"),
        "Licence du site",
    );
    let update = inc
        .rebuild(std::slice::from_ref(&theme_file), &mut |files, _| {
            last = files.clone()
        })
        .unwrap();
    assert!(update.is_none(), "a theme file added takes a full build");
    assert_eq!(last[licence].as_slice(), b"Licence du site");
    std::fs::remove_file(&theme_file).unwrap();
    let update = inc
        .rebuild(&[theme_file], &mut |files, _| last = files.clone())
        .unwrap();
    assert!(update.is_none(), "a theme file removed takes a full build");
    assert_eq!(last[licence], built_in, "the built-in file is back");
    assert_eq!(last, full_build(&site));
}
