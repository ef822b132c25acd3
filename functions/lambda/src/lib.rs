//! The form functions on AWS Lambda, behind an HTTP API: the request is handed to the same
//! handlers `portal serve` uses ([`portal_forms::api::Api`]); this crate only translates.
//!
//! What the functions must know of the site (its settings and the entries that exist) is
//! the file `portal build` writes as `donnees/formulaires.json`, packaged beside the
//! binary (`PORTAL_SITE_STATE`, default `formulaires.json`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use lambda_http::request::RequestContext;
use lambda_http::{Body, Request, RequestExt, Response};
use portal_forms::api::{Api, Client, Group, SiteState};
use portal_forms::store::{DynamoStore, Store};
use portal_model::{Kind, SiteConfig};
use serde::Deserialize;

/// The file `portal build` writes for the functions.
#[derive(Deserialize)]
pub struct StateFile {
    /// `site.toml` as written, parsed here with the same checks as the generator's.
    pub site_toml: String,
    /// The slugs of the entries, by API name (`association`, `volunteer_call`, `resource`).
    pub slugs: BTreeMap<String, BTreeSet<String>>,
}

/// Reads the state file of the site.
pub fn read_state(path: &Path) -> anyhow::Result<SiteState> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{} : {e}", path.display()))?;
    let file: StateFile = serde_json::from_str(&text)?;
    let site = SiteConfig::parse(&file.site_toml).map_err(|problems| {
        let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        anyhow::anyhow!("site.toml : {}", problems.join(" ; "))
    })?;
    let slugs = Kind::ALL
        .into_iter()
        .map(|k| (k, file.slugs.get(k.api_name()).cloned().unwrap_or_default()))
        .collect();
    Ok(SiteState {
        site,
        slugs,
        content_root: None,
    })
}

/// The API of one route group on DynamoDB, as a Lambda function starts it.
pub async fn from_env(group: Group) -> anyhow::Result<Arc<Api>> {
    let path = std::env::var("PORTAL_SITE_STATE").unwrap_or_else(|_| "formulaires.json".into());
    let state = read_state(Path::new(&path))?;
    let store: Arc<dyn Store> = Arc::new(DynamoStore::from_env().await?);
    Ok(Arc::new(Api::new(store, state, group)))
}

/// Answers one Lambda HTTP event.
pub async fn handle(api: &Api, req: Request) -> Result<Response<Body>, lambda_http::Error> {
    let ip = match req.request_context_ref() {
        Some(RequestContext::ApiGatewayV2(cx)) => {
            cx.http.source_ip.as_deref().and_then(|ip| ip.parse().ok())
        }
        _ => None,
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
    lambda_http::run(lambda_http::service_fn(move |req| {
        let api = api.clone();
        async move { handle(&api, req).await }
    }))
    .await
}
