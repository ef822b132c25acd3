//! The routes of the forms contract, over plain `http` requests and responses: the Lambda
//! binaries and `portal serve` both call [`Api::receive`], which finds the route's path
//! ([`route_path`]). The handlers read the request, call [`crate::rules`], and say the
//! answer; they write nothing themselves.

use std::net::IpAddr;
use std::sync::{Arc, RwLock};

use bytes::Bytes;
use http::{HeaderMap, Method, Request, Response, StatusCode, header};
use portal_model::SiteConfig;
use serde_json::{Value, json};

use crate::mail::{Mailer, Message, messages};
use crate::rules::guards::{self, Fill};
use crate::rules::{Answers, Moderators, Promoted, Publishers, RuleError, Submissions, Volunteers};
pub use crate::state::SiteState;
use crate::state::{CallPlan, ListingPlan};
use crate::store::{Seconds, Store, chain};
pub use path::{endpoint_path, route_path, same_origin};

mod answers;
mod exchange;
pub(crate) mod html;
mod moderation;
mod path;
mod publisher;
mod signups;
mod status;
mod submit;

/// Largest request body accepted.
pub const MAX_BODY: usize = 16 * 1024;

/// Which routes a deployment answers: one Lambda per group, everything in `portal serve`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// `POST /submissions` and the submitter's status page.
    Submit,
    /// The `/moderation/…` routes.
    Moderation,
    /// The exchange: volunteers' sign-ups, their own pages, the places left.
    Exchange,
    /// Every route: what `portal serve` answers.
    All,
}

/// Who sent a request, as the transport tells.
#[derive(Debug, Clone, Copy, Default)]
pub struct Client {
    /// The sender's address, counted by the rate limit (none: not known, not limited).
    pub ip: Option<IpAddr>,
}

/// Renders a proposed entry as the page it will be published as, with the site's own
/// templates: the generator implements it, and `portal serve` hands it to the functions so
/// that moderators see the page, not the file. The Lambda functions carry no generator:
/// there, the moderation page says so and shows the file.
pub trait Preview: Send + Sync {
    /// The main content of the page the file `source` of `kind` at `slug` becomes, as HTML,
    /// or why it cannot be shown.
    fn render(&self, kind: portal_model::Kind, slug: &str, source: &str) -> Result<String, String>;
}

/// The form functions: the routes, over the rules of the forms and a store.
pub struct Api {
    store: Arc<dyn Store>,
    submissions: Submissions,
    moderators: Moderators,
    volunteers: Volunteers,
    publishers: Publishers,
    answers: Answers,
    state: RwLock<Arc<SiteState>>,
    group: Group,
    preview: Option<Arc<dyn Preview>>,
    mail: Option<Mail>,
}

/// How the functions send e-mail, and the origin their links start with.
#[derive(Clone)]
pub struct Mail {
    /// The way messages go out.
    pub mailer: Arc<dyn Mailer>,
    /// `https://portail.example.org`, or `http://127.0.0.1:1111` for `portal serve`: what
    /// links to the functions start with when the endpoint is a path.
    pub origin: String,
}

impl Api {
    /// The routes of `group`, over `store`, knowing `state` of the site.
    pub fn new(store: Arc<dyn Store>, state: SiteState, group: Group) -> Api {
        Api {
            store: store.clone(),
            submissions: Submissions::new(store.clone()),
            volunteers: Volunteers::new(store.clone()),
            publishers: Publishers::new(store.clone()),
            answers: Answers::new(store.clone()),
            moderators: Moderators::new(store),
            state: RwLock::new(Arc::new(state)),
            group,
            preview: None,
            mail: None,
        }
    }

    /// The same, telling people by e-mail through `mail`.
    pub fn with_mail(mut self, mail: Mail) -> Api {
        self.mail = Some(mail);
        self
    }

    /// The rules of the associations' addresses and links, for the handlers.
    pub(crate) fn publishers(&self) -> &Publishers {
        &self.publishers
    }

    /// The rules of the answers to listings, for the handlers.
    pub(crate) fn answers(&self) -> &Answers {
        &self.answers
    }

