//! The pages of the forms: what can be proposed, one form per kind built from the model's
//! field definitions (the functions read the posts with the same definitions), the
//! moderators' page and the thank-you page.

use portal_model::SubmissionType;
use portal_model::form::{self, Field, Input};
use serde::Serialize;
use tera::Context;

use crate::render::frame::Page;
use crate::render::jobs::FormPage;
use crate::render::renderer::Renderer;
use crate::urls::Link;

fn title(kind: SubmissionType) -> &'static str {
    match kind {
        SubmissionType::Resource => "Proposer une offre ou une demande",
        SubmissionType::VolunteerCall => "Publier un appel à bénévoles",
        SubmissionType::Association => "Inscrire ou mettre à jour une association",
    }
}

fn intro(kind: SubmissionType) -> &'static str {
    match kind {
        SubmissionType::Resource => {
            "Denrées, matériel, compétences, locaux ou transport : dites ce que votre association donne, prête ou recherche."
        }
        SubmissionType::VolunteerCall => {
            "Une date précise ou un besoin régulier : décrivez la mission pour que des bénévoles se proposent."
        }
        SubmissionType::Association => {
            "Pour apparaître dans l'annuaire, ou corriger la fiche de votre association."
        }
    }
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct FieldView {
    name: &'static str,
    /// The HTML id: the name with its brackets and dots made safe.
    id: String,
    label: &'static str,
    hint: &'static str,
    /// `text`, `textarea`, `date`, `time`, `number`, `email`, `tel`, `url`, `checkbox`,
    /// `radio`, `select` or `checkboxes`.
    input: &'static str,
    required: bool,
    choices: Vec<Choice>,
}

#[derive(Serialize)]
struct Group {
    legend: &'static str,
    fields: Vec<FieldView>,
    /// It holds a place's coordinates: the locating tools follow its fields.
    geo: bool,
}

/// What the locating tools of a place's coordinates need (`locate.js`): the communes'
/// centres, Leaflet and the tiles for a click on the map, and whether the national address
/// service may be asked.
#[derive(Serialize)]
struct Locate<'a> {
    communes: String,
    leaflet: String,
    tiles: &'a str,
    attribution: &'a str,
    bounds: String,
    address_search: bool,
}

/// The HTML id of a field: `locations[0].hours.sa` → `f-locations-0-hours-sa`.
pub(super) fn field_id(name: &str) -> String {
    let mut id = String::from("f");
    for part in name.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
        if !part.is_empty() {
            id.push('-');
            id.push_str(part);
        }
    }
    id
}

