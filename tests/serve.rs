//! `portal serve`: the real binary on a free port, edited while it runs.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{NOW, Site};

/// The error shown over a page when the last build failed.
const OVERLAY: &str = "<pre id=\"portal-build-error\"";

/// A running `portal serve`, killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(site: &Site) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_portal"))
            .arg("--root")
            .arg(site.root())
            .args(["serve", "--port", "0", "--now", NOW])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let addr = loop {
            let line = lines.next().expect("serve prints its address").unwrap();
            if let Some(rest) = line.strip_prefix("Portail servi sur http://") {
                break rest.split([' ', '/']).next().unwrap().to_string();
            }
        };
        // Keep draining stdout so that the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, addr }
    }

    /// `GET path`: the status code and the body.
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {}\r\n\r\n", self.addr).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response[9..12].parse().unwrap();
        let body = response.split_once("\r\n\r\n").unwrap().1.to_string();
        (status, body)
    }

    /// Waits until `GET path` satisfies `ok`, for at most ten seconds.
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (_, body) = self.get(path);
            if ok(&body) {
                return body;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never saw {what}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_rebuilds_on_change_and_keeps_the_last_good_site_on_error() {
    let site = Site::copy("basic");
    let server = Server::start(&site);
    let (status, home) = server.get("/");
    assert_eq!(status, 200);
    assert!(
        home.contains("/__portal/events"),
        "pages get the live-reload script"
    );
    assert_eq!(server.get("/associations/epicerie-du-port/").0, 200);
    assert_eq!(server.get("/nulle-part/").0, 404);

    // Listen for the reload event before editing.
    let mut events = TcpStream::connect(&server.addr).unwrap();
    write!(events, "GET /__portal/events HTTP/1.0\r\nHost: x\r\n\r\n").unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();

    let file = "content/associations/epicerie-du-port.md";
    let good = std::fs::read_to_string(site.path(file)).unwrap();
    site.write(
        file,
        &good.replace("name: Épicerie du Port", "name: Épicerie du Grand Port"),
    );
    let page = server.wait_for("/associations/epicerie-du-port/", "the new name", |b| {
        b.contains("Épicerie du Grand Port")
    });
    assert!(!page.contains(OVERLAY));
    let mut seen = Vec::new();
    let mut buf = [0u8; 512];
    while !String::from_utf8_lossy(&seen).contains("event: reload") {
        let n = events.read(&mut buf).expect("a reload event within 10 s");
        assert!(n > 0, "the event stream closed");
        seen.extend_from_slice(&buf[..n]);
    }

    // A broken edit: the error is shown over the last good page, which is still served.
    site.write(
        file,
        &good.replace("name: Épicerie du Port", "nme: Épicerie"),
    );
    let broken = server.wait_for("/", "the error overlay", |b| b.contains(OVERLAY));
    assert!(broken.contains("vouliez-vous dire « name » ?"), "{broken}");
    let (status, page) = server.get("/associations/epicerie-du-port/");
    assert_eq!(status, 200);
    assert!(
        page.contains("Épicerie du Grand Port"),
        "the last good site is served"
    );

    // Fixed again: the overlay goes.
    site.write(file, &good);
    server.wait_for("/", "the overlay to go", |b| !b.contains(OVERLAY));
}
