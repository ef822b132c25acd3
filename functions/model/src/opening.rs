//! Whether a place opens on a given day, and when it next opens: its hours, its closures,
//! its season and the public holidays, in one place. The generator says today's hours with
//! it at build time; the theme's `open.js` computes the same in the browser (the same rules,
//! in the same order).

use jiff::civil::{Date, DateTime};

use crate::association::{Closure, HolidayPolicy, Location, Season};
use crate::shapes::{Clock, TimeRange, Weekday};

/// What a place does on one day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Day<'a> {
    /// Open at these hours.
    Open(&'a [TimeRange]),
    /// Not a day of its week.
    Closed,
    /// Closed all day by one of its closures.
    Closure(&'a Closure),
    /// Outside the part of the year it opens.
    OutOfSeason(&'a Season),
    /// A public holiday on which it is closed, or on which it did not say.
    Holiday(HolidayPolicy),
    /// It has no hours: ask.
    Unknown,
}

impl Location {
    /// What the place does on `date`. The checks come in the browser's order: no hours,
    /// closures, season, public holidays, then the week.
    pub fn day(&self, date: Date) -> Day<'_> {
        let Some(hours) = &self.hours else {
            return Day::Unknown;
        };
        if let Some(c) = self
            .closures
            .iter()
            .find(|c| c.from <= date && date <= c.to)
        {
            return Day::Closure(c);
        }
        if let Some(s) = self.season.as_ref().filter(|s| !s.holds(date)) {
            return Day::OutOfSeason(s);
        }
        if is_public_holiday(date) && self.public_holidays != HolidayPolicy::Open {
            return Day::Holiday(self.public_holidays);
        }
        match hours.on(Weekday::of(date)) {
            [] => Day::Closed,
            ranges => Day::Open(ranges),
        }
    }

    /// When the place next opens at or after `now`: the day and the time, within a year;
    /// `now` itself when it is open then.
    pub fn next_opening(&self, now: DateTime) -> Option<(Date, Clock)> {
        let minute = now.hour() as u16 * 60 + now.minute() as u16;
        let mut date = now.date();
        for n in 0..=366 {
            if let Day::Open(ranges) = self.day(date) {
                let found = ranges.iter().find(|r| n > 0 || r.end.minutes() > minute);
                if let Some(r) = found {
                    let at = if n == 0 && r.start.minutes() <= minute {
                        Clock::from_minutes(minute)
                    } else {
                        r.start
                    };
                    return Some((date, at));
                }
            }
            date = date.tomorrow().ok()?;
        }
        None
    }
}

/// Whether `date` is a public holiday in France: the eight fixed days, Easter Monday,
/// Ascension Day and Whit Monday (Alsace and Moselle have two more, not counted here).
pub fn is_public_holiday(date: Date) -> bool {
    let fixed = [
        (1, 1),
        (5, 1),
        (5, 8),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    if fixed.contains(&(date.month(), date.day())) {
        return true;
    }
    let easter = easter(date.year());
    [1, 39, 50]
        .iter()
        .any(|&n| easter.checked_add(jiff::Span::new().days(n)).ok() == Some(date))
}

/// Easter Sunday of `year` (the anonymous Gregorian algorithm, as `open.js` computes it).
fn easter(year: i16) -> Date {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e, f) = (b / 4, b % 4, (b + 8) / 25);
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).expect("Easter is a day of the year")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::association::MonthDay;
    use crate::shapes::Hours;
    use jiff::civil::date;

    fn place(season: Option<Season>) -> Location {
        let range = |a: u16, b: u16| TimeRange {
            start: Clock::from_minutes(a),
            end: Clock::from_minutes(b),
        };
        Location {
            hours: Some(Hours(vec![
                (Weekday::Tu, vec![range(540, 720), range(840, 1050)]),
                (Weekday::Sa, vec![range(540, 720)]),
            ])),
            public_holidays: HolidayPolicy::Closed,
            closures: vec![Closure {
                from: date(2026, 12, 24),
                to: date(2027, 1, 2),
                note: None,
            }],
            season,
            ..Location::default()
        }
    }

    #[test]
    fn holidays_follow_easter() {
        assert_eq!(easter(2026), date(2026, 4, 5));
        assert_eq!(easter(2027), date(2027, 3, 28));
        for d in [
            date(2026, 4, 6),
            date(2026, 5, 14),
            date(2026, 5, 25),
            date(2026, 7, 14),
        ] {
            assert!(is_public_holiday(d), "{d}");
        }
        assert!(!is_public_holiday(date(2026, 11, 24)));
    }

    #[test]
    fn days_say_why_a_place_is_closed() {
        let p = place(None);
        assert!(matches!(p.day(date(2026, 11, 24)), Day::Open(r) if r.len() == 2));
        assert_eq!(p.day(date(2026, 11, 23)), Day::Closed);
        assert!(matches!(p.day(date(2026, 12, 29)), Day::Closure(_)));
        assert_eq!(
            p.day(date(2026, 7, 14)),
            Day::Holiday(HolidayPolicy::Closed)
        );
        let winter = place(Some(Season {
            from: MonthDay { month: 11, day: 1 },
            to: MonthDay { month: 3, day: 31 },
            note: None,
        }));
        assert!(matches!(winter.day(date(2026, 6, 2)), Day::OutOfSeason(_)));
        assert!(matches!(winter.day(date(2027, 2, 2)), Day::Open(_)));
    }

    #[test]
    fn the_next_opening_is_now_later_today_or_another_day() {
        let p = place(None);
        let at = |d: Date, h: i8, m: i8| d.at(h, m, 0, 0);
        let tuesday = date(2026, 11, 24);
        // Open at 10:00; at 12:30 it opens again at 14:00; after 17:30, on Saturday.
        assert_eq!(
            p.next_opening(at(tuesday, 10, 0)),
            Some((tuesday, Clock::from_minutes(600)))
        );
        assert_eq!(
            p.next_opening(at(tuesday, 12, 30)),
            Some((tuesday, Clock::from_minutes(840)))
        );
        assert_eq!(
            p.next_opening(at(tuesday, 18, 0)),
            Some((date(2026, 11, 28), Clock::from_minutes(540)))
        );
        // In the year-end closure: the first Tuesday after it.
        assert_eq!(
            p.next_opening(at(date(2026, 12, 24), 8, 0)),
            Some((date(2027, 1, 5), Clock::from_minutes(540)))
        );
        assert_eq!(Location::default().next_opening(at(tuesday, 8, 0)), None);
    }
}
