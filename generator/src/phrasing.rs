//! French phrasing: how dates, times, rhythms, distances and page numbers are said on the
//! site. Kept apart from the views, so that the sentences of one language are in one place
//! (with the labels the model gives its values: days, kinds, units, statuses).

use jiff::civil::Date;
use portal_model::access::Access;
use portal_model::association::{MonthDay, Season};
use portal_model::opening::Day;
use portal_model::shapes::{Clock, Hours, TimeRange, Weekday};
use portal_model::volunteer_call::{Schedule, VolunteerCall};

/// The no-break space: inside a time (`9 h 30`) and a phone number, so that neither is cut
/// at the end of a line, on a page or on paper.
pub(crate) const NBSP: char = '\u{a0}';

/// `1er décembre 2026`, `23 novembre 2026`.
pub(crate) fn french(date: Date) -> String {
    portal_model::french::date(date)
}

/// `samedi 12 décembre 2026`.
pub(crate) fn french_with_weekday(date: Date) -> String {
    portal_model::french::date_with_weekday(date)
}

/// `9 h`, `17 h 30`: times as they are said, with no-break spaces.
pub(crate) fn spoken(clock: Clock) -> String {
    let (h, m) = (clock.minutes() / 60, clock.minutes() % 60);
    if m == 0 {
        format!("{h}{NBSP}h")
    } else {
        format!("{h}{NBSP}h{NBSP}{m:02}")
    }
}

/// A phone number as shown, its groups of digits held together: `05 56 00 00 00`.
pub(crate) fn phone(display: &str) -> String {
    display.replace(' ', "\u{a0}")
}

/// `23 novembre`, `1er décembre`: a day of the month without its year.
pub(crate) fn day_month(month: i8, day: i8) -> String {
    let day = if day == 1 {
        "1er".to_string()
    } else {
        day.to_string()
    };
    format!("{day}{NBSP}{}", portal_model::french::month(month))
}

/// `Lundi 23 novembre`: the day a card's hours are said for.
pub(crate) fn weekday_day(date: Date) -> String {
    capitalize(&format!(
        "{} {}",
        Weekday::of(date).label(),
        day_month(date.month(), date.day())
    ))
}

fn month_day(d: MonthDay) -> String {
    day_month(d.month, d.day)
}

/// `Ouvert chaque année du 1er novembre au 31 mars` (and the season's note).
pub(crate) fn season(s: &Season) -> String {
    let mut out = format!(
        "Ouvert chaque année du {} au {}",
        month_day(s.from),
        month_day(s.to)
    );
    if let Some(note) = &s.note {
        out.push_str(" : ");
        out.push_str(note);
    }
    out
}

/// A place's hours on one day, as a card says them: `9 h à 12 h`, `fermé`, or why it is
/// closed.
pub(crate) fn day_text(day: Day) -> String {
    match day {
        Day::Open(ranges) => ranges_text(ranges),
        Day::Closed => "fermé".into(),
        Day::Closure(c) => match &c.note {
            Some(note) => format!("fermé ({note})"),
            None => "fermé (fermeture exceptionnelle)".into(),
        },
        Day::OutOfSeason(s) => format!(
            "fermé (ouvert du {} au {})",
            month_day(s.from),
            month_day(s.to)
        ),
        Day::Holiday(portal_model::association::HolidayPolicy::Closed) => {
            "fermé (jour férié)".into()
        }
        Day::Holiday(_) => "jour férié : se renseigner".into(),
        Day::Unknown => "horaires : se renseigner".into(),
    }
}

/// A closure to come: `Fermé du 24 décembre 2026 au 2 janvier 2027 (inventaire)`.
pub(crate) fn closure(c: &portal_model::association::Closure) -> String {
    let mut out = if c.from == c.to {
        format!("Fermé le {}", french(c.from))
    } else {
        format!("Fermé du {} au {}", french(c.from), french(c.to))
    };
    if let Some(note) = &c.note {
        out.push_str(&format!(" ({note})"));
    }
    out
}

/// Who may come, on one line: `Sur inscription, sur rendez-vous · Gratuit`.
pub(crate) fn access_line(access: &Access) -> String {
    let mut parts = Vec::new();
    let modes = access.modes_text();
    if !modes.is_empty() {
        parts.push(modes);
    }
    if let Some(fees) = access.fees {
        parts.push(fees.label().to_string());
    }
    parts.join(" · ")
}

/// The publics welcomed, on one line: `Réservé à : étudiants` when only they are received,
/// `Bienvenue en particulier : familles, femmes` otherwise.
pub(crate) fn publics_line(labels: &[String], only: bool) -> Option<String> {
    if labels.is_empty() {
        return None;
    }
    let list = labels
        .iter()
        .enumerate()
        .map(|(n, l)| if n == 0 { l.clone() } else { lower_first(l) })
        .collect::<Vec<_>>()
        .join(", ");
    Some(if only {
        format!("Réservé à : {}", lower_first(&list))
    } else {
        format!("Bienvenue en particulier : {}", lower_first(&list))
    })
}

