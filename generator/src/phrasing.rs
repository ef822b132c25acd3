//! Phrasing: how dates, times, rhythms, distances and page numbers are said on the site,
//! in each language, through its catalogue (the messages `date`, `span`, `weekly`…: see
//! `themes/default/i18n/fr.ftl`). Kept apart from the views, so that the sentences are in
//! one place; the model keeps its French labels for files, forms and open data.

use jiff::civil::Date;
use portal_model::access::Access;
use portal_model::association::{MonthDay, Season};
use portal_model::opening::Day;
use portal_model::shapes::{Clock, Hours, TimeRange, Weekday};
use portal_model::volunteer_call::{Schedule, VolunteerCall};

use crate::i18n::{Arg, Lang};

fn month(l: &Lang, m: i8) -> String {
    l.t(&format!("month-{m}"))
}

/// A day of the week as said inside a sentence: `lundi`.
pub(crate) fn weekday(l: &Lang, d: Weekday) -> String {
    l.t(&format!("weekday-{}", d.key()))
}

/// `1er décembre 2026`, `23 novembre 2026`.
pub(crate) fn date(l: &Lang, date: Date) -> String {
    let m = month(l, date.month());
    l.f(
        "date",
        &[
            ("day", Arg::Number(date.day().into())),
            ("month", Arg::Text(&m)),
            ("year", Arg::Number(date.year().into())),
        ],
    )
}

/// `samedi 12 décembre 2026`.
pub(crate) fn date_with_weekday(l: &Lang, d: Date) -> String {
    let day = weekday(l, Weekday::of(d));
    let date = date(l, d);
    l.f(
        "date-weekday",
        &[("weekday", Arg::Text(&day)), ("date", Arg::Text(&date))],
    )
}

/// `9 h`, `17 h 30`: times as they are said, with no-break spaces.
pub(crate) fn spoken(l: &Lang, clock: Clock) -> String {
    let (h, m) = (clock.minutes() / 60, clock.minutes() % 60);
    let mm = format!("{m:02}");
    let key = if m == 0 { "time-hours" } else { "time-minutes" };
    l.f(key, &[("h", Arg::Number(h.into())), ("mm", Arg::Text(&mm))])
}

/// A phone number as shown, its groups of digits held together by no-break spaces (as the
/// catalogues' times are), so that it is not cut at the end of a line, on a page or on
/// paper: `05 56 00 00 00`.
pub(crate) fn phone(display: &str) -> String {
    display.replace(' ', "\u{a0}")
}

/// `23 novembre`, `1er décembre`: a day of the month without its year.
pub(crate) fn day_month(l: &Lang, m: i8, day: i8) -> String {
    let m = month(l, m);
    l.f(
        "day-month",
        &[("day", Arg::Number(day.into())), ("month", Arg::Text(&m))],
    )
}

/// `Lundi 23 novembre`: the day a card's hours are said for.
pub(crate) fn weekday_day(l: &Lang, date: Date) -> String {
    let day = weekday(l, Weekday::of(date));
    let dm = day_month(l, date.month(), date.day());
    capitalize(&l.f(
        "date-weekday",
        &[("weekday", Arg::Text(&day)), ("date", Arg::Text(&dm))],
    ))
}

fn month_day(l: &Lang, d: MonthDay) -> String {
    day_month(l, d.month, d.day)
}

/// `Ouvert chaque année du 1er novembre au 31 mars` (and the season's note).
pub(crate) fn season(l: &Lang, s: &Season) -> String {
    let (from, to) = (month_day(l, s.from), month_day(l, s.to));
    let text = l.f(
        "season",
        &[("from", Arg::Text(&from)), ("to", Arg::Text(&to))],
    );
    match &s.note {
        Some(note) => l.f(
            "with-explanation",
            &[("text", Arg::Text(&text)), ("note", Arg::Text(note))],
        ),
        None => text,
    }
}

/// A place's hours on one day, as a card says them: `9 h à 12 h`, `fermé`, or why it is
/// closed.
pub(crate) fn day_text(l: &Lang, day: Day) -> String {
    match day {
        Day::Open(ranges) => ranges_text(l, ranges),
        Day::Closed => l.t("closed"),
        Day::Closure(c) => match &c.note {
            Some(note) => l.f("closed-because", &[("note", Arg::Text(note))]),
            None => l.t("closed-exceptionally"),
        },
        Day::OutOfSeason(s) => {
            let (from, to) = (month_day(l, s.from), month_day(l, s.to));
            l.f(
                "closed-out-of-season",
                &[("from", Arg::Text(&from)), ("to", Arg::Text(&to))],
            )
        }
        Day::Holiday(portal_model::association::HolidayPolicy::Closed) => l.t("closed-holiday"),
        Day::Holiday(_) => l.t("holiday-ask"),
        Day::Unknown => l.t("hours-ask"),
    }
}