    /// Tells the publishing association of a new answer to its listing, with its signed
    /// link, and the answerer the link to their own page.
    pub(crate) async fn tell_of_answer(&self, slug: &str, plan: &ListingPlan, id: &str, key: &str) {
        let Ok(Some(a)) = self.answers.get(slug, id).await else {
            return;
        };
        let own = self.absolute(&answers::own_path(&a, key));
        self.send(messages::answer_receipt(
            &a.email,
            &a.name,
            &plan.title,
            &own,
        ))
        .await;
        let Ok(Some(address)) = self.publishers.address(&plan.association).await else {
            return;
        };
        let scope = format!("listing:{slug}");
        let Ok(signed) = self.publishers.sign(&plan.association, &scope, now()).await else {
            return;
        };
        let link = self.absolute(&format!(
            "/publisher/listings/{slug}?exp={}&key={}",
            signed.expires, signed.key
        ));
        self.send(messages::answer_news(
            &address,
            plan.offer,
            &plan.title,
            &a,
            &link,
        ))
        .await;
    }

    /// Tells an answerer what the publisher decided.
    pub(crate) async fn tell_decision(&self, a: &crate::store::Answer) {
        let Ok(key) = self.answers.key(&a.listing, &a.id).await else {
            return;
        };
        let state = self.state();
        let title = state
            .listings
            .get(&a.listing)
            .map_or(a.listing.clone(), |p| p.title.clone());
        let own = self.absolute(&answers::own_path(a, &key));
        self.send(messages::answer_decided(
            &a.email, &a.name, &title, a.status, &own,
        ))
        .await;
    }

    /// The functions' endpoint (`/api`, or a whole URL), without its last `/`: what the
    /// links to the functions' routes start with.
    pub(crate) fn endpoint(&self) -> String {
        self.state()
            .site
            .forms
            .endpoint
            .trim_end_matches('/')
            .to_string()
    }

    /// A link to `path` (under the endpoint), whole, as an e-mail needs it.
    pub(crate) fn absolute(&self, path: &str) -> String {
        let endpoint = self.endpoint();
        if endpoint.starts_with("http://") || endpoint.starts_with("https://") {
            return format!("{endpoint}{path}");
        }
        let origin = match &self.mail {
            Some(mail) => mail.origin.clone(),
            None => {
                let base = self.state().site.base().to_string();
                let (scheme, rest) = base.split_once("://").unwrap_or(("https", &base));
                format!("{scheme}://{}", rest.split('/').next().unwrap_or(""))
            }
        };
        format!("{}{endpoint}{path}", origin.trim_end_matches('/'))
    }

    /// Sends a message, if there is a way to; a failure is logged without the address.
    async fn send(&self, message: Message) {
        let Some(mail) = &self.mail else {
            return;
        };
        if let Err(e) = mail.mailer.send(&message).await {
            tracing::warn!("e-mail « {} » non envoyé : {}", message.subject, chain(&e));
            eprintln!("e-mail « {} » non envoyé : {}", message.subject, chain(&e));
        }
    }

    /// The same routes, moderators also shown the page a submission becomes.
    pub fn with_preview(mut self, preview: Arc<dyn Preview>) -> Api {
        self.preview = Some(preview);
        self
    }

    /// The renderer of proposed pages, when the process has one.
    pub(crate) fn preview(&self) -> Option<&Arc<dyn Preview>> {
        self.preview.as_ref()
    }

    /// The rules of the submissions, for the handlers.
    pub(crate) fn submissions(&self) -> &Submissions {
        &self.submissions
    }

    /// The store, for the rules the handlers build over it ([`crate::rules::Sources`]).
    pub(crate) fn store(&self) -> Arc<dyn Store> {
        self.store.clone()
    }

    /// The rules of the volunteers' sign-ups, for the handlers.
    pub(crate) fn volunteers(&self) -> &Volunteers {
        &self.volunteers
    }

