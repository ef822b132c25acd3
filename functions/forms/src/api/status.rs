//! `GET /submissions/{id}/status?receipt=R`: where a submission stands, for the one who holds
//! its receipt. A wrong receipt looks exactly like an unknown id.

use bytes::Bytes;
use http::{Request, StatusCode};
use serde_json::json;

use super::{Answer, Api, Failure, html, html_response, json_response, query, wants_html};

pub(super) async fn get(api: &Api, req: &Request<Bytes>, id: &str) -> Answer {
    let receipt = query(req, "receipt").unwrap_or_default();
    let sub = api
        .submissions()
        .status(id, &receipt)
        .await?
        .ok_or_else(|| {
            Failure::new(
                StatusCode::NOT_FOUND,
                "Aucune proposition ne correspond à ce lien de suivi.",
            )
        })?;
    if wants_html(req.headers()) {
        let state = api.state();
        let just_sent = query(req, "merci").is_some();
        let link = format!(
            "{}/submissions/{id}/status?receipt={receipt}",
            state.site.forms.endpoint.trim_end_matches('/')
        );
        let page = html::status(&sub, just_sent, &link, &state.base_path());
        return Ok(html_response(StatusCode::OK, page));
    }
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "id": sub.id,
            "type": sub.kind,
            "target": sub.target,
            "status": sub.status,
            "note": sub.note,
            "submitted_at": sub.created_at,
            "decided_at": sub.decided_at,
        }),
    ))
}
