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
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use notify::{RecursiveMode, Watcher};
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use portal_forms::api::{Api, Client, Group, MAX_BODY};
use portal_forms::store::Store;

use crate::build::BuildOptions;
use crate::incremental::{Files, Incremental, Progress};

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
    /// The form functions, once a build has told them what the site holds.
    api: Arc<RwLock<Option<Arc<Api>>>>,
    store: Arc<dyn Store>,
    mail: Option<portal_forms::api::Mail>,
    /// What each rebuild knows of the site, for the task that sends the entries' files to
    /// the store (the moderators' diffs).
    sources: tokio::sync::watch::Sender<Option<portal_forms::api::SiteState>>,
}

/// Options of `portal serve`.
pub struct ServeOptions {
    /// The site's folder.
    pub root: PathBuf,
    /// The port on 127.0.0.1.
    pub port: u16,
    /// A fixed build date (tests); today in the site's time zone otherwise.
    pub today: Option<jiff::civil::Date>,
    /// The store of the forms (the embedded one by default).
    pub store: Arc<dyn Store>,
    /// Where messages go when `site.toml` names no SMTP server.
    pub outbox: PathBuf,
}

/// How `portal serve` sends the exchange's e-mails: by SMTP to the server `[mail] smtp`
/// names, else into the outbox folder.
fn mail(options: &ServeOptions, origin: &str) -> anyhow::Result<portal_forms::api::Mail> {
    use portal_forms::mail::{Mailer, Outbox, Smtp};
    let site = crate::load::load_config(&options.root).ok();
    let settings = site
        .as_ref()
        .map(|s| (s.mail.sender(s), s.mail.smtp.clone()));
    let (from, smtp) =
        settings.unwrap_or_else(|| ("Portail <ne-pas-repondre@localhost>".into(), String::new()));
    let mailer: Arc<dyn Mailer> = if smtp.trim().is_empty() {
        println!(
            "E-mails : aucun serveur SMTP dans site.toml ([mail] smtp), messages gardés dans {}",
            options.outbox.display()
        );
        Arc::new(Outbox::new(options.outbox.clone(), from))
    } else {
        Arc::new(Smtp::new(smtp.trim(), from)?)
    };
    Ok(portal_forms::api::Mail {
        mailer,
        origin: origin.to_string(),
    })
}

/// Runs the server until Ctrl-C.
pub async fn serve(options: ServeOptions) -> anyhow::Result<()> {
    let (events, _) = broadcast::channel(16);
    let (sources, built) = tokio::sync::watch::channel(None);
    // Bound before the first build: the e-mails' links name the address it listens on.
    let addr = SocketAddr::from(([127, 0, 0, 1], options.port));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let origin = format!("http://{}", listener.local_addr()?);
    let state = AppState {
        served: Arc::new(RwLock::new(Served::default())),
        events,
        api: Arc::new(RwLock::new(None)),
        store: options.store.clone(),
        mail: Some(mail(&options, &origin)?),
        sources,
    };
    tokio::spawn(send_sources(state.store.clone(), built));
    let mut site = Incremental::new(BuildOptions {
        root: options.root.clone(),
        output: PathBuf::new(),
        today: options.today,
    });
    rebuild(&options, &state, &mut site, &[]);
    tokio::spawn(purge_every_hour(state.store.clone()));

    let base = state
        .served
        .read()
        .map(|s| s.base_path.clone())
        .unwrap_or_default();
    println!(
        "Portail servi sur http://{}{base} (Ctrl-C pour arrêter)",
        listener.local_addr()?
    );

    let _watcher = watch(options, state.clone(), site)?;
    let app = Router::new()
        .route("/__portal/events", get(events_stream))
        .fallback(dispatch)
        .with_state(state);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}

/// The forms' functions over the server's store, with the preview of proposed pages,
/// telling by e-mail.
fn new_api(options: &ServeOptions, state: &AppState, forms: portal_forms::api::SiteState) -> Api {
    let api = Api::new(state.store.clone(), forms, Group::All).with_preview(Arc::new(
        crate::preview::Previewer::new(options.root.clone(), options.today),
    ));
    match &state.mail {
        Some(mail) => api.with_mail(mail.clone()),
        None => api,
    }
}