    /// Tells the association of a new sign-up on its call, with a signed link to its page,
    /// and the volunteer (when an e-mail was given) the link to their own page.
    pub(crate) async fn tell_of_sign_up(&self, call: &str, plan: &CallPlan, id: &str, key: &str) {
        let Ok(Some((reg, places))) = self.volunteers.view(id, key).await else {
            return;
        };
        let label = |slot: &str| {
            plan.slot(slot)
                .map_or(slot.to_string(), |s| s.label.clone())
        };
        let slots: Vec<String> = places
            .iter()
            .map(|(slot, st)| format!("– {} : {}", label(slot), st.label()))
            .collect();
        let own = self.absolute(&format!("/signups/{id}?key={key}"));
        if let Some(email) = &reg.email {
            let m = messages::sign_up_receipt(email, &reg.first_name, &plan.title, &slots, &own);
            self.send(m).await;
        }
        let Ok(Some(address)) = self.publishers.address(&plan.association).await else {
            return;
        };
        let scope = format!("call:{call}");
        let Ok(signed) = self.publishers.sign(&plan.association, &scope, now()).await else {
            return;
        };
        let link = self.absolute(&format!(
            "/publisher/calls/{call}?exp={}&key={}",
            signed.expires, signed.key
        ));
        let expires = jiff::Timestamp::from_second(signed.expires)
            .map(|t| {
                portal_model::french::date_with_weekday(
                    self.state().site.time_zone().to_datetime(t).date(),
                )
            })
            .unwrap_or_default();
        let contact = [reg.email.as_deref(), reg.phone.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let news = messages::SignUpNews {
            call_title: &plan.title,
            first_name: &reg.first_name,
            contact,
            message: &reg.message,
            slots,
            link: &link,
            link_expires: &expires,
        };
        self.send(messages::sign_up_news(&address, &news)).await;
    }

    /// Tells a volunteer that a place freed by a cancellation is now theirs.
    pub(crate) async fn tell_promoted(&self, promoted: &Promoted) {
        let reg = &promoted.registration;
        let Some(email) = &reg.email else {
            return;
        };
        let Ok(key) = self.volunteers.key(&reg.id).await else {
            return;
        };
        let state = self.state();
        let plan = state.calls.get(&reg.call);
        let title = plan.map_or(reg.call.as_str(), |p| p.title.as_str());
        let slot = plan
            .and_then(|p| p.slot(&promoted.slot))
            .map_or(promoted.slot.clone(), |s| s.label.clone());
        let own = self.absolute(&format!("/signups/{}?key={key}", reg.id));
        self.send(messages::promoted(
            email,
            &reg.first_name,
            title,
            &slot,
            &own,
        ))
        .await;
    }

    /// The rules of the moderators, for the handlers.
    pub(crate) fn moderators(&self) -> &Moderators {
        &self.moderators
    }

    /// Replaces what the functions know of the site (after a rebuild).
    pub fn set_state(&self, state: SiteState) {
        *self.state.write().expect("state lock") = Arc::new(state);
    }

    /// What the functions know of the site now.
    pub(crate) fn state(&self) -> Arc<SiteState> {
        self.state.read().expect("state lock").clone()
    }

    /// Answers a request as a server received it: its path is the whole path
    /// (`/api/submissions`), `stage` the HTTP API's stage when there is one (see
    /// [`route_path`]). A path not under the endpoint gets `404`. The Lambda binaries and
    /// `portal serve` both answer through here.
    pub async fn receive(
        &self,
        req: Request<Bytes>,
        client: Client,
        stage: Option<&str>,
    ) -> Response<Bytes> {
        let endpoint = self.state().site.forms.endpoint.clone();
        match route_path(req.uri().path(), &endpoint, stage) {
            Some(route) => {
                let route = route.to_string();
                self.route(&route, &req, client).await
            }
            None => Failure::new(StatusCode::NOT_FOUND, "route inconnue")
                .into_response(wants_html(req.headers())),
        }
    }

    /// Whether a server that also serves the site (`portal serve`) hands `path` to the
    /// forms: when the endpoint is a path of the site and `path` is under it.
    pub fn serves(&self, path: &str) -> bool {
        let endpoint = &self.state().site.forms.endpoint;
        same_origin(endpoint) && route_path(path, endpoint, None).is_some()
    }

    /// Answers one request whose path is already relative to the endpoint (`/submissions`).
    pub async fn handle(&self, req: Request<Bytes>, client: Client) -> Response<Bytes> {
        let route = req.uri().path().to_string();
        self.route(&route, &req, client).await
    }

    async fn route(&self, route: &str, req: &Request<Bytes>, client: Client) -> Response<Bytes> {
        let parts: Vec<&str> = route.trim_end_matches('/').split('/').skip(1).collect();
        let submit = matches!(self.group, Group::Submit | Group::All);
        let moderate = matches!(self.group, Group::Moderation | Group::All);
        let exchange = matches!(self.group, Group::Exchange | Group::All);
        let result = match (req.method(), parts.as_slice()) {
            (&Method::POST, ["submissions"]) if submit => submit::post(self, req, client).await,
            (&Method::GET, ["submissions", "token"]) if submit => submit::token(self).await,
            (&Method::GET, ["submissions", id, "status"]) if submit => {
                status::get(self, req, id).await
            }
            (&Method::GET, ["moderation", "submissions"]) if moderate => {
                moderation::queue(self, req).await
            }
            (&Method::GET, ["moderation", "submissions", id]) if moderate => {
                moderation::one(self, req, id).await
            }
            (&Method::GET, ["moderation", "submissions", id, "preview"]) if moderate => {
                moderation::preview(self, req, id).await
            }
            (&Method::POST, ["moderation", "submissions", id, "decision"]) if moderate => {
                moderation::decide(self, req, id).await
            }
            (&Method::GET, ["moderation", "calls", slug]) if moderate => {
                moderation::call(self, req, slug).await
            }
            (&Method::GET, ["moderation", "listings", slug]) if moderate => {
                moderation::listing(self, req, slug).await
            }
            (&Method::POST, ["moderation", "signups", id, "purge"]) if moderate => {
                moderation::purge(self, req, id).await
            }
            (&Method::POST, ["moderation", "associations", slug, "revoke"]) if moderate => {
                moderation::revoke_links(self, req, slug).await
            }
            (&Method::POST, ["calls", slug, "signups"]) if exchange => {
                signups::post(self, req, client, slug).await
            }
            (&Method::GET, ["calls", slug, "places"]) if exchange => {
                signups::places(self, slug).await
            }
            (&Method::GET, ["signups", id]) if exchange => signups::get(self, req, id).await,
            (&Method::POST, ["signups", id, "cancel"]) if exchange => {
                signups::cancel(self, req, id).await
            }
            (&Method::POST, ["listings", slug, "answers"]) if exchange => {
                answers::post(self, req, client, slug).await
            }
            (&Method::GET, ["listings", slug, "answers", id]) if exchange => {
                answers::get(self, req, slug, id).await
            }
            (&Method::GET, ["listings", slug, "state"]) if exchange => {
                answers::state(self, slug).await
            }
            (&Method::GET, ["publisher", "listings", slug]) if exchange => {
                answers::page(self, req, slug).await
            }
            (&Method::POST, ["publisher", "listings", slug, action]) if exchange => {
                answers::act(self, req, slug, action).await
            }
            (&Method::GET, ["publisher", "calls", call]) if exchange => {
                publisher::page(self, req, call).await
            }
            (&Method::POST, ["publisher", "calls", call, action]) if exchange => {
                publisher::act(self, req, call, action).await
            }
            (&Method::OPTIONS, _) => Ok(empty(StatusCode::NO_CONTENT)),
            _ => Err(Failure::new(StatusCode::NOT_FOUND, "route inconnue")),
        };
        result.unwrap_or_else(|f| f.into_response(wants_html(req.headers())))
    }
}

/// The answer to a request whose body is over [`MAX_BODY`], for a server that stopped
/// reading it: the one `POST /submissions` gives.
pub fn too_large(headers: &HeaderMap) -> Response<Bytes> {
    Failure::too_large().into_response(wants_html(headers))
}

/// A request that cannot be served, said in JSON or HTML as the client prefers.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: StatusCode,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    /// A body over [`MAX_BODY`].
    pub(crate) fn too_large() -> Failure {
        Failure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("Envoi trop long : {} Kio au plus.", MAX_BODY / 1024),
        )
    }

    fn into_response(self, as_html: bool) -> Response<Bytes> {
        if as_html {
            let page = html::page(
                "Une erreur est survenue",
                &format!("<p>{}</p>", html::escape(&self.message)),
                "/",
            );
            html_response(self.status, page)
        } else {
            json_response(self.status, &json!({ "error": self.message }))
        }
    }
}

