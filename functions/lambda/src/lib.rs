//! The form functions on AWS Lambda, behind an HTTP API: the request is handed to the same
//! handlers `portal serve` uses ([`portal_forms::api::Api`]); this crate only translates.
//!
//! What the functions must know of the site (its settings and the entries that exist) is
//! the file `portal build` writes as `donnees/formulaires.json`, packaged beside the
//! binary (`PORTAL_SITE_STATE`, default `formulaires.json`).
//!
//! Behind the CloudFront distribution of `template.yaml`, the HTTP API's `sourceIp` is the
//! address of a CloudFront server, not the visitor's: see [`Front`].

use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use lambda_http::request::RequestContext;
use lambda_http::{Body, Request, RequestExt, Response};
use portal_forms::api::{Api, Client, Group, json_response};
use portal_forms::state::StateFile;
use portal_forms::store::{DynamoStore, Store};

/// The header CloudFront adds to every request it sends to the HTTP API (the template's
/// `OriginCustomHeaders`), with a value that only CloudFront and the functions know.
pub const ORIGIN_HEADER: &str = "x-origin-verify";
/// The header CloudFront sets to the visitor's address and port (`203.0.113.7:52144`,
/// `2001:db8::1:52144`), forwarded by the `AllViewerExceptHostHeader` origin request policy.
pub const VIEWER_ADDRESS_HEADER: &str = "cloudfront-viewer-address";

/// How requests reach the functions.
///
/// With no secret (tests, a bare HTTP API), every request is answered and the visitor's
/// address is the HTTP API's `sourceIp`. With `PORTAL_ORIGIN_SECRET` set (the template sets
/// it), the functions are behind CloudFront: a request without the secret in
/// [`ORIGIN_HEADER`] did not come through CloudFront (someone calling the HTTP API's own
/// address, around the site's security headers) and gets `403`; the visitor's address,
/// which the rate limit counts, is the one CloudFront gives in [`VIEWER_ADDRESS_HEADER`],
/// since `sourceIp` is then CloudFront's own (every visitor near one edge would share one
/// limit).
#[derive(Clone, Debug, Default)]
pub struct Front {
    pub origin_secret: Option<String>,
}

impl Front {
    /// `PORTAL_ORIGIN_SECRET`, when set and not empty.
    pub fn from_env() -> Front {
        Front {
            origin_secret: std::env::var("PORTAL_ORIGIN_SECRET")
                .ok()
                .filter(|s| !s.is_empty()),
        }
    }
}

/// The address in a `CloudFront-Viewer-Address` value (`IP:port`, IPv6 unbracketed or not).
pub fn viewer_address(headers: &HeaderMap) -> Option<IpAddr> {
    let value = headers.get(VIEWER_ADDRESS_HEADER)?.to_str().ok()?.trim();
    let (ip, port) = value.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    ip.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

/// The API of one route group on DynamoDB, as a Lambda function starts it.
pub async fn from_env(group: Group) -> anyhow::Result<Arc<Api>> {
    let path = std::env::var("PORTAL_SITE_STATE").unwrap_or_else(|_| "formulaires.json".into());
    let state = StateFile::read(Path::new(&path))?.state()?;
    let store: Arc<dyn Store> = Arc::new(DynamoStore::from_env().await?);
    Ok(Arc::new(Api::new(store, state, group)))
}

/// Answers one Lambda HTTP event, with no CloudFront in front (see [`Front`]).
pub async fn handle(api: &Api, req: Request) -> Result<Response<Body>, lambda_http::Error> {
    handle_behind(api, &Front::default(), req).await
}

/// Answers one Lambda HTTP event that came through `front`.
pub async fn handle_behind(
    api: &Api,
    front: &Front,
    mut req: Request,
) -> Result<Response<Body>, lambda_http::Error> {
    let source_ip = match req.request_context_ref() {
        Some(RequestContext::ApiGatewayV2(cx)) => {
            cx.http.source_ip.as_deref().and_then(|ip| ip.parse().ok())
        }
        _ => None,
    };
    let ip = match &front.origin_secret {
        None => source_ip,
        Some(secret) => {
            let given = req
                .headers()
                .get(ORIGIN_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !portal_forms::secrets::same(given, secret) {
                let refused = json_response(
                    StatusCode::FORBIDDEN,
                    &serde_json::json!({
                        "error": "accès direct refusé : passez par l'adresse du site"
                    }),
                );
                let (parts, body) = refused.into_parts();
                return Ok(Response::from_parts(
                    parts,
                    Body::Text(String::from_utf8_lossy(&body).into_owned()),
                ));
            }
            req.headers_mut().remove(ORIGIN_HEADER);
            viewer_address(req.headers()).or(source_ip)
        }
    };
    let endpoint = api
        .state()
        .site
        .forms
        .endpoint
        .trim_end_matches('/')
        .to_string();
    let (mut parts, body) = req.into_parts();
    // The HTTP API passes the whole path (`/api/submissions`); the handlers want the rest.
    let path = parts.uri.path();
    let rest = path
        .strip_prefix(endpoint.as_str())
        .filter(|r| r.starts_with('/'))
        .unwrap_or(path);
    let query = parts
        .uri
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    parts.uri = format!("{rest}{query}").parse()?;
    let body = match body {
        Body::Empty => Bytes::new(),
        Body::Text(text) => Bytes::from(text),
        Body::Binary(bytes) => Bytes::from(bytes),
        _ => Bytes::new(),
    };
    let response = api
        .handle(http::Request::from_parts(parts, body), Client { ip })
        .await;
    let (parts, body) = response.into_parts();
    let body = match String::from_utf8(body.to_vec()) {
        Ok(text) if text.is_empty() => Body::Empty,
        Ok(text) => Body::Text(text),
        Err(e) => Body::Binary(e.into_bytes()),
    };
    Ok(Response::from_parts(parts, body))
}

/// Runs one route group as a Lambda function.
pub async fn run(group: Group) -> Result<(), lambda_http::Error> {
    let api = from_env(group).await.map_err(|e| e.to_string())?;
    let front = Arc::new(Front::from_env());
    lambda_http::run(lambda_http::service_fn(move |req| {
        let (api, front) = (api.clone(), front.clone());
        async move { handle_behind(&api, &front, req).await }
    }))
    .await
}