/// A closure to come: `Fermé du 24 décembre 2026 au 2 janvier 2027 (inventaire)`.
pub(crate) fn closure(l: &Lang, c: &portal_model::association::Closure) -> String {
    let text = if c.from == c.to {
        let d = date(l, c.from);
        l.f("closure-day", &[("date", Arg::Text(&d))])
    } else {
        let (from, to) = (date(l, c.from), date(l, c.to));
        l.f(
            "closure-days",
            &[("from", Arg::Text(&from)), ("to", Arg::Text(&to))],
        )
    };
    match &c.note {
        Some(note) => l.f(
            "with-note",
            &[("text", Arg::Text(&text)), ("note", Arg::Text(note))],
        ),
        None => text,
    }
}

/// An access mode's label: `Sur inscription`.
pub(crate) fn access_mode(l: &Lang, mode: portal_model::access::AccessMode) -> String {
    l.t(&format!("access-{}", mode.slug()))
}

/// Who may come, on one line: `Sur inscription, sur rendez-vous · Gratuit`.
pub(crate) fn access_line(l: &Lang, access: &Access) -> String {
    let mut parts = Vec::new();
    let modes: Vec<String> = access
        .modes
        .iter()
        .enumerate()
        .map(|(n, &m)| {
            let label = access_mode(l, m);
            if n == 0 { label } else { lower_first(&label) }
        })
        .collect();
    if !modes.is_empty() {
        parts.push(modes.join(&l.t("list-comma")));
    }
    if let Some(fees) = access.fees {
        parts.push(l.t(match fees {
            portal_model::access::Fees::Free => "fees-free",
            portal_model::access::Fees::Paid => "fees-paid",
        }));
    }
    parts.join(" · ")
}

/// The publics welcomed, on one line: `Réservé à : étudiants` when only they are received,
/// `Bienvenue en particulier : familles, femmes` otherwise.
pub(crate) fn publics_line(l: &Lang, labels: &[String], only: bool) -> Option<String> {
    if labels.is_empty() {
        return None;
    }
    let list = labels
        .iter()
        .enumerate()
        .map(|(n, label)| {
            if n == 0 {
                label.clone()
            } else {
                lower_first(label)
            }
        })
        .collect::<Vec<_>>()
        .join(&l.t("list-comma"));
    let list = lower_first(&list);
    let key = if only {
        "publics-only"
    } else {
        "publics-welcome"
    };
    Some(l.f(key, &[("list", Arg::Text(&list))]))
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
pub(crate) fn span(l: &Lang, start: Clock, end: Clock) -> String {
    let (start, end) = (spoken(l, start), spoken(l, end));
    l.f(
        "span",
        &[("start", Arg::Text(&start)), ("end", Arg::Text(&end))],
    )
}

/// `9 h à 12 h, 14 h à 17 h`: seven times per place on every association page.
pub(crate) fn ranges_text(l: &Lang, ranges: &[TimeRange]) -> String {
    let comma = l.t("list-comma");
    let mut out = String::new();
    for (n, r) in ranges.iter().enumerate() {
        if n > 0 {
            out.push_str(&comma);
        }
        let (start, end) = (spoken(l, r.start), spoken(l, r.end));
        out.push_str(&l.f(
            "range",
            &[("start", Arg::Text(&start)), ("end", Arg::Text(&end))],
        ));
    }
    out
}

/// `Chaque samedi, de 9 h à 12 h` or `Samedi 12 décembre 2026, de 9 h à 12 h (et 2 autres dates)`.
pub(crate) fn when(l: &Lang, c: &VolunteerCall, today: Date) -> String {
    let comma = l.t("list-comma");
    match &c.schedule {
        Schedule::Recurrence(r) => {
            let mut s = format!("{}{comma}{}", weekly(l, &r.days), span(l, r.start, r.end));
            if r.from > today {
                let d = date(l, r.from);
                s.push_str(&comma);
                s.push_str(&l.f("starting", &[("date", Arg::Text(&d))]));
            }
            s
        }
        Schedule::Slots(slots) => {
            let upcoming = c.upcoming_slots(today);
            let Some(first) = upcoming.first().copied().or_else(|| slots.last()) else {
                return String::new();
            };
            let mut s = format!(
                "{}{comma}{}",
                capitalize(&date_with_weekday(l, first.date)),
                span(l, first.start, first.end)
            );
            if upcoming.len() > 1 {
                s.push(' ');
                let others = (upcoming.len() - 1) as i64;
                s.push_str(&l.f("other-dates", &[("n", Arg::Number(others))]));
            }
            s
        }
    }
}

/// `Chaque samedi`, `Chaque lundi et jeudi`, `Chaque lundi, mardi et jeudi`.
pub(crate) fn weekly(l: &Lang, days: &[Weekday]) -> String {
    let names: Vec<String> = days.iter().map(|&d| weekday(l, d)).collect();
    let list = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let rest = rest.join(&l.t("list-comma"));
            l.f(
                "list-and",
                &[("rest", Arg::Text(&rest)), ("last", Arg::Text(last))],
            )
        }
    };
    l.f("weekly", &[("days", Arg::Text(&list))])
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
pub(crate) fn until(
    l: &Lang,
    expires: Option<Date>,
    available_until: Option<Date>,
) -> Option<String> {
    let (key, d) = match (expires, available_until) {
        (Some(e), _) => ("use-by", e),
        (None, Some(u)) => ("available-until", u),
        _ => return None,
    };
    let d = date(l, d);
    Some(l.f(key, &[("date", Arg::Text(&d))]))
}

