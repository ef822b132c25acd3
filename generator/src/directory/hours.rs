//! OpenStreetMap's `opening_hours` (the syntax data·inclusion asks for, and the one a
//! spreadsheet's « Horaires » column is read in) into the model's week: ranges per weekday,
//! and whether the place closes on public holidays. Parsed by `opening-hours-syntax`; what
//! the model cannot say (dates, months, weeks, school holidays, sunrise, comments, fallback
//! rules, part of a day off) is refused with the reason, never guessed.

use opening_hours_syntax::rules::day::{HolidayKind, WeekDayRange};
use opening_hours_syntax::rules::time::Time;
use opening_hours_syntax::rules::{RuleKind, RuleOperator};
use serde_json::{Map, Value};

const KEYS: [&str; 7] = ["mo", "tu", "we", "th", "fr", "sa", "su"];
const DAY: u16 = 24 * 60;

/// A week of opening hours read from `opening_hours`.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Week {
    /// Per day from Monday, the ranges in minutes (`(540, 720)` for 09:00-12:00).
    days: [Vec<(u16, u16)>; 7],
    /// `closed` for `PH off`, `open` for `PH open`; none when the text does not say.
    pub(crate) holidays: Option<&'static str>,
}

/// What `opening_hours` holds that the model cannot say, in French.
pub(crate) const EXPECTED: &str = "des horaires opening_hours d'OpenStreetMap que le portail sait dire (jours de la semaine, plages horaires, PH off), ex. « Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off »";

/// Reads `text`; the error says, in French, what it holds that the model cannot.
pub(crate) fn parse(text: &str) -> Result<Week, String> {
    let expression = opening_hours_syntax::parse(text.trim()).map_err(|e| {
        // The parser's message draws the text; its `--> line:column` says where it fails.
        let message = e.to_string();
        let at = message
            .lines()
            .find_map(|l| l.trim().strip_prefix("--> "))
            .and_then(|p| p.split(':').nth(1))
            .map(|column| format!(", illisible dès le caractère {column}"))
            .unwrap_or_default();
        format!("une syntaxe opening_hours invalide{at}")
    })?;
    let mut week = Week::default();
    for rule in &expression.rules {
        if rule.operator == RuleOperator::Fallback {
            return Err(unsupported("une règle de repli « || »"));
        }
        if !rule.comment.is_empty() {
            return Err(unsupported(&format!(
                "un commentaire « {} » (à écrire dans la description)",
                rule.comment
            )));
        }
        let selector = &rule.day_selector;
        if !(selector.year.is_empty() && selector.monthday.is_empty() && selector.week.is_empty()) {
            return Err(unsupported(
                "des années, des mois, des dates ou des numéros de semaine (seuls les jours de la semaine et PH sont repris)",
            ));
        }
        let mut days = [false; 7];
        let mut holiday = false;
        for range in &selector.weekday {
            match range {
                WeekDayRange::Fixed {
                    range,
                    offset: 0,
                    nth_from_start,
                    nth_from_end,
                } if nth_from_start.iter().chain(nth_from_end).all(|n| *n) => {
                    let (mut d, end) = (
                        range.start().num_days_from_monday() as usize,
                        range.end().num_days_from_monday() as usize,
                    );
                    loop {
                        days[d] = true;
                        if d == end {
                            break;
                        }
                        d = (d + 1) % 7;
                    }
                }
                WeekDayRange::Fixed { .. } => {
                    return Err(unsupported(
                        "des jours choisis dans le mois (« Mo[1] ») ou décalés",
                    ));
                }
                WeekDayRange::Holiday {
                    kind: HolidayKind::Public,
                    offset: 0,
                } => holiday = true,
                WeekDayRange::Holiday { .. } => {
                    return Err(unsupported(
                        "les vacances scolaires (SH) ou un décalage de jours fériés",
                    ));
                }
            }
        }
        if selector.weekday.is_empty() {
            days = [true; 7];
        }
        let mut spans = Vec::new();
        for span in &rule.time_selector.spans {
            let (Time::Fixed(start), Time::Fixed(end)) = (&span.range.start, &span.range.end)
            else {
                return Err(unsupported(
                    "des heures variables (lever ou coucher du soleil…)",
                ));
            };
            if span.open_end || span.repeats.is_some() {
                return Err(unsupported("une fin ouverte (« + ») ou un horaire répété"));
            }
            let (start, mut end) = (start.mins_from_midnight(), end.mins_from_midnight());
            // `19:00-08:00` goes on past midnight, as `19:00-32:00` says it.
            if end < start && start < DAY {
                end += DAY;
            }
            if end <= start || start >= DAY {
                return Err(unsupported("une plage vide"));
            }
            spans.push((start, end));
        }
        let whole_day = spans == [(0, DAY)];
        match rule.kind {
            RuleKind::Unknown => return Err(unsupported("des horaires « unknown »")),
            RuleKind::Closed if !whole_day => {
                return Err(unsupported(
                    "une fermeture d'une partie de la journée (« off » avec des heures)",
                ));
            }
            _ => {}
        }
        if holiday {
            week.holidays = match (rule.kind, whole_day) {
                (RuleKind::Closed, _) => Some("closed"),
                (RuleKind::Open, true) => Some("open"),
                _ => {
                    return Err(unsupported(
                        "des horaires propres aux jours fériés (seuls « PH off » et « PH open » sont repris)",
                    ));
                }
            };
        }
        if holiday && selector.weekday.len() == 1 {
            continue;
        }
        let open = rule.kind == RuleKind::Open;
        // A Normal rule replaces what earlier rules said of its days; `,` adds to it.
        if rule.operator == RuleOperator::Normal {
            for (d, on) in days.iter().enumerate() {
                if *on {
                    week.days[d].clear();
                }
            }
        }
        if open {
            for (d, on) in days.iter().enumerate() {
                if !*on {
                    continue;
                }
                for &(start, end) in &spans {
                    week.days[d].push((start, end.min(DAY)));
                    // Past midnight: the rest is the next morning's.
                    if end > DAY {
                        week.days[(d + 1) % 7].push((0, end - DAY));
                    }
                }
            }
        }
    }
    for day in &mut week.days {
        day.sort_unstable();
    }
    Ok(week)
}

