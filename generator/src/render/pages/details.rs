//! The pages of one entry: an association, a call for volunteers, a listing (with the
//! listings that answer it).

use portal_model::volunteer_call::Schedule;
use serde::Serialize;
use tera::{Context, Value};

use crate::index::{AssociationId, CallId, ResourceId};
use crate::phrasing;
use crate::render::frame::Page;
use crate::render::jsonld;
use crate::render::renderer::Renderer;
use crate::render::views::{Day, LocationView, PhoneView, PlaceView, WhoView};
use portal_markdown as markdown;

pub(super) fn association(r: &Renderer, id: AssociationId, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let a = index.association(id);
    cx.insert("a", &AssociationDetail::of(id, r));
    let t = r.lang.translation(&a.translations);
    let name = r.lang.said(&a.name, t.and_then(|t| t.name.as_deref()));
    let summary = r
        .lang
        .said(&a.summary, t.and_then(|t| t.summary.as_deref()));
    let mut page = Page::new(
        urls,
        "association.html",
        urls.association(&a.slug),
        name.text,
        summary.text,
        &r.lang.t("menu-directory"),
    )
    .crumbs(r, &[(&r.lang.t("menu-directory"), urls.directory())]);
    page.meta.jsonld = Some(jsonld::association(a, &page.meta.canonical, urls));
    page
}

pub(super) fn call(r: &Renderer, id: CallId, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let c = index.call(id);
    cx.insert("call", &CallDetail::of(id, r));
    let trail = if c.is_archived(index.today) {
        ("Archives", urls.archive())
    } else {
        ("Bénévolat", urls.calls())
    };
    let mut page = Page::new(
        urls,
        "call.html",
        urls.call(&c.slug),
        &c.title,
        &markdown::plain_summary(&c.body, 160),
        &r.lang.t("menu-calls"),
    )
    .crumbs(r, &[trail]);
    page.meta.jsonld = Some(jsonld::call(c, index, &page.meta.canonical, urls));
    page
}

pub(super) fn resource(r: &Renderer, id: ResourceId, cx: &mut Context) -> Page {
    let (index, urls) = (r.index, &r.urls);
    let x = index.resource(id);
    cx.insert("r", &ResourceDetail::of(id, r));
    cx.insert("matches", &matches(r, id));
    let trail = if x.is_archived(index.today) {
        ("Archives", urls.archive())
    } else {
        ("Ressources", urls.resources())
    };
    let mut page = Page::new(
        urls,
        "resource.html",
        urls.resource(&x.slug),
        &x.title,
        &markdown::plain_summary(&x.body, 160),
        &r.lang.t("menu-resources"),
    )
    .crumbs(r, &[trail]);
    page.meta.jsonld = Some(jsonld::resource(x, index, &page.meta.canonical, urls));
    page
}

/// A listing that answers the one of the page: offers for a request, requests for an offer.
#[derive(Serialize)]
struct Match {
    /// The listing's card.
    #[serde(flatten)]
    card: Value,
    /// `à 12 km`, when both places are known.
    distance: Option<String>,
}

