//! What templates see: content turned into ready-to-print values (French dates, URLs,
//! labels), so that themes hold markup only.

use jiff::civil::Date;
use portal_model::association::Location;
use portal_model::resource::Resource;
use portal_model::shapes::{Clock, Place, TimeRange, Weekday};
use portal_model::volunteer_call::{Schedule, VolunteerCall};
use portal_model::{Association, checks::slugify};
use serde::Serialize;
use tera::Value;

use crate::dates::{french, french_with_weekday};
use crate::index::{AssociationId, CallId, Index, ResourceId};
use crate::markdown;
use crate::render::Renderer;
use crate::urls::{Link, Urls};

/// A date both for people and for machines (`<time datetime>`).
#[derive(Debug, Clone, Serialize)]
pub struct Day {
    pub text: String,
    pub iso: String,
}

impl Day {
    pub fn of(date: Date) -> Day {
        Day {
            text: french(date),
            iso: date.to_string(),
        }
    }
    fn with_weekday(date: Date) -> Day {
        Day {
            text: french_with_weekday(date),
            iso: date.to_string(),
        }
    }
}

/// `9 h`, `17 h 30`: times as they are said.
pub fn spoken(clock: Clock) -> String {
    let (h, m) = (clock.minutes() / 60, clock.minutes() % 60);
    if m == 0 {
        format!("{h} h")
    } else {
        format!("{h} h {m:02}")
    }
}

/// `de 9 h à 12 h`.
pub fn span(start: Clock, end: Clock) -> String {
    format!("de {} à {}", spoken(start), spoken(end))
}

/// `9 h à 12 h, 14 h à 17 h`: seven times per place on every association page.
pub(super) fn ranges_text(ranges: &[TimeRange]) -> String {
    let mut out = String::new();
    for (n, r) in ranges.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        out.push_str(&spoken(r.start));
        out.push_str(" à ");
        out.push_str(&spoken(r.end));
    }
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct PlaceView {
    pub name: Option<String>,
    pub address: String,
    pub postal_code: String,
    pub city: String,
    pub commune_url: String,
    pub lat: f64,
    pub lon: f64,
    /// A link to the place on OpenStreetMap, for directions.
    pub map_url: String,
}

