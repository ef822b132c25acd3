//! Volunteers' sign-ups under load and under a crash, on the real `portal serve` and its
//! embedded store: 200 people at once for one slot of 10 places, and every acknowledged
//! sign-up still there, as acknowledged, after `kill -9`.

use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Instant;

use crate::support::Site;
use crate::support::burst::{load_site, until_killed};
use crate::support::server::{Server, send};

const CALL: &str = "renfort-inventaire";
const SLOT: &str = "2026-12-12T09:00";

/// The basic site, with a call of one slot of 10 places, and limits that let one address
/// sign up hundreds of people.
fn site() -> Site {
    let site = load_site();
    site.write(
        &format!("content/benevolat/{CALL}.md"),
        "---\ntitle: Renfort pour l'inventaire\nassociation: epicerie-du-port\nslots:\n  - {date: 2026-12-12, start: \"09:00\", end: \"12:00\", volunteers: 10}\n---\nCompter les conserves.\n",
    );
    site
}

/// Signs up person `n`: the registration's id, link key and status when acknowledged.
fn sign_up(addr: &str, n: usize) -> std::io::Result<Option<(String, String, String)>> {
    let body = serde_json::json!({
        "first_name": format!("Personne {n}"),
        "email": format!("personne{n}@benevoles.example"),
        "slots": [SLOT],
        "consent": true,
    })
    .to_string();
    let headers = [("Content-Type", "application/json")];
    let path = format!("/api/calls/{CALL}/signups");
    let (status, body) = send(addr, "POST", &path, &headers, &body)?;
    if status != 201 {
        return Ok(None);
    }
    let a: serde_json::Value = serde_json::from_str(&body).unwrap();
    Ok(Some((
        a["id"].as_str().unwrap().to_string(),
        a["key"].as_str().unwrap().to_string(),
        a["places"][0]["status"].as_str().unwrap().to_string(),
    )))
}

/// Where a sign-up stands now, through the volunteer's own link.
fn status(addr: &str, id: &str, key: &str) -> Option<String> {
    let path = format!("/api/signups/{id}?key={key}");
    let accept = [("Accept", "application/json")];
    let (code, body) = send(addr, "GET", &path, &accept, "").unwrap();
    if code != 200 {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    Some(v["places"][0]["status"].as_str().unwrap().to_string())
}

#[test]
fn two_hundred_people_at_once_for_ten_places() {
    let site = site();
    let server = Server::start(&site);
    let barrier = Arc::new(Barrier::new(200));
    let started = Instant::now();
    let people: Vec<_> = (0..200)
        .map(|n| {
            let (addr, barrier) = (server.addr.clone(), barrier.clone());
            thread::spawn(move || {
                barrier.wait();
                sign_up(&addr, n).unwrap().expect("acknowledged")
            })
        })
        .collect();
    let answers: Vec<_> = people.into_iter().map(|p| p.join().unwrap()).collect();
    let elapsed = started.elapsed();
    let told = |s: &str| answers.iter().filter(|a| a.2 == s).count();
    let (_, places) = server.get(&format!("/api/calls/{CALL}/places"));
    let places: serde_json::Value = serde_json::from_str(&places).unwrap();
    println!(
        "portal serve, 200 inscriptions simultanées pour 10 places : {} confirmées, {} en attente en {:.2} s ; places : {}",
        told("confirmed"),
        told("waiting"),
        elapsed.as_secs_f64(),
        places["slots"][0]
    );
    assert_eq!((told("confirmed"), told("waiting")), (10, 190));
    assert_eq!(places["slots"][0]["confirmed"], 10);
    assert_eq!(places["slots"][0]["waiting"], 190);
    assert_eq!(places["slots"][0]["left"], 0);
    for (id, key, said) in &answers {
        assert_eq!(
            status(&server.addr, id, key).as_deref(),
            Some(said.as_str())
        );
    }
}

#[test]
fn every_acknowledged_sign_up_survives_kill_9() {
    let site = site();
    let mut server = Server::start(&site);
    let acked = until_killed(&mut server, 150, |addr, c, i| {
        sign_up(addr, c * 100_000 + i)
    });

    let server = Server::start(&site);
    let lost: Vec<_> = acked
        .iter()
        .filter(|(id, key, said)| status(&server.addr, id, key).as_deref() != Some(said.as_str()))
        .collect();
    let confirmed = acked.iter().filter(|a| a.2 == "confirmed").count();
    println!(
        "kill -9 pendant une rafale d'inscriptions : {} acquittées ({confirmed} confirmées), {} perdues ou changées",
        acked.len(),
        lost.len()
    );
    assert_eq!(confirmed, 10);
    assert!(lost.is_empty(), "lost after kill -9: {lost:?}");
}