/// Builds into memory; on success the new site replaces the old, on failure the old stays.
/// `changed` are the files saved since the last build (none: build everything).
fn rebuild(options: &ServeOptions, state: &AppState, site: &mut Incremental, changed: &[PathBuf]) {
    let started = std::time::Instant::now();
    let mut publish = |files: &Files, progress: Progress| {
        let mut served = state.served.write().unwrap_or_else(|e| e.into_inner());
        served.files = files.clone();
        served.error = None;
        if progress == Progress::OwnPages {
            drop(served);
            let _ = state.events.send("reload".into());
        }
    };
    let result = site.rebuild(changed, &mut publish);
    let mut served = state.served.write().unwrap_or_else(|e| e.into_inner());
    match result {
        Ok(update) => {
            let report = site.report().expect("a build succeeded").clone();
            if let Some(forms) = report.forms.clone() {
                let _ = state.sources.send(Some(forms.clone()));
                let mut api = state.api.write().unwrap_or_else(|e| e.into_inner());
                match api.as_ref() {
                    Some(api) => api.set_state(forms),
                    None => *api = Some(Arc::new(new_api(options, state, forms))),
                }
            }
            if let Some(base_path) = site.base_path() {
                served.base_path = base_path;
            }
            match update {
                None => println!(
                    "Site construit : {} pages en {} ms",
                    report.pages,
                    started.elapsed().as_millis()
                ),
                Some(u) => println!(
                    "Site mis à jour : page modifiée servie en {} ms, tout le site en {} ms ({} pages recalculées, {} autres changées)",
                    u.own_pages.as_millis(),
                    u.total.as_millis(),
                    u.rendered,
                    u.changed
                ),
            }
            let _ = state.events.send("reload".into());
        }
        Err(e) => {
            // The forms still answer when the first build fails, as long as site.toml reads:
            // with no known entries, submissions naming one are refused, not lost.
            let mut api = state.api.write().unwrap_or_else(|e| e.into_inner());
            if api.is_none()
                && let Ok(site) = crate::load::load_config(&options.root)
            {
                let forms = portal_forms::api::SiteState {
                    site,
                    slugs: Default::default(),
                    content_root: Some(options.root.join("content")),
                    calls: Default::default(),
                    listings: Default::default(),
                };
                *api = Some(Arc::new(new_api(options, state, forms)));
            }
            drop(api);
            let message = e.to_string();
            eprintln!("Échec de la construction (le dernier site valide reste servi) :\n{message}");
            served.error = Some(message.clone());
            let _ = state.events.send(format!("error:{message}"));
        }
    }
}

/// The folders watched whole, when they exist: a site may have no `themes/` (the built-in
/// theme) and add one later, to override a file.
const WATCHED: [&str; 2] = ["content", "themes"];

/// Watches the sources and rebuilds, once per burst of changes. The site's folder itself is
/// watched for `site.toml` and for `content/` or `themes/` appearing; nothing else in it
/// (the output, the forms' store) starts a build.
fn watch(
    options: ServeOptions,
    state: AppState,
    mut site: Incremental,
) -> anyhow::Result<Arc<std::sync::Mutex<notify::RecommendedWatcher>>> {
    let (tx, rx) = std::sync::mpsc::channel::<Vec<PathBuf>>();
    let root = options.root.clone();
    let sources = move |path: &std::path::Path| {
        path.strip_prefix(&root).is_ok_and(|rel| {
            let first = rel.components().next().map(|c| c.as_os_str());
            first.is_some_and(|f| f == "site.toml" || WATCHED.iter().any(|w| f == *w))
        })
    };
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        match event {
            Ok(e) if matches!(e.kind, notify::EventKind::Access(_)) => {}
            Ok(e) => {
                let paths: Vec<PathBuf> = e.paths.into_iter().filter(|p| sources(p)).collect();
                if !paths.is_empty() {
                    let _ = tx.send(paths);
                }
            }
            // An event lost (queue overflow): rebuild everything.
            Err(_) => {
                let _ = tx.send(Vec::new());
            }
        }
    })?;
    let watcher = Arc::new(std::sync::Mutex::new(watcher));
    let mut watching = std::collections::BTreeSet::new();
    let follow = {
        let watcher = watcher.clone();
        let root = options.root.clone();
        move |watching: &mut std::collections::BTreeSet<&'static str>| {
            for dir in WATCHED {
                let path = root.join(dir);
                if path.is_dir() && !watching.contains(dir) {
                    let mut w = watcher.lock().unwrap_or_else(|e| e.into_inner());
                    if w.watch(&path, RecursiveMode::Recursive).is_ok() {
                        watching.insert(dir);
                    }
                } else if !path.is_dir() {
                    // Gone (or never there): watched again when it comes back.
                    watching.remove(dir);
                }
            }
        }
    };
    follow(&mut watching);
    watcher
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .watch(&options.root, RecursiveMode::NonRecursive)?;
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            // Editors save in several steps: wait for the burst to end. An event without
            // paths means "anything may have changed".
            let mut everything = first.is_empty();
            let mut changed = first;
            while let Ok(more) = rx.recv_timeout(Duration::from_millis(30)) {
                everything |= more.is_empty();
                changed.extend(more);
            }
            if everything {
                changed.clear();
            }
            changed.sort();
            changed.dedup();
            follow(&mut watching);
            rebuild(&options, &state, &mut site, &changed);
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

