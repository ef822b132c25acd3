//! The listings' routes: `POST /listings/{slug}/answers` (« Réserver » on an offer, « Nous
//! pouvons aider » on a request), `GET /listings/{slug}/answers/{id}?key=K` (the answerer's
//! own page), `GET /listings/{slug}/state` (reserved or done: no personal data, cacheable),
//! and the publisher's signed page `GET /publisher/listings/{slug}` with its actions
//! (accept, decline, done). Pages in French.

use bytes::Bytes;
use http::{Request, StatusCode};
use portal_model::FieldError;
use serde_json::json;

use super::exchange::{self, Fields};
use super::submit::TOKEN;
use super::{
    Answer as HandlerAnswer, Api, Client, Failure, MAX_BODY, header_str, html, html_response,
    json_response, query, redirect, wants_html,
};
use crate::rules::answers::{AnswerForm, check};
use crate::rules::guards::Fill;
use crate::state::ListingPlan;
use crate::store::{Answer, AnswerStatus};

fn plan(api: &Api, slug: &str) -> Result<ListingPlan, Failure> {
    api.state().listings.get(slug).cloned().ok_or_else(|| {
        Failure::new(
            StatusCode::NOT_FOUND,
            "Cette annonce n'est plus ouverte aux réponses.",
        )
    })
}

/// `POST /listings/{slug}/answers`.
pub(super) async fn post(
    api: &Api,
    req: &Request<Bytes>,
    client: Client,
    slug: &str,
) -> HandlerAnswer {
    super::within_size(req)?;
    let plan = plan(api, slug)?;
    let state = api.answers().state(slug).await?;
    if state.done || (plan.offer && state.accepted.is_some()) {
        return Err(Failure::new(
            StatusCode::CONFLICT,
            if plan.offer {
                "Cette offre est déjà réservée."
            } else {
                "Cette demande est close."
            },
        ));
    }
    let as_form = super::is_form(req) && wants_html(req.headers());
    let p = Fields::of(req);
    let site = api.state();
    let base = site.base_path();
    if p.honeypot() {
        return Ok(exchange::bot(as_form, &base));
    }
    let token = Some(p.one(TOKEN)).filter(|t| !t.is_empty());
    let fill = super::fill(api, token.as_deref()).await?;
    if matches!(fill, Fill::TooFast | Fill::Forged) {
        let e = FieldError {
            field: TOKEN.into(),
            message: "Formulaire envoyé trop vite ou jeton invalide : rechargez la page puis envoyez de nouveau.".into(),
        };
        return Ok(exchange::refused(as_form, &[e], &base));
    }
    let form = AnswerForm {
        association: p.one("association"),
        name: p.one("name"),
        email: p.one("email"),
        phone: p.one("phone"),
        quantity: p.one("quantity"),
        when: p.one("when"),
        message: p.one("message"),
    };
    let errors = check(&form);
    if !errors.is_empty() {
        return Ok(exchange::refused(as_form, &errors, &base));
    }
    let key = header_str(req, "idempotency-key".parse().expect("a header name"));
    let sent = api
        .answers()
        .send(slug, &plan, &form, client.ip, Some(key), &site.site.forms)
        .await?;
    if !sent.retry {
        api.tell_of_answer(slug, &plan, &sent.id, &sent.key).await;
    }
    let endpoint = site.site.forms.endpoint.trim_end_matches('/');
    let link = format!(
        "{endpoint}/listings/{slug}/answers/{}?key={}",
        sent.id, sent.key
    );
    Ok(exchange::stored(
        as_form,
        &link,
        &json!({ "id": sent.id, "key": sent.key, "link": link, "status": "pending" }),
    ))
}

