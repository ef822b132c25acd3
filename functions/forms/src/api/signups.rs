//! The volunteers' routes: `POST /calls/{slug}/signups` (a sign-up, form post or JSON),
//! `GET /signups/{id}?key=K` (the volunteer's own page: where each slot stands, and cancel),
//! `POST /signups/{id}/cancel`, and `GET /calls/{slug}/places` (places left per slot: no
//! personal data, cacheable a short time). The pages are in French (see docs).

use bytes::Bytes;
use http::{Request, StatusCode};
use serde_json::json;

use super::exchange::{self, Fields};
use super::submit::{HONEYPOT, TOKEN};
use super::{
    Answer, Api, Client, Failure, MAX_BODY, header_str, html, html_response, json_response, now,
    query, redirect, wants_html,
};
use crate::rules::volunteers::{SignUpForm, check};
use crate::state::CallPlan;
use crate::store::PlaceStatus;

struct Incoming {
    form: SignUpForm,
    honeypot: bool,
    token: Option<String>,
}

fn read(req: &Request<Bytes>) -> Result<(Incoming, bool), Failure> {
    super::within_size(req)?;
    if super::is_form(req) {
        let f = Fields::form(req.body());
        let form = SignUpForm {
            first_name: f.one("first_name"),
            email: f.one("email"),
            phone: f.one("phone"),
            message: f.one("message"),
            slots: f.all("slot"),
            from: f.one("from"),
            consent: !f.one("consent").is_empty(),
        };
        let incoming = Incoming {
            form,
            honeypot: f.honeypot(),
            token: Some(f.one(TOKEN)).filter(|t| !t.is_empty()),
        };
        return Ok((incoming, wants_html(req.headers())));
    }
    let value: serde_json::Value = portal_model::unique::from_slice(req.body()).map_err(|e| {
        Failure::new(
            StatusCode::BAD_REQUEST,
            format!("Attendu une inscription en JSON : {e}"),
        )
    })?;
    let text = |name: &str| value[name].as_str().unwrap_or_default().to_string();
    let form = SignUpForm {
        first_name: text("first_name"),
        email: text("email"),
        phone: text("phone"),
        message: text("message"),
        slots: value["slots"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        from: text("from"),
        consent: value["consent"].as_bool().unwrap_or(false),
    };
    let token = Some(text(TOKEN)).filter(|t| !t.is_empty());
    Ok((
        Incoming {
            form,
            honeypot: !text(HONEYPOT).trim().is_empty(),
            token,
        },
        false,
    ))
}

fn plan(api: &Api, slug: &str) -> Result<CallPlan, Failure> {
    api.state().calls.get(slug).cloned().ok_or_else(|| {
        Failure::new(
            StatusCode::NOT_FOUND,
            "Cet appel à bénévoles n'est plus ouvert aux inscriptions.",
        )
    })
}

/// The plan of a call still open: not closed by its association since the last build.
async fn open_plan(api: &Api, slug: &str) -> Result<CallPlan, Failure> {
    let plan = plan(api, slug)?;
    if api.volunteers().closed(slug).await? {
        return Err(Failure::new(
            StatusCode::NOT_FOUND,
            "L'association a clos cet appel : il ne prend plus d'inscriptions.",
        ));
    }
    Ok(plan)
}

/// `POST /calls/{slug}/signups`.
pub(super) async fn post(api: &Api, req: &Request<Bytes>, client: Client, slug: &str) -> Answer {
    let plan = open_plan(api, slug).await?;
    let (incoming, as_form) = read(req)?;
    let state = api.state();
    let base = state.base_path();
    if incoming.honeypot {
        return Ok(exchange::bot(as_form, &base));
    }
    let forged =
        "Jeton du formulaire invalide : rechargez la page de l'appel puis envoyez de nouveau.";
    if let Some(e) = super::fill_problem(api, incoming.token.as_deref(), forged).await? {
        return Ok(exchange::refused(as_form, &[e], &base));
    }
    let errors = check(&plan, &incoming.form, super::today(&state.site));
    if !errors.is_empty() {
        return Ok(exchange::refused(as_form, &errors, &base));
    }
    let key = header_str(req, "idempotency-key".parse().expect("a header name"));
    let signed = api
        .volunteers()
        .sign_up(
            slug,
            &plan,
            &incoming.form,
            client.ip,
            Some(key),
            &state.site.forms,
        )
        .await?;
    if !signed.retry {
        api.tell_of_sign_up(slug, &plan, &signed.id, &signed.key)
            .await;
    }
    let endpoint = state.site.forms.endpoint.trim_end_matches('/');
    let link = format!("{endpoint}/signups/{}?key={}", signed.id, signed.key);
    Ok(exchange::stored(
        as_form,
        &link,
        &json!({
            "id": signed.id,
            "key": signed.key,
            "link": link,
            "places": signed.places.iter().map(|(slot, status)| json!({
                "slot": slot, "status": status.word(), "label": status.label(),
            })).collect::<Vec<_>>(),
        }),
    ))
}

/// `GET /signups/{id}?key=K`.
pub(super) async fn get(api: &Api, req: &Request<Bytes>, id: &str) -> Answer {
    let key = query(req, "key").unwrap_or_default();
    let (reg, places) = api.volunteers().view(id, &key).await?.ok_or_else(|| {
        Failure::new(
            StatusCode::NOT_FOUND,
            "Aucune inscription ne correspond à ce lien (ou elle a été effacée après l'appel).",
        )
    })?;
    let state = api.state();
    let plan = state.calls.get(&reg.call);
    let label = |slot: &str| {
        plan.and_then(|p| p.slot(slot))
            .map_or_else(|| slot.to_string(), |s| s.label.clone())
    };
    if !wants_html(req.headers()) {
        return Ok(json_response(
            StatusCode::OK,
            &json!({
                "id": reg.id,
                "call": reg.call,
                "places": places.iter().map(|(slot, st)| json!({
                    "slot": slot, "label": label(slot), "status": st.word(),
                })).collect::<Vec<_>>(),
            }),
        ));
    }
    let endpoint = state.site.forms.endpoint.trim_end_matches('/');
    let title = plan.map_or(reg.call.as_str(), |p| p.title.as_str());
    let rows: Vec<html::PlaceRow> = places
        .iter()
        .map(|(slot, st)| html::PlaceRow {
            slot: slot.clone(),
            label: label(slot),
            status: *st,
        })
        .collect();
    let page = html::sign_up_page(&html::SignUpPage {
        first_name: &reg.first_name,
        call_title: title,
        call_url: &format!("{}benevolat/{}/", state.base_path(), reg.call),
        rows: &rows,
        cancel_action: &format!("{endpoint}/signups/{id}/cancel"),
        key: &key,
        just_sent: query(req, "merci").is_some(),
        cancelled: query(req, "annule").is_some(),
        base: &state.base_path(),
    });
    Ok(html_response(StatusCode::OK, page))
}

/// `POST /signups/{id}/cancel` (`key`, and `slot`, or every slot when absent).
pub(super) async fn cancel(api: &Api, req: &Request<Bytes>, id: &str) -> Answer {
    if req.body().len() > MAX_BODY {
        return Err(Failure::too_large());
    }
    let fields = Fields::of(req);
    let key = fields.one("key");
    let not_found = || {
        Failure::new(
            StatusCode::NOT_FOUND,
            "Aucune inscription ne correspond à ce lien.",
        )
    };
    let (reg, _) = api
        .volunteers()
        .view(id, &key)
        .await?
        .ok_or_else(not_found)?;
    let promoted = match fields.get("slot") {
        Some(slot) if reg.slots.contains(&slot) => api
            .volunteers()
            .cancel(&reg.call, &slot, &reg.person)
            .await?
            .into_iter()
            .collect(),
        Some(_) => return Err(not_found()),
        None => api.volunteers().cancel_all(&reg).await?,
    };
    for p in &promoted {
        api.tell_promoted(p).await;
    }
    let endpoint = api.endpoint();
    if wants_html(req.headers()) {
        return Ok(redirect(&format!(
            "{endpoint}/signups/{id}?key={key}&annule=1"
        )));
    }
    Ok(json_response(
        StatusCode::OK,
        &json!({ "cancelled": true, "promoted": promoted.len() }),
    ))
}

/// `GET /calls/{slug}/places`: per slot, the capacity, places confirmed and left, people
/// waiting. Counts only; kept `COUNTS_MAX_AGE` seconds by browsers and the CDN.
pub(super) async fn places(api: &Api, slug: &str) -> Answer {
    let plan = plan(api, slug)?;
    let counts = api.volunteers().counts(slug).await?;
    let slots: Vec<_> = plan
        .slots
        .iter()
        .map(|s| {
            let c = counts.get(&s.id).copied().unwrap_or_default();
            json!({
                "id": s.id,
                "capacity": s.capacity,
                "confirmed": c.confirmed,
                "waiting": c.waiting,
                "left": s.capacity.saturating_sub(c.confirmed),
            })
        })
        .collect();
    Ok(exchange::counts(
        &json!({ "call": slug, "slots": slots, "at": now() }),
    ))
}

impl PlaceStatus {
    /// What the volunteer's page says of it.
    pub(crate) fn said(self) -> &'static str {
        match self {
            PlaceStatus::Confirmed => "Votre place est confirmée.",
            PlaceStatus::Waiting => {
                "Le créneau est complet : vous êtes sur la liste d'attente. Si une place se libère, elle vous est donnée et vous êtes prévenu·e."
            }
            PlaceStatus::Cancelled => "Annulée.",
        }
    }
}
