//! The guards of `POST /submissions` that a bot or a clumsy client must not step around:
//! the honeypot and the fill time on every kind of post, the fill time measured by the
//! server, an idempotency key reused with another body, IPv6 clients counted per /64,
//! duplicate keys in `fields`, and moderators' names.

use bytes::Bytes;
use http::{Request, StatusCode};
use portal_forms::api::Client;
use portal_forms::rules::Moderators;
use portal_forms::secrets;
use portal_forms::store::{Moderator, Status};
use serde_json::{Value, json};

mod common;

use common::{Fixture, from};

fn fixture() -> Fixture {
    common::fixture("min_fill_seconds = 2\nrate_limit_per_hour = 5")
}

fn offer(title: &str) -> Value {
    common::offer(title, "epicerie")
}

impl Fixture {
    async fn post(
        &self,
        content_type: &str,
        body: impl Into<Bytes>,
        key: Option<&str>,
        client: Client,
    ) -> (StatusCode, Value) {
        let mut r = Request::builder()
            .method("POST")
            .uri("/submissions")
            .header("content-type", content_type)
            .header("accept", "application/json");
        if let Some(k) = key {
            r = r.header("idempotency-key", k);
        }
        let res = self.api.handle(r.body(body.into()).unwrap(), client).await;
        let json = serde_json::from_slice(res.body()).unwrap_or(Value::Null);
        (res.status(), json)
    }

    async fn json(&self, body: &Value, key: Option<&str>, ip: &str) -> (StatusCode, Value) {
        self.post("application/json", body.to_string(), key, from(ip))
            .await
    }

    /// A fill-time token, as the form's page asks for one.
    async fn token(&self) -> String {
        let req = Request::builder()
            .method("GET")
            .uri("/submissions/token")
            .body(Bytes::new())
            .unwrap();
        let res = self.api.handle(req, Client::default()).await;
        assert_eq!(res.status(), StatusCode::OK, "GET /submissions/token");
        let v: Value = serde_json::from_slice(res.body()).unwrap();
        v["token"].as_str().expect("a token").to_string()
    }

    async fn stored(&self) -> usize {
        self.store
            .list(Status::Pending, None, 100)
            .await
            .unwrap()
            .items
            .len()
    }
}

#[tokio::test]
async fn a_json_post_meets_the_honeypot_and_the_fill_time_guard() {
    let f = fixture();
    // The honeypot in JSON: answered like a success, nothing stored.
    let mut bot = offer("Pommes");
    bot["website"] = json!("http://spam.example");
    let (s, answer) = f.json(&bot, None, "10.0.0.1").await;
    assert_eq!(s, StatusCode::CREATED, "{answer}");
    assert_eq!(f.stored().await, 0, "a filled honeypot stores nothing");
    // A token from the server, sent back at once: too fast, in JSON as in a form post.
    let mut quick = offer("Pommes");
    quick["_token"] = json!(f.token().await);
    let (s, answer) = f.json(&quick, None, "10.0.0.1").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{answer}");
    assert_eq!(answer["errors"][0]["field"], "_token", "{answer}");
    let form = format!(
        "type=resource&title=Pommes&association=epicerie&kind=offer&category=food\
         &expires=2026-12-01&contact_email=a%40b.fr&_token={}",
        f.token().await
    );
    let (s, answer) = f
        .post(
            "application/x-www-form-urlencoded",
            form.clone(),
            None,
            from("10.0.0.1"),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{answer}");
    assert_eq!(f.stored().await, 0);
    // The same token after the fill time: accepted.
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let (s, answer) = f
        .post(
            "application/x-www-form-urlencoded",
            form,
            None,
            from("10.0.0.1"),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{answer}");
    // A forged token is refused, whatever time it claims.
    let mut forged = offer("Poires");
    forged["_token"] = json!("1000.0000000000000000000000000000");
    let (s, answer) = f.json(&forged, None, "10.0.0.1").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{answer}");
}

#[tokio::test]
async fn a_visitor_whose_clock_runs_ahead_is_not_locked_out() {
    let f = fixture();
    // The page's script used to stamp the form with the visitor's clock: an hour ahead,
    // every post looked too fast. The browser's clock is no longer read.
    let ahead = jiff::Timestamp::now().as_millisecond() + 3_600_000;
    let form = format!(
        "type=resource&title=Pommes&association=epicerie&kind=offer&category=food\
         &expires=2026-12-01&contact_email=a%40b.fr&_started={ahead}"
    );
    let (s, answer) = f
        .post(
            "application/x-www-form-urlencoded",
            form,
            None,
            from("10.0.0.2"),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{answer}");
}

#[tokio::test]
async fn a_reused_idempotency_key_with_another_body_is_refused() {
    let f = fixture();
    let (s, first) = f.json(&offer("Pommes"), Some("k1"), "10.0.0.3").await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, again) = f.json(&offer("Pommes"), Some("k1"), "10.0.0.3").await;
    assert_eq!((s, &again["id"]), (StatusCode::CREATED, &first["id"]));
    let (s, other) = f.json(&offer("Poires"), Some("k1"), "10.0.0.3").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{other}");
    assert!(other.get("receipt").is_none(), "{other}");
    assert_eq!(
        other["error"],
        "Cette clé d'idempotence (Idempotency-Key) a déjà servi pour une autre proposition : envoyez celle-ci avec une nouvelle clé."
    );
}

#[tokio::test]
async fn the_rate_limit_counts_ipv6_clients_per_64() {
    let f = fixture();
    for i in 1..=5 {
        let (s, _) = f
            .json(
                &offer(&format!("Pommes {i}")),
                None,
                &format!("2001:db8:1:2::{i}"),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
    }
    let (s, _) = f
        .json(&offer("Pommes 6"), None, "2001:db8:1:2:ffff:ffff:ffff:ffff")
        .await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "the same /64");
    let (s, _) = f.json(&offer("Pommes 7"), None, "2001:db8:1:3::1").await;
    assert_eq!(s, StatusCode::CREATED, "another /64");
}

#[tokio::test]
async fn a_duplicate_key_in_fields_is_refused() {
    let f = fixture();
    let body = r#"{"type": "resource", "fields": {"title": "Pommes", "association": "epicerie",
        "kind": "offer", "category": "food", "expires": "2026-12-01", "title": "Poires"},
        "body": "", "contact_email": "a@b.fr"}"#;
    let (s, answer) = f
        .post("application/json", body, None, from("10.0.0.4"))
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{answer}");
    let message = answer["errors"][0]["message"].as_str().unwrap_or("");
    assert!(message.contains("« title »"), "{answer}");
    let nested = r#"{"type": "resource", "fields": {"title": "Pommes", "association": "epicerie",
        "kind": "offer", "category": "food", "quantity": {"amount": 1, "amount": 2}},
        "contact_email": "a@b.fr"}"#;
    let (s, answer) = f
        .post("application/json", nested, None, from("10.0.0.4"))
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{answer}");
    assert_eq!(f.stored().await, 0);
}

#[tokio::test]
async fn moderator_names_are_one_line_and_not_empty() {
    let f = fixture();
    let moderators = Moderators::new(f.store.clone());
    for name in ["", "  ", "alice\nbob", "alice\r", "al\u{7}ice"] {
        let m = Moderator {
            name: name.into(),
            token_hash: secrets::token_hash(&secrets::new_token()),
            created_at: 0,
            revoked_at: None,
        };
        let refused = moderators.add(&m).await;
        assert!(refused.is_err(), "{name:?} accepted");
    }
    assert!(moderators.list().await.unwrap().is_empty());
}
