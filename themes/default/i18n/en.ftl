# en.ftl — Fluent (https://projectfluent.org/fluent/guide/)
# Relecture : traduction écrite sans locuteur natif, À RELIRE par une personne dont c'est
# la langue maternelle. Chaque section porte « ## review: pending » tant qu'elle n'est pas relue ;
# la personne qui relit remplace la ligne par « ## review: done (nom, date) ».

## La langue, et le cadre de chaque page
## review: pending
language-name = English
language-direction = ltr
og-locale = en_GB
languages-menu = Languages
skip-to-content = Skip to content
search-site = Search the portal
search = Search
main-menu = Main menu
breadcrumbs = Breadcrumbs
menu-home = Home
menu-directory = Organisations
menu-calls = Volunteering (in French)
menu-resources = Resources (in French)
menu-propose = Submit (in French)
feed-calls = Calls for volunteers
feed-resources = Offers and requests
footer-about = { $title } — the solidarity organisations of { $territory }.
footer-opendata = Open data (in French)
footer-moderation = Moderation (in French)
footer-feed-calls = Feed of calls for volunteers
footer-feed-resources = Feed of offers and requests
footer-calendar = Volunteering calendar (iCalendar)

## Dates, heures et rythmes (generator/src/phrasing.rs)
## review: pending
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
weekday-mo = Monday
weekday-tu = Tuesday
weekday-we = Wednesday
weekday-th = Thursday
weekday-fr = Friday
weekday-sa = Saturday
weekday-su = Sunday
date = { $day } { $month } { $year }
day-month = { $day } { $month }
date-weekday = { $weekday } { $date }
time-hours = { $h }:00
time-minutes = { $h }:{ $mm }
range = { $start } to { $end }
span = from { $start } to { $end }
list-comma = { ", " }
list-semicolon = { "; " }
list-and = { $rest } and { $last }
weekly = Every { $days }
starting = from { $date }
other-dates =
    { $n ->
        [one] (and { $n } other date)
       *[other] (and { $n } other dates)
    }
closed = closed
day-closed = Closed
closed-because = closed ({ $note })
closed-exceptionally = closed (exceptional closure)
closed-out-of-season = closed (open from { $from } to { $to })
closed-holiday = closed (public holiday)
holiday-ask = public holiday: ask first
hours-ask = hours: ask first
holidays-open = Open on public holidays
holidays-closed = Closed on public holidays
holidays-ask = Public holidays: ask first
closure-day = Closed on { $date }
closure-days = Closed from { $from } to { $to }
with-note = { $text } ({ $note })
with-explanation = { $text }: { $note }
season = Open every year from { $from } to { $to }
access-sans-condition = No conditions
access-sur-inscription = After registering
access-sur-orientation = Referred by a social worker
access-sur-rendez-vous = By appointment
fees-free = Free
fees-paid = A contribution is asked
publics-only = Only for: { $list }
publics-welcome = Especially welcome: { $list }
use-by = Use by { $date }
available-until = Until { $date }
distance-near = less than 1 km away
distance = { $km } km away
with-page = { $title } (page { $n })
places =
    { $n ->
        [one] { $n } place
       *[other] { $n } places
    }
sheet = sheet { $n } of { $of }
