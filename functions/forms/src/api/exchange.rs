//! What the exchange's routes share: the fields of a post (form or JSON), the answers of a
//! public form before its rules (to a bot, with the problems) and once stored, the check of
//! a publisher's signed link, and the cacheable counts with no personal data.

use bytes::Bytes;
use http::{Request, Response, StatusCode, header};
use portal_model::FieldError;
use serde_json::{Value, json};

use super::submit::HONEYPOT;
use super::{Api, Failure, html, html_response, json_response, now, redirect};

/// How long browsers and the CDN may keep the places left and a listing's state: a short
/// time, the page says they may be a little behind.
pub(super) const COUNTS_MAX_AGE: u32 = 30;

/// The fields of a post: a form's pairs, or a JSON object's strings.
pub(super) struct Fields(Vec<(String, String)>);

impl Fields {
    /// The fields of `req`'s body, form or JSON (anything else: none).
    pub(super) fn of(req: &Request<Bytes>) -> Fields {
        if super::is_form(req) {
            return Fields::form(req.body());
        }
        let v: Value = serde_json::from_slice(req.body()).unwrap_or_default();
        Fields(
            v.as_object()
                .map(|o| {
                    o.iter()
                        .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
                        .collect()
                })
                .unwrap_or_default(),
        )
    }

    /// The pairs of a form-encoded `body`.
    pub(super) fn form(body: &[u8]) -> Fields {
        Fields(form_urlencoded::parse(body).into_owned().collect())
    }

    /// The first value of `name`, if sent.
    pub(super) fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }

    /// The first value of `name`, or empty.
    pub(super) fn one(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }

    /// Every value of `name` (a form's checkboxes).
    pub(super) fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Whether the honeypot (a field people do not see) is filled: a bot.
    pub(super) fn honeypot(&self) -> bool {
        !self.one(HONEYPOT).trim().is_empty()
    }
}

/// The answer to a bot that filled the honeypot: like a success, so that it learns
/// nothing; a browser is sent to the site's plain thank-you page. Nothing is stored.
pub(super) fn bot(as_form: bool, base: &str) -> Response<Bytes> {
    if as_form {
        redirect(&format!("{base}merci/"))
    } else {
        json_response(StatusCode::CREATED, &json!({ "status": "received" }))
    }
}

/// A public form refused before anything is stored: its problems, on a page for a browser's
/// plain post, else as JSON.
pub(super) fn refused(as_form: bool, errors: &[FieldError], base: &str) -> Response<Bytes> {
    if as_form {
        html_response(
            StatusCode::BAD_REQUEST,
            html::sign_up_problems(errors, base),
        )
    } else {
        json_response(StatusCode::BAD_REQUEST, &json!({ "errors": errors }))
    }
}

/// A public form stored: a browser is sent to the sender's own page `link`, thanked; a
/// script gets `body`.
pub(super) fn stored(as_form: bool, link: &str, body: &Value) -> Response<Bytes> {
    if as_form {
        redirect(&format!("{link}&merci=1"))
    } else {
        json_response(StatusCode::CREATED, body)
    }
}

/// Whether a publisher's signed link (`exp`, `key`) opens `scope` for `association`: the
/// link's expiry and key, or `refused`.
pub(super) async fn signed(
    api: &Api,
    association: &str,
    scope: &str,
    exp: Option<String>,
    key: Option<String>,
    refused: impl Fn() -> Failure,
) -> Result<(i64, String), Failure> {
    let exp: i64 = exp.and_then(|e| e.parse().ok()).ok_or_else(&refused)?;
    let key = key.unwrap_or_default();
    if !api
        .publishers()
        .check(association, scope, exp, &key, now())
        .await?
    {
        return Err(refused());
    }
    Ok((exp, key))
}

/// Counts with no personal data, as JSON any page may read, kept [`COUNTS_MAX_AGE`]
/// seconds by browsers and the CDN.
pub(super) fn counts(body: &Value) -> Response<Bytes> {
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "application/json")
        .header(
            header::CACHE_CONTROL,
            format!("public, max-age={COUNTS_MAX_AGE}"),
        )
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .body(Bytes::from(body.to_string()))
        .expect("a valid response")
}
