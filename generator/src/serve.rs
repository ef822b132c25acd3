//! `portal serve`: build in memory, serve on 127.0.0.1, rebuild on every change and reload
//! the open pages. A broken edit is shown in the terminal and in the browser while the last
//! good site keeps being served.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use notify::{RecursiveMode, Watcher};
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::build::{BuildOptions, build_into};
use crate::render::urls::Urls;
use crate::write::Memory;

/// The site being served: the last good build, and the error of the last build if it failed.
#[derive(Default)]
struct Served {
    files: BTreeMap<String, Arc<Vec<u8>>>,
    base_path: String,
    error: Option<String>,
}

#[derive(Clone)]
struct AppState {
    served: Arc<RwLock<Served>>,
    events: broadcast::Sender<String>,
}

/// Options of `portal serve`.
pub struct ServeOptions {
    pub root: PathBuf,
    pub port: u16,
    /// A fixed build date (tests); today in the site's time zone otherwise.
    pub today: Option<jiff::civil::Date>,
}

/// Runs the server until Ctrl-C.
pub async fn serve(options: ServeOptions) -> anyhow::Result<()> {
    let (events, _) = broadcast::channel(16);
    let state = AppState {
        served: Arc::new(RwLock::new(Served::default())),
        events,
    };
    rebuild(&options, &state);

    let addr = SocketAddr::from(([127, 0, 0, 1], options.port));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let base = state
        .served
        .read()
        .map(|s| s.base_path.clone())
        .unwrap_or_default();
    println!(
        "Portail servi sur http://{}{base} (Ctrl-C pour arrêter)",
        listener.local_addr()?
    );

    let _watcher = watch(options, state.clone())?;
    let app = Router::new()
        .route("/__portal/events", get(events_stream))
        .fallback(get(file))
        .with_state(state);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// Builds into memory; on success the new site replaces the old, on failure the old stays.
fn rebuild(options: &ServeOptions, state: &AppState) {
    let build = BuildOptions {
        root: options.root.clone(),
        output: PathBuf::new(),
        today: options
            .today
            .unwrap_or_else(|| crate::dates::today(&options.root)),
    };
    let memory = Memory::default();
    let started = std::time::Instant::now();
    let result = build_into(&build, &memory);
    let mut served = state.served.write().unwrap_or_else(|e| e.into_inner());
    match result {
        Ok(report) => {
            served.files = memory.into_files();
            served.error = None;
            if let Ok(config) = crate::load::load_config(&options.root) {
                served.base_path = Urls::new(&config.base_url).base_path;
            }
            println!(
                "Site construit : {} pages en {} ms",
                report.pages,
                started.elapsed().as_millis()
            );
            let _ = state.events.send("reload".into());
        }
        Err(e) => {
            let message = e.to_string();
            eprintln!("Échec de la construction (le dernier site valide reste servi) :\n{message}");
            served.error = Some(message.clone());
            let _ = state.events.send(format!("error:{message}"));
        }
    }
}

/// Watches the sources and rebuilds, once per burst of changes.
fn watch(options: ServeOptions, state: AppState) -> anyhow::Result<notify::RecommendedWatcher> {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event
            && !matches!(e.kind, notify::EventKind::Access(_))
        {
            let _ = tx.send(());
        }
    })?;
    for dir in ["content", "themes"] {
        let path = options.root.join(dir);
        if path.exists() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    watcher.watch(&options.root.join("site.toml"), RecursiveMode::NonRecursive)?;
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // Editors save in several steps: wait for the burst to end.
            while rx.recv_timeout(Duration::from_millis(60)).is_ok() {}
            rebuild(&options, &state);
        }
    });
    Ok(watcher)
}

async fn events_stream(
    State(state): State<AppState>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(state.events.subscribe()).filter_map(|msg| {
        let msg = msg.ok()?;
        Some(Ok(match msg.strip_prefix("error:") {
            Some(error) => Event::default().event("error").data(error),
            None => Event::default().event("reload").data("reload"),
        }))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Reloads on a successful rebuild; shows the build error over the page otherwise.
const LIVE_RELOAD: &str = r#"<script>(()=>{const s=new EventSource("/__portal/events");s.addEventListener("reload",()=>location.reload());s.addEventListener("error",e=>{if(!e.data)return;let d=document.getElementById("portal-build-error");if(!d){d=document.createElement("pre");d.id="portal-build-error";d.setAttribute("role","alert");d.style.cssText="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#fff0f0;color:#5c0000;border-top:4px solid #b00020;white-space:pre-wrap;z-index:99";document.body.append(d)}d.textContent="La construction a échoué (dernier site valide affiché) :\n\n"+e.data})})()</script>"#;

async fn file(State(state): State<AppState>, uri: Uri) -> Response {
    let served = state.served.read().unwrap_or_else(|e| e.into_inner());
    let path = uri.path();
    let rel = path
        .strip_prefix(served.base_path.as_str())
        .unwrap_or(path.trim_start_matches('/'));
    let rel = percent_decode(rel);
    let lookup = |key: &str| served.files.get(key).cloned();
    let (status, key, bytes) = if rel.is_empty() || rel.ends_with('/') {
        let key = format!("{rel}index.html");
        match lookup(&key) {
            Some(b) => (StatusCode::OK, key, b),
            None => not_found(&served),
        }
    } else if let Some(b) = lookup(&rel) {
        (StatusCode::OK, rel.clone(), b)
    } else if served.files.contains_key(&format!("{rel}/index.html")) {
        return Response::builder()
            .status(StatusCode::MOVED_PERMANENTLY)
            .header(header::LOCATION, format!("{path}/"))
            .body(Body::empty())
            .expect("a redirect response");
    } else {
        not_found(&served)
    };
    let content_type = content_type(&key);
    let body = if content_type.starts_with("text/html") {
        let mut html = String::from_utf8_lossy(&bytes).into_owned();
        let mut extra = LIVE_RELOAD.to_string();
        if let Some(error) = &served.error {
            extra.push_str(&format!(
                r#"<pre id="portal-build-error" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#fff0f0;color:#5c0000;border-top:4px solid #b00020;white-space:pre-wrap">La construction a échoué (dernier site valide affiché) :

{}</pre>"#,
                escape(error)
            ));
        }
        match html.rfind("</body>") {
            Some(i) => html.insert_str(i, &extra),
            None => html.push_str(&extra),
        }
        Body::from(html)
    } else {
        Body::from(bytes.as_ref().clone())
    };
    let mut response = (status, body).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn not_found(served: &Served) -> (StatusCode, String, Arc<Vec<u8>>) {
    let page = served.files.get("404.html").cloned().unwrap_or_else(|| {
        Arc::new(b"<!doctype html><title>404</title><h1>Page introuvable</h1>".to_vec())
    });
    (StatusCode::NOT_FOUND, "404.html".into(), page)
}

/// The media type of a file, from its extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, e)| e) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("geojson") => "application/geo+json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        Some("ics") => "text/calendar; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Decodes `%xx` in a request path (URLs of the site are ASCII, but a browser may encode).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        if bytes[i] == b'%'
            && let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
