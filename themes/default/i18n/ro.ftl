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