/// Deletes expired personal data and counters, as DynamoDB's TTL does in production.
/// Sends the entries' files to the store after each rebuild (the latest one, when several
/// came meanwhile): only what changed is written.
async fn send_sources(
    store: Arc<dyn Store>,
    mut built: tokio::sync::watch::Receiver<Option<portal_forms::api::SiteState>>,
) {
    let sources = portal_forms::rules::Sources::new(store);
    while built.changed().await.is_ok() {
        let Some(state) = built.borrow_and_update().clone() else {
            continue;
        };
        if let Err(e) = crate::sources::sync(&sources, &state).await {
            eprintln!("Fiches non envoyées aux formulaires (diffs de la modération) : {e}");
        }
    }
}

async fn purge_every_hour(store: Arc<dyn Store>) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        if let Err(e) = store
            .purge_expired(jiff::Timestamp::now().as_second())
            .await
        {
            eprintln!("Purge des données expirées impossible : {e}");
        }
    }
}

/// The form functions under their endpoint, the site's files everywhere else.
async fn dispatch(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: axum::extract::Request,
) -> Response {
    let api = state.api.read().unwrap_or_else(|e| e.into_inner()).clone();
    if let Some(api) = api
        && api.serves(req.uri().path())
    {
        return forms(&api, peer, req).await;
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    file(state, req.uri().clone())
}

/// Hands a request to the form functions, as the HTTP API does on Lambda.
async fn forms(api: &Api, peer: SocketAddr, req: axum::extract::Request) -> Response {
    let (parts, body) = req.into_parts();
    let client = Client {
        ip: Some(peer.ip()),
    };
    let response = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(body) => {
            api.receive(http::Request::from_parts(parts, body), client, None)
                .await
        }
        Err(_) => portal_forms::api::too_large(&parts.headers),
    };
    let (parts, body) = response.into_parts();
    Response::from_parts(parts, Body::from(body))
}

fn file(state: AppState, uri: Uri) -> Response {
    let served = state.served.read().unwrap_or_else(|e| e.into_inner());
    let path = uri.path();
    let rel = path
        .strip_prefix(served.base_path.as_str())
        .unwrap_or(path.trim_start_matches('/'));
    let rel = percent_decode(rel);
    let lookup = |key: &str| served.files.get(key).cloned();
    // The header's search box without JavaScript: a plain word of a need opens its places,
    // as the site's CloudFront function does in production (template.yaml).
    if rel == "recherche/"
        && let Some(need) = uri
            .query()
            .and_then(|q| {
                q.split('&')
                    .find_map(|kv| kv.strip_prefix("q="))
                    .map(|v| percent_decode(&v.replace('+', " ")))
            })
            .as_deref()
            .and_then(portal_model::lexicon::need_for)
        && served
            .files
            .contains_key(&format!("besoin/{need}/index.html"))
    {
        return Response::builder()
            .status(StatusCode::FOUND)
            .header(
                header::LOCATION,
                format!("{}besoin/{need}/", served.base_path),
            )
            .body(Body::empty())
            .expect("a redirect response");
    }
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
