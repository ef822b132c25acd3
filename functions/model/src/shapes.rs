//! The shapes shared by several content types: `Place`, `Hours`, `Contact` (and `Geo`,
//! defined with the territory's box in `geo.rs`).

use std::fmt::{self, Write as _};

use serde::{Serialize, Serializer};
use serde_json::json;

use crate::checks;
use crate::geo::Bounds;
// Where the other crates look for it, next to the places that carry it.
pub use crate::geo::Geo;
use crate::problem::{Problem, Problems, suggest};
use crate::read::{Fields, join, list, shaped, text};
use crate::tree::{Node, Value, quote};

/// An address with its position on the map.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Place {
    /// The place's own name (a hall, a parish centre), if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The number and street.
    pub address: String,
    /// Five digits, kept as text (`01000` keeps its zero).
    pub postal_code: String,
    /// The commune (the French municipality).
    pub city: String,
    /// Its point on the map, inside the territory.
    pub geo: Geo,
}

impl Place {
    /// Reads the fields of a place from `f`; the caller may read more fields from the same
    /// mapping (a location adds hours) and then calls `finish`.
    pub(crate) fn read_fields(f: &mut Fields, p: &mut Problems, bounds: &Bounds) -> Place {
        Place {
            name: f.optional("name", p, |n, path, p| text(n, path, p, (1, 150), true)),
            address: f.required(
                "address",
                "une adresse (numéro et rue)",
                p,
                |n, path, p| text(n, path, p, (3, 200), true),
            ),
            postal_code: f.required(
                "postal_code",
                "un code postal de 5 chiffres",
                p,
                postal_code,
            ),
            city: f.required("city", "le nom de la commune", p, |n, path, p| {
                text(n, path, p, (1, 100), true)
            }),
            geo: f.required("geo", "[latitude, longitude]", p, |n, path, p| {
                Geo::read(n, path, p, bounds)
            }),
        }
    }

    /// A place on its own (the `place` of a call or a listing).
    pub(crate) fn read(
        node: &Node,
        path: &str,
        p: &mut Problems,
        bounds: &Bounds,
    ) -> Option<Place> {
        let mut f = Fields::of(node, path, "un lieu (address, postal_code, city, geo)", p)?;
        let before = p.len();
        let place = Place::read_fields(&mut f, p, bounds);
        f.finish("un lieu", p);
        (p.len() == before).then_some(place)
    }
}

fn postal_code(node: &Node, path: &str, p: &mut Problems) -> Option<String> {
    const EXPECTED: &str = "un code postal de 5 chiffres";
    // YAML reads `postal_code: 01000` as the number 1000: the schema takes it.
    let raw = shaped(node, path, p, EXPECTED, || {
        json!({"type": ["string", "integer"], "pattern": "^\\s*[0-9]{5}\\s*$", "minimum": 1000, "maximum": 99999})
    })?
    .trim();
    if raw.len() == 5 && raw.bytes().all(|b| b.is_ascii_digit()) {
        Some(raw.to_string())
    } else {
        p.push(Problem::new(node.at, path, EXPECTED, quote(raw)));
        None
    }
}

/// A day of the week, as written in `hours` and `days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Monday (`lundi`).
    Mo,
    /// Tuesday (`mardi`).
    Tu,
    /// Wednesday (`mercredi`).
    We,
    /// Thursday (`jeudi`).
    Th,
    /// Friday (`vendredi`).
    Fr,
    /// Saturday (`samedi`).
    Sa,
    /// Sunday (`dimanche`).
    Su,
}

impl Weekday {
    /// The days from Monday, as the French week starts.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mo,
        Weekday::Tu,
        Weekday::We,
        Weekday::Th,
        Weekday::Fr,
        Weekday::Sa,
        Weekday::Su,
    ];
    const KEYS: [&'static str; 7] = ["mo", "tu", "we", "th", "fr", "sa", "su"];

    /// The two-letter key written in content files (`mo`…`su`).
    pub const fn key(self) -> &'static str {
        Self::KEYS[self as usize]
    }

    /// The day's French name, `lundi`…`dimanche`.
    pub fn label(self) -> &'static str {
        [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ][self as usize]
    }

    /// The two-letter iCalendar code (`MO`…`SU`).
    pub fn ical(self) -> &'static str {
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][self as usize]
    }

    pub(crate) fn from_key(key: &str) -> Option<Weekday> {
        Self::KEYS
            .iter()
            .position(|k| *k == key)
            .map(|i| Self::ALL[i])
    }

    /// The day of the week of `date`.
    pub fn of(date: jiff::civil::Date) -> Weekday {
        Self::ALL[date.weekday().to_monday_zero_offset() as usize]
    }

    /// Reads a day key, suggesting the right key for French names (`lundi`, `lu` → `mo`).
    pub(crate) fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Weekday> {
        let raw = shaped(
            node,
            path,
            p,
            DAY_EXPECTED,
            || json!({ "enum": Self::KEYS }),
        )?;
        Self::from_key(raw).or_else(|| {
            p.push(
                Problem::new(node.at, path, DAY_EXPECTED, quote(raw))
                    .with_suggestion(day_hint(raw)),
            );
            None
        })
    }
}

