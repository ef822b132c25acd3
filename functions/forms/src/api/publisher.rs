//! The association's page for one call, opened by the signed link of its e-mails (no
//! account: the link is the key, see [`crate::rules::publishers`]): every sign-up with the
//! volunteer's contact, a button to cancel one (the place goes to the first waiting), and
//! one to close the call. In French.

use bytes::Bytes;
use http::{Request, StatusCode};

use super::exchange::{self, Fields};
use super::{Answer, Api, Failure, MAX_BODY, html, html_response, query, redirect};
use crate::store::PlaceStatus;

struct Opened {
    expires: i64,
    key: String,
}

async fn open(
    api: &Api,
    call: &str,
    expires: Option<String>,
    key: Option<String>,
) -> Result<Opened, Failure> {
    let refused = || {
        Failure::new(
            StatusCode::FORBIDDEN,
            "Ce lien ne s'ouvre plus (il a expiré ou a été révoqué). Le prochain e-mail du portail en apporte un nouveau ; sinon, écrivez à l'équipe de modération.",
        )
    };
    let state = api.state();
    let plan = state.calls.get(call).ok_or_else(refused)?;
    let scope = format!("call:{call}");
    let (expires, key) =
        exchange::signed(api, &plan.association, &scope, expires, key, refused).await?;
    Ok(Opened { expires, key })
}

/// `GET /publisher/calls/{call}?exp=E&key=K`.
pub(super) async fn page(api: &Api, req: &Request<Bytes>, call: &str) -> Answer {
    let opened = open(api, call, query(req, "exp"), query(req, "key")).await?;
    let state = api.state();
    let plan = state.calls.get(call).expect("checked by open");
    let places = api.volunteers().places(call).await?;
    let closed = api.volunteers().closed(call).await?;
    let endpoint = state.site.forms.endpoint.trim_end_matches('/');
    let hidden = format!(
        "<input type=\"hidden\" name=\"exp\" value=\"{}\"><input type=\"hidden\" name=\"key\" value=\"{}\">",
        opened.expires,
        html::escape(&opened.key)
    );
    let mut body = String::new();
    if query(req, "annule").is_some() {
        body.push_str("<div class=\"panel\" role=\"status\"><p>L'inscription est annulée ; la place est allée à la première personne en attente, s'il y en avait une (elle est prévenue).</p></div>");
    }
    if closed {
        body.push_str("<div class=\"panel\" role=\"status\"><p>L'appel est clos : il ne prend plus d'inscriptions. Il sera affiché « complet » à la prochaine mise à jour du site.</p></div>");
    }
    body.push_str("<p>Cette page est réservée à votre association : ne transférez pas son lien. Les coordonnées des bénévoles sont effacées après l'appel.</p>");
    let mut registrations = std::collections::BTreeMap::new();
    for p in &places {
        if !registrations.contains_key(&p.registration)
            && let Some(r) = api.volunteers().registration(&p.registration).await?
        {
            registrations.insert(p.registration.clone(), r);
        }
    }
    for slot in &plan.slots {
        let here: Vec<_> = places.iter().filter(|p| p.slot == slot.id).collect();
        let confirmed = here
            .iter()
            .filter(|p| p.status == PlaceStatus::Confirmed)
            .count();
        let waiting = here
            .iter()
            .filter(|p| p.status == PlaceStatus::Waiting)
            .count();
        body.push_str(&format!(
            "<h2>{}</h2><p>{confirmed} confirmé·es sur {} place{}, {waiting} en attente.</p>",
            html::escape(&slot.label),
            slot.capacity,
            if slot.capacity > 1 { "s" } else { "" },
        ));
        let live: Vec<_> = here
            .iter()
            .filter(|p| p.status != PlaceStatus::Cancelled)
            .collect();
        if live.is_empty() {
            body.push_str("<p>Aucune inscription pour l'instant.</p>");
            continue;
        }
        body.push_str("<table><caption class=\"skip\">Inscriptions</caption><thead><tr><th scope=\"col\">Bénévole</th><th scope=\"col\">Contact</th><th scope=\"col\">Message</th><th scope=\"col\">État</th><th scope=\"col\">Action</th></tr></thead><tbody>");
        for p in live {
            let Some(r) = registrations.get(&p.registration) else {
                continue;
            };
            let contact = [r.email.as_deref(), r.phone.as_deref()]
                .into_iter()
                .flatten()
                .map(html::escape)
                .collect::<Vec<_>>()
                .join("<br>");
            let from = r
                .from
                .as_deref()
                .map(|f| format!(" (à partir du {})", html::escape(f)))
                .unwrap_or_default();
            body.push_str(&format!(
                "<tr><th scope=\"row\">{}{from}</th><td>{contact}</td><td>{}</td><td>{}</td><td>\
<form method=\"post\" action=\"{endpoint}/publisher/calls/{call}/cancel\">{hidden}\
<input type=\"hidden\" name=\"registration\" value=\"{}\"><input type=\"hidden\" name=\"slot\" value=\"{}\">\
<button type=\"submit\">Annuler<span class=\"skip\"> l'inscription de {}</span></button></form></td></tr>",
                html::escape(&r.first_name),
                html::escape(&r.message),
                p.status.label(),
                html::escape(&r.id),
                html::escape(&p.slot),
                html::escape(&r.first_name),
            ));
        }
        body.push_str("</tbody></table>");
    }
    if !closed {
        body.push_str(&format!(
            "<h2>Clore l'appel</h2><p>Vous avez assez de monde, ou l'action n'a plus lieu : l'appel ne prendra plus d'inscriptions.</p>\
<form method=\"post\" action=\"{endpoint}/publisher/calls/{call}/close\">{hidden}<button type=\"submit\">Clore l'appel</button></form>"
        ));
    }
    let page = html::page(
        &format!("Inscriptions : {}", plan.title),
        &body,
        &state.base_path(),
    );
    Ok(html_response(StatusCode::OK, page))
}

/// `POST /publisher/calls/{call}/cancel` (`registration`, `slot`) and `…/close`.
pub(super) async fn act(api: &Api, req: &Request<Bytes>, call: &str, action: &str) -> Answer {
    if req.body().len() > MAX_BODY || !super::is_form(req) {
        return Err(Failure::new(StatusCode::BAD_REQUEST, "Formulaire attendu."));
    }
    let fields = Fields::form(req.body());
    let opened = open(api, call, fields.get("exp"), fields.get("key")).await?;
    let endpoint = api.endpoint();
    let back = format!(
        "{endpoint}/publisher/calls/{call}?exp={}&key={}",
        opened.expires, opened.key
    );
    match action {
        "cancel" => {
            let id = fields.one("registration");
            let slot = fields.one("slot");
            let reg = api
                .volunteers()
                .registration(&id)
                .await?
                .filter(|r| r.call == call && r.slots.contains(&slot))
                .ok_or_else(|| Failure::new(StatusCode::NOT_FOUND, "Inscription introuvable."))?;
            if let Some(p) = api.volunteers().cancel(call, &slot, &reg.person).await? {
                api.tell_promoted(&p).await;
            }
            Ok(redirect(&format!("{back}&annule=1")))
        }
        "close" => {
            api.volunteers().close(call).await?;
            Ok(redirect(&back))
        }
        _ => Err(Failure::new(StatusCode::NOT_FOUND, "route inconnue")),
    }
}
