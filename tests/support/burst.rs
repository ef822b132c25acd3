//! Bursts of posts on the real `portal serve`, for the load and crash tests of the forms and
//! of the exchange.

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::Site;
use super::server::Server;

/// The basic site, with limits that let one address send thousands of posts.
pub(crate) fn load_site() -> Site {
    let site = Site::copy("basic");
    let toml = std::fs::read_to_string(site.path("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{toml}\n[forms]\nrate_limit_per_hour = 1000000\nmin_fill_seconds = 0\n"),
    );
    site
}

/// Ten clients post at once, each `post(addr, client, i)` for i = 0, 1, …, until the server
/// dies (a client stops at its first failure); once `wanted` are acknowledged the server is
/// killed with SIGKILL: no shutdown, no flush. Every acknowledgement, as it came.
pub(crate) fn until_killed<A: Clone + Send + 'static>(
    server: &mut Server,
    wanted: usize,
    post: fn(&str, usize, usize) -> std::io::Result<Option<A>>,
) -> Vec<A> {
    let acked = Arc::new(Mutex::new(Vec::new()));
    let clients: Vec<_> = (0..10)
        .map(|c| {
            let (addr, acked) = (server.addr.clone(), acked.clone());
            thread::spawn(move || {
                for i in 0.. {
                    match post(&addr, c, i) {
                        Ok(Some(ack)) => acked.lock().unwrap().push(ack),
                        Ok(None) => {}
                        Err(_) => return,
                    }
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    while acked.lock().unwrap().len() < wanted {
        assert!(Instant::now() < deadline, "the burst is too slow");
        thread::sleep(Duration::from_millis(5));
    }
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    clients.into_iter().for_each(|c| c.join().unwrap());
    acked.lock().unwrap().clone()
}