const DAY_EXPECTED: &str = "un jour parmi mo, tu, we, th, fr, sa, su";

/// The key an editor meant when writing a day in French or in a near-miss spelling.
fn day_hint(raw: &str) -> Option<String> {
    let lower = raw.to_lowercase();
    let prefix: String = lower.chars().take(3).collect();
    Weekday::ALL
        .iter()
        .find(|d| prefix.chars().count() >= 2 && d.label().starts_with(&prefix))
        .map(|d| d.key().to_string())
        .or_else(|| suggest(&lower, Weekday::KEYS))
}

/// The shape of a time of day `Clock::parse` takes before 24:00, for the schema.
const CLOCK: &str = "\\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\\s*";

/// A time of day, `HH:MM`; `24:00` may end a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Clock(u16);

impl Clock {
    /// The time `minutes` after midnight.
    pub fn from_minutes(minutes: u16) -> Clock {
        Clock(minutes)
    }

    /// How many minutes after midnight it is.
    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Parses `HH:MM` (`H:MM` tolerated), up to `24:00`.
    pub(crate) fn parse(raw: &str) -> Option<Clock> {
        let (h, m) = raw.trim().split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let h: u16 = h.parse().ok()?;
        let m: u16 = m.parse().ok()?;
        (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(Clock(h * 60 + m))
    }

    pub(crate) fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Clock> {
        const EXPECTED: &str = "une heure HH:MM";
        let raw = shaped(
            node,
            path,
            p,
            EXPECTED,
            || json!({"type": "string", "pattern": format!("^{CLOCK}$")}),
        )?;
        Clock::parse(raw).filter(|c| c.0 < 24 * 60).or_else(|| {
            p.push(Problem::new(node.at, path, EXPECTED, quote(raw)));
            None
        })
    }

    /// An end time: `HH:MM`, `24:00` included.
    pub(crate) fn read_end(node: &Node, path: &str, p: &mut Problems) -> Option<Clock> {
        const EXPECTED: &str = "l'heure de fin, HH:MM";
        let raw = shaped(
            node,
            path,
            p,
            EXPECTED,
            || json!({"type": "string", "pattern": format!("^({CLOCK}|\\s*24:00\\s*)$")}),
        )?;
        Clock::parse(raw).or_else(|| {
            p.push(Problem::new(node.at, path, EXPECTED, quote(raw)));
            None
        })
    }
}

impl fmt::Display for Clock {
    /// `HH:MM`, from its digits: hours are printed on every page and in every data file,
    /// and padded integer formatting cost more than the rest of the printing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m) = (self.0 / 60, self.0 % 60);
        let digit = |n: u16| b'0' + (n % 10) as u8;
        let digits = [digit(h / 10), digit(h), b':', digit(m / 10), digit(m)];
        f.write_str(std::str::from_utf8(&digits).expect("ASCII digits"))
    }
}