/// `GET /listings/{slug}/answers/{id}?key=K`.
pub(super) async fn get(api: &Api, req: &Request<Bytes>, slug: &str, id: &str) -> HandlerAnswer {
    let key = query(req, "key").unwrap_or_default();
    let a = api.answers().view(slug, id, &key).await?.ok_or_else(|| {
        Failure::new(
            StatusCode::NOT_FOUND,
            "Aucune réponse ne correspond à ce lien.",
        )
    })?;
    if !wants_html(req.headers()) {
        return Ok(json_response(
            StatusCode::OK,
            &json!({ "id": a.id, "listing": a.listing, "status": a.status.word() }),
        ));
    }
    let state = api.state();
    let title = state
        .listings
        .get(slug)
        .map_or(slug.to_string(), |p| p.title.clone());
    let mut body = String::new();
    if query(req, "merci").is_some() {
        body.push_str("<div class=\"panel\" role=\"status\"><p>Merci, votre réponse est envoyée à l'association, qui vous répondra par e-mail.</p><p>Gardez l'adresse de cette page pour suivre sa réponse.</p></div>");
    }
    body.push_str(&format!(
        "<p>Votre réponse à l'annonce <a href=\"{}ressources/{}/\">{}</a>, pour {} : <strong>{}</strong>.</p>",
        state.base_path(),
        html::escape(slug),
        html::escape(&title),
        html::escape(&a.association),
        a.status.label()
    ));
    Ok(html_response(
        StatusCode::OK,
        html::page("Votre réponse", &body, &state.base_path()),
    ))
}

/// `GET /listings/{slug}/state`: reserved (an offer with an answer accepted) or done.
pub(super) async fn state(api: &Api, slug: &str) -> HandlerAnswer {
    let plan = api.state().listings.get(slug).cloned();
    let s = api.answers().state(slug).await?;
    let reserved = plan.is_some_and(|p| p.offer) && s.accepted.is_some();
    Ok(exchange::counts(
        &json!({ "listing": slug, "reserved": reserved, "done": s.done }),
    ))
}

async fn open(
    api: &Api,
    slug: &str,
    exp: Option<String>,
    key: Option<String>,
) -> Result<(i64, String), Failure> {
    let refused = || {
        Failure::new(
            StatusCode::FORBIDDEN,
            "Ce lien ne s'ouvre plus (il a expiré ou a été révoqué). Le prochain e-mail du portail en apporte un nouveau.",
        )
    };
    let plan = plan(api, slug).map_err(|_| refused())?;
    let scope = format!("listing:{slug}");
    exchange::signed(api, &plan.association, &scope, exp, key, refused).await
}

