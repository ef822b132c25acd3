//! The problems of a submission said to the person who filled the form: what to do, with
//! the labels and choices the form shows, never the words of the files (`offer`, `food`),
//! their paths (`content/associations/`) nor their syntax. An editor reading a file gets
//! the problem as [`Problem::message`] says it; a form gets it from here.

use crate::access::AccessMode;
use crate::content::Kind;
use crate::form::{self, Field, Input};
use crate::problem::Problem;
use crate::site::SiteConfig;

/// What the model says when a field is absent (see [`crate::read::Fields::missing`]).
const MISSING: &str = "rien (le champ manque)";

/// The form field a problem is about: the field of that name, the one it is inside
/// (`locations[0].hours.mo[1]` is in `locations[0].hours.mo`), or the first of the group it
/// names (`quantity` for `quantity.amount`).
pub(crate) fn field_of(kind: Kind, path: &str) -> Option<&'static Field> {
    let defs = form::fields(kind);
    let within = |outer: &str, inner: &str| {
        inner.len() > outer.len()
            && inner.starts_with(outer)
            && matches!(inner.as_bytes()[outer.len()], b'.' | b'[')
    };
    defs.iter()
        .find(|d| d.name == path)
        .or_else(|| defs.iter().find(|d| within(d.name, path)))
        .or_else(|| defs.iter().find(|d| within(path, d.name)))
}

/// The message of `problem` for the form of `kind`.
pub(crate) fn message(kind: Kind, problem: &Problem, site: &SiteConfig) -> String {
    let def = field_of(kind, &problem.field);
    let missing = problem.found == MISSING;
    let field = problem.field.as_str();
    // The few problems that name the files' words or syntax, said the form's way.
    if field == "cold_chain" {
        return "Décochez cette case : la chaîne du froid ne concerne que les denrées alimentaires.".into();
    }
    if field == "slots" {
        return "Remplissez soit « Une date précise », soit « Ou un besoin régulier » : l'un des deux, pas les deux.".into();
    }
    if field == "locations" {
        return "Remplissez l'adresse du lieu d'accueil.".into();
    }
    if field == "access.mode" && problem.found.contains(" et ") {
        return format!(
            "« {} » et « {} » ne vont pas ensemble : décochez l'une des deux cases.",
            AccessMode::Unconditional.label(),
            AccessMode::Referral.label()
        );
    }
    if (field == "(description)" || field == "body")
        && let Some(n) = problem
            .found
            .strip_suffix(" caractères")
            .or(problem.found.strip_suffix(" caractère"))
    {
        return format!("Écrivez au moins 50 caractères : vous en avez écrit {n}.");
    }
    if (field.ends_with(".geo") || field.contains(".geo[") || field == "geo")
        && problem.expected.starts_with("un point dans le territoire")
    {
        let swapped = if problem.suggestion.is_some() {
            " La latitude et la longitude semblent inversées."
        } else {
            ""
        };
        return format!(
            "Ce point est hors du territoire {} : choisissez la commune ou placez le lieu sur la carte pour le remplir.{swapped}",
            site.territory.name
        );
    }
    if let Some(def) = def {
        if let Some(said) = choice(def, missing) {
            return said;
        }
        if def.name != field
            && !within_list_item(def, field)
            && problem.expected.starts_with("un champ connu")
        {
            return "Ce champ n'existe pas dans ce formulaire : rechargez la page et remplissez-le de nouveau.".into();
        }
    } else if problem.expected.starts_with("un champ connu") {
        return "Ce champ n'existe pas dans ce formulaire : rechargez la page et remplissez-le de nouveau.".into();
    }
    if missing {
        return format!("Remplissez ce champ : {}.", problem.expected);
    }
    let mut out = format!(
        "Il faut {} ; vous avez écrit {}.",
        problem.expected, problem.found
    );
    if let Some(s) = &problem.suggestion {
        out.push_str(&format!(" Vouliez-vous dire « {s} » ?"));
    }
    out
}

