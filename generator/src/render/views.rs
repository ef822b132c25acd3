//! What templates see of an entry: content turned into ready-to-print values (dates said
//! in French, URLs, labels), so that themes hold markup only. The cards every list shows,
//! and the views of places and hours the detail pages share.

use jiff::civil::Date;
use portal_model::association::{Location, Season};
use portal_model::resource::Resource;
use portal_model::shapes::{Place, Weekday};
use portal_model::translations::LocationText;
use portal_model::volunteer_call::VolunteerCall;
use portal_model::{Association, checks::slugify};
use serde::Serialize;

use crate::i18n::{Lang, Said};
use crate::index::Index;
use crate::phrasing;
use crate::urls::{Link, Urls};

/// A date both for people and for machines (`<time datetime>`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Day {
    pub text: String,
    pub iso: String,
}

impl Day {
    pub(crate) fn of(lang: &Lang, date: Date) -> Day {
        Day {
            text: phrasing::date(lang, date),
            iso: date.to_string(),
        }
    }
    pub(crate) fn with_weekday(lang: &Lang, date: Date) -> Day {
        Day {
            text: phrasing::date_with_weekday(lang, date),
            iso: date.to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PlaceView {
    pub name: Option<String>,
    pub address: String,
    pub postal_code: String,
    pub city: String,
    pub commune_url: String,
    pub lat: f64,
    pub lon: f64,
    /// A link to the place on OpenStreetMap.
    pub map_url: String,
    /// `geo:` link: the phone's maps app, which offers the way there.
    pub geo_url: String,
    /// Directions on OpenStreetMap, for a browser without a maps app.
    pub route_url: String,
}

impl PlaceView {
    pub(crate) fn of(place: &Place, urls: &Urls) -> PlaceView {
        let (lat, lon) = (place.geo.lat, place.geo.lon);
        PlaceView {
            name: place.name.clone(),
            address: place.address.clone(),
            postal_code: place.postal_code.clone(),
            city: place.city.clone(),
            commune_url: urls.commune(&slugify(&place.city)),
            lat,
            lon,
            map_url: format!(
                "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
            ),
            geo_url: format!("geo:{lat},{lon}?q={lat},{lon}"),
            route_url: format!("https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lon}"),
        }
    }
}

/// A place's hours on the build's day, for pages read without JavaScript; the theme's
/// script says the day's own when it runs.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TodayView {
    /// `Lundi 23 novembre`: the day the hours are for, the build's.
    pub day: String,
    pub iso: String,
    /// `9 h à 12 h`, `fermé`, or why it is closed.
    pub text: String,
    pub open: bool,
}

impl TodayView {
    pub(crate) fn of(l: &Location, today: Date, lang: &Lang) -> TodayView {
        let day = l.day(today);
        TodayView {
            day: phrasing::weekday_day(lang, today),
            iso: today.to_string(),
            text: phrasing::day_text(lang, day),
            open: matches!(day, portal_model::opening::Day::Open(_)),
        }
    }
}

/// Who may come and how, in the site's words (publics by their labels).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct WhoView {
    /// `Sur inscription · Gratuit`; empty when the editor did not say.
    pub access: String,
    /// The precision, in the editor's words (translated when it is).
    pub note: Option<String>,
    /// The language of `note` when it is not the page's (`fr`), else empty.
    pub note_lang: String,
    /// The publics' labels (and the words of the former free list).
    pub publics: Vec<String>,
    pub only: bool,
    /// `Réservé à : étudiants`, `Bienvenue en particulier : familles`.
    pub publics_line: Option<String>,
}

impl WhoView {
    pub(crate) fn of(a: &Association, index: &Index, lang: &Lang) -> WhoView {
        let site = &index.content.config;
        let publics: Vec<String> = a
            .publics
            .iter()
            .map(|k| {
                site.publics
                    .label_in(k, &lang.code)
                    .unwrap_or(k)
                    .to_string()
            })
            .chain(
                a.public_other
                    .iter()
                    .map(|w| portal_model::publics::as_words(w)),
            )
            .collect();
        let note = a.access.as_ref().and_then(|x| x.note.as_deref()).map(|n| {
            let t = lang
                .translation(&a.translations)
                .and_then(|t| t.access_note());
            lang.said(n, t)
        });
        WhoView {
            access: a
                .access
                .as_ref()
                .map(|x| phrasing::access_line(lang, x))
                .unwrap_or_default(),
            note: note.map(|n| n.text.to_string()),
            note_lang: note.map(|n| n.lang.to_string()).unwrap_or_default(),
            publics_line: phrasing::publics_line(lang, &publics, a.publics_only),
            publics,
            only: a.publics_only,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct DayRow {
    pub day: String,
    pub key: &'static str,
    /// `9 h à 12 h, 14 h à 17 h`, or `Fermé`.
    pub text: String,
    pub open: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ClosureView {
    pub from: Day,
    pub to: Day,
    pub note: Option<String>,
    /// The place is closed today by this closure.
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct LocationView {
    pub place: PlaceView,
    pub hours: Vec<DayRow>,
    pub has_hours: bool,
    /// Hours in the OpenStreetMap / schema.org form, for scripts and open data.
    pub opening_hours: String,
    pub holidays: String,
    pub closures: Vec<ClosureView>,
    pub closed_today: bool,
    pub wheelchair: Option<bool>,
    pub access_notes: Option<String>,
    /// The language of `access_notes` when it is not the page's (`fr`), else empty.
    pub access_notes_lang: String,
    /// How to get there (tram, bus stop, landmark).
    pub directions: Option<String>,
    /// The language of `directions` when it is not the page's, else empty.
    pub directions_lang: String,
    /// `Ouvert chaque année du 1er novembre au 31 mars`.
    pub season: Option<String>,
    pub today: TodayView,
}

impl LocationView {
    /// The view of `l`, its texts in `lang` where `t` (the place's translated texts) has them.
    pub(crate) fn of(
        l: &Location,
        t: Option<&LocationText>,
        index: &Index,
        urls: &Urls,
        lang: &Lang,
    ) -> LocationView {
        let notes = l.accessibility.as_ref().and_then(|a| a.notes.as_deref());
        let notes = notes.map(|n| lang.said(n, t.and_then(|t| t.accessibility_notes())));
        let directions = l
            .directions
            .as_deref()
            .map(|d| lang.said(d, t.and_then(|t| t.directions.as_deref())));
        let season = l
            .season
            .as_ref()
            .map(|s| match t.and_then(|t| t.season_note()) {
                Some(note) if lang.index > 0 && s.note.is_some() => Season {
                    note: Some(note.to_string()),
                    ..s.clone()
                },
                _ => s.clone(),
            });
        let hours = l
            .hours
            .as_ref()
            .map(|h| {
                Weekday::ALL
                    .iter()
                    .map(|&d| {
                        let ranges = h.on(d);
                        DayRow {
                            day: phrasing::weekday(lang, d),
                            key: d.key(),
                            text: phrasing::day_hours(lang, ranges),
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
                from: Day::of(lang, c.from),
                to: Day::of(lang, c.to),
                note: c.note.clone(),
                current: c.from <= index.today,
            })
            .collect();
        LocationView {
            place: PlaceView::of(&l.place, urls),
            has_hours: l.hours.is_some(),
            opening_hours: l.hours.as_ref().map(|h| h.to_osm()).unwrap_or_default(),
            hours,
            holidays: phrasing::holidays(lang, l.public_holidays),
            closed_today: l.closed_on(index.today),
            closures,
            wheelchair: l.accessibility.as_ref().and_then(|a| a.wheelchair),
            access_notes: notes.map(|n| n.text.to_string()),
            access_notes_lang: notes.map(|n| n.lang.to_string()).unwrap_or_default(),
            directions: directions.map(|d| d.text.to_string()),
            directions_lang: directions.map(|d| d.lang.to_string()).unwrap_or_default(),
            season: season.as_ref().map(|s| phrasing::season(lang, s)),
            today: TodayView::of(l, index.today, lang),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct AssociationCard {
    pub slug: String,
    pub url: String,
    /// The name and the summary in the page's language when translated, else as written;
    /// `name_lang`, `summary_lang`: their language when it is not the page's, else empty.
    pub name: String,
    pub name_lang: String,
    pub summary: String,
    pub summary_lang: String,
    pub categories: Vec<Link>,
    pub communes: Vec<String>,
    pub remote_only: bool,
    /// Its information is older than `stale_after_months`: « informations à vérifier ».
    pub stale: bool,
    /// The places' hours, closures and positions as JSON, for the "open now" and "near
    /// me" filters computed in the browser.
    pub places_json: String,
    /// Each place's hours on the build's day (its commune when there are several).
    pub today: Vec<PlaceToday>,
    pub who: WhoView,
    pub phone: Option<PhoneView>,
}

/// A place's commune and its hours of the day, on a card.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PlaceToday {
    pub city: String,
    pub today: TodayView,
}

/// A phone number to call from a card or a page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PhoneView {
    /// `05 56 00 00 00`, with no-break spaces.
    pub display: String,
    /// For `tel:` links: `+33556000000`.
    pub tel: String,
}

impl PhoneView {
    pub(crate) fn of(a: &Association) -> Option<PhoneView> {
        let phone = a.contact.as_ref()?.phone.as_ref()?;
        Some(PhoneView {
            display: phrasing::phone(&phone.display),
            tel: phone.tel.clone(),
        })
    }
}

/// What the browser needs to tell whether a place is open and how far it is: per place,
/// `g` [lat, lon], `h` day → [[start, end] minutes], `c` closures [from, to], `f` whether
/// it opens on public holidays (`open`, `closed`, `unknown`), `s` its season [from, to]
/// (`MM-DD`) when it has one.
fn places_json<'a>(locations: impl Iterator<Item = &'a Location>) -> String {
    // Fields and days in alphabetical order: the page's bytes stay as they were when this
    // was a tree of JSON values (and structs serialise without building one per card).
    #[derive(Serialize)]
    struct PlaceTimes {
        c: Vec<[String; 2]>,
        f: &'static str,
        g: [f64; 2],
        h: Option<std::collections::BTreeMap<&'static str, Vec<[u16; 2]>>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        s: Option<[String; 2]>,
    }
    let places: Vec<PlaceTimes> = locations
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
            s: l.season
                .as_ref()
                .map(|s| [s.from.to_string(), s.to.to_string()]),
        })
        .collect();
    serde_json::to_string(&places).expect("JSON of plain data")
}

impl AssociationCard {
    pub(crate) fn of(a: &Association, index: &Index, urls: &Urls, lang: &Lang) -> AssociationCard {
        let mut communes: Vec<String> = Vec::new();
        for l in &a.locations {
            if !communes.contains(&l.place.city) {
                communes.push(l.place.city.clone());
            }
        }
        let (name, summary) = name_and_summary(a, lang);
        AssociationCard {
            slug: a.slug.clone(),
            url: urls.association(&a.slug),
            name: name.text.to_string(),
            name_lang: name.lang.to_string(),
            summary: summary.text.to_string(),
            summary_lang: summary.lang.to_string(),
            categories: category_links(&a.categories, index, urls, lang),
            communes,
            remote_only: a.remote_only,
            stale: a.is_stale(index.today, index.content.config.stale_after_months),
            places_json: places_json(a.locations.iter()),
            today: a
                .locations
                .iter()
                .map(|l| PlaceToday {
                    city: l.place.city.clone(),
                    today: TodayView::of(l, index.today, lang),
                })
                .collect(),
            who: WhoView::of(a, index, lang),
            phone: PhoneView::of(a),
        }
    }
}

/// One place of an association, as the pages of a need list it: where, today's hours, who
/// may come, the phone; the whole card leads to the place on the association's page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PlaceCard {
    pub url: String,
    /// As on [`AssociationCard`].
    pub name: String,
    pub name_lang: String,
    pub summary: String,
    pub summary_lang: String,
    pub place: PlaceView,
    pub today: TodayView,
    pub who: WhoView,
    pub phone: Option<PhoneView>,
    /// The place's hours as JSON, as [`AssociationCard::places_json`] (one place).
    pub places_json: String,
}

impl PlaceCard {
    /// The card of each place of `a`, in the order of its file.
    pub(crate) fn all_of(
        a: &Association,
        index: &Index,
        urls: &Urls,
        lang: &Lang,
    ) -> Vec<PlaceCard> {
        let who = WhoView::of(a, index, lang);
        let phone = PhoneView::of(a);
        let (name, summary) = name_and_summary(a, lang);
        a.locations
            .iter()
            .enumerate()
            .map(|(n, l)| PlaceCard {
                url: format!("{}#lieu-{}", urls.association(&a.slug), n + 1),
                name: name.text.to_string(),
                name_lang: name.lang.to_string(),
                summary: summary.text.to_string(),
                summary_lang: summary.lang.to_string(),
                place: PlaceView::of(&l.place, urls),
                today: TodayView::of(l, index.today, lang),
                who: who.clone(),
                phone: phone.clone(),
                places_json: places_json(std::iter::once(l)),
            })
            .collect()
    }
}

/// An association's name and summary as the pages of `lang` show them.
fn name_and_summary<'a>(a: &'a Association, lang: &'a Lang) -> (Said<'a>, Said<'a>) {
    let t = lang.translation(&a.translations);
    (
        lang.said(&a.name, t.and_then(|t| t.name.as_deref())),
        lang.said(&a.summary, t.and_then(|t| t.summary.as_deref())),
    )
}

fn category_links(keys: &[String], index: &Index, urls: &Urls, lang: &Lang) -> Vec<Link> {
    let categories = &index.content.config.categories;
    keys.iter()
        .map(|k| Link {
            label: categories.label_in(k, &lang.code).unwrap_or(k).to_string(),
            url: urls.category(k),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct CallCard {
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
    pub(crate) fn of(c: &VolunteerCall, index: &Index, urls: &Urls, lang: &Lang) -> CallCard {
        let a = index.association_by_slug(&c.association);
        CallCard {
            slug: c.slug.clone(),
            url: urls.call(&c.slug),
            title: c.title.clone(),
            association: Link {
                label: a.name.clone(),
                url: urls.association(&a.slug),
            },
            when: phrasing::when(lang, c, index.today),
            commune: index
                .place_of(c.place.as_ref(), &c.association)
                .map(|p| p.city.clone()),
            remote: c.remote,
            archived: c.is_archived(index.today),
            status: c.status.label(),
            ended: c.last_day().map(|d| Day::of(lang, d)),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ResourceCard {
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
    pub(crate) fn of(r: &Resource, index: &Index, urls: &Urls, lang: &Lang) -> ResourceCard {
        let a = index.association_by_slug(&r.association);
        let until = phrasing::until(lang, r.expires, r.available.as_ref().and_then(|a| a.until));
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
            ended: r.last_day().map(|d| Day::of(lang, d)),
        }
    }
}
