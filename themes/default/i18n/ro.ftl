# ro.ftl — Fluent (https://projectfluent.org/fluent/guide/)
# Relecture : traduction écrite sans locuteur natif, À RELIRE par une personne dont c'est
# la langue maternelle. Chaque section porte « ## review: pending » tant qu'elle n'est pas relue ;
# la personne qui relit remplace la ligne par « ## review: done (nom, date) ».

## La langue, et le cadre de chaque page
## review: pending
language-name = Română
language-direction = ltr
og-locale = ro_RO
languages-menu = Limbi
skip-to-content = Salt la conținut
search-site = Căutați pe portal
search = Căutare
main-menu = Meniu principal
breadcrumbs = Traseu de navigare
menu-home = Acasă
menu-directory = Asociații
menu-calls = Voluntariat (în franceză)
menu-resources = Resurse (în franceză)
menu-propose = Propuneți (în franceză)
feed-calls = Apeluri pentru voluntari
feed-resources = Oferte și cereri
footer-about = { $title } — asociațiile solidare din teritoriul { $territory }.
footer-opendata = Date deschise (în franceză)
footer-moderation = Moderare (în franceză)
footer-feed-calls = Fluxul apelurilor pentru voluntari
footer-feed-resources = Fluxul ofertelor și cererilor
footer-calendar = Calendarul voluntariatului (iCalendar)

## Dates, heures et rythmes (generator/src/phrasing.rs)
## review: pending
month-1 = ianuarie
month-2 = februarie
month-3 = martie
month-4 = aprilie
month-5 = mai
month-6 = iunie
month-7 = iulie
month-8 = august
month-9 = septembrie
month-10 = octombrie
month-11 = noiembrie
month-12 = decembrie
weekday-mo = luni
weekday-tu = marți
weekday-we = miercuri
weekday-th = joi
weekday-fr = vineri
weekday-sa = sâmbătă
weekday-su = duminică
date = { $day } { $month } { $year }
day-month = { $day } { $month }
date-weekday = { $weekday }, { $date }
time-hours = { $h }:00
time-minutes = { $h }:{ $mm }
range = { $start } – { $end }
span = de la { $start } la { $end }
list-comma = { ", " }
list-semicolon = { "; " }
list-and = { $rest } și { $last }
weekly = În fiecare { $days }
starting = începând cu { $date }
other-dates = (și încă { $n } date)
closed = închis
day-closed = Închis
closed-because = închis ({ $note })
closed-exceptionally = închis (închidere excepțională)
closed-out-of-season = închis (deschis între { $from } și { $to })
closed-holiday = închis (zi de sărbătoare legală)
holiday-ask = zi de sărbătoare: interesați-vă
hours-ask = program: interesați-vă
holidays-open = Deschis în zilele de sărbătoare legală
holidays-closed = Închis în zilele de sărbătoare legală
holidays-ask = Zile de sărbătoare: interesați-vă
closure-day = Închis pe { $date }
closure-days = Închis între { $from } și { $to }
with-note = { $text } ({ $note })
with-explanation = { $text }: { $note }
season = Deschis în fiecare an între { $from } și { $to }
access-sans-condition = Fără condiții
access-sur-inscription = Cu înscriere
access-sur-orientation = La recomandarea unui asistent social
access-sur-rendez-vous = Cu programare
fees-free = Gratuit
fees-paid = Se cere o contribuție financiară
publics-only = Rezervat pentru: { $list }
publics-welcome = Bineveniți în special: { $list }
use-by = A se consuma până la { $date }
available-until = Până la { $date }
distance-near = la mai puțin de 1 km
distance = la { $km } km
with-page = { $title } (pagina { $n })
places =
    { $n ->
        [one] { $n } loc
        [few] { $n } locuri
       *[other] { $n } de locuri
    }
sheet = foaia { $n } din { $of }

