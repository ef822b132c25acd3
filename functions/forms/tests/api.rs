//! The routes of the forms contract, on plain `http` requests, with the embedded store:
//! every rule that refuses a submission, retries, receipts, tokens and decisions.

use bytes::Bytes;
use http::{Request, Response, StatusCode};
use portal_forms::api::Client;
use portal_forms::rules::{Moderators, Submissions};
use portal_model::Kind;
use serde_json::{Value, json};

mod common;

use common::{Fixture, from};

const FORMS: &str = "min_fill_seconds = 3\nrate_limit_per_hour = 5";

fn fixture() -> Fixture {
    common::fixture(FORMS)
}

fn offer(title: &str) -> Value {
    common::offer(title, "epicerie")
}

fn request(
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: impl Into<Bytes>,
) -> Request<Bytes> {
    let mut r = Request::builder().method(method).uri(path);
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    r.body(body.into()).unwrap()
}

/// The `h1` of a page.
fn heading(page: &str) -> &str {
    let start = page.find("<h1>").expect("a heading") + 4;
    &page[start..start + page[start..].find("</h1>").expect("a closed heading")]
}

/// The problems a page of problems lists, one line each: `field label : message`.
fn problems(page: &str) -> Vec<String> {
    page.split("<li>")
        .skip(1)
        .map(|item| {
            let item = &item[..item.find("</li>").expect("a closed item")];
            item.replace("<strong>", "").replace("</strong>", "")
        })
        .collect()
}

impl Fixture {
    async fn send(
        &self,
        req: Request<Bytes>,
        client: Client,
    ) -> (StatusCode, Value, Response<Bytes>) {
        let res = self.api.handle(req, client).await;
        let json = serde_json::from_slice(res.body()).unwrap_or(Value::Null);
        (res.status(), json, res)
    }

    async fn submit(&self, body: &Value, key: Option<&str>, ip: &str) -> (StatusCode, Value) {
        let mut headers = vec![("content-type", "application/json")];
        if let Some(k) = key {
            headers.push(("idempotency-key", k));
        }
        let (s, v, _) = self
            .send(
                request("POST", "/submissions", &headers, body.to_string()),
                from(ip),
            )
            .await;
        (s, v)
    }

    async fn moderator(&self, name: &str) -> String {
        common::moderator(&self.store, name).await
    }

    async fn decide(
        &self,
        token: &str,
        id: &str,
        action: &str,
        version: u64,
    ) -> (StatusCode, Value) {
        let auth = format!("Bearer {token}");
        let body = json!({"action": action, "note": "vu", "version": version}).to_string();
        let path = format!("/moderation/submissions/{id}/decision");
        let (s, v, _) = self
            .send(
                request("POST", &path, &[("authorization", &auth)], body),
                Client::default(),
            )
            .await;
        (s, v)
    }
}

#[tokio::test]
async fn a_valid_submission_gets_an_id_and_a_receipt_that_reads_its_status() {
    let f = fixture();
    let (status, answer) = f
        .submit(&offer("40 kg de pommes"), Some("k"), "10.0.0.1")
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let id = answer["id"].as_str().unwrap();
    let receipt = answer["receipt"].as_str().unwrap();
    let path = format!("/submissions/{id}/status?receipt={receipt}");
    let (s, v, _) = f
        .send(request("GET", &path, &[], ""), Client::default())
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["status"], "pending");
    // A wrong receipt looks like an unknown id.
    let wrong = format!("/submissions/{id}/status?receipt={}", "0".repeat(32));
    let (s, _, _) = f
        .send(request("GET", &wrong, &[], ""), Client::default())
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    // The e-mail is kept apart, for the moderators only.
    assert_eq!(
        f.store.contact(id, 0).await.unwrap().as_deref(),
        Some("contact@example.org")
    );
}

