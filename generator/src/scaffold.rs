//! `portal new`: a commented content file that builds as it is, for an editor to fill in,
//! pointing to its JSON Schema (written into `schemas/` at the same time).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::Span;
use jiff::civil::Date;
use portal_model::checks::{is_slug, slugify};
use portal_model::{Kind, SiteConfig};

use crate::error::BuildError;

/// Writes a new content file of `kind` named `slug`; returns its path.
pub fn new_entry(root: &Path, kind: Kind, slug: &str, today: Date) -> Result<PathBuf, BuildError> {
    if !is_slug(slug) {
        let suggestion = slugify(slug);
        return Err(BuildError::NotASlug {
            slug: slug.to_string(),
            suggestion: is_slug(&suggestion).then_some(suggestion),
        });
    }
    let config = crate::load::load_config(root)?;
    let path = root
        .join("content")
        .join(kind.folder())
        .join(format!("{slug}.md"));
    // A dangling symbolic link counts as existing: writing through it would land elsewhere.
    if path.symlink_metadata().is_ok() {
        return Err(BuildError::AlreadyExists(path));
    }
    let text = match kind {
        Kind::Association => association(&config, today),
        Kind::VolunteerCall => volunteer_call(&first_association(root)?, today),
        Kind::Resource => resource(&first_association(root)?, today),
        Kind::Page => page(),
    };
    let text = with_translations(&text, kind, &config);
    // The schema line first, for an editor's IDE; the schemas refreshed after the write.
    let text = text.replacen(
        "---\n",
        &format!("---\n{}", crate::schemas::modeline(kind)),
        1,
    );
    let dir = path.parent().expect("a content file has a folder");
    fs::create_dir_all(dir).map_err(BuildError::io(dir))?;
    // create_new never follows a link, and fails if the file appeared in the meantime.
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(BuildError::io(&path))?;
    crate::schemas::write(root, &root.join(crate::schemas::FOLDER))?;
    Ok(path)
}

/// The file with a commented example of `translations:` before the end of its front matter,
/// in the site's first other language (`en` when it has none: the example says to list it).
fn with_translations(text: &str, kind: Kind, config: &SiteConfig) -> String {
    let other = config.languages.iter().find(|c| **c != config.language);
    let (code, hint) = match other {
        Some(c) => (c.as_str(), String::new()),
        None => (
            "en",
            " ; la langue doit être dans languages de site.toml".to_string(),
        ),
    };
    let fields = match kind {
        Kind::Association => format!(
            "#   {code}:\n#     name: Port grocery\n#     summary: A solidarity grocery open to all.\n#     access: {{note: Bring a proof of address}}\n#     locations:                      # dans l'ordre des lieux ci-dessus\n#       - directions: Tram C, Gare Saint-Jean stop\n#         accessibility: {{notes: Ramp at the entrance}}\n#         season: {{note: Winter shelter}}\n"
        ),
        _ => format!("#   {code}:\n#     title: Title in {code}\n"),
    };
    let example = format!(
        "# Traductions des textes publics (facultatif) : par langue du site autre que {own}{hint}.\n# Seuls les textes se traduisent ; ce qui n'est pas traduit reste en {own} sur les pages.\n# translations:\n{fields}#     body: |\n#       The description, in Markdown.\n",
        own = config.language,
    );
    match text.find("\n---\n") {
        Some(end) => format!("{}\n{example}{}", &text[..end], &text[end + 1..]),
        None => text.to_string(),
    }
}

fn first_association(root: &Path) -> Result<String, BuildError> {
    let dir = root.join("content/associations");
    let mut slugs: Vec<String> = fs::read_dir(&dir)
        .map_err(BuildError::io(&dir))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".md")
                .map(String::from)
        })
        .filter(|s| is_slug(s))
        .collect();
    slugs.sort();
    slugs.into_iter().next().ok_or(BuildError::NoAssociation)
}

fn later(today: Date, days: i64) -> Date {
    today.checked_add(Span::new().days(days)).unwrap_or(today)
}

