//! `POST /submissions`: a new entry or a change, as JSON or as a plain form post. Everything
//! that refuses a submission happens before anything is stored.

use bytes::Bytes;
use http::{Request, StatusCode};
use portal_model::{Context, Draft, FieldError, Kind, SubmissionType, form};
use serde_json::json;

use super::{Answer, Api, Client, header_str, html, json_response, now};
use crate::rules::guards;
use crate::rules::{Accepted, Origin, new_id};
use crate::secrets::{hex, random_bytes};

/// The honeypot: a field people do not see, that bots fill.
pub(super) const HONEYPOT: &str = "website";
/// The fill-time token the form's page got from `GET /submissions/token` (see
/// [`crate::rules::guards`]).
pub(super) const TOKEN: &str = "_token";
/// The association form's consent: the contact e-mail is also where the association is
/// told of its exchanges (sign-ups, answers), once its profile is published.
const NOTIFY: &str = "notify";

/// A decoded request: the draft, and what tells a bot.
struct Incoming {
    draft: Draft,
    honeypot: bool,
    token: Option<String>,
    /// The association's submitter agreed to be told of its exchanges at the contact e-mail.
    notify: bool,
}

/// `GET /submissions/token`: a fill-time token, the server's time signed. Never cached.
pub(super) async fn token(api: &Api) -> Answer {
    let secret = api.submissions().secret().await?;
    let token = guards::fill_token(&secret, jiff::Timestamp::now().as_millisecond());
    Ok(json_response(StatusCode::OK, &json!({ "token": token })))
}

pub(super) async fn post(api: &Api, req: &Request<Bytes>, client: Client) -> Answer {
    super::within_size(req)?;
    let is_form = super::is_form(req);
    // A browser's plain post gets pages; the enhanced form's script asks for JSON.
    let as_form = is_form && super::wants_html(req.headers());
    let state = api.state();
    let endpoint = state.site.forms.endpoint.trim_end_matches('/').to_string();
    let incoming = if is_form {
        read_form(req.body())
    } else {
        read_json(req.body())
    };
    let incoming = match incoming {
        Ok(i) => i,
        Err(errors) => return Ok(refused(as_form, &errors, None, &state.base_path())),
    };
    let kind = incoming.draft.kind;

    if incoming.honeypot {
        // Answered like a success, so that the bot learns nothing; nothing is stored. A
        // browser is sent to the site's plain thank-you page (there is nothing to follow).
        if as_form {
            return Ok(super::redirect(&format!("{}merci/", state.base_path())));
        }
        let fake = new_id(now() * 1000);
        return Ok(accepted(
            as_form,
            &endpoint,
            &fake,
            &hex(&random_bytes::<16>()),
        ));
    }
    let forged = "Jeton du formulaire invalide : rechargez la page du formulaire puis envoyez-le de nouveau.";
    if let Some(error) = super::fill_problem(api, incoming.token.as_deref(), forged).await? {
        return Ok(refused(as_form, &[error], Some(kind), &state.base_path()));
    }

    let today = super::today(&state.site);
    let cx = Context {
        site: &state.site,
        associations: state.slugs(Kind::Association),
    };
    let draft = &incoming.draft;
    if let Err(errors) = draft.check(&cx, state.slugs(kind.kind()), today) {
        return Ok(refused(as_form, &errors, Some(kind), &state.base_path()));
    }

    let given = header_str(req, "idempotency-key".parse().expect("a header name"));
    let origin = Origin {
        ip: client.ip,
        idempotency_key: Some(given),
        notify: incoming.notify,
    };
    let Accepted { id, receipt } = api
        .submissions()
        .submit(draft, origin, &state.site.forms)
        .await?;
    Ok(accepted(as_form, &endpoint, &id, &receipt))
}

fn accepted(as_form: bool, endpoint: &str, id: &str, receipt: &str) -> http::Response<Bytes> {
    let status_url = format!("{endpoint}/submissions/{id}/status?receipt={receipt}");
    if as_form {
        super::redirect(&format!("{status_url}&merci=1"))
    } else {
        json_response(
            StatusCode::CREATED,
            &json!({ "id": id, "receipt": receipt, "status_url": status_url }),
        )
    }
}

fn refused(
    as_form: bool,
    errors: &[FieldError],
    kind: Option<SubmissionType>,
    base: &str,
) -> http::Response<Bytes> {
    if as_form {
        super::html_response(StatusCode::BAD_REQUEST, html::problems(errors, kind, base))
    } else {
        json_response(StatusCode::BAD_REQUEST, &json!({ "errors": errors }))
    }
}

fn error(field: &str, message: impl Into<String>) -> Vec<FieldError> {
    vec![FieldError {
        field: field.into(),
        message: message.into(),
    }]
}

/// A JSON post: the draft, and beside its fields the honeypot and the fill-time token the
/// site's own pages send too (a key given twice anywhere is refused).
fn read_json(body: &[u8]) -> Result<Incoming, Vec<FieldError>> {
    let bad = |e: serde_json::Error| {
        error(
            "",
            format!("Attendu une proposition en JSON, trouvé une erreur : {e}"),
        )
    };
    let mut value = portal_model::unique::from_slice(body).map_err(bad)?;
    let mut take = |name: &str| {
        value
            .as_object_mut()
            .and_then(|o| o.remove(name))
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let honeypot = take(HONEYPOT).is_some_and(|v| !v.trim().is_empty());
    let token = take(TOKEN);
    let notify = value
        .as_object_mut()
        .and_then(|o| o.remove(NOTIFY))
        .is_some_and(|v| v == serde_json::Value::Bool(true) || v == "true");
    let draft: Draft = serde_json::from_value(value).map_err(bad)?;
    Ok(Incoming {
        draft,
        honeypot,
        token,
        notify,
    })
}

fn read_form(body: &[u8]) -> Result<Incoming, Vec<FieldError>> {
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let mut take = |name: &str| {
        let i = pairs.iter().position(|(k, _)| k == name)?;
        Some(pairs.remove(i).1)
    };
    let kind = take("type").unwrap_or_default();
    let Some(kind) = SubmissionType::from_api(&kind) else {
        return Err(error(
            "type",
            format!("Attendu association, volunteer_call ou resource, trouvé « {kind} »"),
        ));
    };
    let target = take("target").filter(|t| !t.trim().is_empty());
    let contact_email = take("contact_email").unwrap_or_default();
    let honeypot = take(HONEYPOT).is_some_and(|v| !v.trim().is_empty());
    let token = take(TOKEN);
    let notify = take(NOTIFY).is_some_and(|v| v == "true");
    // The browser's clock, sent by pages built before the token: not read any more.
    take("_started");
    let (fields, body) = form::read_post(kind.kind(), &pairs);
    Ok(Incoming {
        draft: Draft {
            kind,
            target,
            fields,
            body,
            contact_email,
        },
        honeypot,
        token,
        notify,
    })
}
