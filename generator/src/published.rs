//! The files the site publishes besides its pages, named once for the pages and templates
//! that link to them and the outputs that write them.

/// The Atom feed of the open calls for volunteers.
pub(crate) const CALLS_FEED: &str = "flux/benevolat.xml";
/// The Atom feed of the open listings.
pub(crate) const RESOURCES_FEED: &str = "flux/ressources.xml";
/// The iCalendar file of the open calls' slots.
pub(crate) const CALENDAR: &str = "benevolat/creneaux.ics";
/// Open data: every association.
pub(crate) const ASSOCIATIONS_JSON: &str = "donnees/associations.json";
pub(crate) const ASSOCIATIONS_CSV: &str = "donnees/associations.csv";
pub(crate) const ASSOCIATIONS_GEOJSON: &str = "donnees/associations.geojson";
/// Open data in data·inclusion's schema: the associations as structures, their places as
/// services.
pub(crate) const DATAINCLUSION_STRUCTURES: &str = "donnees/datainclusion/structures.json";
pub(crate) const DATAINCLUSION_SERVICES: &str = "donnees/datainclusion/services.json";
/// The communes and their centres, `[[name, lat, lon], …]`, for the forms' locating.
pub(crate) const COMMUNES: &str = "donnees/communes.json";
/// The search index's manifest, at the address the search page gives the script.
pub(crate) const SEARCH_MANIFEST: &str = "recherche/index.json";
/// The search index's shards of words, `recherche/mots/KEY.json`, its entries by numbered
/// files, `recherche/fiches/N.json`, and its filters, `recherche/filtres/NAME-I.json`.
pub(crate) const SEARCH_WORDS: &str = "recherche/mots/";
pub(crate) const SEARCH_ENTRIES: &str = "recherche/fiches/";
pub(crate) const SEARCH_FILTERS: &str = "recherche/filtres/";
/// The tiles of the places of welcome, for the interactive map of `/carte/`.
pub(crate) const PLACE_TILES: &str = "carte/lieux/";
/// The territory's outline, for the interactive map.
pub(crate) const OUTLINE: &str = "carte/contour.geojson";
pub(crate) const SITEMAP: &str = "sitemap.xml";
pub(crate) const ROBOTS: &str = "robots.txt";

pub(crate) const LICENCE: &str = "Licence Ouverte / Open Licence 2.0 (Etalab)";
pub(crate) const LICENCE_URL: &str = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

/// The columns of the CSV, in order.
pub(crate) const CSV_COLUMNS: [&str; 28] = [
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
    "url",
];
