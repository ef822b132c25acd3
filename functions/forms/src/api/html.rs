//! The few pages the functions answer themselves, for browsers without JavaScript: the
//! problems of a form post, and the status of a submission. Small, accessible, no template
//! engine: the functions stay light.

use portal_model::{FieldError, SubmissionType, form};

use crate::store::{Status, Submission};

/// `text` made safe inside HTML text and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:1.125rem/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b}\
main{max-width:40rem;margin:0 auto;padding:1rem}a{color:#0b4f8a}\
a:focus,h2:focus,div:focus{outline:3px solid #1b1b1b;outline-offset:2px;background:#ffdd00;color:#1b1b1b}\
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem}\
.error-summary{border:4px solid #b00020;padding:1rem}.error-summary h2{margin-top:0}\
.panel{border-left:6px solid #0b6b3a;padding:.5rem 1rem;background:#eef7f1}code{word-break:break-all}\
button{font:inherit;min-height:44px}";

/// A whole page with a skip link, a main landmark and one `h1`.
pub(crate) fn page(title: &str, body: &str, base: &str) -> String {
    format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<meta name=\"robots\" content=\"noindex\"><title>{t}</title><style>{STYLE}</style></head>\
<body><a class=\"skip\" href=\"#contenu\">Aller au contenu</a>\
<header><p><a href=\"{b}\">Retour au portail</a></p></header>\
<main id=\"contenu\" tabindex=\"-1\"><h1>{t}</h1>{body}</main></body></html>",
        t = escape(title),
        b = escape(base),
    )
}

/// The label of a field as the form shows it, or its path.
fn label(kind: Option<SubmissionType>, field: &str) -> String {
    let shared = match field {
        "contact_email" => Some("Votre adresse e-mail (non publiée)"),
        "type" => Some("Type de proposition"),
        "target" => Some("Entrée à modifier"),
        "_token" => Some("Envoi"),
        "" => Some("Proposition"),
        _ => None,
    };
    shared
        .or_else(|| {
            let defs = form::fields(kind?.kind());
            defs.iter().find(|f| f.name == field).map(|f| f.label)
        })
        .map_or_else(|| field.to_string(), str::to_string)
}

/// The problems of a form post, each with the field it is about, GOV.UK style.
pub(crate) fn problems(errors: &[FieldError], kind: Option<SubmissionType>, base: &str) -> String {
    let mut items = String::new();
    for e in errors {
        items.push_str(&format!(
            "<li><strong>{}</strong> : {}</li>",
            escape(&label(kind, &e.field)),
            escape(&e.message)
        ));
    }
    let body = format!(
        "<div class=\"error-summary\" role=\"alert\"><h2>Il y a {n} à corriger</h2><ul>{items}</ul></div>\
<p>Revenez au formulaire avec le bouton <strong>Retour</strong> de votre navigateur : ce que vous avez saisi y est conservé. \
Corrigez puis envoyez de nouveau.</p>",
        n = if errors.len() > 1 {
            format!("{} problèmes", errors.len())
        } else {
            "un problème".into()
        }
    );
    page("Votre proposition n'a pas été envoyée", &body, base)
}

/// Where a submission stands, with the link to come back.
pub(crate) fn status(sub: &Submission, just_sent: bool, link: &str, base: &str) -> String {
    let mut body = String::new();
    if just_sent {
        body.push_str(&format!(
            "<div class=\"panel\"><p>Votre {} est enregistrée. Une personne de l'équipe de modération va la relire.</p>\
<p>Gardez ce lien pour suivre la décision : recopiez-le ou enregistrez-le.</p>\
<p><a href=\"{l}\"><code>{l}</code></a></p></div>",
            escape(sub.kind.label()),
            l = escape(link),
        ));
    }
    body.push_str(&format!(
        "<p>Statut : <strong>{}</strong>.</p>",
        escape(sub.status.label())
    ));
    if let Some(note) = sub.note.as_deref().filter(|n| !n.is_empty()) {
        body.push_str(&format!(
            "<p>Message de la modération :</p><blockquote><p>{}</p></blockquote>",
            escape(note)
        ));
    }
    let next = match sub.status {
        Status::Pending => "Revenez plus tard sur cette page.",
        Status::Approved => "Elle sera publiée sur le portail à la prochaine mise à jour du site.",
        Status::ChangesRequested => "Vous pouvez envoyer une nouvelle proposition corrigée.",
        Status::Rejected => "Elle ne sera pas publiée.",
        Status::SetAside => {
            "La modération la revoit avant de la publier : revenez plus tard sur cette page."
        }
    };
    body.push_str(&format!("<p>{next}</p>"));
    let title = if just_sent {
        "Merci, votre proposition est envoyée"
    } else {
        "Suivi de votre proposition"
    };
    page(title, &body, base)
}

/// The label of a sign-up form's field.
fn sign_up_label(field: &str) -> &str {
    match field {
        "first_name" => "Prénom",
        "email" => "Adresse e-mail",
        "phone" => "Téléphone",
        "message" => "Message",
        "slots" => "Créneaux",
        "from" => "À partir du",
        "consent" => "Accord",
        "_token" => "Envoi",
        other => other,
    }
}

/// The problems of a sign-up sent without JavaScript.
pub(crate) fn sign_up_problems(errors: &[FieldError], base: &str) -> String {
    let items: String = errors
        .iter()
        .map(|e| {
            format!(
                "<li><strong>{}</strong> : {}</li>",
                escape(sign_up_label(&e.field)),
                escape(&e.message)
            )
        })
        .collect();
    let body = format!(
        "<div class=\"error-summary\" role=\"alert\"><h2>À corriger avant de vous inscrire</h2><ul>{items}</ul></div>\
<p>Revenez à l'appel avec le bouton <strong>Retour</strong> de votre navigateur : ce que vous avez saisi y est conservé.</p>"
    );
    page("Votre inscription n'a pas été envoyée", &body, base)
}

/// One slot of a volunteer's page.
pub(crate) struct PlaceRow {
    pub(crate) slot: String,
    pub(crate) label: String,
    pub(crate) status: crate::store::PlaceStatus,
}

/// What the volunteer's own page shows.
pub(crate) struct SignUpPage<'a> {
    pub(crate) first_name: &'a str,
    pub(crate) call_title: &'a str,
    pub(crate) call_url: &'a str,
    pub(crate) rows: &'a [PlaceRow],
    pub(crate) cancel_action: &'a str,
    pub(crate) key: &'a str,
    pub(crate) just_sent: bool,
    pub(crate) cancelled: bool,
    pub(crate) base: &'a str,
}

/// The volunteer's own page: where each slot stands, a button to cancel each.
pub(crate) fn sign_up_page(p: &SignUpPage) -> String {
    use crate::store::PlaceStatus;
    let mut body = String::new();
    if p.just_sent {
        body.push_str(
            "<div class=\"panel\" role=\"status\"><p>Merci, votre inscription est enregistrée et l'association est prévenue.</p>\
<p><strong>Gardez l'adresse de cette page</strong> (dans vos favoris) : elle seule permet de voir où en est votre inscription et de l'annuler.</p></div>",
        );
    }
    if p.cancelled {
        body.push_str("<div class=\"panel\" role=\"status\"><p>Votre annulation est enregistrée. Merci d'avoir prévenu.</p></div>");
    }
    body.push_str(&format!(
        "<p>{}, voici votre inscription à l'appel <a href=\"{}\">{}</a>.</p><ul>",
        escape(p.first_name),
        escape(p.call_url),
        escape(p.call_title)
    ));
    for r in p.rows {
        body.push_str(&format!(
            "<li><strong>{}</strong> : {} ",
            escape(&r.label),
            escape(r.status.said())
        ));
        if r.status != PlaceStatus::Cancelled {
            body.push_str(&format!(
                "<form method=\"post\" action=\"{a}\"><input type=\"hidden\" name=\"key\" value=\"{k}\">\
<input type=\"hidden\" name=\"slot\" value=\"{s}\"><button type=\"submit\">Annuler ce créneau<span class=\"skip\"> : {l}</span></button></form>",
                a = escape(p.cancel_action),
                k = escape(p.key),
                s = escape(&r.slot),
                l = escape(&r.label),
            ));
        }
        body.push_str("</li>");
    }
    body.push_str("</ul><p>Vos coordonnées ne sont transmises qu'à l'association ; elles sont effacées après l'appel.</p>");
    page("Votre inscription", &body, p.base)
}
