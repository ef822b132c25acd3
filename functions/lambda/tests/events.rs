//! The Lambda handlers on API Gateway (HTTP API, payload 2.0) events, parsed by the runtime's
//! own event parser, answered by the real handlers on an embedded store.

use std::sync::Arc;

use lambda_http::{Body, Request, Response};
use portal_forms::api::{Api, Group};
use portal_forms::state::StateFile;
use portal_forms::store::{EmbeddedStore, Store};
use portal_lambda::Front;

fn api(group: Group, dir: &std::path::Path) -> Api {
    let site_toml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/sites/basic/site.toml"
    ))
    .unwrap();
    let file = StateFile {
        site_toml,
        slugs: [
            (
                "association".to_string(),
                ["epicerie-du-port".to_string()].into(),
            ),
            ("resource".to_string(), ["camion".to_string()].into()),
        ]
        .into(),
        calls: Default::default(),
        listings: Default::default(),
    };
    let path = dir.join("formulaires.json");
    std::fs::write(&path, file.to_json()).unwrap();
    let state = StateFile::read(&path).unwrap().state().unwrap();
    let store: Arc<dyn Store> = Arc::new(EmbeddedStore::open(&dir.join("store.sqlite")).unwrap());
    Api::new(store, state, group)
}

/// An HTTP API event, as API Gateway sends it.
fn event(method: &str, path: &str, query: &str, headers: serde_json::Value, body: &str) -> Request {
    staged_event("$default", method, path, query, headers, body)
}

/// An HTTP API event on the stage `stage`.
fn staged_event(
    stage: &str,
    method: &str,
    path: &str,
    query: &str,
    headers: serde_json::Value,
    body: &str,
) -> Request {
    let event = serde_json::json!({
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": query,
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012", "apiId": "api", "domainName": "portail.example.org",
            "domainPrefix": "portail", "requestId": "id", "routeKey": "$default", "stage": stage,
            "time": "23/Nov/2026:10:00:00 +0000", "timeEpoch": 1795428000000u64,
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1",
                     "sourceIp": "203.0.113.7", "userAgent": "test"}
        },
        "body": body,
        "isBase64Encoded": false
    });
    lambda_http::request::from_str(&event.to_string()).expect("a valid HTTP API event")
}

fn text(body: &Body) -> String {
    match body {
        Body::Text(t) => t.clone(),
        Body::Binary(b) => String::from_utf8_lossy(b).into_owned(),
        _ => String::new(),
    }
}

#[tokio::test]
async fn a_submission_event_is_stored_and_its_status_readable() {
    let dir = tempfile::tempdir().unwrap();
    let submit = api(Group::Submit, dir.path());
    let body = serde_json::json!({
        "type": "resource", "target": null,
        "fields": {"title": "40 kg de pommes", "association": "epicerie-du-port", "kind": "offer",
                   "category": "food", "expires": "2026-12-01"},
        "body": "À retirer sur place.", "contact_email": "contact@example.org"});
    let req = event(
        "POST",
        "/api/submissions",
        "",
        serde_json::json!({"content-type": "application/json", "idempotency-key": "k1"}),
        &body.to_string(),
    );
    let res = portal_lambda::handle(&submit, &Front::default(), req)
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", text(res.body()));
    let answer: serde_json::Value = serde_json::from_str(&text(res.body())).unwrap();
    let (id, receipt) = (
        answer["id"].as_str().unwrap(),
        answer["receipt"].as_str().unwrap(),
    );

    let status = event(
        "GET",
        &format!("/api/submissions/{id}/status"),
        &format!("receipt={receipt}"),
        serde_json::json!({"accept": "application/json"}),
        "",
    );
    let res = portal_lambda::handle(&submit, &Front::default(), status)
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let status: serde_json::Value = serde_json::from_str(&text(res.body())).unwrap();
    assert_eq!(status["id"], id);
    assert_eq!(status["status"], "pending");

    // The address is taken from the event, and limited: 10 an hour by default.
    for n in 2..=10 {
        let req = event(
            "POST",
            "/api/submissions",
            "",
            serde_json::json!({"content-type": "application/json", "idempotency-key": format!("k{n}")}),
            &body.to_string(),
        );
        assert_eq!(
            portal_lambda::handle(&submit, &Front::default(), req)
                .await
                .unwrap()
                .status(),
            201
        );
    }
    let req = event(
        "POST",
        "/api/submissions",
        "",
        serde_json::json!({"content-type": "application/json", "idempotency-key": "k11"}),
        &body.to_string(),
    );
    assert_eq!(
        portal_lambda::handle(&submit, &Front::default(), req)
            .await
            .unwrap()
            .status(),
        429
    );
}

#[tokio::test]
async fn each_function_answers_only_its_routes() {
    let dir = tempfile::tempdir().unwrap();
    let moderation = api(Group::Moderation, dir.path());
    let queue = || {
        event(
            "GET",
            "/api/moderation/submissions",
            "status=pending",
            serde_json::json!({"authorization": "Bearer mod_nope"}),
            "",
        )
    };
    let res = portal_lambda::handle(&moderation, &Front::default(), queue())
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let post = event("POST", "/api/submissions", "", serde_json::json!({}), "{}");
    assert_eq!(
        portal_lambda::handle(&moderation, &Front::default(), post)
            .await
            .unwrap()
            .status(),
        404
    );
    let submit = api(Group::Submit, tempfile::tempdir().unwrap().path());
    assert_eq!(
        portal_lambda::handle(&submit, &Front::default(), queue())
            .await
            .unwrap()
            .status(),
        404
    );
}