## Les pages du public (templates)
## review: pending
colon = { ": " }
stale = Informații de verificat
stale-notice = <strong>Informații de verificat</strong>: această pagină nu a mai fost verificată din <time datetime="{ $iso }">{ $date }</time>. Sunați înainte de a merge.
food-bank-partner = Partener al băncii de alimente
in-practice = Informații practice
phone = Telefon
email = E-mail
website = Site web
who-may-come = Cine poate veni
publics-only-label = Rezervat pentru
publics-label = Persoane primite în special
languages-spoken = Limbi vorbite
remote-only = Această asociație ajută de la distanță (telefon, e-mail) și nu are un loc de primire.
place-default = Loc de primire
place-in = { $place } din { $city }
how-to-get-there = Cum ajungeți:
closed-today = Închis astăzi (închidere excepțională).
hours-caption = Program de funcționare
hours-day = Ziua
hours-hours = Program
hours-ask-association = Program: interesați-vă la asociație.
closures-title = Închideri excepționale
closure-range = Între <time datetime="{ $fromiso }">{ $from }</time> și <time datetime="{ $toiso }">{ $to }</time>
accessibility = Accesibilitate
wheelchair-yes = Accesibil cu scaunul rulant.
wheelchair-no = Nu este accesibil cu scaunul rulant.
presentation = Prezentare
section-calls = Apeluri pentru voluntari (în franceză)
section-resources = Oferte și cereri (în franceză)
archived-count = { $n } apel(uri) sau anunț(uri) încheiate în arhivă
updated-on = Informații actualizate la <time datetime="{ $iso }">{ $date }</time>.
remote = De la distanță
call-number = Sunați la { $phone }
go-maps-app = Mergeți acolo cu aplicația de hărți
go-route = Traseu pe OpenStreetMap
go-map = Vedeți pe harta OpenStreetMap
page-noun = Pagina
page-previous = Pagina anterioară
page-next = Pagina următoare
pages-label = Paginile listei
sheet-noun = Foaia
sheet-previous = Foaia anterioară
sheet-next = Foaia următoare
sheets-label = Foile ghidului
emergency-title = Urgențe: apeluri gratuite, zi și noapte
emergency-115 = Adăpost de urgență (Samu social)
emergency-15 = Urgență medicală (Samu)
emergency-3919 = Violența împotriva femeilor, anonim
emergency-119 = Copii în pericol
emergency-112 = Urgențe, de pe orice telefon din Europa
emergency-114 = Urgențe pentru persoane surde sau cu deficiențe de auz, prin SMS
home-title = Găsiți ajutor aproape de dumneavoastră
home-need-now = Am nevoie de ajutor acum
home-other-ways = Alte moduri de căutare
by-commune = După localitate
by-category = După categorie
all-associations = Toate asociațiile ({ $n })
map-of-places = Harta locurilor de primire
between-title = Între asociații (în franceză)
between-notice = Acest spațiu servește asociațiilor pentru a se ajuta între ele: voluntariat, donații și împrumuturi de stocuri sau echipamente. Nu este ajutor pe care să-l puteți primi: pentru aceasta, alegeți o nevoie mai sus.
not-found-title = Pagina nu a fost găsită
not-found-text = Această adresă nu corespunde niciunei pagini. Poate a fost scrisă greșit sau pagina a fost retrasă.
back-home = Înapoi la pagina principală
browse-directory = Răsfoiți lista asociațiilor
see-calls = Vedeți apelurile pentru voluntari (în franceză)
see-resources = Vedeți ofertele și cererile (în franceză)
back-to-directory = Înapoi la listă
no-association-yet = Nicio asociație deocamdată.
associations-count =
    { $n ->
        [one] { $n } asociație.
       *[other] { $n } asociații.
    }
map-numbers = Numerele de pe hartă sunt cele din listă.
outline-credit = Conturul teritoriului: { $credit }.
map-show = Afișați harta interactivă

