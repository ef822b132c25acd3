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

## Les pages du public (templates)
## review: pending
colon = { ": " }
stale = Information to be checked
stale-notice = <strong>Information to be checked</strong>: this entry has not been checked since <time datetime="{ $iso }">{ $date }</time>. Call before you go.
food-bank-partner = Food bank partner
in-practice = Practical information
phone = Phone
email = Email
website = Website
who-may-come = Who can come
publics-only-label = Only for
publics-label = Especially welcome
languages-spoken = Languages spoken
remote-only = This organisation helps remotely (phone, email) and has no place to visit.
place-default = Place of welcome
place-in = { $place } in { $city }
how-to-get-there = How to get there:
closed-today = Closed today (exceptional closure).
hours-caption = Opening hours
hours-day = Day
hours-hours = Hours
hours-ask-association = Hours: ask the organisation.
closures-title = Exceptional closures
closure-range = From <time datetime="{ $fromiso }">{ $from }</time> to <time datetime="{ $toiso }">{ $to }</time>
accessibility = Accessibility
wheelchair-yes = Wheelchair accessible.
wheelchair-no = Not wheelchair accessible.
presentation = About
section-calls = Calls for volunteers (in French)
section-resources = Offers and requests (in French)
archived-count = { $n } ended call(s) or listing(s) in the archive
updated-on = Information updated on <time datetime="{ $iso }">{ $date }</time>.
remote = Remotely
call-number = Call { $phone }
go-maps-app = Go there with your maps app
go-route = Route on OpenStreetMap
go-map = See on the OpenStreetMap map
page-noun = Page
page-previous = Previous page
page-next = Next page
pages-label = Pages of the list
sheet-noun = Sheet
sheet-previous = Previous sheet
sheet-next = Next sheet
sheets-label = Sheets of the guide
emergency-title = Emergencies: free calls, day and night
emergency-115 = Emergency shelter (Samu social)
emergency-15 = Medical emergency (Samu)
emergency-3919 = Violence against women, anonymous
emergency-119 = Children in danger
emergency-112 = Emergencies, from any phone in Europe
emergency-114 = Emergencies for deaf or hard-of-hearing people, by text message
home-title = Find help near you
home-need-now = I need help now
home-other-ways = Other ways to search
by-commune = By town
by-category = By category
all-associations = All organisations ({ $n })
map-of-places = The map of places of welcome
between-title = Between organisations (in French)
between-notice = This space is for organisations to help each other: volunteering, gifts and loans of stock or equipment. It is not help to come and collect: for that, choose a need above.
not-found-title = Page not found
not-found-text = This address matches no page. It may have been mistyped, or the page has been removed.
back-home = Back to the home page
browse-directory = Browse the directory of organisations
see-calls = See the calls for volunteers (in French)
see-resources = See the offers and requests (in French)
back-to-directory = Back to the directory
no-association-yet = No organisation yet.
associations-count =
    { $n ->
        [one] { $n } organisation.
       *[other] { $n } organisations.
    }
map-numbers = The numbers on the map are those of the list.
outline-credit = Outline of the territory: { $credit }.
map-show = Show the interactive map

## Titres des pages et besoins (generator/src/render/pages)
## review: pending
need-manger = Eat
need-se-laver = Wash
need-dormir = Sleep
need-s-habiller = Clothes
need-se-soigner = Health care
need-demarches = Paperwork
need-parler = Talk to someone
title-directory = Directory of organisations
description-directory = The { $n } solidarity organisations of { $territory }, by category and by town.
title-commune = Organisations in { $commune }
description-commune = The solidarity organisations that welcome people in { $commune }.
description-need = { $need }: the places of welcome of { $territory }, their hours today and who may come.
description-map = Where the solidarity organisations of { $territory } are: the map and the list of places.
map-title-count = Map of the { $n } places of welcome of { $territory }
map-title-of = Map of places of welcome: { $what }
map-title-in = Map of places of welcome in { $commune }
title-map = Map of places of welcome
title-not-found = Page not found
title-search = Search
description-search = Search for an organisation, a call for volunteers, an offer or a request.
title-guide = Printable guide: { $commune }
need-in = { $need } in { $commune }

## Les mots des scripts (open.js, dans data-words : ni ' ni " dans ces messages)
## review: pending
js-shown-one = organisation shown
js-shown-many = organisations shown
js-places-one = place shown
js-places-many = places shown
js-open = Open now, until { $time }
js-later = Opens today at { $time }
js-tomorrow = Opens tomorrow at { $time }
js-weekday = Opens on { $day } at { $time }
js-date = Opens on { $date } at { $time }
js-unknown = Hours: ask first
js-today = Today
js-and = { " to " }
js-km = { $km } km away
js-near = less than 1 km away
js-places-sorted = Places sorted from nearest to farthest.
js-near-sorted = Organisations sorted from nearest to farthest.
js-locating = Finding your position…
js-no-position = Position unavailable: the list keeps its order.
js-open-first = Open now first.
filter = Filter
open-now = Open now
open-saturday = Open on Saturday
sort-near-me = Sort by distance (near me)

## Le guide à imprimer et la recherche
## review: pending
guide-title = Where to find help in { $commune }
guide-sheets = This guide fits on { $n } A4 sheets, one per page: print each page with your browser's Print command.
guide-one-sheet = This page fits on one A4 sheet: use your browser's Print command.
guide-back = Back to the organisations of { $commune }
guide-needs-label = Needs in the guide
guide-by-need = By need:
guide-need-sheet = { $need } (sheet { $n })
guide-continued = (continued)
guide-phone = Tel.
guide-access = Getting there:
guide-empty = No organisation is listed in this town yet.
guide-online = Up-to-date addresses, today's hours and the other towns:
guide-this-page = This page:
guide-printed = information of { $date }
guide-may-change = Hours may change: call before you go.
search-what = What are you looking for?
search-hint = For example: eat, shower, sleep, free meal, Saturday, Libourne.
search-browse = Browse
search-needs-js = Instant search needs JavaScript. Without it, everything can be found by browsing:
search-by-section = By section
search-map = Map

## Les mots de search.js (dans data-words : ni ' ni " dans ces messages)
## review: pending
js-search-none = No result for « { $q } »: try another word, or browse below.
js-search-one = { $n } result
js-search-other = { $n } results
js-search-shown = (the first { $n } shown)
js-search-all = { $n } with all the words, first

## Les titres des listes d'un public et d'un mode d'accès
## review: pending
heading-public = Publics: { $label }
heading-access = Access: { $mode }