impl PlaceView {
    pub fn of(place: &Place, urls: &Urls) -> PlaceView {
        PlaceView {
            name: place.name.clone(),
            address: place.address.clone(),
            postal_code: place.postal_code.clone(),
            city: place.city.clone(),
            commune_url: urls.commune(&slugify(&place.city)),
            lat: place.geo.lat,
            lon: place.geo.lon,
            map_url: format!(
                "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}",
                lat = place.geo.lat,
                lon = place.geo.lon
            ),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DayRow {
    pub day: &'static str,
    pub key: &'static str,
    /// `9 h à 12 h, 14 h à 17 h`, or `Fermé`.
    pub text: String,
    pub open: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClosureView {
    pub from: Day,
    pub to: Day,
    pub note: Option<String>,
    /// The place is closed today by this closure.
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocationView {
    pub place: PlaceView,
    pub hours: Vec<DayRow>,
    pub has_hours: bool,
    /// Hours in the OpenStreetMap / schema.org form, for scripts and open data.
    pub opening_hours: String,
    pub holidays: &'static str,
    pub closures: Vec<ClosureView>,
    pub closed_today: bool,
    pub wheelchair: Option<bool>,
    pub access_notes: Option<String>,
}

impl LocationView {
    pub fn of(l: &Location, index: &Index, urls: &Urls) -> LocationView {
        let hours = l
            .hours
            .as_ref()
            .map(|h| {
                Weekday::ALL
                    .iter()
                    .map(|&d| {
                        let ranges = h.on(d);
                        DayRow {
                            day: d.label(),
                            key: d.key(),
                            text: if ranges.is_empty() {
                                "Fermé".to_string()
                            } else {
                                ranges_text(ranges)
                            },
                            open: !ranges.is_empty(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let closures: Vec<ClosureView> = l
            .closures
            .iter()
            .filter(|c| c.to >= index.today)
            .map(|c| ClosureView {
                from: Day::of(c.from),
                to: Day::of(c.to),
                note: c.note.clone(),
                current: c.from <= index.today,
            })
            .collect();
        LocationView {
            place: PlaceView::of(&l.place, urls),
            has_hours: l.hours.is_some(),
            opening_hours: l.hours.as_ref().map(|h| h.to_osm()).unwrap_or_default(),
            hours,
            holidays: l.public_holidays.label(),
            closed_today: l.closed_on(index.today),
            closures,
            wheelchair: l.accessibility.as_ref().and_then(|a| a.wheelchair),
            access_notes: l.accessibility.as_ref().and_then(|a| a.notes.clone()),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AssociationCard {
    pub slug: String,
    pub url: String,
    pub name: String,
    pub summary: String,
    pub categories: Vec<Link>,
    pub communes: Vec<String>,
    pub remote_only: bool,
    /// The places' hours, closures and positions as JSON, for the "open now" and "near
    /// me" filters computed in the browser.
    pub places_json: String,
}

/// What the browser needs to tell whether a place is open and how far it is: per place,
/// `g` [lat, lon], `h` day → [[start, end] minutes], `c` closures [from, to], `f` whether
/// it opens on public holidays (`open`, `closed`, `unknown`).
fn places_json(a: &Association) -> String {
    // Fields and days in alphabetical order: the page's bytes stay as they were when this
    // was a tree of JSON values (and structs serialise without building one per card).
    #[derive(Serialize)]
    struct PlaceTimes {
        c: Vec<[String; 2]>,
        f: &'static str,
        g: [f64; 2],
        h: Option<std::collections::BTreeMap<&'static str, Vec<[u16; 2]>>>,
    }
    let places: Vec<PlaceTimes> = a
        .locations
        .iter()
        .map(|l| PlaceTimes {
            c: l.closures
                .iter()
                .map(|c| [c.from.to_string(), c.to.to_string()])
                .collect(),
            f: l.public_holidays.word(),
            g: [l.place.geo.lat, l.place.geo.lon],
            h: l.hours.as_ref().map(|h| {
                Weekday::ALL
                    .iter()
                    .map(|&d| {
                        let ranges = h
                            .on(d)
                            .iter()
                            .map(|r| [r.start.minutes(), r.end.minutes()])
                            .collect();
                        (d.key(), ranges)
                    })
                    .collect()
            }),
        })
        .collect();
    serde_json::to_string(&places).expect("JSON of plain data")
}

impl AssociationCard {
    pub fn of(a: &Association, index: &Index, urls: &Urls) -> AssociationCard {
        let mut communes: Vec<String> = Vec::new();
        for l in &a.locations {
            if !communes.contains(&l.place.city) {
                communes.push(l.place.city.clone());
            }
        }
        AssociationCard {
            slug: a.slug.clone(),
            url: urls.association(&a.slug),
            name: a.name.clone(),
            summary: a.summary.clone(),
            categories: category_links(&a.categories, index, urls),
            communes,
            remote_only: a.remote_only,
            places_json: places_json(a),
        }
    }
}

fn category_links(keys: &[String], index: &Index, urls: &Urls) -> Vec<Link> {
    keys.iter()
        .map(|k| Link {
            label: index
                .content
                .config
                .categories
                .label(k)
                .unwrap_or(k)
                .to_string(),
            url: urls.category(k),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub phone: Option<String>,
    pub tel: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AssociationDetail {
    /// The association's [`AssociationCard`].
    #[serde(flatten)]
    pub card: Value,
    pub body_html: String,
    pub locations: Vec<LocationView>,
    pub contact: Option<ContactView>,
    pub rna: Option<String>,
    pub siret: Option<String>,
    pub food_bank_partner: bool,
    pub public: Vec<String>,
    pub conditions: Option<String>,
    pub languages: Vec<String>,
    pub updated: Day,
    /// Cards of its open calls and listings.
    pub calls: Vec<Value>,
    pub resources: Vec<Value>,
    pub past_count: usize,
}

impl AssociationDetail {
    pub fn of(id: AssociationId, r: &Renderer) -> AssociationDetail {
        let (index, urls) = (r.index, &r.urls);
        let a = index.association(id);
        let calls = index.calls_of(&a.slug);
        let resources = index.resources_of(&a.slug);
        let open_call = |&&c: &&CallId| !index.call(c).is_archived(index.today);
        let open_resource = |&&x: &&ResourceId| !index.resource(x).is_archived(index.today);
        let past_count = calls.iter().filter(|c| !open_call(c)).count()
            + resources.iter().filter(|x| !open_resource(x)).count();
        AssociationDetail {
            card: r.association_card(id),
            body_html: markdown::to_html(&a.body, 2),
            locations: a
                .locations
                .iter()
                .map(|l| LocationView::of(l, index, urls))
                .collect(),
            contact: a.contact.as_ref().map(|c| ContactView {
                phone: c.phone.as_ref().map(|p| p.display.clone()),
                tel: c.phone.as_ref().map(|p| p.tel.clone()),
                email: c.email.clone(),
                website: c.website.clone(),
            }),
            rna: a.identifiers.as_ref().and_then(|i| i.rna.clone()),
            siret: a.identifiers.as_ref().and_then(|i| i.siret.clone()),
            food_bank_partner: a.food_bank_partner,
            public: a.public.clone(),
            conditions: a.conditions.clone(),
            languages: a
                .languages
                .iter()
                .map(|code| {
                    portal_model::checks::language_name(code)
                        .unwrap_or(code)
                        .to_string()
                })
                .collect(),
            updated: Day::of(a.updated),
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
pub struct CallCard {
    pub slug: String,
    pub url: String,
    pub title: String,
    pub association: Link,
    /// When, in one sentence: the next date, or the weekly rhythm.
    pub when: String,
    pub commune: Option<String>,
    pub remote: bool,
    pub archived: bool,
    pub status: &'static str,
    /// For the archive: the day it ended.
    pub ended: Option<Day>,
}

impl CallCard {
    pub fn of(c: &VolunteerCall, index: &Index, urls: &Urls) -> CallCard {
        let a = index.association_by_slug(&c.association);
        CallCard {
            slug: c.slug.clone(),
            url: urls.call(&c.slug),
            title: c.title.clone(),
            association: Link {
                label: a.name.clone(),
                url: urls.association(&a.slug),
            },
            when: when(c, index.today),
            commune: index
                .place_of(c.place.as_ref(), &c.association)
                .map(|p| p.city.clone()),
            remote: c.remote,
            archived: c.is_archived(index.today),
            status: c.status.label(),
            ended: c.last_day().map(Day::of),
        }
    }
}

/// `Chaque samedi, de 9 h à 12 h` or `Samedi 12 décembre 2026, de 9 h à 12 h (et 2 autres dates)`.
fn when(c: &VolunteerCall, today: Date) -> String {
    match &c.schedule {
        Schedule::Recurrence(r) => {
            let mut s = format!("{}, {}", weekly(&r.days), span(r.start, r.end));
            if r.from > today {
                s.push_str(&format!(", à partir du {}", french(r.from)));
            }
            s
        }
        Schedule::Slots(slots) => {
            let upcoming = c.upcoming_slots(today);
            let Some(first) = upcoming.first().copied().or_else(|| slots.last()) else {
                return String::new();
            };
            let mut s = format!(
                "{}, {}",
                capitalize(&french_with_weekday(first.date)),
                span(first.start, first.end)
            );
            match upcoming.len() {
                0 | 1 => {}
                2 => s.push_str(" (et 1 autre date)"),
                n => s.push_str(&format!(" (et {} autres dates)", n - 1)),
            }
            s
        }
    }
}

/// `Chaque samedi`, `Chaque lundi et jeudi`, `Chaque lundi, mardi et jeudi`.
pub fn weekly(days: &[Weekday]) -> String {
    let names: Vec<&str> = days.iter().map(|d| d.label()).collect();
    let list = match names.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} et {last}", rest.join(", ")),
    };
    format!("Chaque {list}")
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SlotView {
    pub date: Day,
    pub hours: String,
    pub volunteers: u32,
    pub past: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecurrenceView {
    pub rhythm: String,
    pub hours: String,
    pub from: Day,
    pub until: Option<Day>,
    pub volunteers: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct CallDetail {
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
}

impl CallDetail {
    pub fn of(id: CallId, r: &Renderer) -> CallDetail {
        let (index, urls) = (r.index, &r.urls);
        let c = index.call(id);
        let (slots, recurrence) = match &c.schedule {
            Schedule::Slots(slots) => {
                let mut s: Vec<SlotView> = slots
                    .iter()
                    .map(|s| SlotView {
                        date: Day::with_weekday(s.date),
                        hours: span(s.start, s.end),
                        volunteers: s.volunteers,
                        past: s.date < index.today,
                    })
                    .collect();
                s.sort_by(|a, b| a.date.iso.cmp(&b.date.iso));
                (s, None)
            }
            Schedule::Recurrence(r) => (
                Vec::new(),
                Some(RecurrenceView {
                    rhythm: weekly(&r.days),
                    hours: span(r.start, r.end),
                    from: Day::of(r.from),
                    until: r.until.map(Day::of),
                    volunteers: r.volunteers,
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
            deadline: c.deadline.map(Day::of),
            open_to_minors: c.open_to_minors,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceCard {
    pub slug: String,
    pub url: String,
    pub title: String,
    pub kind: &'static str,
    pub kind_word: &'static str,
    pub category: Link,
    pub quantity: Option<String>,
    pub commune: Option<String>,
    pub association: Link,
    /// `À consommer avant le …` or `Jusqu'au …`.
    pub until: Option<String>,
    pub archived: bool,
    pub status: &'static str,
    pub ended: Option<Day>,
}

impl ResourceCard {
    pub fn of(r: &Resource, index: &Index, urls: &Urls) -> ResourceCard {
        let a = index.association_by_slug(&r.association);
        let until = match (r.expires, r.available.as_ref().and_then(|a| a.until)) {
            (Some(e), _) => Some(format!("À consommer avant le {}", french(e))),
            (None, Some(u)) => Some(format!("Jusqu'au {}", french(u))),
            _ => None,
        };
        ResourceCard {
            slug: r.slug.clone(),
            url: urls.resource(&r.slug),
            title: r.title.clone(),
            kind: r.kind.label(),
            kind_word: r.kind.word(),
            category: Link {
                label: r.category.label().to_string(),
                url: urls.resources_of_category(r.category),
            },
            quantity: r.quantity.as_ref().map(|q| q.display()),
            commune: index
                .place_of(r.place.as_ref(), &r.association)
                .map(|p| p.city.clone()),
            association: Link {
                label: a.name.clone(),
                url: urls.association(&a.slug),
            },
            until,
            archived: r.is_archived(index.today),
            status: r.status.label(),
            ended: r.last_day().map(Day::of),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceDetail {
    /// The listing's [`ResourceCard`].
    #[serde(flatten)]
    pub card: Value,
    pub body_html: String,
    pub place: Option<PlaceView>,
    pub available_from: Option<Day>,
    pub available_until: Option<Day>,
    pub expires: Option<Day>,
    pub cold_chain: Option<bool>,
}

impl ResourceDetail {
    pub fn of(id: ResourceId, renderer: &Renderer) -> ResourceDetail {
        let (index, urls) = (renderer.index, &renderer.urls);
        let r = index.resource(id);
        ResourceDetail {
            card: renderer.resource_card(id),
            body_html: markdown::to_html(&r.body, 2),
            place: index
                .place_of(r.place.as_ref(), &r.association)
                .map(|p| PlaceView::of(p, urls)),
            available_from: r.available.as_ref().map(|a| Day::of(a.from)),
            available_until: r.available.as_ref().and_then(|a| a.until).map(Day::of),
            expires: r.expires.map(Day::of),
            cold_chain: r.cold_chain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spoken_times_and_rhythms() {
        assert_eq!(
            span(Clock::from_minutes(540), Clock::from_minutes(1050)),
            "de 9 h à 17 h 30"
        );
        assert_eq!(
            weekly(&[Weekday::Mo, Weekday::We, Weekday::Sa]),
            "Chaque lundi, mercredi et samedi"
        );
        assert_eq!(weekly(&[Weekday::Sa]), "Chaque samedi");
    }
}