#[tokio::test]
async fn invalid_fields_are_refused_each_with_its_field_and_nothing_is_stored() {
    let f = fixture();
    let mut bad = offer("Po");
    bad["fields"]["category"] = json!("nourriture");
    bad["contact_email"] = json!("personne");
    let (status, answer) = f.submit(&bad, None, "10.0.0.1").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let fields: Vec<&str> = answer["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["title", "category", "contact_email"]);
    let page = f
        .store
        .list(portal_forms::store::Status::Pending, None, 10)
        .await
        .unwrap();
    assert!(page.items.is_empty());
}

#[tokio::test]
async fn a_form_post_without_javascript_gets_a_page_of_problems_or_a_303() {
    let f = fixture();
    let form = "type=resource&title=Pommes&association=epicerie&kind=offer&category=food\
                &contact_email=a%40b.fr&website=";
    let headers = [
        ("content-type", "application/x-www-form-urlencoded"),
        ("accept", "text/html,application/xhtml+xml"),
    ];
    let (s, _, res) = f
        .send(
            request("POST", "/submissions", &headers, form),
            from("10.0.0.2"),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let page = String::from_utf8(res.body().to_vec()).unwrap();
    assert!(
        page.starts_with("<!doctype html><html lang=\"fr\">"),
        "{page}"
    );
    assert_eq!(heading(&page), "Votre proposition n&#39;a pas été envoyée");
    assert_eq!(
        problems(&page),
        [
            "Date limite de consommation : Remplissez ce champ : la date limite de consommation (obligatoire pour une offre de denrées), AAAA-MM-JJ."
        ],
        "{page}"
    );

    let fixed = format!("{form}&expires=2026-12-01");
    let (s, _, res) = f
        .send(
            request("POST", "/submissions", &headers, fixed),
            from("10.0.0.2"),
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let location = res.headers()["location"].to_str().unwrap();
    assert!(location.starts_with("/api/submissions/") && location.ends_with("&merci=1"));
}

#[tokio::test]
async fn bots_are_refused_before_anything_is_stored() {
    let f = fixture();
    let headers = [
        ("content-type", "application/x-www-form-urlencoded"),
        ("accept", "text/html"),
    ];
    // The honeypot is answered like a success.
    let form = "type=resource&title=Pommes&website=http%3A%2F%2Fspam.example";
    let (s, _, _) = f
        .send(
            request("POST", "/submissions", &headers, form),
            from("10.0.0.3"),
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    // Sent back faster than a person can fill it.
    let token = f
        .send(
            request("GET", "/submissions/token", &[], ""),
            Client::default(),
        )
        .await
        .1["token"]
        .as_str()
        .unwrap()
        .to_string();
    let form = format!("type=resource&title=Pommes&_token={token}");
    let (s, _, res) = f
        .send(
            request("POST", "/submissions", &headers, form),
            from("10.0.0.3"),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(
        problems(&String::from_utf8_lossy(res.body())),
        [
            "Envoi : Formulaire envoyé trop vite (3 secondes au moins) : relisez-le puis envoyez-le de nouveau."
        ]
    );
    // Over 16 KiB.
    let mut big = offer("Pommes");
    big["body"] = json!("x".repeat(17 * 1024));
    let (s, _) = f.submit(&big, None, "10.0.0.3").await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    let pending = f
        .store
        .list(portal_forms::store::Status::Pending, None, 10)
        .await
        .unwrap();
    assert!(pending.items.is_empty(), "nothing stored");
}

#[tokio::test]
async fn retries_are_stored_once_and_addresses_are_limited() {
    let f = fixture();
    let (s1, a1) = f.submit(&offer("Pommes"), Some("same"), "10.0.0.4").await;
    let (s2, a2) = f.submit(&offer("Pommes"), Some("same"), "10.0.0.4").await;
    assert_eq!((s1, s2), (StatusCode::CREATED, StatusCode::CREATED));
    assert_eq!(a1["id"], a2["id"]);
    assert_eq!(a1["receipt"], a2["receipt"]);
    // Without a key, the same content and contact the same day is the same submission.
    let (_, b1) = f.submit(&offer("Poires"), None, "10.0.0.4").await;
    let (_, b2) = f.submit(&offer("Poires"), None, "10.0.0.4").await;
    assert_eq!(b1["id"], b2["id"]);
    // 5 an hour from one address (site.toml), retries included: the 6th is refused.
    let (s, _) = f.submit(&offer("Prunes"), None, "10.0.0.4").await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, answer) = f.submit(&offer("Cerises"), None, "10.0.0.4").await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        answer,
        json!({"error": "Trop d'envois depuis votre adresse : 5 par heure au plus. Réessayez dans une heure."})
    );
    let (s, _) = f.submit(&offer("Prunes"), None, "10.0.0.5").await;
    assert_eq!(s, StatusCode::CREATED, "another address is not limited");
}

#[tokio::test]
async fn moderators_need_a_valid_token_and_revocation_is_immediate() {
    let f = fixture();
    let token = f.moderator("alice").await;
    let queue = |auth: String| {
        request(
            "GET",
            "/moderation/submissions?status=pending",
            &[("authorization", &auth)],
            "",
        )
    };
    let (s, _, _) = f
        .send(queue(format!("Bearer {token}")), Client::default())
        .await;
    assert_eq!(s, StatusCode::OK);
    for wrong in ["".to_string(), "Bearer mod_faux".into(), token.clone()] {
        let (s, answer, _) = f.send(queue(wrong), Client::default()).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
        assert_eq!(
            answer,
            json!({"error": "Jeton de modération absent, inconnu ou révoqué."})
        );
    }
    let revoked = Moderators::new(f.store.clone()).revoke("alice", 1).await;
    assert!(revoked.unwrap());
    let (s, _, _) = f
        .send(queue(format!("Bearer {token}")), Client::default())
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_queue_is_oldest_first_and_decisions_are_conditional() {
    let f = fixture();
    let token = f.moderator("alice").await;
    let other = f.moderator("bob").await;
    let mut ids = Vec::new();
    for t in ["Pommes", "Poires", "Prunes"] {
        ids.push(
            f.submit(&offer(t), None, "10.0.0.6").await.1["id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let auth = format!("Bearer {token}");
    let (_, q, _) = f
        .send(
            request(
                "GET",
                "/moderation/submissions?limit=2",
                &[("authorization", &auth)],
                "",
            ),
            Client::default(),
        )
        .await;
    let titles: Vec<&str> = q["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Pommes", "Poires"]);
    assert_eq!(q["next"], json!(ids[1]));

    // Two moderators decide at once on version 1: one wins, the other gets 409.
    let (a, b) = tokio::join!(
        f.decide(&token, &ids[0], "approve", 1),
        f.decide(&other, &ids[0], "reject", 1)
    );
    let mut codes = [a.0, b.0];
    codes.sort();
    assert_eq!(codes, [StatusCode::OK, StatusCode::CONFLICT]);
    let (won, lost) = if a.0 == StatusCode::OK {
        (a, b)
    } else {
        (b, a)
    };
    let said = if won.1["submission"]["status"] == "approved" {
        "acceptée"
    } else {
        "refusée"
    };
    assert_eq!(
        lost.1,
        json!({"error": format!("conflit : la proposition est à la version 2 ({said}), la décision portait sur la version 1")})
    );
    assert_eq!(f.store.audit(&ids[0]).await.unwrap().len(), 1);
    // A decision on an outdated version loses too.
    let (s, _) = f.decide(&token, &ids[0], "approve", 1).await;
    assert_eq!(s, StatusCode::CONFLICT);
    // Refusing needs a note.
    let auth = format!("Bearer {token}");
    let body = json!({"action": "reject", "note": " ", "version": 1}).to_string();
    let path = format!("/moderation/submissions/{}/decision", ids[1]);
    let (s, answer, _) = f
        .send(
            request("POST", &path, &[("authorization", &auth)], body),
            Client::default(),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(
        answer,
        json!({"error": "Une note est nécessaire pour refuser ou demander des modifications : elle est montrée à l'association."})
    );
}

#[tokio::test]
async fn import_writes_each_approved_submission_once_without_personal_data() {
    let f = fixture();
    let token = f.moderator("alice").await;
    let id = f
        .submit(&offer("40 kg de pommes"), None, "10.0.0.7")
        .await
        .1["id"]
        .as_str()
        .unwrap()
        .to_string();
    f.decide(&token, &id, "approve", 1).await;
    let root = tempfile::tempdir().unwrap();
    let site = common::site(FORMS);
    let existing = [(Kind::Association, ["epicerie".to_string()].into())].into();
    let scratch = root.path().join(".portal/import");
    let target = portal_forms::import::Target {
        root: root.path(),
        site: &site,
        existing: &existing,
        today: jiff::civil::date(2026, 11, 23),
        scratch: &scratch,
    };
    let submissions = Submissions::new(f.store.clone());
    let done = portal_forms::import::import(&submissions, &target).await;
    assert!(
        done.failure.is_none() && done.set_aside.is_empty(),
        "{done:?}"
    );
    let done = done.written;
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].file, "content/ressources/40-kg-de-pommes.md");
    let text = std::fs::read_to_string(root.path().join(&done[0].file)).unwrap();
    assert!(text.starts_with("---\ntitle: 40 kg de pommes\n"), "{text}");
    assert!(!text.contains("contact@example.org"));
    let again = portal_forms::import::import(&submissions, &target).await;
    assert!(again.written.is_empty(), "never imported twice");
}