/// `locations[0].hours.mo[1]` is an item of the list field `locations[0].hours.mo`.
fn within_list_item(def: &Field, path: &str) -> bool {
    path.strip_prefix(def.name)
        .is_some_and(|rest| rest.starts_with('['))
}

/// What to do with a field the form offers choices for: which choices, by their labels.
fn choice(def: &Field, missing: bool) -> Option<String> {
    let labels = |list: &[(&str, &str)]| -> String {
        let quoted: Vec<String> = list.iter().map(|(_, l)| format!("« {l} »")).collect();
        match quoted.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} ou {last}", rest.join(", ")),
            None => String::new(),
        }
    };
    Some(match def.input {
        Input::Association => "Choisissez votre association dans la liste.".into(),
        Input::Categories if missing => "Cochez au moins une case.".into(),
        Input::Categories | Input::Publics => "Cochez des cases parmi celles proposées.".into(),
        Input::Radio(list) | Input::Select(list) => {
            format!("Choisissez une réponse : {}.", labels(list))
        }
        Input::Checkboxes(_) if missing => "Cochez au moins une case.".into(),
        Input::Checkboxes(_) => "Cochez des cases parmi celles proposées.".into(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pos::Pos;

    fn site() -> SiteConfig {
        SiteConfig::parse(include_str!("../../../tests/sites/basic/site.toml")).unwrap()
    }

    fn said(kind: Kind, field: &str, expected: &str, found: &str) -> String {
        message(
            kind,
            &Problem::new(Pos::default(), field, expected, found),
            &site(),
        )
    }

    #[test]
    fn choices_are_said_by_their_labels() {
        let kind = said(
            Kind::Resource,
            "kind",
            "offer (on donne ou prête) ou request (on cherche)",
            MISSING,
        );
        assert_eq!(
            kind,
            "Choisissez une réponse : « Nous proposons (don, prêt) » ou « Nous recherchons »."
        );
        let category = said(
            Kind::Resource,
            "category",
            "l'une des valeurs food, equipment",
            "« nourriture »",
        );
        assert!(
            category.starts_with("Choisissez une réponse : « Denrées alimentaires », « Matériel »"),
            "{category}"
        );
        assert!(!category.contains("food"));
        let association = said(
            Kind::Resource,
            "association",
            "l'identifiant d'une association de content/associations/",
            MISSING,
        );
        assert_eq!(association, "Choisissez votre association dans la liste.");
    }

    #[test]
    fn texts_say_what_to_write() {
        assert_eq!(
            said(
                Kind::Resource,
                "title",
                "un titre de 3 à 150 caractères",
                "2 caractères"
            ),
            "Il faut un titre de 3 à 150 caractères ; vous avez écrit 2 caractères."
        );
        assert_eq!(
            said(
                Kind::Association,
                "(description)",
                "une description d'au moins 50 caractères après l'en-tête",
                "12 caractères"
            ),
            "Écrivez au moins 50 caractères : vous en avez écrit 12."
        );
        assert_eq!(
            said(
                Kind::Resource,
                "expires",
                "la date limite de consommation (obligatoire pour une offre de denrées), AAAA-MM-JJ",
                MISSING
            ),
            "Remplissez ce champ : la date limite de consommation (obligatoire pour une offre de denrées), AAAA-MM-JJ."
        );
        let outside = said(
            Kind::Association,
            "locations[0].geo",
            "un point dans le territoire [[44.19, -1.27], [45.58, 0.32]]",
            "le point [1, 2]",
        );
        assert!(
            outside.starts_with("Ce point est hors du territoire Gironde"),
            "{outside}"
        );
    }

    #[test]
    fn fields_are_found_by_their_paths() {
        assert_eq!(
            field_of(Kind::Association, "locations[0].hours.mo[1]")
                .unwrap()
                .name,
            "locations[0].hours.mo"
        );
        assert_eq!(
            field_of(Kind::Resource, "quantity").unwrap().name,
            "quantity.amount"
        );
        assert_eq!(
            field_of(Kind::Association, "categories[0]").unwrap().name,
            "categories"
        );
        assert!(field_of(Kind::Resource, "colour").is_none());
    }
}
