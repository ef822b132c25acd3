//! The forms under load and under a crash, on the real `portal serve` and its embedded store:
//! every acknowledged submission is stored, exactly once, and survives `kill -9`.

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Instant;

use crate::support::Site;
use crate::support::burst::{load_site, until_killed};
use crate::support::server::{Server, send};

fn offer(title: &str) -> String {
    serde_json::json!({
        "type": "resource", "target": null,
        "fields": {"title": title, "association": "epicerie-du-port", "kind": "request",
                   "category": "equipment"},
        "body": "Pour la distribution du samedi.", "contact_email": "contact@example.org"
    })
    .to_string()
}

/// Posts one submission: its id and receipt when acknowledged (201).
fn submit(addr: &str, title: &str) -> std::io::Result<Option<(String, String)>> {
    let headers = [
        ("Content-Type", "application/json"),
        ("Idempotency-Key", title),
    ];
    let (status, body) = send(addr, "POST", "/api/submissions", &headers, &offer(title))?;
    if status != 201 {
        return Ok(None);
    }
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
    Ok(Some((
        answer["id"].as_str().unwrap().to_string(),
        answer["receipt"].as_str().unwrap().to_string(),
    )))
}

/// Every pending submission in the store, through the moderators' queue.
fn queue(addr: &str, token: &str) -> Vec<String> {
    let auth = format!("Bearer {token}");
    let mut ids = Vec::new();
    let mut after = String::new();
    loop {
        let path = format!("/api/moderation/submissions?status=pending&limit=200&after={after}");
        let (status, body) = send(addr, "GET", &path, &[("Authorization", &auth)], "").unwrap();
        assert_eq!(status, 200, "{body}");
        let page: serde_json::Value = serde_json::from_str(&body).unwrap();
        ids.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_str().unwrap().to_string()),
        );
        match page["next"].as_str() {
            Some(next) => after = next.to_string(),
            None => return ids,
        }
    }
}

fn moderator(site: &Site) -> String {
    let out = site.portal(&["moderators", "add", "charge"]);
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .find(|l| l.starts_with("mod_"))
        .unwrap()
        .to_string()
}

#[test]
fn two_thousand_submissions_from_twenty_clients_are_all_stored_once() {
    let site = load_site();
    let token = moderator(&site);
    let server = Server::start(&site);
    let acked = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let clients: Vec<_> = (0..20)
        .map(|c| {
            let (addr, acked) = (server.addr.clone(), acked.clone());
            thread::spawn(move || {
                for i in 0..100 {
                    let title = format!("Tables pliantes {c}-{i}");
                    if let Some((id, _)) = submit(&addr, &title).unwrap() {
                        acked.lock().unwrap().push(id);
                    }
                }
            })
        })
        .collect();
    clients.into_iter().for_each(|c| c.join().unwrap());
    let elapsed = started.elapsed();
    let mut acked = acked.lock().unwrap().clone();
    // A retry (same idempotency key) gets the first id back and stores nothing more.
    let (retried, _) = submit(&server.addr, "Tables pliantes 0-0")
        .unwrap()
        .unwrap();
    assert!(acked.contains(&retried));
    let mut stored = queue(&server.addr, &token);
    acked.sort();
    stored.sort();
    println!(
        "2000 submissions from 20 clients: {} acknowledged, {} stored, in {:.2} s ({:.0} per second)",
        acked.len(),
        stored.len(),
        elapsed.as_secs_f64(),
        acked.len() as f64 / elapsed.as_secs_f64()
    );
    assert_eq!(acked.len(), 2000);
    assert_eq!(
        stored, acked,
        "exactly the acknowledged submissions are stored"
    );
}

#[test]
fn every_acknowledged_submission_survives_kill_9() {
    let site = load_site();
    let mut server = Server::start(&site);
    let acked = until_killed(&mut server, 300, |addr, c, i| {
        submit(addr, &format!("Chaises {c}-{i}"))
    });

    let server = Server::start(&site);
    let lost: Vec<&String> = acked
        .iter()
        .filter(|(id, receipt)| {
            let path = format!("/api/submissions/{id}/status?receipt={receipt}");
            let (status, _) = send(
                &server.addr,
                "GET",
                &path,
                &[("Accept", "application/json")],
                "",
            )
            .unwrap();
            status != 200
        })
        .map(|(id, _)| id)
        .collect();
    println!(
        "kill -9 during a burst: {} acknowledged, {} lost",
        acked.len(),
        lost.len()
    );
    assert!(lost.is_empty(), "lost after kill -9: {lost:?}");
}
