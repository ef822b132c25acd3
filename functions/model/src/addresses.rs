//! The addresses the generator makes itself inside each section, defined once: the
//! generator builds its URLs from these words, the build refuses an entry whose file would
//! take one of them, and the forms never give a new entry one.

use crate::content::Kind;

/// `/associations/categorie/<key>/`, `/ressources/categorie/<word>/`: a category's pages.
pub const CATEGORY: &str = "categorie";
/// `/associations/commune/<commune>/`: a commune's page and its guide.
pub const COMMUNE: &str = "commune";
/// `<list>/page/<n>/`: the pages after the first of a long list.
pub const PAGINATION: &str = "page";
/// `/ressources/offres/`: the open offers.
pub const OFFERS: &str = "offres";
/// `/ressources/demandes/`: the open requests.
pub const REQUESTS: &str = "demandes";
/// `/ressources/besoins/`: the page of needs.
pub const NEEDS: &str = "besoins";

/// Free pages are served at the top level (`/a-propos/`): the sections and the generated
/// folders and files there.
pub const TOP_LEVEL: &[(&str, &str)] = &[
    ("associations", "l'annuaire des associations"),
    ("benevolat", "la liste des appels à bénévoles"),
    ("ressources", "la liste des annonces"),
    ("pages", "le dossier des pages libres"),
    ("archives", "les archives"),
    ("assets", "les fichiers du thème"),
    ("vendor", "les bibliothèques du thème"),
    ("flux", "les flux Atom"),
    ("donnees", "les données ouvertes"),
    ("recherche", "la recherche"),
    ("carte", "la carte"),
    ("api", "les formulaires (leur adresse par défaut)"),
    ("proposer", "les formulaires"),
    ("moderation", "la modération"),
    ("merci", "la page de remerciement"),
    ("suivi", "le suivi des propositions"),
];

/// The slugs the generator uses inside the section of `kind`, with what it makes there.
pub fn reserved(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Association => &[
            (
                CATEGORY,
                "les pages par catégorie (/associations/categorie/…/)",
            ),
            (COMMUNE, "les pages par commune (/associations/commune/…/)"),
            (
                PAGINATION,
                "les pages suivantes de l'annuaire (/associations/page/…/)",
            ),
        ],
        Kind::VolunteerCall => &[(
            PAGINATION,
            "les pages suivantes des appels (/benevolat/page/…/)",
        )],
        Kind::Resource => &[
            (OFFERS, "la liste des offres (/ressources/offres/)"),
            (REQUESTS, "la liste des demandes (/ressources/demandes/)"),
            (NEEDS, "la page des besoins (/ressources/besoins/)"),
            (
                CATEGORY,
                "les pages par catégorie (/ressources/categorie/…/)",
            ),
            (
                PAGINATION,
                "les pages suivantes des annonces (/ressources/page/…/)",
            ),
        ],
        Kind::Page => TOP_LEVEL,
    }
}

/// What the generator makes at the address an entry of `kind` named `slug` would have, if
/// it makes something there.
pub fn taken_by_site(kind: Kind, slug: &str) -> Option<&'static str> {
    reserved(kind)
        .iter()
        .find(|(s, _)| *s == slug)
        .map(|(_, what)| *what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_section_names_its_own_pages() {
        assert!(taken_by_site(Kind::Association, "commune").is_some());
        assert!(taken_by_site(Kind::Resource, "offres").is_some());
        assert!(taken_by_site(Kind::Page, "associations").is_some());
        assert_eq!(taken_by_site(Kind::Resource, "commune"), None);
        assert_eq!(taken_by_site(Kind::Association, "pommes"), None);
    }
}
