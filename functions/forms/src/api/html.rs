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
.panel{border-left:6px solid #0b6b3a;padding:.5rem 1rem;background:#eef7f1}code{word-break:break-all}";

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