impl From<RuleError> for Failure {
    fn from(e: RuleError) -> Failure {
        let status = match e {
            RuleError::NotFound { .. } => StatusCode::NOT_FOUND,
            RuleError::NoteNeeded | RuleError::ModeratorName | RuleError::Address { .. } => {
                StatusCode::BAD_REQUEST
            }
            // RFC draft "The Idempotency-Key HTTP Header Field": a key reused with another
            // payload is 422.
            RuleError::KeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            RuleError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            RuleError::IdTaken { .. }
            | RuleError::Stale { .. }
            | RuleError::NotApproved { .. }
            | RuleError::AlreadyImported { .. }
            | RuleError::StagedElsewhere { .. }
            | RuleError::ModeratorExists { .. }
            | RuleError::TokenTaken { .. }
            | RuleError::ListingTaken { .. }
            | RuleError::Busy { .. } => StatusCode::CONFLICT,
            RuleError::Store(ref failure) => {
                // The person is told the cause; the logs get what the SDK or SQLite said.
                tracing::error!("{}", chain(failure));
                StatusCode::SERVICE_UNAVAILABLE
            }
        };
        Failure::new(status, e.to_string())
    }
}

/// What a handler answers: the response, or why the request cannot be served.
pub(crate) type Answer = Result<Response<Bytes>, Failure>;

