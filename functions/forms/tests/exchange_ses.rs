//! The exchange on the production path: the DynamoDB store and Amazon SES, both moto's
//! (`tests/moto` starts it and names it in `AWS_ENDPOINT_URL_DYNAMODB` and
//! `AWS_ENDPOINT_URL_SESV2`; without it this test fails, never skips). A volunteer signs up
//! through the routes the Lambda function answers; the association's message is read back
//! from what moto's SES recorded (`/moto-api/data.json`).

use std::io::{Read, Write};
use std::sync::Arc;

use bytes::Bytes;
use http::{Request, StatusCode};
use portal_forms::api::{Api, Client, Group, Mail, SiteState};
use portal_forms::mail::Ses;
use portal_forms::rules::Publishers;
use portal_forms::state::{CallPlan, SlotPlan};
use portal_forms::store::{DynamoStore, Store};

mod common;

/// `GET path` on moto, the body.
fn moto_get(endpoint: &str, path: &str) -> String {
    let addr = endpoint.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response.split_once("\r\n\r\n").unwrap().1.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_up_on_dynamodb_is_told_through_ses() {
    let endpoint = std::env::var("AWS_ENDPOINT_URL_SESV2").unwrap_or_default();
    assert!(
        endpoint.starts_with("http://127.0.0.1:"),
        "AWS_ENDPOINT_URL_SESV2 ({endpoint:?}) must name moto: run `tests/moto cargo test -p portal-forms`"
    );
    let table = format!("exchange-ses-{}", std::process::id());
    let dynamo = DynamoStore::connect(table.clone()).await.unwrap();
    dynamo.create_table().await.unwrap();
    let store: Arc<dyn Store> = Arc::new(dynamo.clone());

    // The sender, verified in (moto's) SES as docs/deploy.md says.
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .http_client(portal_forms::store::dynamo::https_client())
        .load()
        .await;
    aws_sdk_sesv2::Client::new(&config)
        .create_email_identity()
        .email_identity("portail@portail.example.org")
        .send()
        .await
        .unwrap();

    let slot = "2030-03-02T09:00";
    let state = SiteState {
        site: common::site("min_fill_seconds = 0\n[mail]\nfrom = \"portail@portail.example.org\""),
        slugs: Default::default(),
        content_root: None,
        calls: [(
            "maraude".to_string(),
            CallPlan {
                title: "Maraude du samedi".into(),
                association: "veilleurs".into(),
                recurring: false,
                slots: vec![SlotPlan {
                    id: slot.into(),
                    label: "samedi 2 mars 2030, 09:00 – 12:00".into(),
                    capacity: 3,
                    ends: Some("2030-03-02".into()),
                }],
            },
        )]
        .into(),
        listings: Default::default(),
    };
    Publishers::new(store.clone())
        .set_address("veilleurs", "coordination@veilleurs.example")
        .await
        .unwrap();
    let mail = Mail {
        mailer: Arc::new(Ses::from_env(state.site.mail.sender(&state.site)).await),
        origin: "https://portail.example.org".into(),
    };
    let api = Api::new(store.clone(), state, Group::Exchange).with_mail(mail);
    let body = serde_json::json!({
        "first_name": "Lou", "email": "lou.ses@benevoles.example", "slots": [slot], "consent": true,
    });
    let req = Request::builder()
        .method("POST")
        .uri("/api/calls/maraude/signups")
        .header("content-type", "application/json")
        .body(Bytes::from(body.to_string()))
        .unwrap();
    let res = api.receive(req, Client::default(), None).await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let data: serde_json::Value =
        serde_json::from_str(&moto_get(&endpoint, "/moto-api/data.json")).unwrap();
    let sent: Vec<&serde_json::Value> = data["ses"]["Message"]
        .as_array()
        .expect("moto's SES messages")
        .iter()
        .collect();
    let to_association = sent
        .iter()
        .find(|m| m.to_string().contains("coordination@veilleurs.example"))
        .expect("the association's message");
    println!("message recorded by moto's SES: {to_association}");
    assert!(
        to_association["subject"]
            .as_str()
            .unwrap()
            .contains("Nouvelle inscription : Lou")
    );
    assert!(
        to_association["body"]
            .as_str()
            .unwrap()
            .contains("/api/publisher/calls/maraude?exp=")
    );
    assert!(
        sent.iter()
            .any(|m| m.to_string().contains("lou.ses@benevoles.example"))
    );
    dynamo.delete_table().await.unwrap();
}
