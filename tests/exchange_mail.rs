//! The exchange's e-mails, as a real SMTP server receives them (aiosmtpd, started by
//! `tests/smtp`, named in `PORTAL_TEST_SMTP`; without it these tests fail, never skip): the
//! association told of a sign-up with a signed link that opens its page, a cancellation
//! that promotes the first waiting person who is told, and a revoked link that no longer
//! opens.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::support::Site;
use crate::support::server::{Server, send};

const CALL: &str = "tri-du-samedi";
const SLOT: &str = "2026-12-12T09:00";

fn smtp() -> (String, PathBuf) {
    let url = std::env::var("PORTAL_TEST_SMTP").unwrap_or_default();
    assert!(
        url.starts_with("smtp://127.0.0.1:"),
        "PORTAL_TEST_SMTP ({url:?}) must name the tests' SMTP server: run `tests/run`, or \
         `tests/smtp cargo test -p portal --test sites exchange_mail`"
    );
    let dir = std::env::var("PORTAL_TEST_MAILDIR").expect("PORTAL_TEST_MAILDIR");
    (url, PathBuf::from(dir))
}

/// The message sent to `to` whose subject or quoted-printable text holds `subject`, as
/// received; waits 10 s at most.
fn received(dir: &PathBuf, to: &str, subject: &str) -> String {
    let start = Instant::now();
    loop {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        names.sort();
        for path in names {
            let text = std::fs::read_to_string(&path).unwrap();
            let headers = text.split("\r\n\r\n").next().unwrap_or("");
            if headers.contains(&format!("To: {to}"))
                && (unfold(headers).contains(subject) || plain(&text).contains(subject))
            {
                return text;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no message to {to} about {subject:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Headers unfolded and RFC 2047 words left as they are: enough to find an ASCII subject.
fn unfold(headers: &str) -> String {
    headers.replace("\r\n ", " ")
}

/// The quoted-printable text of a message, decoded enough to read its links.
fn plain(message: &str) -> String {
    message.replace("=\r\n", "").replace("=3D", "=")
}

/// The first link in `message` to `path` (under the endpoint), without its origin.
fn link(message: &str, path: &str) -> String {
    let text = plain(message);
    let at = text
        .find(path)
        .unwrap_or_else(|| panic!("no {path} link in:\n{text}"));
    let end = text[at..]
        .find(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .unwrap();
    text[at..at + end].replace("&amp;", "&")
}

fn site(smtp: &str) -> Site {
    let site = Site::copy("basic");
    let toml = std::fs::read_to_string(site.path("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!(
            "{toml}\n[forms]\nmin_fill_seconds = 0\n[mail]\nfrom = \"Portail des tests <portail@tests.example>\"\nsmtp = \"{smtp}\"\n"
        ),
    );
    site.write(
        &format!("content/benevolat/{CALL}.md"),
        "---\ntitle: Tri des dons du samedi\nassociation: epicerie-du-port\nslots:\n  - {date: 2026-12-12, start: \"09:00\", end: \"12:00\", volunteers: 1}\n---\nTrier les dons.\n",
    );
    site
}

fn sign_up(addr: &str, name: &str, email: &str) -> String {
    let body = format!(
        "first_name={name}&email={}&phone=06+11+22+33+44&slot={}&message=Je+viens+avec+plaisir&consent=1&website=",
        email.replace('@', "%40"),
        SLOT.replace(':', "%3A")
    );
    let headers = [
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("Accept", "text/html"),
    ];
    let path = format!("/api/calls/{CALL}/signups");
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    use std::io::{Read, Write};
    let mut request = format!(
        "POST {path} HTTP/1.0\r\nHost: {addr}\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.0 303") || response.starts_with("HTTP/1.1 303"),
        "{response}"
    );
    let location = response
        .lines()
        .find_map(|l| l.strip_prefix("location: "))
        .expect("a redirection to the volunteer's page");
    location.trim().to_string()
}

#[test]
fn the_association_is_told_and_its_link_opens_its_page() {
    let (smtp, maildir) = smtp();
    let site = site(&smtp);
    let asso = "benevolat@epicerie-du-port.example";
    let out = site.portal(&["associations", "notify", "epicerie-du-port", asso]);
    assert!(out.status.success(), "{out:?}");
    let log = site.path("serve.log");
    let server = Server::start_logged(&site, &log);

    let first = sign_up(&server.addr, "Camille", "camille.test@benevoles.example");
    let news = received(&maildir, asso, "Nouvelle inscription");
    println!("=== L'e-mail reçu par le serveur SMTP (aiosmtpd) ===\n{news}\n=== fin ===");
    assert!(
        news.contains("Content-Type: multipart/alternative"),
        "{news}"
    );
    assert!(
        news.contains("Content-Type: text/plain; charset=utf-8"),
        "{news}"
    );
    assert!(
        news.contains("Content-Type: text/html; charset=utf-8"),
        "{news}"
    );
    assert!(
        news.contains("From: \"Portail des tests\" <portail@tests.example>")
            || news.contains("From: Portail des tests <portail@tests.example>"),
        "{news}"
    );

    // The link opens the association's page, with the volunteer's contact.
    let page = link(&news, "/api/publisher/calls/");
    let (status, body) = server.get(&page);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Camille") && body.contains("camille.test@benevoles.example"));
    assert!(body.contains("1 confirmé·es sur 1 place"), "{body}");
    // A link altered, or expired, does not open it.
    let (status, _) = server.get(&page.replace("key=", "key=0"));
    assert_eq!(status, 403);

    // The volunteer got the link to their own page.
    let own = received(
        &maildir,
        "camille.test@benevoles.example",
        "Votre inscription",
    );
    assert_eq!(link(&own, "/api/signups/"), first.replace("&merci=1", ""));

    // A second person waits; the first cancels; the second is told the place is theirs.
    let second = sign_up(
        &server.addr,
        "Dominique",
        "dominique.test@benevoles.example",
    );
    let (_, waiting) = server.get(&second);
    assert!(waiting.contains(r#""status":"waiting""#), "{waiting}");
    let key = first
        .split("key=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let id = first
        .split("/signups/")
        .nth(1)
        .unwrap()
        .split('?')
        .next()
        .unwrap();
    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    let cancel = format!("key={key}&slot={}", SLOT.replace(':', "%3A"));
    let (status, _) = send(
        &server.addr,
        "POST",
        &format!("/api/signups/{id}/cancel"),
        &form,
        &cancel,
    )
    .unwrap();
    assert_eq!(status, 200);
    let promoted = received(&maildir, "dominique.test@benevoles.example", "Une place");
    assert!(
        plain(&promoted).contains("elle est =C3=A0 vous"),
        "{promoted}"
    );
    let (_, now_confirmed) = server.get(&second);
    assert!(
        now_confirmed.contains(r#""status":"confirmed""#),
        "{now_confirmed}"
    );

    // The only place is taken: portal import marks the call filled.
    let out = site.portal(&["import", "--now", crate::support::NOW]);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        said.contains(&format!("content/benevolat/{CALL}.md passe à « filled »")),
        "{said}"
    );
    let file = std::fs::read_to_string(site.path(&format!("content/benevolat/{CALL}.md"))).unwrap();
    assert!(file.contains("status: filled"), "{file}");

    // A moderator revokes the association's links: the page no longer opens.
    let out = site.portal(&["associations", "revoke", "epicerie-du-port"]);
    assert!(out.status.success(), "{out:?}");
    let (status, _) = server.get(&page);
    assert_eq!(status, 403);

    // The volunteers' e-mails and phones are nowhere public: not in content/, not in the
    // built site (pages, open data, feeds), not in the server's log.
    drop(server);
    let built = site.build("public");
    let personal = [
        "camille.test@benevoles.example",
        "dominique.test@benevoles.example",
        "06 11 22 33 44",
        "0611223344",
        "benevolat@epicerie-du-port.example",
    ];
    let mut searched = 0;
    let mut hits = Vec::new();
    for dir in [site.path("content"), built.clone()] {
        for (rel, bytes) in crate::support::files(&dir) {
            searched += 1;
            let text = String::from_utf8_lossy(&bytes);
            hits.extend(
                personal
                    .iter()
                    .filter(|p| text.contains(*p))
                    .map(|p| format!("{rel}: {p}")),
            );
        }
    }
    for path in [log.clone(), log.with_extension("stderr")] {
        searched += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        hits.extend(
            personal
                .iter()
                .filter(|p| text.contains(*p))
                .map(|p| format!("{}: {p}", path.display())),
        );
    }
    println!(
        "données personnelles : {} fichiers cherchés (content/, site construit, journal du serveur), {} occurrences",
        searched,
        hits.len()
    );
    assert!(hits.is_empty(), "{hits:?}");
}

fn reserve(addr: &str, n: u32) -> (u16, String) {
    let body = format!(
        "association=Association+{n}&name=Contact+{n}&email=reserve{n}%40associations.example&quantity=20+kg&when=mardi&website="
    );
    let headers = [("Content-Type", "application/x-www-form-urlencoded")];
    send(
        addr,
        "POST",
        "/api/listings/pommes/answers",
        &headers,
        &body,
    )
    .unwrap()
}

#[test]
fn an_offer_is_reserved_by_the_first_answer_accepted() {
    let (smtp, maildir) = smtp();
    let site = site(&smtp);
    let publisher = "dons@epicerie-du-port.example";
    let out = site.portal(&["associations", "notify", "epicerie-du-port", publisher]);
    assert!(out.status.success(), "{out:?}");
    let server = Server::start(&site);
    let (status, first) = reserve(&server.addr, 1);
    assert_eq!(status, 201, "{first}");
    let (status, second) = reserve(&server.addr, 2);
    assert_eq!(status, 201);
    let second: serde_json::Value = serde_json::from_str(&second).unwrap();
    let first: serde_json::Value = serde_json::from_str(&first).unwrap();
    let news = received(&maildir, publisher, "Association 1 souhaite");
    let page = link(&news, "/api/publisher/listings/pommes");
    let (status, body) = server.get(&page);
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("reserve1@associations.example")
            && body.contains("reserve2@associations.example")
    );
    assert_eq!(
        server.get("/api/listings/pommes/state").1,
        r#"{"done":false,"listing":"pommes","reserved":false}"#
    );

    // The publisher accepts the first; accepting the second is refused with 409.
    let (exp, key) = {
        let q = page.split_once('?').unwrap().1;
        let get = |k: &str| {
            q.split('&')
                .find_map(|p| p.strip_prefix(&format!("{k}=")))
                .unwrap()
                .to_string()
        };
        (get("exp"), get("key"))
    };
    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    let accept = |id: &str| {
        send(
            &server.addr,
            "POST",
            "/api/publisher/listings/pommes/accept",
            &form,
            &format!("exp={exp}&key={key}&answer={id}"),
        )
        .unwrap()
    };
    let (status, body) = accept(first["id"].as_str().unwrap());
    assert_eq!(status, 200, "{body}");
    let (_, body) = server.get(&page);
    assert!(body.contains("Offre réservée"), "{body}");
    assert_eq!(
        server.get("/api/listings/pommes/state").1,
        r#"{"done":false,"listing":"pommes","reserved":true}"#
    );
    let (status, body) = accept(second["id"].as_str().unwrap());
    assert_eq!(status, 409, "{body}");
    // The one not retained is told.
    let told = received(&maildir, "reserve2@associations.example", "non retenue");
    assert!(plain(&told).contains("n'a pas retenu"), "{told}");
    let ok = received(
        &maildir,
        "reserve1@associations.example",
        "l'association a accept",
    );
    assert!(!ok.is_empty());
    // A new answer on a reserved offer is refused.
    assert_eq!(reserve(&server.addr, 3).0, 409);

    // portal import writes « reserved » into content/, and the next build shows it
    // without JavaScript.
    let out = site.portal(&["import", "--now", crate::support::NOW]);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success(), "{out:?}");
    assert!(
        said.contains("content/ressources/pommes.md passe à « reserved »"),
        "{said}"
    );
    let file = std::fs::read_to_string(site.path("content/ressources/pommes.md")).unwrap();
    assert!(file.contains("status: reserved"), "{file}");
    let again = site.portal(&["import", "--now", crate::support::NOW]);
    assert!(
        !String::from_utf8_lossy(&again.stdout).contains("passe à"),
        "recorded once"
    );
    let built = site.build("public");
    let page = std::fs::read_to_string(built.join("ressources/pommes/index.html")).unwrap();
    assert!(page.contains("Réservé"), "the static page says it");
    assert!(!page.contains("data-answer"), "and no longer takes answers");
}
