# es.ftl — Fluent (https://projectfluent.org/fluent/guide/)
# Relecture : traduction écrite sans locuteur natif, À RELIRE par une personne dont c'est
# la langue maternelle. Chaque section porte « ## review: pending » tant qu'elle n'est pas relue ;
# la personne qui relit remplace la ligne par « ## review: done (nom, date) ».

## La langue, et le cadre de chaque page
## review: pending
language-name = Español
language-direction = ltr
og-locale = es_ES
languages-menu = Idiomas
skip-to-content = Ir al contenido
search-site = Buscar en el portal
search = Buscar
main-menu = Menú principal
breadcrumbs = Ruta de navegación
menu-home = Inicio
menu-directory = Asociaciones
menu-calls = Voluntariado (en francés)
menu-resources = Recursos (en francés)
menu-propose = Proponer (en francés)
feed-calls = Llamadas a voluntarios
feed-resources = Ofertas y solicitudes
footer-about = { $title } — las asociaciones solidarias del territorio { $territory }.
footer-opendata = Datos abiertos (en francés)
footer-moderation = Moderación (en francés)
footer-feed-calls = Canal de llamadas a voluntarios
footer-feed-resources = Canal de ofertas y solicitudes
footer-calendar = Agenda del voluntariado (iCalendar)

## Dates, heures et rythmes (generator/src/phrasing.rs)
## review: pending
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
weekday-mo = lunes
weekday-tu = martes
weekday-we = miércoles
weekday-th = jueves
weekday-fr = viernes
weekday-sa = sábado
weekday-su = domingo
date = { $day } de { $month } de { $year }
day-month = { $day } de { $month }
date-weekday = { $weekday } { $date }
time-hours = { $h }:00
time-minutes = { $h }:{ $mm }
range = { $start } a { $end }
span = de { $start } a { $end }
list-comma = { ", " }
list-semicolon = { "; " }
list-and = { $rest } y { $last }
weekly = Cada { $days }
starting = a partir del { $date }
other-dates =
    { $n ->
        [one] (y { $n } fecha más)
       *[other] (y { $n } fechas más)
    }
closed = cerrado
day-closed = Cerrado
closed-because = cerrado ({ $note })
closed-exceptionally = cerrado (cierre excepcional)
closed-out-of-season = cerrado (abierto del { $from } al { $to })
closed-holiday = cerrado (día festivo)
holiday-ask = día festivo: infórmese
hours-ask = horario: infórmese
holidays-open = Abierto los días festivos
holidays-closed = Cerrado los días festivos
holidays-ask = Días festivos: infórmese
closure-day = Cerrado el { $date }
closure-days = Cerrado del { $from } al { $to }
with-note = { $text } ({ $note })
with-explanation = { $text }: { $note }
season = Abierto cada año del { $from } al { $to }
access-sans-condition = Sin condiciones
access-sur-inscription = Con inscripción
access-sur-orientation = Derivado por un trabajador social
access-sur-rendez-vous = Con cita previa
fees-free = Gratuito
fees-paid = Se pide una contribución económica
publics-only = Reservado a: { $list }
publics-welcome = Bienvenidos en particular: { $list }
use-by = Consumir antes del { $date }
available-until = Hasta el { $date }
distance-near = a menos de 1 km
distance = a { $km } km
with-page = { $title } (página { $n })
places =
    { $n ->
        [one] { $n } lugar
       *[other] { $n } lugares
    }
sheet = hoja { $n } de { $of }