impl Serialize for Clock {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An opening range within one day, `start` before `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct TimeRange {
    /// When it opens.
    pub start: Clock,
    /// When it closes, after `start` (`24:00` at the latest).
    pub end: Clock,
}

impl TimeRange {
    /// Parses `HH:MM-HH:MM`, the end after the start.
    pub(crate) fn read(node: &Node, path: &str, p: &mut Problems) -> Option<TimeRange> {
        const EXPECTED: &str = "une plage HH:MM-HH:MM, la fin après le début";
        let raw = shaped(
            node,
            path,
            p,
            EXPECTED,
            || json!({"type": "string", "pattern": format!("^{CLOCK}-({CLOCK}|\\s*24:00\\s*)$")}),
        )?;
        let range = raw.split_once('-').and_then(|(a, b)| {
            let start = Clock::parse(a).filter(|c| c.0 < 24 * 60)?;
            Some(TimeRange {
                start,
                end: Clock::parse(b)?,
            })
        });
        match range {
            Some(r) if r.end > r.start => Some(r),
            Some(_) => {
                p.push(Problem::new(
                    node.at,
                    path,
                    EXPECTED,
                    format!("{} (une plage qui passe minuit s'écrit en deux plages, jusqu'à 24:00 puis dès 00:00)", quote(raw)),
                ));
                None
            }
            None => {
                p.push(Problem::new(node.at, path, EXPECTED, quote(raw)));
                None
            }
        }
    }
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// Opening hours: for each day, ranges in order that do not overlap.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Hours(pub Vec<(Weekday, Vec<TimeRange>)>);

impl Hours {
    pub(crate) fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Hours> {
        if let Some(r) = p.recorder() {
            r.shape(path, json!({"type": "object", "propertyNames": {"enum": Weekday::KEYS},
                "description": "des horaires par jour (mo … su) : des plages HH:MM-HH:MM qui ne se chevauchent pas"}));
            list(&crate::schema::PROBE, &join(path, "*"), p, TimeRange::read);
            return None;
        }
        let Value::Map(entries) = &node.value else {
            p.push(node.unexpected(path, "des horaires par jour (mo: [\"09:00-12:00\"], …)"));
            return None;
        };
        let before = p.len();
        let mut days = Vec::new();
        for e in entries {
            let day_path = join(path, &e.key);
            let key_node = Node::new(
                Value::Scalar {
                    text: e.key.clone(),
                    quoted: false,
                },
                e.key_at,
            );
            let Some(day) = Weekday::read(&key_node, &day_path, p) else {
                continue;
            };
            let Some(mut ranges) = list(&e.value, &day_path, p, TimeRange::read) else {
                continue;
            };
            ranges.sort();
            for pair in ranges.windows(2) {
                if pair[1].start < pair[0].end {
                    p.push(Problem::new(
                        e.value.at,
                        day_path.clone(),
                        "des plages horaires qui ne se chevauchent pas",
                        format!(
                            "{} qui chevauche {}",
                            quote(&pair[1].to_string()),
                            quote(&pair[0].to_string())
                        ),
                    ));
                }
            }
            days.push((day, ranges));
        }
        days.sort_by_key(|(d, _)| *d);
        (p.len() == before).then_some(Hours(days))
    }

    /// The ranges of `day`, none when closed.
    pub fn on(&self, day: Weekday) -> &[TimeRange] {
        self.0
            .iter()
            .find(|(d, _)| *d == day)
            .map(|(_, r)| r.as_slice())
            .unwrap_or(&[])
    }

    /// The schema.org / OpenStreetMap form: `Mo 09:00-12:00,14:00-17:00; Sa 09:00-12:00`.
    pub fn to_osm(&self) -> String {
        let mut out = String::new();
        for (d, ranges) in self.0.iter().filter(|(_, r)| !r.is_empty()) {
            if !out.is_empty() {
                out.push_str("; ");
            }
            let key = d.key();
            out.push_str(&key[..1].to_ascii_uppercase());
            out.push_str(&key[1..]);
            out.push(' ');
            for (n, r) in ranges.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                write!(out, "{r}").expect("a String takes any text");
            }
        }
        out
    }
}

/// How to reach an association.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Contact {
    /// A French telephone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<checks::Phone>,
    /// The association's e-mail address, published on its page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Its web site, `http://` or `https://`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

impl Contact {
    pub(crate) fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Contact> {
        let mut f = Fields::of(node, path, "un contact (phone, email, website)", p)?;
        let before = p.len();
        let contact = Contact {
            phone: f.optional("phone", p, checks::Phone::read),
            email: f.optional("email", p, checks::email),
            website: f.optional("website", p, checks::website),
        };
        f.finish("un contact", p);
        (p.len() == before).then_some(contact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::parse_yaml;

    fn hours(yaml: &str) -> Result<Hours, Vec<String>> {
        let node = parse_yaml(yaml, 1).unwrap();
        let mut p = Problems::new();
        Hours::read(&node, "hours", &mut p)
            .ok_or_else(|| p.into_sorted().iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn hours_accept_several_ranges_and_midnight() {
        let h = hours("mo: [\"09:00-12:00\", \"14:00-17:30\"]\nsa: 20:00-24:00\n").unwrap();
        assert_eq!(h.to_osm(), "Mo 09:00-12:00,14:00-17:30; Sa 20:00-24:00");
    }

    #[test]
    fn hours_refuse_overlaps_reversed_ranges_and_unknown_days() {
        let errors = hours("mo: [09:00-12:00, 11:00-14:00]\ntu: 18:00-02:00\nlundi: 09:00-10:00\n")
            .unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert_eq!(
            errors,
            [
                "1:5: hours.mo : attendu des plages horaires qui ne se chevauchent pas, trouvé « 11:00-14:00 » qui chevauche « 09:00-12:00 »",
                "2:5: hours.tu[0] : attendu une plage HH:MM-HH:MM, la fin après le début, trouvé « 18:00-02:00 » (une plage qui passe minuit s'écrit en deux plages, jusqu'à 24:00 puis dès 00:00)",
                "3:1: hours.lundi : attendu un jour parmi mo, tu, we, th, fr, sa, su, trouvé « lundi » ; vouliez-vous dire « mo » ?",
            ]
        );
    }

    #[test]
    fn clock_bounds() {
        assert_eq!(Clock::parse("24:00"), Some(Clock(1440)));
        assert_eq!(Clock::parse("24:01"), None);
        assert_eq!(
            Clock::parse("9:05").map(|c| c.to_string()),
            Some("09:05".into())
        );
    }
}