/// Behind CloudFront (the template's set-up): only requests carrying the origin secret are
/// answered, and the visitor's address is CloudFront's `CloudFront-Viewer-Address`, not the
/// HTTP API's `sourceIp` (a CloudFront server's, shared by every visitor near it).
#[tokio::test]
async fn behind_cloudfront_the_secret_is_required_and_the_viewer_counted() {
    let dir = tempfile::tempdir().unwrap();
    let submit = api(Group::Submit, dir.path());
    let front = Front {
        origin_secret: Some("s3cret".into()),
    };
    let body = serde_json::json!({
        "type": "resource", "target": null,
        "fields": {"title": "40 kg de pommes", "association": "epicerie-du-port", "kind": "offer",
                   "category": "food", "expires": "2026-12-01"},
        "body": "À retirer sur place.", "contact_email": "contact@example.org"});
    let post = |n: usize, secret: Option<&str>, viewer: &str| {
        let mut headers = serde_json::json!({
            "content-type": "application/json",
            "idempotency-key": format!("cf{n}"),
            "cloudfront-viewer-address": viewer,
        });
        if let Some(secret) = secret {
            headers["x-origin-verify"] = secret.into();
        }
        event("POST", "/api/submissions", "", headers, &body.to_string())
    };

    // Straight to the HTTP API: no secret, or a wrong one.
    for secret in [None, Some("nope")] {
        let res = portal_lambda::handle(&submit, &front, post(0, secret, "198.51.100.1:443"))
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{}", text(res.body()));
        assert_eq!(
            text(res.body()),
            r#"{"error":"accès direct refusé : passez par l'adresse du site"}"#
        );
    }

    // Ten from one visitor (the limit), then the eleventh is refused; another visitor behind
    // the same CloudFront server (same sourceIp in every event) still gets through.
    for n in 1..=10 {
        let res = portal_lambda::handle(
            &submit,
            &front,
            post(n, Some("s3cret"), "198.51.100.1:40000"),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), 201, "{}", text(res.body()));
    }
    let res = portal_lambda::handle(
        &submit,
        &front,
        post(11, Some("s3cret"), "198.51.100.1:40001"),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 429);
    let res = portal_lambda::handle(
        &submit,
        &front,
        post(12, Some("s3cret"), "2001:db8::7:51000"),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 201, "{}", text(res.body()));
}

#[test]
fn the_viewer_address_is_read_as_cloudfront_writes_it() {
    let headers = |v: &str| {
        let mut h = http::HeaderMap::new();
        h.insert("cloudfront-viewer-address", v.parse().unwrap());
        h
    };
    let ip = |s: &str| Some(s.parse::<std::net::IpAddr>().unwrap());
    assert_eq!(
        portal_lambda::viewer_address(&headers("203.0.113.7:52144")),
        ip("203.0.113.7")
    );
    assert_eq!(
        portal_lambda::viewer_address(&headers("2001:db8::1:52144")),
        ip("2001:db8::1")
    );
    assert_eq!(
        portal_lambda::viewer_address(&headers("[2001:db8::1]:52144")),
        ip("2001:db8::1")
    );
    assert_eq!(portal_lambda::viewer_address(&headers("203.0.113.7")), None);
    assert_eq!(portal_lambda::viewer_address(&headers("nope:1")), None);
    assert_eq!(portal_lambda::viewer_address(&http::HeaderMap::new()), None);
}

/// The path the routes see is the one `portal serve` gives them: the endpoint taken off, and
/// on a named stage, the stage the runtime puts in front; anything else is not a route.
#[tokio::test]
async fn the_path_is_translated_as_portal_serve_does() {
    let dir = tempfile::tempdir().unwrap();
    let moderation = api(Group::Moderation, dir.path());
    let queue = |stage: &str, path: &str| {
        staged_event(
            stage,
            "GET",
            path,
            "status=pending",
            serde_json::json!({"authorization": "Bearer mod_nope"}),
            "",
        )
    };
    let answer = |res: Response<Body>| (res.status().as_u16(), text(res.body()));
    let refused = (
        401,
        r#"{"error":"Jeton de modération absent, inconnu ou révoqué."}"#.to_string(),
    );
    let unknown = (404, r#"{"error":"route inconnue"}"#.to_string());
    let none = Front::default();
    for (stage, path, expected) in [
        ("$default", "/api/moderation/submissions", &refused),
        ("prod", "/api/moderation/submissions", &refused),
        ("$default", "/moderation/submissions", &unknown),
        ("$default", "/apis/moderation/submissions", &unknown),
    ] {
        let res = portal_lambda::handle(&moderation, &none, queue(stage, path))
            .await
            .unwrap();
        assert_eq!(&answer(res), expected, "{stage} {path}");
    }
}