fn matches(r: &Renderer, id: ResourceId) -> Vec<Match> {
    r.index
        .matches_of(id)
        .into_iter()
        .map(|m| Match {
            card: r.resource_card(m.id),
            distance: m.km.map(|k| phrasing::distance(r.lang, k)),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
struct ContactView {
    pub phone: Option<PhoneView>,
    pub email: Option<String>,
    pub website: Option<String>,
}

/// A language spoken at the place. On French pages, named in French as the model names it;
/// on the other languages' pages, named in itself (« English », « العربية »), which is the
/// name its speakers look for, inside its own `lang`; without a known name in itself, in
/// French inside `lang="fr"`.
#[derive(Debug, Clone, Serialize)]
struct SpokenView {
    name: String,
    /// The language the name is written in, when it is not the page's.
    lang: Option<String>,
}

impl SpokenView {
    fn of(code: &str, page: &str) -> SpokenView {
        let french = || portal_model::checks::language_name(code).unwrap_or(code);
        if page == "fr" {
            return SpokenView {
                name: french().to_string(),
                lang: None,
            };
        }
        match isolang::Language::from_639_1(code).and_then(|l| l.to_autonym()) {
            Some(name) => SpokenView {
                name: name.to_string(),
                lang: (code != page).then(|| code.to_string()),
            },
            None => SpokenView {
                name: french().to_string(),
                lang: Some("fr".to_string()),
            },
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct AssociationDetail {
    /// The association's [`AssociationCard`].
    #[serde(flatten)]
    pub card: Value,
    pub body_html: String,
    /// The language of the body when it is not the page's (`fr`), else empty.
    pub body_lang: String,
    pub locations: Vec<LocationView>,
    pub contact: Option<ContactView>,
    pub rna: Option<String>,
    pub siret: Option<String>,
    pub food_bank_partner: bool,
    /// Who may come and how, publics by their labels.
    pub who: WhoView,
    pub languages: Vec<SpokenView>,
    pub updated: Day,
    /// Cards of its open calls and listings.
    pub calls: Vec<Value>,
    pub resources: Vec<Value>,
    pub past_count: usize,
}

impl AssociationDetail {
    fn of(id: AssociationId, r: &Renderer) -> AssociationDetail {
        let (index, urls) = (r.index, &r.urls);
        let a = index.association(id);
        let calls = index.calls_of(&a.slug);
        let resources = index.resources_of(&a.slug);
        let open_call = |&&c: &&CallId| !index.call(c).is_archived(index.today);
        let open_resource = |&&x: &&ResourceId| !index.resource(x).is_archived(index.today);
        let past_count = calls.iter().filter(|c| !open_call(c)).count()
            + resources.iter().filter(|x| !open_resource(x)).count();
        let t = r.lang.translation(&a.translations);
        let body = r.lang.said(&a.body, t.and_then(|t| t.body.as_deref()));
        AssociationDetail {
            card: r.association_card(id),
            body_html: markdown::to_html(body.text, 2),
            body_lang: body.lang.to_string(),
            locations: a
                .locations
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let lt = t.and_then(|t| t.location(i));
                    LocationView::of(l, lt, index, urls, r.lang)
                })
                .collect(),
            contact: a.contact.as_ref().map(|c| ContactView {
                phone: PhoneView::of(a),
                email: c.email.clone(),
                website: c.website.clone(),
            }),
            rna: a.identifiers.as_ref().and_then(|i| i.rna.clone()),
            siret: a.identifiers.as_ref().and_then(|i| i.siret.clone()),
            food_bank_partner: a.food_bank_partner,
            who: WhoView::of(a, index, r.lang),
            languages: a
                .languages
                .iter()
                .map(|code| SpokenView::of(code, &r.lang.code))
                .collect(),
            updated: Day::of(r.lang, a.updated),
            calls: calls
                .iter()
                .filter(open_call)
                .map(|&c| r.call_card(c))
                .collect(),
            resources: resources
                .iter()
                .filter(open_resource)
                .map(|&x| r.resource_card(x))
                .collect(),
            past_count,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct SlotView {
    pub date: Day,
    pub hours: String,
    pub volunteers: u32,
    pub past: bool,
}

#[derive(Debug, Clone, Serialize)]
struct RecurrenceView {
    pub rhythm: String,
    pub hours: String,
    pub from: Day,
    pub until: Option<Day>,
    pub volunteers: u32,
}

#[derive(Debug, Clone, Serialize)]
struct CallDetail {
    /// The call's [`CallCard`].
    #[serde(flatten)]
    pub card: Value,
    pub body_html: String,
    pub place: Option<PlaceView>,
    pub skills: Vec<String>,
    pub slots: Vec<SlotView>,
    pub recurrence: Option<RecurrenceView>,
    pub deadline: Option<Day>,
    pub open_to_minors: bool,
    /// The sign-up form, on an open call with slots to come.
    pub signup: Option<SignUpView>,
}

/// The sign-up form of a call: where it posts, the slots (ids as the functions know them),
/// and where the places left are read.
#[derive(Debug, Clone, Serialize)]
struct SignUpView {
    pub action: String,
    pub places: String,
    pub token: String,
    pub retention_days: u32,
    pub recurring: bool,
    pub today: String,
    pub slots: Vec<portal_forms::state::SlotPlan>,
}

impl CallDetail {
    fn of(id: CallId, r: &Renderer) -> CallDetail {
        let (index, urls) = (r.index, &r.urls);
        let c = index.call(id);
        let (slots, recurrence) = match &c.schedule {
            Schedule::Slots(slots) => {
                let mut s: Vec<SlotView> = slots
                    .iter()
                    .map(|s| SlotView {
                        date: Day::with_weekday(r.lang, s.date),
                        hours: phrasing::span(r.lang, s.start, s.end),
                        volunteers: s.volunteers,
                        past: s.date < index.today,
                    })
                    .collect();
                s.sort_by(|a, b| a.date.iso.cmp(&b.date.iso));
                (s, None)
            }
            Schedule::Recurrence(rec) => (
                Vec::new(),
                Some(RecurrenceView {
                    rhythm: phrasing::weekly(r.lang, &rec.days),
                    hours: phrasing::span(r.lang, rec.start, rec.end),
                    from: Day::of(r.lang, rec.from),
                    until: rec.until.map(|d| Day::of(r.lang, d)),
                    volunteers: rec.volunteers,
                }),
            ),
        };
        CallDetail {
            card: r.call_card(id),
            body_html: markdown::to_html(&c.body, 2),
            place: index
                .place_of(c.place.as_ref(), &c.association)
                .map(|p| PlaceView::of(p, urls)),
            skills: c.skills.clone(),
            slots,
            recurrence,
            deadline: c.deadline.map(|d| Day::of(r.lang, d)),
            open_to_minors: c.open_to_minors,
            signup: portal_forms::state::CallPlan::of(c, index.today)
                .filter(|p| !p.slots.is_empty())
                .map(|p| {
                    let endpoint = index.content.config.forms.endpoint.trim_end_matches('/');
                    SignUpView {
                        action: format!("{endpoint}/calls/{}/signups", c.slug),
                        places: format!("{endpoint}/calls/{}/places", c.slug),
                        token: format!("{endpoint}/submissions/token"),
                        retention_days: index.content.config.forms.retention_days,
                        recurring: p.recurring,
                        today: index.today.to_string(),
                        slots: p.slots,
                    }
                }),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct ResourceDetail {
    /// The listing's [`ResourceCard`].
    #[serde(flatten)]
    pub card: Value,
    pub body_html: String,
    pub place: Option<PlaceView>,
    pub available_from: Option<Day>,
    pub available_until: Option<Day>,
    pub expires: Option<Day>,
    pub cold_chain: Option<bool>,
    /// The answer form, on an open listing.
    pub answer: Option<AnswerView>,
}

/// The answer form of a listing: where it posts and where its state is read.
#[derive(Debug, Clone, Serialize)]
struct AnswerView {
    pub action: String,
    pub state: String,
    pub token: String,
    pub offer: bool,
}

impl ResourceDetail {
    fn of(id: ResourceId, renderer: &Renderer) -> ResourceDetail {
        let (index, urls) = (renderer.index, &renderer.urls);
        let r = index.resource(id);
        ResourceDetail {
            card: renderer.resource_card(id),
            body_html: markdown::to_html(&r.body, 2),
            place: index
                .place_of(r.place.as_ref(), &r.association)
                .map(|p| PlaceView::of(p, urls)),
            available_from: r.available.as_ref().map(|a| Day::of(renderer.lang, a.from)),
            available_until: r
                .available
                .as_ref()
                .and_then(|a| a.until)
                .map(|d| Day::of(renderer.lang, d)),
            expires: r.expires.map(|d| Day::of(renderer.lang, d)),
            cold_chain: r.cold_chain,
            answer: portal_forms::state::ListingPlan::of(r, index.today).map(|p| {
                let endpoint = index.content.config.forms.endpoint.trim_end_matches('/');
                AnswerView {
                    action: format!("{endpoint}/listings/{}/answers", r.slug),
                    state: format!("{endpoint}/listings/{}/state", r.slug),
                    token: format!("{endpoint}/submissions/token"),
                    offer: p.offer,
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SpokenView;

    fn said(code: &str, page: &str) -> (String, Option<String>) {
        let v = SpokenView::of(code, page);
        (v.name, v.lang)
    }

    #[test]
    fn languages_spoken_are_named_in_french_on_french_pages_and_in_themselves_elsewhere() {
        assert_eq!(said("en", "fr"), ("anglais".into(), None));
        assert_eq!(said("fa", "ar"), ("فارسی".into(), Some("fa".into())));
        assert_eq!(said("ps", "en"), ("پښتو".into(), Some("ps".into())));
        assert_eq!(said("uk", "uk"), ("українська".into(), None));
        assert_eq!(said("fr", "ar"), ("français".into(), Some("fr".into())));
    }
}
