//! `GET /submissions/{id}/status?receipt=R`: where a submission stands, for the one who holds
//! its receipt. A wrong receipt looks exactly like an unknown id.

use bytes::Bytes;
use http::{Request, StatusCode};
use serde_json::json;

use super::{Answer, Api, Failure, html, html_response, json_response, query, wants_html};

/// The follow-up link as a whole address, to copy into a message or a notebook: the
/// endpoint's own when it is one, else the site's (`base_url`) in production, and the local
/// server's when a browser asked `portal serve` on this machine.
fn full_address(path: &str, req: &Request<Bytes>, site: &portal_model::SiteConfig) -> String {
    if path.starts_with("https://") || path.starts_with("http://") {
        return path.to_string();
    }
    let host = super::header_str(req, http::header::HOST);
    let local =
        host.starts_with("127.0.0.1") || host.starts_with("localhost") || host.starts_with("[::1]");
    let origin = if local {
        format!("http://{host}")
    } else {
        let base = site.base();
        let after = base.find("://").map_or(0, |i| i + 3);
        base[..base[after..].find('/').map_or(base.len(), |i| after + i)].to_string()
    };
    format!("{origin}{path}")
}

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
        let path = format!(
            "{}/submissions/{id}/status?receipt={receipt}",
            state.site.forms.endpoint.trim_end_matches('/')
        );
        let link = full_address(&path, req, &state.site);
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
