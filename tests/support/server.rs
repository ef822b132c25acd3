//! A running `portal serve` for the tests, and a minimal HTTP/1.0 client: the tests talk to
//! the real server over TCP, as a browser or a script would.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{NOW, Site};

/// A running `portal serve`, killed when dropped.
pub(crate) struct Server {
    pub child: Child,
    pub addr: String,
}

impl Server {
    pub(crate) fn start(site: &Site) -> Server {
        Server::spawn(site, None)
    }

    /// The same, its whole output (stdout and stderr, with `RUST_LOG=debug`) kept in `log`.
    pub(crate) fn start_logged(site: &Site, log: &std::path::Path) -> Server {
        Server::spawn(site, Some(log))
    }

    fn spawn(site: &Site, log: Option<&std::path::Path>) -> Server {
        let stderr = match log {
            Some(path) => {
                Stdio::from(std::fs::File::create(path.with_extension("stderr")).unwrap())
            }
            None => Stdio::null(),
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_portal"))
            .arg("--root")
            .arg(site.root())
            .args(["serve", "--port", "0", "--now", NOW])
            .env("RUST_LOG", "debug")
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut kept = log.map(|p| std::fs::File::create(p).unwrap());
        let addr = loop {
            let line = lines.next().expect("serve prints its address").unwrap();
            if let Some(f) = kept.as_mut() {
                writeln!(f, "{line}").unwrap();
            }
            if let Some(rest) = line.strip_prefix("Portail servi sur http://") {
                break rest.split([' ', '/']).next().unwrap().to_string();
            }
        };
        // Keep draining stdout so that the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if let Some(f) = kept.as_mut() {
                    let _ = writeln!(f, "{line}");
                }
            }
        });
        Server { child, addr }
    }

    /// `GET path`: the status code and the body.
    pub(crate) fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {}\r\n\r\n", self.addr).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response[9..12].parse().unwrap();
        let body = response.split_once("\r\n\r\n").unwrap().1.to_string();
        (status, body)
    }

    /// Waits until `GET path` satisfies `ok`, for at most ten seconds.
    pub(crate) fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
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

/// Sends one request and reads the whole answer: the status code and the body.
pub(crate) fn send(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut request = format!(
        "{method} {path} HTTP/1.0\r\nHost: {addr}\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes())?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("no status in {response:?}"),
            )
        })?;
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    Ok((status, body))
}