fn choices(r: &Renderer, input: Input) -> Vec<Choice> {
    let fixed = |list: &[(&str, &str)]| {
        list.iter()
            .map(|(v, l)| Choice {
                value: v.to_string(),
                label: l.to_string(),
            })
            .collect()
    };
    match input {
        Input::Radio(list) | Input::Select(list) | Input::Checkboxes(list) => fixed(list),
        Input::Categories => r
            .index
            .categories()
            .map(|(_, c)| Choice {
                value: c.key.clone(),
                label: c.label.clone(),
            })
            .collect(),
        Input::Publics => r
            .index
            .content
            .config
            .publics
            .0
            .iter()
            .map(|p| Choice {
                value: p.key.clone(),
                label: p.label.clone(),
            })
            .collect(),
        Input::Association => r
            .index
            .directory()
            .iter()
            .map(|&id| {
                let a = r.index.association(id);
                Choice {
                    value: a.slug.clone(),
                    label: a.name.clone(),
                }
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Beyond this many associations, a form asks for the association's identifier (the end of
/// the address of its page) instead of listing them all: at 40,000 the list alone would
/// weigh 200 kB gzipped, four times a page's budget.
const LISTED_ASSOCIATIONS: usize = 300;

/// The hint of an association typed as its identifier.
const IDENTIFIER_HINT: &str = "L'identifiant de l'association : la fin de l'adresse de sa page sur ce site, par exemple epicerie-du-port pour …/associations/epicerie-du-port/.";

/// Whether the forms ask for an association's identifier rather than list them.
fn typed_associations(r: &Renderer) -> bool {
    r.index.directory().len() > LISTED_ASSOCIATIONS
}

fn view(r: &Renderer, f: &Field) -> FieldView {
    if f.input == Input::Association && typed_associations(r) {
        return FieldView {
            name: f.name,
            id: field_id(f.name),
            label: f.label,
            hint: IDENTIFIER_HINT,
            input: "text",
            required: f.required,
            choices: Vec::new(),
        };
    }
    let input = match f.input {
        Input::Text => "text",
        Input::LongText => "textarea",
        Input::Date => "date",
        Input::Time => "time",
        Input::Number => "number",
        Input::Email => "email",
        Input::Tel => "tel",
        Input::Url => "url",
        Input::Checkbox => "checkbox",
        Input::Radio(_) => "radio",
        Input::Select(_) | Input::Association => "select",
        Input::Checkboxes(_) | Input::Categories | Input::Publics => "checkboxes",
    };
    FieldView {
        name: f.name,
        id: field_id(f.name),
        label: f.label,
        hint: f.hint,
        input,
        required: f.required,
        choices: choices(r, f.input),
    }
}

/// The fields of a kind, consecutive fields of one group in one fieldset.
fn groups(r: &Renderer, kind: SubmissionType) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for f in form::fields(kind.kind()) {
        let geo = f.name.contains(".geo[");
        match groups.last_mut() {
            Some(g) if g.legend == f.group && !f.group.is_empty() => {
                g.geo |= geo;
                g.fields.push(view(r, f))
            }
            _ => groups.push(Group {
                legend: f.group,
                fields: vec![view(r, f)],
                geo,
            }),
        }
    }
    groups
}

/// The page of the forms: what can be proposed, a form, the moderators' page, thanks.
pub(super) fn page(r: &Renderer, page: FormPage, cx: &mut Context) -> Page {
    let urls = &r.urls;
    let endpoint = r.index.content.config.forms.endpoint.trim_end_matches('/');
    let (title, template, description) = match page {
        FormPage::Index => {
            let links: Vec<Link> = [
                SubmissionType::Resource,
                SubmissionType::VolunteerCall,
                SubmissionType::Association,
            ]
            .into_iter()
            .map(|k| Link {
                label: title(k).into(),
                url: urls.at(FormPage::Form(k).path()),
            })
            .collect();
            cx.insert("forms", &links);
            (
                "Proposer".to_string(),
                "propose.html",
                "Associations : proposez une offre, une demande, un appel à bénévoles ou la fiche de votre association.",
            )
        }
        FormPage::Form(kind) => {
            cx.insert("kind", kind.kind().api_name());
            cx.insert("intro", intro(kind));
            cx.insert("groups", &groups(r, kind));
            cx.insert("action", &format!("{endpoint}/submissions"));
            if kind == SubmissionType::Association {
                if typed_associations(r) {
                    cx.insert("target_hint", IDENTIFIER_HINT);
                } else {
                    cx.insert("targets", &choices(r, Input::Association));
                }
                let config = &r.index.content.config;
                let [[lat0, lon0], [lat1, lon1]] = config.territory.bounds.0;
                cx.insert(
                    "locate",
                    &Locate {
                        communes: urls.at(crate::published::COMMUNES),
                        leaflet: urls.at("vendor/leaflet-1.9.4/"),
                        tiles: &config.map.tiles,
                        attribution: &config.map.attribution,
                        bounds: format!("{lat0},{lon0},{lat1},{lon1}"),
                        address_search: config.forms.address_search,
                    },
                );
            }
            (title(kind).to_string(), "form.html", intro(kind))
        }
        FormPage::Moderation => {
            cx.insert("endpoint", endpoint);
            (
                "Modération".to_string(),
                "moderation.html",
                "Relecture des propositions des associations.",
            )
        }
        FormPage::Thanks => (
            "Merci".to_string(),
            "thanks.html",
            "Votre proposition a été reçue.",
        ),
    };
    let mut trail = Vec::new();
    if matches!(page, FormPage::Form(_)) {
        trail.push(("Proposer", urls.at(FormPage::Index.path())));
    }
    let framed = Page::new(
        urls,
        template,
        urls.at(page.path()),
        &title,
        description,
        "Proposer",
    )
    .crumbs(urls, &trail);
    // The moderators' page and the thanks are for those who come from a form.
    match page {
        FormPage::Moderation | FormPage::Thanks => framed.noindex(),
        FormPage::Index | FormPage::Form(_) => framed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe() {
        assert_eq!(field_id("locations[0].hours.sa"), "f-locations-0-hours-sa");
        assert_eq!(field_id("contact_email"), "f-contact_email");
    }
}