fn association(config: &SiteConfig, today: Date) -> String {
    let [[lat0, lon0], [lat1, lon1]] = config.territory.bounds.0;
    let (lat, lon) = ((lat0 + lat1) / 2.0, (lon0 + lon1) / 2.0);
    let categories: Vec<&str> = config.categories.keys().collect();
    format!(
        r#"---
# Nom de l'association (3 à 150 caractères).
name: Nom de l'association
# Une ligne, 200 caractères au plus : elle apparaît dans les listes.
summary: Ce que fait l'association, en une phrase.
# Au moins une catégorie parmi celles de site.toml : {all}
categories:
  - {first}
# Lieux d'accueil (au moins un, sauf avec « remote_only: true »).
locations:
  - name: Local de l'association          # facultatif
    address: 1 rue de l'Exemple
    postal_code: "33000"                  # 5 chiffres
    city: Commune
    geo: [{lat:.5}, {lon:.5}]             # [latitude, longitude] dans le territoire
    hours:                                # jours : mo tu we th fr sa su
      tu: ["09:00-12:00", "14:00-17:00"]
      sa: ["09:00-12:00"]
    public_holidays: closed               # open, closed ou unknown
    # closures:                           # fermetures exceptionnelles
    #   - {{from: 2026-12-24, to: 2027-01-02, note: Congés}}
    accessibility:
      wheelchair: true
    # directions: Tram C, arrêt Gare Saint-Jean      # comment venir
    # season: {{from: "11-01", to: "03-31"}}          # ouvert une partie de l'année seulement
# contact:
#   phone: 05 56 00 00 00
#   email: contact@exemple.org
#   website: https://exemple.org
# identifiers:
#   rna: W331234567                       # W + 9 chiffres
#   siret: "73282932000074"               # 14 chiffres, clé vérifiée
food_bank_partner: false
# Qui peut venir : unconditional (sans condition), registration (sur inscription),
# referral (sur orientation d'un travailleur social), appointment (sur rendez-vous).
# access:
#   mode: [referral]
#   fees: free                            # free (gratuit) ou paid (participation)
#   note: Sur présentation d'un justificatif de domicile
# Publics accueillis en particulier (clés : familles, femmes, jeunes, etudiants, seniors,
# personnes-sans-domicile, personnes-sans-papiers… ; d'autres dans la table [publics] de site.toml).
# publics: [familles, personnes-isolees]
# publics_only: false                     # true : seuls ces publics sont reçus
languages: [fr]
# Date à laquelle ces informations ont été vérifiées pour la dernière fois.
updated: {today}
---
Décrivez ici l'association en quelques phrases (au moins 50 caractères) :
qui elle accueille, ce qu'elle propose, comment venir.
"#,
        all = categories.join(", "),
        first = categories.first().copied().unwrap_or("categorie"),
    )
}

fn volunteer_call(association: &str, today: Date) -> String {
    let day = later(today, 14);
    format!(
        r#"---
title: Titre de l'appel à bénévoles
# L'association qui cherche des bénévoles (nom de son fichier, sans .md).
association: {association}
skills: [accueil]
# place: ...                     # facultatif : par défaut, le premier lieu de l'association
remote: false
# Soit des dates précises (slots), soit un besoin régulier (recurrence), pas les deux.
slots:
  - {{date: {day}, start: "09:00", end: "12:00", volunteers: 2}}
# recurrence:
#   freq: weekly
#   days: [sa]
#   start: "09:00"
#   end: "12:00"
#   from: {today}
#   until: {until}                # facultatif
#   volunteers: 3
# deadline: {day}                 # facultatif : date limite pour se proposer
open_to_minors: false
status: open                      # open, filled ou cancelled
---
Décrivez la mission : ce que feront les bénévoles, avec qui, et comment se proposer.
"#,
        until = later(today, 180),
    )
}

fn resource(association: &str, today: Date) -> String {
    format!(
        r#"---
title: Titre de l'annonce
association: {association}
kind: offer                      # offer (on donne ou prête) ou request (on cherche)
category: food                   # food, equipment, skills, premises, transport, other
quantity: {{amount: 20, unit: kg}} # unités : kg, l, portions, items, hours, m2
available: {{from: {today}}}       # until: facultatif
expires: {expires}               # obligatoire pour une offre de denrées (date limite)
cold_chain: false                # denrées seulement
# place: ...                     # facultatif : par défaut, le premier lieu de l'association
status: open                     # open, reserved, done ou withdrawn
---
Précisez ce qui est proposé ou recherché, et comment le retirer ou l'apporter.
"#,
        expires = later(today, 7),
    )
}

fn page() -> String {
    "---\ntitle: Titre de la page\n# menu: 5   # position dans le menu principal (facultatif)\n---\nTexte de la page, en Markdown.\n"
        .to_string()
}