## Titres des pages et besoins (generator/src/render/pages)
## review: pending
need-manger = Mâncare
need-se-laver = Igienă
need-dormir = Dormit
need-s-habiller = Haine
need-se-soigner = Îngrijire medicală
need-demarches = Acte și formalități
need-parler = Să vorbiți cu cineva
title-directory = Lista asociațiilor
description-directory = Cele { $n } asociații solidare din teritoriul { $territory }, după categorie și localitate.
title-commune = Asociații din { $commune }
description-commune = Asociațiile solidare care primesc oameni în { $commune }.
description-need = { $need }: locurile de primire din teritoriul { $territory }, programul lor de azi și cine poate veni.
description-map = Unde sunt asociațiile solidare din teritoriul { $territory }: harta și lista locurilor.
map-title-count = Harta celor { $n } locuri de primire din teritoriul { $territory }
map-title-of = Harta locurilor de primire: { $what }
map-title-in = Harta locurilor de primire din { $commune }
title-map = Harta locurilor de primire
title-not-found = Pagina nu a fost găsită
title-search = Căutare
description-search = Căutați o asociație, un apel pentru voluntari, o ofertă sau o cerere.
title-guide = Ghid de tipărit: { $commune }
need-in = { $need } în { $commune }

## Les mots des scripts (open.js, dans data-words : ni ' ni " dans ces messages)
## review: pending
js-shown-one = asociație afișată
js-shown-many = asociații afișate
js-places-one = loc afișat
js-places-many = locuri afișate
js-open = Deschis acum, până la { $time }
js-later = Se deschide azi la { $time }
js-tomorrow = Se deschide mâine la { $time }
js-weekday = Se deschide { $day } la { $time }
js-date = Se deschide pe { $date } la { $time }
js-unknown = Program: interesați-vă
js-today = Astăzi
js-and = { " – " }
js-km = la { $km } km
js-near = la mai puțin de 1 km
js-places-sorted = Locuri ordonate de la cel mai apropiat la cel mai îndepărtat.
js-near-sorted = Asociații ordonate de la cea mai apropiată la cea mai îndepărtată.
js-locating = Se caută poziția dumneavoastră…
js-no-position = Poziție indisponibilă: lista își păstrează ordinea.
js-open-first = Cele deschise acum, primele.
filter = Filtrare
open-now = Deschis acum
open-saturday = Deschis sâmbătă
sort-near-me = Sortați după distanță (lângă mine)

## Le guide à imprimer et la recherche
## review: pending
guide-title = Unde găsiți ajutor în { $commune }
guide-sheets = Acest ghid încape pe { $n } foi A4, câte una pe pagină: tipăriți fiecare pagină cu comanda Tipărire a browserului.
guide-one-sheet = Această pagină încape pe o foaie A4: folosiți comanda Tipărire a browserului.
guide-back = Înapoi la asociațiile din { $commune }
guide-needs-label = Nevoile din ghid
guide-by-need = După nevoie:
guide-need-sheet = { $need } (foaia { $n })
guide-continued = (continuare)
guide-phone = Tel.
guide-access = Acces:
guide-empty = Nicio asociație nu este înscrisă deocamdată în această localitate.
guide-online = Adresele actualizate, programul zilei și celelalte localități:
guide-this-page = Această pagină:
guide-printed = informații din { $date }
guide-may-change = Programul se poate schimba: sunați înainte de a merge.
search-what = Ce căutați?
search-hint = De exemplu: mâncare, duș, dormit, masă gratuită, sâmbătă, Libourne.
search-browse = Răsfoiți
search-needs-js = Căutarea instantanee are nevoie de JavaScript. Fără el, totul se găsește răsfoind:
search-by-section = După rubrică
search-map = Hartă

## Les mots de search.js (dans data-words : ni ' ni " dans ces messages)
## review: pending
js-search-none = Niciun rezultat pentru « { $q } »: încercați alt cuvânt sau răsfoiți mai jos.
js-search-one = { $n } rezultat
js-search-other = { $n } rezultate
js-search-shown = (primele { $n } afișate)
js-search-all = { $n } cu toate cuvintele, primele

## Les titres des listes d'un public et d'un mode d'accès
## review: pending
heading-public = Publicuri: { $label }
heading-access = Acces: { $mode }
