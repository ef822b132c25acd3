//! A call for volunteers (`content/benevolat/<slug>.md`).

use jiff::civil::Date;
use serde::Serialize;

use crate::context::{Context, association_ref};
use crate::pos::Pos;
use crate::problem::{Problem, Problems};
use crate::read::{Fields, date, integer, join, list, non_empty_list, one_of, text};
use crate::shapes::{Clock, Place, Weekday};
use crate::translations::{self, Texts, Translations};
use crate::tree::Node;

/// A call for volunteers (*appel à bénévoles*): an association needs people, on given dates
/// or regularly.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct VolunteerCall {
    /// The file name without `.md`, which is also its address: `/benevolat/<slug>/`.
    pub slug: String,
    /// Its title, 3 to 150 characters.
    pub title: String,
    /// The slug of the association that calls.
    pub association: String,
    /// The skills wanted, in the editor's words.
    pub skills: Vec<String>,
    /// Where to come; the association's first place when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Whether it can be done at a distance.
    pub remote: bool,
    /// When people are needed.
    pub schedule: Schedule,
    /// The last day to answer, if any: the call is archived after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    /// Whether people under 18 may answer.
    pub open_to_minors: bool,
    /// Whether it still looks for people; filled or cancelled calls are archived.
    pub status: CallStatus,
    /// The description, in Markdown.
    pub body: String,
    /// Editors' translations of its public texts, by language (see [`crate::translations`]).
    #[serde(skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// When volunteers are needed: on given dates, or regularly.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Schedule {
    /// One-off dates (`slots`).
    Slots(Vec<Slot>),
    /// A weekly need (`recurrence`).
    Recurrence(Recurrence),
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule::Slots(Vec::new())
    }
}

/// A one-off need: this day, these hours, this many people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    /// The day.
    pub date: Date,
    /// When it starts.
    pub start: Clock,
    /// When it ends, after `start`.
    pub end: Clock,
    /// How many people are needed, at least 1.
    pub volunteers: u32,
}

/// A weekly need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recurrence {
    /// How often: `weekly`, the only frequency there is.
    pub freq: &'static str,
    /// The days of the week.
    pub days: Vec<Weekday>,
    /// When it starts on each of those days.
    pub start: Clock,
    /// When it ends, after `start`.
    pub end: Clock,
    /// The first day it applies.
    pub from: Date,
    /// The last day, if any: the call is archived after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// How many people are needed each time, at least 1.
    pub volunteers: u32,
}

/// Whether a call still looks for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CallStatus {
    /// It does.
    #[default]
    Open,
    /// Enough people answered.
    Filled,
    /// It no longer takes place.
    Cancelled,
}

impl CallStatus {
    /// What the page says, in French.
    pub fn label(self) -> &'static str {
        match self {
            CallStatus::Open => "Ouvert",
            CallStatus::Filled => "Complet",
            CallStatus::Cancelled => "Annulé",
        }
    }
}

impl VolunteerCall {
    pub(crate) const WHAT: &'static str = "un appel à bénévoles";

    pub(crate) fn decode(
        slug: &str,
        node: &Node,
        body: &str,
        cx: &Context,
        p: &mut Problems,
    ) -> VolunteerCall {
        let mut f = Fields::of_or_empty(node, "", "un en-tête YAML de champs", p);
        let bounds = &cx.site.territory.bounds;
        let title = f.required(
            "title",
            "un titre de 3 à 150 caractères",
            p,
            |n, path, p| text(n, path, p, (3, 150), true),
        );
        let association = f.required(
            "association",
            "l'identifiant d'une association de content/associations/",
            p,
            |n, path, p| association_ref(n, path, p, cx),
        );
        let skills = f
            .optional("skills", p, |n, path, p| {
                list(n, path, p, |n, path, p| text(n, path, p, (1, 80), true))
            })
            .unwrap_or_default();
        let place = f.optional("place", p, |n, path, p| Place::read(n, path, p, bounds));
        let remote = f.flag("remote", p);
        let slots = f.optional("slots", p, |n, path, p| {
            non_empty_list(n, path, p, "au moins un créneau", Slot::read)
        });
        let recurrence = f.optional("recurrence", p, Recurrence::read);
        let schedule = match (slots, recurrence, f.has("slots"), f.has("recurrence")) {
            (_, _, true, true) => {
                p.push(Problem::new(
                    f.at(),
                    "slots",
                    "soit slots (des dates), soit recurrence (un besoin régulier), pas les deux",
                    "slots et recurrence",
                ));
                Schedule::default()
            }
            (_, _, false, false) => {
                p.push(f.missing(
                    "slots",
                    "soit slots (des dates), soit recurrence (un besoin régulier)",
                ));
                Schedule::default()
            }
            (Some(slots), _, _, _) => Schedule::Slots(slots),
            (_, Some(recurrence), _, _) => Schedule::Recurrence(recurrence),
            _ => Schedule::default(),
        };
        let deadline = f.optional("deadline", p, date);
        let open_to_minors = f.flag("open_to_minors", p);
        let status = f
            .optional("status", p, |n, path, p| {
                one_of(n, path, p, &["open", "filled", "cancelled"])
            })
            .map(|s| match s {
                "filled" => CallStatus::Filled,
                "cancelled" => CallStatus::Cancelled,
                _ => CallStatus::Open,
            })
            .unwrap_or_default();
        let translations = translations::read(&mut f, Texts::Titled, cx, p);
        f.finish(Self::WHAT, p);
        VolunteerCall {
            slug: slug.to_string(),
            title,
            association,
            skills,
            place,
            remote,
            schedule,
            deadline,
            open_to_minors,
            status,
            body: body.to_string(),
            translations,
        }
    }