/// `GET /publisher/listings/{slug}?exp=E&key=K`.
pub(super) async fn page(api: &Api, req: &Request<Bytes>, slug: &str) -> HandlerAnswer {
    let (exp, key) = open(api, slug, query(req, "exp"), query(req, "key")).await?;
    let site = api.state();
    let plan = plan(api, slug)?;
    let answers = api.answers().list(slug).await?;
    let state = api.answers().state(slug).await?;
    let endpoint = site.site.forms.endpoint.trim_end_matches('/');
    let hidden = format!(
        "<input type=\"hidden\" name=\"exp\" value=\"{exp}\"><input type=\"hidden\" name=\"key\" value=\"{}\">",
        html::escape(&key)
    );
    let mut body = String::new();
    if let Some(said) = query(req, "fait") {
        let said = match said.as_str() {
            "accept" => "Réponse acceptée : l'association est prévenue, les autres aussi.",
            "decline" => "Réponse déclinée : l'association est prévenue.",
            _ => "Annonce marquée terminée.",
        };
        body.push_str(&format!(
            "<div class=\"panel\" role=\"status\"><p>{said}</p></div>"
        ));
    }
    if state.accepted.is_some() && plan.offer {
        body.push_str("<p><strong>Offre réservée.</strong> Elle sera affichée « réservée » sur le site dès maintenant, et dans la page à la prochaine mise à jour.</p>");
    }
    if state.done {
        body.push_str("<p><strong>Annonce terminée.</strong></p>");
    }
    body.push_str(
        "<p>Cette page est réservée à votre association : ne transférez pas son lien.</p>",
    );
    if answers.is_empty() {
        body.push_str("<p>Aucune réponse pour l'instant.</p>");
    } else {
        body.push_str("<table><caption>Réponses reçues</caption><thead><tr><th scope=\"col\">Association</th><th scope=\"col\">Contact</th><th scope=\"col\">Quantité, moment</th><th scope=\"col\">Message</th><th scope=\"col\">État</th><th scope=\"col\">Décision</th></tr></thead><tbody>");
        for a in &answers {
            let contact = [Some(a.email.as_str()), a.phone.as_deref()]
                .into_iter()
                .flatten()
                .map(html::escape)
                .collect::<Vec<_>>()
                .join("<br>");
            let mut actions = String::new();
            if a.status == AnswerStatus::Pending && state.accepted.is_none() && !state.done {
                for (action, label) in [("accept", "Accepter"), ("decline", "Décliner")] {
                    actions.push_str(&format!(
                        "<form method=\"post\" action=\"{endpoint}/publisher/listings/{slug}/{action}\">{hidden}<input type=\"hidden\" name=\"answer\" value=\"{}\"><button type=\"submit\">{label}<span class=\"skip\"> : {}</span></button></form>",
                        html::escape(&a.id),
                        html::escape(&a.association)
                    ));
                }
            }
            body.push_str(&format!(
                "<tr><th scope=\"row\">{}<br>{}</th><td>{contact}</td><td>{} — {}</td><td>{}</td><td>{}</td><td>{actions}</td></tr>",
                html::escape(&a.association),
                html::escape(&a.name),
                html::escape(&a.quantity),
                html::escape(&a.when),
                html::escape(&a.message),
                a.status.label(),
            ));
        }
        body.push_str("</tbody></table>");
    }
    if !state.done {
        body.push_str(&format!(
            "<h2>Terminer l'annonce</h2><p>L'échange a eu lieu, ou l'annonce n'a plus lieu d'être : elle ne prendra plus de réponses.</p>\
<form method=\"post\" action=\"{endpoint}/publisher/listings/{slug}/done\">{hidden}<button type=\"submit\">Marquer terminée</button></form>"
        ));
    }
    Ok(html_response(
        StatusCode::OK,
        html::page(
            &format!("Réponses : {}", plan.title),
            &body,
            &site.base_path(),
        ),
    ))
}

/// `POST /publisher/listings/{slug}/{accept|decline|done}`.
pub(super) async fn act(
    api: &Api,
    req: &Request<Bytes>,
    slug: &str,
    action: &str,
) -> HandlerAnswer {
    if req.body().len() > MAX_BODY {
        return Err(Failure::too_large());
    }
    let p = Fields::of(req);
    let (exp, key) = open(api, slug, Some(p.one("exp")), Some(p.one("key"))).await?;
    let answer = p.one("answer");
    match action {
        "accept" => {
            let (won, declined) = api.answers().accept(slug, &answer).await?;
            api.tell_decision(&won).await;
            for d in &declined {
                api.tell_decision(d).await;
            }
        }
        "decline" => {
            if let Some(d) = api.answers().decline(slug, &answer).await? {
                api.tell_decision(&d).await;
            }
        }
        "done" => api.answers().done(slug).await?,
        _ => return Err(Failure::new(StatusCode::NOT_FOUND, "route inconnue")),
    }
    if !wants_html(req.headers()) {
        return Ok(json_response(StatusCode::OK, &json!({ "done": action })));
    }
    let endpoint = api.endpoint();
    Ok(redirect(&format!(
        "{endpoint}/publisher/listings/{slug}?exp={exp}&key={key}&fait={action}"
    )))
}

/// The answer's own link, for the messages.
pub(super) fn own_path(a: &Answer, key: &str) -> String {
    format!("/listings/{}/answers/{}?key={key}", a.listing, a.id)
}
