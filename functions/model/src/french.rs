//! Dates said in French words, one rule for the pages, the functions' pages and the e-mails
//! (all French; issue #16's other languages go through the catalogues).

use jiff::civil::Date;

use crate::shapes::Weekday;

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The month's name, `1` → `janvier`.
pub fn month(month: i8) -> &'static str {
    MONTHS[month as usize - 1]
}

/// `1er décembre 2026`, `23 novembre 2026`.
pub fn date(d: Date) -> String {
    let day = if d.day() == 1 {
        "1er".to_string()
    } else {
        d.day().to_string()
    };
    format!("{day} {} {}", month(d.month()), d.year())
}

/// `samedi 12 décembre 2026`.
pub fn date_with_weekday(d: Date) -> String {
    let weekday = Weekday::ALL[d.weekday().to_monday_zero_offset() as usize];
    format!("{} {}", weekday.label(), date(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_said_as_in_french() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(date(d("2026-12-01")), "1er décembre 2026");
        assert_eq!(
            date_with_weekday(d("2026-12-12")),
            "samedi 12 décembre 2026"
        );
    }
}
