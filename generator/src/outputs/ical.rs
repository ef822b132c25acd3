//! The iCalendar file of volunteer slots (RFC 5545): one-off slots as events, weekly needs
//! as events with an RRULE, all in the site's time zone, described by a VTIMEZONE.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use portal_model::shapes::{Clock, Weekday};
use portal_model::volunteer_call::Schedule;

use crate::index::Index;
use crate::urls::Urls;

/// Builds the calendar of the open calls' slots.
pub(crate) fn calendar(index: &Index, urls: &Urls) -> String {
    let tz = index.content.config.time_zone();
    let tzid = index.content.config.timezone.as_str();
    let host = urls
        .origin
        .split_once("://")
        .map(|(_, h)| h.split('/').next().unwrap_or(h))
        .unwrap_or("portail")
        .to_string();
    let stamp = format!("{}T000000Z", compact(index.today));
    let mut cal = Lines::default();
    cal.push("BEGIN:VCALENDAR");
    cal.push("VERSION:2.0");
    cal.push("PRODID:-//portail-solidarites//portal//FR");
    cal.push("CALSCALE:GREGORIAN");
    cal.push("METHOD:PUBLISH");
    cal.prop(
        "X-WR-CALNAME",
        &format!("{} : bénévolat", index.content.config.title),
    );
    cal.push(&format!("X-WR-TIMEZONE:{tzid}"));

    let mut events = Lines::default();
    let mut years = (index.today.year(), index.today.year());
    for call in index.open_calls().iter().map(|&id| index.call(id)) {
        let common = |ev: &mut Lines| {
            ev.prop("SUMMARY", &call.title);
            ev.push(&format!("URL:{}", urls.absolute(&urls.call(&call.slug))));
            let a = index.association_by_slug(&call.association);
            ev.prop("DESCRIPTION", &format!("{} cherche des bénévoles.", a.name));
            if let Some(p) = index.place_of(call.place.as_ref(), &call.association) {
                ev.prop(
                    "LOCATION",
                    &format!("{}, {} {}", p.address, p.postal_code, p.city),
                );
                ev.push(&format!("GEO:{};{}", p.geo.lat, p.geo.lon));
            }
        };
        match &call.schedule {
            Schedule::Slots(slots) => {
                for s in slots {
                    years = (years.0.min(s.date.year()), years.1.max(s.date.year()));
                    events.push("BEGIN:VEVENT");
                    events.push(&format!(
                        "UID:{}-{}-{}@{host}",
                        call.slug,
                        compact(s.date),
                        s.start.minutes()
                    ));
                    events.push(&format!("DTSTAMP:{stamp}"));
                    events.push(&format!("DTSTART;TZID={tzid}:{}", local(s.date, s.start)));
                    events.push(&format!("DTEND;TZID={tzid}:{}", local(s.date, s.end)));
                    common(&mut events);
                    events.push("END:VEVENT");
                }
            }
            Schedule::Recurrence(r) => {
                let Some(first) = first_on(r.from, &r.days) else {
                    continue;
                };
                years = (years.0.min(first.year()), years.1.max(first.year()));
                events.push("BEGIN:VEVENT");
                events.push(&format!("UID:{}@{host}", call.slug));
                events.push(&format!("DTSTAMP:{stamp}"));
                events.push(&format!("DTSTART;TZID={tzid}:{}", local(first, r.start)));
                events.push(&format!("DTEND;TZID={tzid}:{}", local(first, r.end)));
                let days: Vec<&str> = r.days.iter().map(|d| d.ical()).collect();
                let mut rule = format!("RRULE:FREQ=WEEKLY;BYDAY={}", days.join(","));
                if let Some(last) = r.until {
                    years.1 = years.1.max(last.year());
                    rule.push_str(&format!(";UNTIL={}", until_utc(last, &tz)));
                }
                events.push(&rule);
                common(&mut events);
                events.push("END:VEVENT");
            }
        }
    }
    cal.lines
        .extend(vtimezone(&tz, tzid, years.0 - 1, years.1 + 1).lines);
    cal.lines.extend(events.lines);
    cal.push("END:VCALENDAR");
    cal.finish()
}

/// The first day on or after `from` that is one of `days`.
fn first_on(from: Date, days: &[Weekday]) -> Option<Date> {
    (0..7)
        .filter_map(|i| from.checked_add(jiff::Span::new().days(i)).ok())
        .find(|d| days.contains(&Weekday::of(*d)))
}

fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn local(d: Date, t: Clock) -> String {
    let m = t.minutes();
    if m >= 24 * 60 {
        // 24:00 is the next day's midnight.
        let next = d.tomorrow().unwrap_or(d);
        return format!("{}T000000", compact(next));
    }
    format!("{}T{:02}{:02}00", compact(d), m / 60, m % 60)
}

/// RFC 5545 wants UNTIL in UTC when DTSTART has a TZID: the end of `last` in the zone.
fn until_utc(last: Date, tz: &TimeZone) -> String {
    let end = DateTime::from_parts(last, jiff::civil::time(23, 59, 59, 0));
    let ts = tz.to_timestamp(end).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// A VTIMEZONE listing the zone's transitions between two years.
fn vtimezone(tz: &TimeZone, tzid: &str, from_year: i16, to_year: i16) -> Lines {
    let mut out = Lines::default();
    out.push("BEGIN:VTIMEZONE");
    out.push(&format!("TZID:{tzid}"));
    let start = tz
        .to_timestamp(DateTime::from_parts(
            jiff::civil::date(from_year, 1, 1),
            jiff::civil::time(0, 0, 0, 0),
        ))
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let mut before = tz.to_offset(start);
    let mut any = false;
    for t in tz.following(start) {
        let local = before.to_datetime(t.timestamp());
        if local.year() > to_year {
            break;
        }
        let part = if t.dst().is_dst() {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        out.push(&format!("BEGIN:{part}"));
        out.push(&format!("DTSTART:{}", local.strftime("%Y%m%dT%H%M%S")));
        out.push(&format!("TZOFFSETFROM:{}", offset(before)));
        out.push(&format!("TZOFFSETTO:{}", offset(t.offset())));
        out.prop("TZNAME", t.abbreviation());
        out.push(&format!("END:{part}"));
        before = t.offset();
        any = true;
    }
    if !any {
        out.push("BEGIN:STANDARD");
        out.push("DTSTART:19700101T000000");
        out.push(&format!("TZOFFSETFROM:{}", offset(before)));
        out.push(&format!("TZOFFSETTO:{}", offset(before)));
        out.push("END:STANDARD");
    }
    out.push("END:VTIMEZONE");
    out
}

fn offset(o: jiff::tz::Offset) -> String {
    let s = o.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let s = s.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// Content lines, folded at 75 octets and joined with CRLF as RFC 5545 requires.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
}

impl Lines {
    fn push(&mut self, line: &str) {
        self.lines.push(line.to_string());
    }

    /// A text property, escaped.
    fn prop(&mut self, name: &str, text: &str) {
        let escaped = text
            .replace('\\', "\\\\")
            .replace(';', "\\;")
            .replace(',', "\\,")
            .replace('\n', "\\n");
        self.lines.push(format!("{name}:{escaped}"));
    }

    fn finish(self) -> String {
        let mut out = String::new();
        for line in self.lines {
            let mut width = 0;
            for c in line.chars() {
                if width + c.len_utf8() > 75 {
                    out.push_str("\r\n ");
                    width = 1;
                }
                out.push(c);
                width += c.len_utf8();
            }
            out.push_str("\r\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn long_lines_are_folded_at_75_octets() {
        let mut l = Lines::default();
        l.prop("SUMMARY", &"é".repeat(60));
        let out = l.finish();
        assert!(out.split("\r\n").all(|line| line.len() <= 75), "{out}");
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(60))
        );
    }

    #[test]
    fn paris_has_two_transitions_a_year() {
        let tz = TimeZone::get("Europe/Paris").unwrap();
        let v = vtimezone(&tz, "Europe/Paris", 2026, 2026).finish();
        assert!(
            v.contains("DTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"),
            "{v}"
        );
        assert!(
            v.contains("DTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"),
            "{v}"
        );
    }

    #[test]
    fn recurrence_starts_on_its_first_day_and_ends_in_utc() {
        assert_eq!(
            first_on(date(2026, 11, 23), &[Weekday::Sa]),
            Some(date(2026, 11, 28))
        );
        let tz = TimeZone::get("Europe/Paris").unwrap();
        assert_eq!(until_utc(date(2026, 12, 31), &tz), "20261231T225959Z");
    }
}