/// Where the requests without a place are, in the list of needs by commune (a French-only
/// page: the word is also its address).
pub(crate) const REMOTE: &str = "À distance";

/// `à 12 km`, `à moins d'1 km`.
pub(crate) fn distance(l: &Lang, km: f64) -> String {
    if km < 1.0 {
        l.t("distance-near")
    } else {
        let km = format!("{km:.0}");
        l.f("distance", &[("km", Arg::Text(&km))])
    }
}

/// A list's title on its page `n`: `Archives (page 2)`.
pub(crate) fn with_page(l: &Lang, title: &str, n: usize) -> String {
    if n > 1 {
        l.f(
            "with-page",
            &[("title", Arg::Text(title)), ("n", Arg::Number(n as i64))],
        )
    } else {
        title.to_string()
    }
}

/// A number of places of welcome: `1 lieu`, `12 lieux`.
pub(crate) fn places(l: &Lang, n: usize) -> String {
    l.f("places", &[("n", Arg::Number(n as i64))])
}

/// Which sheet of a printed guide a page is: `feuille 2 sur 5`.
pub(crate) fn sheet(l: &Lang, n: usize, of: usize) -> String {
    l.f(
        "sheet",
        &[("n", Arg::Number(n as i64)), ("of", Arg::Number(of as i64))],
    )
}

/// A day's hours in a table of opening hours: `9 h à 12 h, 14 h à 17 h`, or `Fermé`.
pub(crate) fn day_hours(l: &Lang, ranges: &[TimeRange]) -> String {
    if ranges.is_empty() {
        l.t("day-closed")
    } else {
        ranges_text(l, ranges)
    }
}

/// The open days of a week, on one line: `lundi 9 h à 12 h ; jeudi 14 h à 17 h`.
pub(crate) fn open_days(l: &Lang, hours: &Hours) -> String {
    let open: Vec<String> = Weekday::ALL
        .iter()
        .filter_map(|&d| {
            let ranges = hours.on(d);
            (!ranges.is_empty()).then(|| format!("{} {}", weekday(l, d), ranges_text(l, ranges)))
        })
        .collect();
    open.join(&l.t("list-semicolon"))
}

/// A holiday policy as a place's page says it: `Fermé les jours fériés`.
pub(crate) fn holidays(l: &Lang, policy: portal_model::association::HolidayPolicy) -> String {
    use portal_model::association::HolidayPolicy;
    l.t(match policy {
        HolidayPolicy::Open => "holidays-open",
        HolidayPolicy::Closed => "holidays-closed",
        HolidayPolicy::Unknown => "holidays-ask",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::french;
    use jiff::civil::date as d;

    #[test]
    fn french_dates() {
        let l = french();
        assert_eq!(date(l, d(2026, 12, 1)), "1er décembre 2026");
        assert_eq!(
            date_with_weekday(l, d(2026, 12, 12)),
            "samedi 12 décembre 2026"
        );
    }

    #[test]
    fn publics_are_said_in_words() {
        let l = french();
        let labels = ["Familles".to_string(), "Personnes LGBT+".to_string()];
        assert_eq!(
            publics_line(l, &labels, false).unwrap(),
            "Bienvenue en particulier : familles, personnes LGBT+"
        );
        assert_eq!(
            publics_line(l, &labels[..1], true).unwrap(),
            "Réservé à : familles"
        );
        assert_eq!(weekday_day(l, d(2026, 12, 1)), "Mardi 1er\u{a0}décembre");
    }

    #[test]
    fn spoken_times_and_rhythms() {
        let l = french();
        assert_eq!(
            span(l, Clock::from_minutes(540), Clock::from_minutes(1050)),
            "de 9\u{a0}h à 17\u{a0}h\u{a0}30"
        );
        assert_eq!(
            weekly(l, &[Weekday::Mo, Weekday::We, Weekday::Sa]),
            "Chaque lundi, mercredi et samedi"
        );
        assert_eq!(weekly(l, &[Weekday::Sa]), "Chaque samedi");
    }
}
