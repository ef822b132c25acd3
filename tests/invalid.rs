//! Refused content: each folder of `tests/sites/invalid/` holds files laid over the valid
//! `basic` site and `expected.txt`, the exact report `portal check` must print. Run with
//! `BLESS=1` to rewrite the reports after a deliberate change of wording, then review the diff.

use std::fs;
use std::path::Path;

use crate::support::{Site, copy_tree, repo};

/// Runs `portal check` on `basic` with the case's files laid over it and compares the report.
fn refused(case: &str) {
    let site = Site::copy("basic");
    let dir = repo().join("tests/sites/invalid").join(case);
    for entry in fs::read_dir(&dir).unwrap() {
        let entry = entry.unwrap();
        let target = site.root().join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else if entry.file_name() != "expected.txt" {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    expect_report(&site, &dir.join("expected.txt"));
}

/// Checks that `portal check` and `portal build` both fail with the report in `expected`.
fn expect_report(site: &Site, expected: &Path) {
    let check = site.portal(&["check"]);
    let report = String::from_utf8(check.stderr).unwrap();
    assert_eq!(check.status.code(), Some(1), "check must fail:\n{report}");
    if std::env::var_os("BLESS").is_some() {
        fs::write(expected, &report).unwrap();
    }
    let want = fs::read_to_string(expected)
        .unwrap_or_else(|_| panic!("{} is missing; run with BLESS=1", expected.display()));
    assert_eq!(report, want, "report for {}", expected.display());

    // A build reports the same problems and writes nothing.
    let out = site.path("public");
    let build = site.portal(&["build", "--output", out.to_str().unwrap()]);
    assert_eq!(build.status.code(), Some(1));
    let untouched = format!("{want}Rien n'a été écrit.\n");
    assert_eq!(String::from_utf8(build.stderr).unwrap(), untouched);
    assert!(!out.exists(), "a failed build must not create its output");
}

macro_rules! cases {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                refused(&stringify!($name).replace('_', "-"));
            }
        )*

        /// Every case folder has its test, so none is silently skipped.
        #[test]
        fn every_case_folder_is_tested() {
            let listed = [$(stringify!($name).replace('_', "-")),*];
            for entry in fs::read_dir(repo().join("tests/sites/invalid")).unwrap() {
                let name = entry.unwrap().file_name().into_string().unwrap();
                assert!(listed.contains(&name), "{name} is not in the cases! list");
            }
        }
    };
}

cases! {
    access_modes_contradict,
    all_problems_at_once,
    association_slug_reserved,
    availability_ends_before_start,
    boolean_in_french,
    call_both_slots_and_recurrence,
    call_neither_slots_nor_recurrence,
    call_recurrence_until_before_from,
    call_slug_reserved,
    call_slot_ends_before_start,
    call_status_unknown,
    call_unknown_association,
    catalogue_incomplete,
    category_label_language_unknown,
    page_named_like_a_language,
    call_zero_volunteers,
    closure_ends_before_it_starts,
    cold_chain_outside_food,
    coordinates_swapped,
    date_invalid,
    description_too_short,
    duplicate_field,
    email_invalid,
    file_name_not_a_slug,
    food_offer_without_expiry,
    hours_end_before_start,
    hours_unknown_day,
    language_not_iso,
    locations_missing,
    missing_required_field,
    name_too_short,
    no_front_matter,
    overlapping_hours,
    page_slug_reserved,
    page_without_title,
    phone_invalid,
    point_outside_territory,
    public_unknown,
    postal_code_not_five_digits,
    quantity_not_positive_unknown_unit,
    resource_kind_and_category_unknown,
    resource_slug_reserved,
    rna_malformed,
    season_day_invalid,
    siret_key_wrong,
    site_toml_unknown_key,
    summary_too_long,
    translation_field_not_translatable,
    translation_language_unknown,
    unknown_category,
    unknown_content_folder,
    unknown_field_suggests_name,
    website_without_scheme,
    yaml_alias_refused,
    yaml_syntax_error,
}

/// Files that cannot be stored in the case folders: made here.
mod made {
    use super::*;

    fn report_of(site: &Site) -> String {
        let check = site.portal(&["check"]);
        assert_eq!(check.status.code(), Some(1));
        String::from_utf8(check.stderr).unwrap()
    }

    #[test]
    fn latin1_file_is_refused_with_its_line() {
        let site = Site::copy("basic");
        let path = site.path("content/pages/a-propos.md");
        let mut bytes = fs::read(&path).unwrap();
        bytes.extend_from_slice(b"\nCaf\xe9 offert.\n");
        fs::write(&path, bytes).unwrap();
        assert_eq!(
            report_of(&site),
            "content/pages/a-propos.md:7:4: attendu du texte encodé en UTF-8, trouvé un octet \
             qui n'est pas de l'UTF-8 (fichier enregistré en Latin-1 ou Windows-1252 ?)\n\
             Contenu refusé : 1 problème dans 1 fichier.\n"
        );
    }

    #[test]
    fn huge_file_is_refused() {
        let site = Site::copy("basic");
        let path = site.path("content/pages/a-propos.md");
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str(&"Un paragraphe bien trop long. ".repeat(40_000));
        fs::write(&path, text).unwrap();
        assert_eq!(
            report_of(&site),
            "content/pages/a-propos.md: attendu un fichier de 1024 Kio au plus, trouvé 1171 Kio\n\
             Contenu refusé : 1 problème dans 1 fichier.\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_in_content_is_refused() {
        let site = Site::copy("basic");
        std::os::unix::fs::symlink("/etc/passwd", site.path("content/pages/lien.md")).unwrap();
        assert_eq!(
            report_of(&site),
            "content/pages/lien.md: attendu un fichier ordinaire, trouvé un lien symbolique \
             (refusé : il pourrait mener hors de content/)\n\
             Contenu refusé : 1 problème dans 1 fichier.\n"
        );
    }

    #[test]
    fn missing_site_toml_is_refused() {
        let site = Site::copy("basic");
        fs::remove_file(site.path("site.toml")).unwrap();
        assert_eq!(
            report_of(&site),
            format!(
                "{}: No such file or directory (os error 2)\n",
                site.path("site.toml").display()
            )
        );
    }
}