fn unsupported(what: &str) -> String {
    what.to_string()
}

impl Week {
    /// The model's `hours` field: `{"mo": ["09:00-12:00"], …}`, open days only; none when
    /// the week has no opening at all.
    pub(crate) fn hours(&self) -> Option<Value> {
        let clock = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        let mut map = Map::new();
        for (key, ranges) in KEYS.iter().zip(&self.days) {
            if !ranges.is_empty() {
                let ranges = ranges
                    .iter()
                    .map(|&(a, b)| Value::String(format!("{}-{}", clock(a), clock(b))))
                    .collect();
                map.insert((*key).to_string(), Value::Array(ranges));
            }
        }
        (!map.is_empty()).then_some(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(text: &str) -> (Option<Value>, Option<&'static str>) {
        let week = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (week.hours(), week.holidays)
    }

    #[test]
    fn weekdays_ranges_and_public_holidays_are_read() {
        assert_eq!(
            hours("Mo-Fr 08:30-12:30,14:00-17:00; Sa 09:00-12:00; PH off"),
            (
                Some(serde_json::json!({
                    "mo": ["08:30-12:30", "14:00-17:00"], "tu": ["08:30-12:30", "14:00-17:00"],
                    "we": ["08:30-12:30", "14:00-17:00"], "th": ["08:30-12:30", "14:00-17:00"],
                    "fr": ["08:30-12:30", "14:00-17:00"], "sa": ["09:00-12:00"]})),
                Some("closed")
            )
        );
        // A later rule replaces the days it names; `off` closes them; past midnight goes on
        // the next morning; a range of days may wrap around Sunday.
        assert_eq!(
            hours("Mo-Sa 10:00-12:00; We off; Fr 20:00-26:00; Su-Mo 18:00-19:00").0,
            Some(serde_json::json!({
                "mo": ["18:00-19:00"], "tu": ["10:00-12:00"], "th": ["10:00-12:00"],
                "fr": ["20:00-24:00"], "sa": ["00:00-02:00", "10:00-12:00"], "su": ["18:00-19:00"]}))
        );
        assert_eq!(
            hours("24/7").0.unwrap()["su"],
            serde_json::json!(["00:00-24:00"])
        );
        assert_eq!(
            hours("Su 19:00-08:00").0,
            Some(serde_json::json!({"mo": ["00:00-08:00"], "su": ["19:00-24:00"]}))
        );
        assert_eq!(hours("Tu 14:00-16:00; PH open").1, Some("open"));
    }

    #[test]
    fn what_the_model_cannot_say_is_refused_with_the_reason() {
        for (text, reason) in [
            (
                "Mo-Fr 09:00-12:00; Dec 25 off",
                "des années, des mois, des dates",
            ),
            (
                "Mo 09:00-12:00 \"sur rendez-vous\"",
                "un commentaire « sur rendez-vous »",
            ),
            ("Mo sunrise-12:00", "des heures variables"),
            ("Mo-Fr 09:00-12:00 || Sa 10:00-11:00", "une règle de repli"),
            ("SH off", "les vacances scolaires"),
            (
                "Mo 09:00-18:00; Mo 12:00-14:00 off",
                "une fermeture d'une partie",
            ),
            ("lundi 9h-12h", "une syntaxe opening_hours invalide"),
        ] {
            let error = parse(text).unwrap_err();
            assert!(error.contains(reason), "{text}: {error}");
        }
    }
}