    /// The last day volunteers are needed: the last slot, the recurrence's end or the
    /// deadline, whichever comes first; `None` for an open-ended recurrence.
    pub fn last_day(&self) -> Option<Date> {
        let schedule_end = match &self.schedule {
            Schedule::Slots(slots) => slots.iter().map(|s| s.date).max(),
            Schedule::Recurrence(r) => r.until,
        };
        match (schedule_end, self.deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Archived: no longer open, or its last day is past.
    pub fn is_archived(&self, today: Date) -> bool {
        self.status != CallStatus::Open || self.last_day().is_some_and(|d| d < today)
    }

    /// The slots still to come (today included), in order.
    pub fn upcoming_slots(&self, today: Date) -> Vec<&Slot> {
        match &self.schedule {
            Schedule::Slots(slots) => {
                let mut s: Vec<&Slot> = slots.iter().filter(|s| s.date >= today).collect();
                s.sort_by_key(|s| (s.date, s.start));
                s
            }
            Schedule::Recurrence(_) => Vec::new(),
        }
    }
}

/// The start and end of a slot, the end after the start (`24:00` allowed).
fn hours_of(f: &mut Fields, p: &mut Problems, path: &str, at: Pos) -> (Clock, Clock) {
    let start = f.required("start", "l'heure de début, HH:MM", p, Clock::read);
    let end = f.required("end", "l'heure de fin, HH:MM", p, Clock::read_end);
    if end <= start && end != Clock::default() {
        p.push(Problem::new(
            at,
            join(path, "end"),
            format!("une heure de fin après le début ({start})"),
            end.to_string(),
        ));
    }
    (start, end)
}

fn volunteers(f: &mut Fields, p: &mut Problems) -> u32 {
    f.required(
        "volunteers",
        "le nombre de bénévoles recherchés (1 ou plus)",
        p,
        |n, path, p| {
            if let Some(r) = p.recorder() {
                r.shape(path, serde_json::json!({"minimum": 1}));
            }
            let v = integer(n, path, p)?;
            u32::try_from(v).ok().filter(|v| *v >= 1).or_else(|| {
                p.push(Problem::new(
                    n.at,
                    path,
                    "un nombre de bénévoles de 1 ou plus",
                    v.to_string(),
                ));
                None
            })
        },
    )
}

impl Slot {
    fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Slot> {
        let mut f = Fields::of(node, path, "un créneau {date, start, end, volunteers}", p)?;
        let before = p.len();
        let date = f.required("date", "le jour, AAAA-MM-JJ", p, date);
        let (start, end) = hours_of(&mut f, p, path, node.at);
        let volunteers = volunteers(&mut f, p);
        f.finish("un créneau", p);
        (p.len() == before).then_some(Slot {
            date,
            start,
            end,
            volunteers,
        })
    }
}

impl Recurrence {
    fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Recurrence> {
        let mut f = Fields::of(
            node,
            path,
            "une récurrence {freq, days, start, end, from, until, volunteers}",
            p,
        )?;
        let before = p.len();
        let freq = f.required("freq", "weekly", p, |n, path, p| {
            one_of(n, path, p, &["weekly"])
        });
        let mut days = f.required(
            "days",
            "les jours de la semaine (mo … su)",
            p,
            |n, path, p| non_empty_list(n, path, p, "au moins un jour", Weekday::read),
        );
        days.sort();
        days.dedup();
        let (start, end) = hours_of(&mut f, p, path, node.at);
        let from = f.required("from", "le premier jour, AAAA-MM-JJ", p, date);
        let until = f.optional("until", p, date);
        let volunteers = volunteers(&mut f, p);
        f.finish("une récurrence", p);
        if let Some(until) = until.filter(|u| *u < from && p.len() == before) {
            p.push(Problem::new(
                node.at,
                join(path, "until"),
                format!("une date de fin le {from} ou après"),
                until.to_string(),
            ));
        }
        (p.len() == before).then_some(Recurrence {
            freq,
            days,
            start,
            end,
            from,
            until,
            volunteers,
        })
    }
}
