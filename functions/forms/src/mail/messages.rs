//! The messages the exchange sends, in French, each with a text and an HTML part. They
//! carry a link and what the person needs to act; the association's message carries the
//! volunteer's contact (it is for the association), nothing else does.

use super::Message;

fn escape(text: &str) -> String {
    crate::api::html::escape(text)
}

/// The HTML part: one short page, the same words as the text part.
fn html(title: &str, paragraphs: &[String], link: (&str, &str)) -> String {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str(&format!("<p>{}</p>", escape(p).replace('\n', "<br>")));
    }
    format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{t}</title></head>\
<body style=\"font-family:sans-serif;line-height:1.5\"><h1 style=\"font-size:1.25rem\">{t}</h1>{body}\
<p><a href=\"{href}\">{label}</a></p></body></html>",
        t = escape(title),
        href = escape(link.1),
        label = escape(link.0),
    )
}

fn text(paragraphs: &[String], link: (&str, &str)) -> String {
    let mut out = paragraphs.join("\n\n");
    out.push_str(&format!("\n\n{} :\n{}\n", link.0, link.1));
    out
}

/// A message to `to`: `subject` (the HTML part's heading too), `paragraphs`, and last the
/// link (label, address) the person acts from, in both parts.
fn message(to: &str, subject: String, paragraphs: &[String], link: (&str, &str)) -> Message {
    Message {
        to: to.to_string(),
        text: text(paragraphs, link),
        html: html(&subject, paragraphs, link),
        subject,
    }
}

/// What the association is told of a new sign-up.
pub struct SignUpNews<'a> {
    /// The call's title.
    pub call_title: &'a str,
    /// The volunteer's first name.
    pub first_name: &'a str,
    /// How to reach them.
    pub contact: String,
    /// Their message.
    pub message: &'a str,
    /// Each slot, and where it stands.
    pub slots: Vec<String>,
    /// The association's signed page.
    pub link: &'a str,
    /// When that link stops working.
    pub link_expires: &'a str,
}

/// To the association: a volunteer signed up.
pub fn sign_up_news(to: &str, n: &SignUpNews) -> Message {
    let title = format!(
        "Nouvelle inscription : {} pour « {} »",
        n.first_name, n.call_title
    );
    let mut ps = vec![
        format!(
            "{} s'est inscrit·e à votre appel « {} » sur le portail.",
            n.first_name, n.call_title
        ),
        format!("Créneaux :\n{}", n.slots.join("\n")),
        format!("Pour le ou la joindre : {}", n.contact),
    ];
    if !n.message.is_empty() {
        ps.push(format!("Son message : {}", n.message));
    }
    ps.push(format!(
        "Sur la page de votre appel, vous voyez toutes les inscriptions, vous pouvez en annuler une et clore l'appel. Ce lien est personnel : ne le transférez pas. Il est valable jusqu'au {}.",
        n.link_expires
    ));
    message(to, title, &ps, ("Voir les inscriptions", n.link))
}

/// To a volunteer: the link to their sign-up.
pub fn sign_up_receipt(
    to: &str,
    first_name: &str,
    call_title: &str,
    slots: &[String],
    link: &str,
) -> Message {
    let title = format!("Votre inscription : « {call_title} »");
    let ps = vec![
        format!(
            "Bonjour {first_name}, votre inscription est enregistrée et l'association est prévenue."
        ),
        format!("Créneaux :\n{}", slots.join("\n")),
        "Ce lien vous permet de voir où en est votre inscription et de l'annuler ; gardez-le."
            .to_string(),
    ];
    message(to, title, &ps, ("Voir ou annuler mon inscription", link))
}

/// To a volunteer who waited: a place freed is theirs.
pub fn promoted(to: &str, first_name: &str, call_title: &str, slot: &str, link: &str) -> Message {
    let title = format!("Une place s'est libérée : « {call_title} »");
    let ps = vec![
        format!(
            "Bonjour {first_name}, une place s'est libérée pour le créneau {slot} de l'appel « {call_title} » : elle est à vous, votre inscription est confirmée."
        ),
        "Si vous ne pouvez plus venir, annulez depuis votre lien : la place ira à la personne suivante.".to_string(),
    ];
    message(to, title, &ps, ("Voir ou annuler mon inscription", link))
}

/// To the answerer: the link to follow their answer.
pub fn answer_receipt(to: &str, name: &str, title: &str, link: &str) -> Message {
    let subject = format!("Votre réponse : « {title} »");
    let ps = vec![
        format!(
            "Bonjour {name}, votre réponse à l'annonce « {title} » est envoyée à l'association, qui vous répondra par e-mail."
        ),
        "Ce lien vous permet de suivre sa réponse ; gardez-le.".to_string(),
    ];
    message(to, subject, &ps, ("Suivre ma réponse", link))
}

/// To the publisher: an association answered its listing.
pub fn answer_news(
    to: &str,
    offer: bool,
    title: &str,
    a: &crate::store::Answer,
    link: &str,
) -> Message {
    let what = if offer {
        "souhaite réserver"
    } else {
        "propose son aide pour"
    };
    let subject = format!("{} {what} « {title} »", a.association);
    let contact = [Some(a.email.as_str()), a.phone.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let mut ps = vec![
        format!("{} {what} votre annonce « {title} ».", a.association),
        format!("Contact : {} ({contact})", a.name),
    ];
    if !a.quantity.is_empty() {
        ps.push(format!("Quantité : {}", a.quantity));
    }
    if !a.when.is_empty() {
        ps.push(format!("Quand : {}", a.when));
    }
    if !a.message.is_empty() {
        ps.push(format!("Message : {}", a.message));
    }
    ps.push("Sur la page de votre annonce, vous acceptez une réponse (les autres sont prévenues), en déclinez une, ou marquez l'annonce terminée. Ce lien est personnel : ne le transférez pas.".to_string());
    message(to, subject, &ps, ("Voir les réponses", link))
}

/// To the answerer: the publisher decided.
pub fn answer_decided(
    to: &str,
    name: &str,
    title: &str,
    status: crate::store::AnswerStatus,
    link: &str,
) -> Message {
    let accepted = status == crate::store::AnswerStatus::Accepted;
    let subject = if accepted {
        format!("Réponse acceptée : « {title} »")
    } else {
        format!("Réponse non retenue : « {title} »")
    };
    let ps = vec![if accepted {
        format!(
            "Bonjour {name}, l'association a accepté votre réponse à l'annonce « {title} ». Elle vous contacte pour la suite."
        )
    } else {
        format!(
            "Bonjour {name}, l'association n'a pas retenu votre réponse à l'annonce « {title} » (une autre a pu être acceptée avant). Merci de votre proposition."
        )
    }];
    message(to, subject, &ps, ("Voir ma réponse", link))
}
