//! The form functions on AWS Lambda, behind an HTTP API: the request is handed to the same
//! handlers `portal serve` uses ([`portal_forms::api::Api::receive`]); this crate only
//! translates between the HTTP API's events and plain `http` requests and responses. As in
//! the Lambda runtime's examples, what is costly (the DynamoDB client, the site's state) is
//! made once when the function starts ([`run`]), and [`handle`] only translates.
//!
//! What the functions must know of the site (its settings and the entries that exist) is
//! the file `portal build` writes as `donnees/formulaires.json`, packaged beside the
//! binary (`PORTAL_SITE_STATE`, default `formulaires.json`).
//!
//! Behind the CloudFront distribution of `template.yaml`, the HTTP API's `sourceIp` is the
//! address of a CloudFront server, not the visitor's: see [`Front`].

use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use lambda_http::request::RequestContext;
use lambda_http::{Body, Request, RequestExt, Response};
use portal_forms::api::{Api, Client, Group};
use portal_forms::state::StateFile;
use portal_forms::store::{DynamoStore, Store};

mod front;

pub use front::{Direct, Front, ORIGIN_HEADER, VIEWER_ADDRESS_HEADER, viewer_address};

/// The API of one route group on DynamoDB, as a Lambda function starts it: the site's state
/// read and the DynamoDB client made once, for every request after.
pub async fn from_env(group: Group) -> anyhow::Result<Api> {
    let path = std::env::var("PORTAL_SITE_STATE").unwrap_or_else(|_| "formulaires.json".into());
    let state = StateFile::read(Path::new(&path))?.state()?;
    let store: Arc<dyn Store> = Arc::new(DynamoStore::from_env().await?);
    // E-mail by Amazon SES, from site.toml's [mail] from (an identity verified in SES; the
    // role may send from it only), or PORTAL_MAIL_FROM. Links start with the site's origin.
    let from = std::env::var("PORTAL_MAIL_FROM")
        .ok()
        .filter(|f| !f.trim().is_empty())
        .unwrap_or_else(|| state.site.mail.sender(&state.site));
    let base = state.site.base().to_string();
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", &base));
    let origin = format!("{scheme}://{}", rest.split('/').next().unwrap_or(""));
    let mail = portal_forms::api::Mail {
        mailer: Arc::new(portal_forms::mail::Ses::from_env(from).await),
        origin,
    };
    Ok(Api::new(store, state, group).with_mail(mail))
}

/// Answers one HTTP API event that came through `front` (`Front::default()`: no CloudFront).
pub async fn handle(
    api: &Api,
    front: &Front,
    req: Request,
) -> Result<Response<Body>, lambda_http::Error> {
    let (stage, source_ip) = match req.request_context_ref() {
        Some(RequestContext::ApiGatewayV2(cx)) => (
            cx.stage.clone(),
            cx.http.source_ip.as_deref().and_then(|ip| ip.parse().ok()),
        ),
        _ => (None, None),
    };
    let (mut parts, body) = req.into_parts();
    let ip = match front.admit(&mut parts.headers, source_ip) {
        Ok(ip) => ip,
        Err(direct) => return Ok(event_response(direct.response())),
    };
    let body = match body {
        Body::Text(text) => Bytes::from(text),
        Body::Binary(bytes) => Bytes::from(bytes),
        _ => Bytes::new(),
    };
    let req = http::Request::from_parts(parts, body);
    let response = api.receive(req, Client { ip }, stage.as_deref()).await;
    Ok(event_response(response))
}

/// A response as the HTTP API takes it: text when it is, else bytes.
fn event_response(response: http::Response<Bytes>) -> Response<Body> {
    let (parts, body) = response.into_parts();
    let body = match String::from_utf8(body.to_vec()) {
        Ok(text) if text.is_empty() => Body::Empty,
        Ok(text) => Body::Text(text),
        Err(e) => Body::Binary(e.into_bytes()),
    };
    Response::from_parts(parts, body)
}

/// Runs one route group as a Lambda function: its log, its state and its client made once,
/// then every event handed to [`handle`].
pub async fn run(group: Group) -> Result<(), lambda_http::Error> {
    init_tracing();
    let api = from_env(group).await.map_err(|e| format!("{e:#}"))?;
    let front = Front::from_env();
    let (api, front) = (&api, &front);
    lambda_http::run(lambda_http::service_fn(move |req| handle(api, front, req))).await
}

/// Logs on standard output, which Lambda sends to CloudWatch (which adds the time), at the
/// function's log level (`AWS_LAMBDA_LOG_LEVEL`), else `RUST_LOG`, else `INFO`.
fn init_tracing() {
    use tracing_subscriber::filter::LevelFilter;
    let level = ["AWS_LAMBDA_LOG_LEVEL", "RUST_LOG"]
        .into_iter()
        .find_map(|name| std::env::var(name).ok()?.parse::<LevelFilter>().ok())
        .unwrap_or(LevelFilter::INFO);
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_target(false)
        .without_time()
        .init();
}