/// True when the client is a browser navigating (a plain form post or a link), not a script.
pub(crate) fn wants_html(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    accept.contains("text/html") && !accept.starts_with("application/json")
}

/// Whether the body is a plain form post (else JSON).
pub(crate) fn is_form(req: &Request<Bytes>) -> bool {
    header_str(req, header::CONTENT_TYPE).starts_with("application/x-www-form-urlencoded")
}

/// Refuses a body longer than [`MAX_BODY`], sent or announced.
pub(crate) fn within_size(req: &Request<Bytes>) -> Result<(), Failure> {
    let declared: usize = header_str(req, header::CONTENT_LENGTH).parse().unwrap_or(0);
    if req.body().len() > MAX_BODY || declared > MAX_BODY {
        return Err(Failure::too_large());
    }
    Ok(())
}

/// What the fill-time token of a public form says, against the server's clock and the
/// site's `min_fill_seconds`.
pub(crate) async fn fill(api: &Api, token: Option<&str>) -> Result<Fill, Failure> {
    let secret = api.submissions().secret().await?;
    let min_ms = i64::from(api.state().site.forms.min_fill_seconds) * 1000;
    let now_ms = jiff::Timestamp::now().as_millisecond();
    Ok(guards::fill_time(&secret, token, now_ms, min_ms))
}

/// Why a public form is refused by its fill time, on the token's field: sent too fast
/// (the site's `min_fill_seconds`), or with a token this server did not give (`forged`
/// says what to do); none when the fill time is enough or not known.
pub(crate) async fn fill_problem(
    api: &Api,
    token: Option<&str>,
    forged: &str,
) -> Result<Option<portal_model::FieldError>, Failure> {
    let message = match fill(api, token).await? {
        Fill::Unknown | Fill::Enough => return Ok(None),
        Fill::TooFast => format!(
            "Formulaire envoyé trop vite ({} secondes au moins) : relisez-le puis envoyez-le de nouveau.",
            api.state().site.forms.min_fill_seconds
        ),
        Fill::Forged => forged.to_string(),
    };
    Ok(Some(portal_model::FieldError {
        field: submit::TOKEN.into(),
        message,
    }))
}

/// The value of the header `name`, empty when absent or not text.
pub(crate) fn header_str(req: &Request<Bytes>, name: header::HeaderName) -> &str {
    req.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// The query string's value for `name`.
pub(crate) fn query(req: &Request<Bytes>, name: &str) -> Option<String> {
    let q = req.uri().query()?;
    form_urlencoded::parse(q.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// A JSON response that no cache keeps.
pub fn json_response(status: StatusCode, value: &Value) -> Response<Bytes> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CACHE_CONTROL, "no-store")
        .body(Bytes::from(value.to_string()))
        .expect("a valid response")
}

/// An HTML page as a response that no cache keeps.
pub(crate) fn html_response(status: StatusCode, page: String) -> Response<Bytes> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-store")
        .body(Bytes::from(page))
        .expect("a valid response")
}

/// A `303 See Other` to `location`: where a browser's form post goes next.
pub(crate) fn redirect(location: &str) -> Response<Bytes> {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, location)
        .body(Bytes::new())
        .expect("a valid response")
}

fn empty(status: StatusCode) -> Response<Bytes> {
    Response::builder()
        .status(status)
        .body(Bytes::new())
        .expect("a valid response")
}

/// The time now, in seconds since the epoch.
pub(crate) fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

/// Today in the site's time zone.
pub(crate) fn today(site: &SiteConfig) -> jiff::civil::Date {
    site.time_zone().to_datetime(jiff::Timestamp::now()).date()
}