/// The label with its first letter in lower case, unless it is an acronym (`LGBT+`).
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(_), Some(b)) if b.is_uppercase() => s.to_string(),
        (Some(a), _) => a.to_lowercase().chain(s.chars().skip(1)).collect(),
        _ => String::new(),
    }
}

/// `de 9 h à 12 h`.
pub(crate) fn span(start: Clock, end: Clock) -> String {
    format!("de {} à {}", spoken(start), spoken(end))
}

/// `9 h à 12 h, 14 h à 17 h`: seven times per place on every association page.
pub(crate) fn ranges_text(ranges: &[TimeRange]) -> String {
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

/// `Chaque samedi, de 9 h à 12 h` or `Samedi 12 décembre 2026, de 9 h à 12 h (et 2 autres dates)`.
pub(crate) fn when(c: &VolunteerCall, today: Date) -> String {
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
pub(crate) fn weekly(days: &[Weekday]) -> String {
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

/// `À consommer avant le …` for food with a use-by date, `Jusqu'au …` for what is available
/// until a day.
pub(crate) fn until(expires: Option<Date>, available_until: Option<Date>) -> Option<String> {
    match (expires, available_until) {
        (Some(e), _) => Some(format!("À consommer avant le {}", french(e))),
        (None, Some(u)) => Some(format!("Jusqu'au {}", french(u))),
        _ => None,
    }
}

/// Where the requests without a place are, in the list of needs by commune.
pub(crate) const REMOTE: &str = "À distance";

/// `à 12 km`, `à moins d'1 km`.
pub(crate) fn distance(km: f64) -> String {
    if km < 1.0 {
        "à moins d'1 km".to_string()
    } else {
        format!("à {:.0} km", km)
    }
}

/// A list's title on its page `n`: `Archives (page 2)`.
pub(crate) fn with_page(title: &str, n: usize) -> String {
    if n > 1 {
        format!("{title} (page {n})")
    } else {
        title.to_string()
    }
}

/// A number of places of welcome: `1 lieu`, `12 lieux`.
pub(crate) fn places(n: usize) -> String {
    if n > 1 {
        format!("{n} lieux")
    } else {
        format!("{n} lieu")
    }
}

/// Which sheet of a printed guide a page is: `feuille 2 sur 5`.
pub(crate) fn sheet(n: usize, of: usize) -> String {
    format!("feuille {n} sur {of}")
}

/// A day's hours in a table of opening hours: `9 h à 12 h, 14 h à 17 h`, or `Fermé`.
pub(crate) fn day_hours(ranges: &[TimeRange]) -> String {
    if ranges.is_empty() {
        "Fermé".to_string()
    } else {
        ranges_text(ranges)
    }
}

/// The open days of a week, on one line: `lundi 9 h à 12 h ; jeudi 14 h à 17 h`.
pub(crate) fn open_days(hours: &Hours) -> String {
    let open: Vec<String> = Weekday::ALL
        .iter()
        .filter_map(|&d| {
            let ranges = hours.on(d);
            (!ranges.is_empty()).then(|| format!("{} {}", d.label(), ranges_text(ranges)))
        })
        .collect();
    open.join(" ; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn french_dates() {
        assert_eq!(french(date(2026, 12, 1)), "1er décembre 2026");
        assert_eq!(
            french_with_weekday(date(2026, 12, 12)),
            "samedi 12 décembre 2026"
        );
    }

    #[test]
    fn publics_are_said_in_words() {
        let labels = ["Familles".to_string(), "Personnes LGBT+".to_string()];
        assert_eq!(
            publics_line(&labels, false).unwrap(),
            "Bienvenue en particulier : familles, personnes LGBT+"
        );
        assert_eq!(
            publics_line(&labels[..1], true).unwrap(),
            "Réservé à : familles"
        );
        assert_eq!(weekday_day(date(2026, 12, 1)), "Mardi 1er\u{a0}décembre");
    }

    #[test]
    fn spoken_times_and_rhythms() {
        assert_eq!(
            span(Clock::from_minutes(540), Clock::from_minutes(1050)),
            "de 9\u{a0}h à 17\u{a0}h\u{a0}30"
        );
        assert_eq!(
            weekly(&[Weekday::Mo, Weekday::We, Weekday::Sa]),
            "Chaque lundi, mercredi et samedi"
        );
        assert_eq!(weekly(&[Weekday::Sa]), "Chaque samedi");
    }
}
