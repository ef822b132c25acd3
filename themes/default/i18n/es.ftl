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

## Les pages du public (templates)
## review: pending
colon = { ": " }
stale = Información por verificar
stale-notice = <strong>Información por verificar</strong>: esta ficha no se ha verificado desde el <time datetime="{ $iso }">{ $date }</time>. Llame antes de ir.
food-bank-partner = Socio del banco de alimentos
in-practice = Información práctica
phone = Teléfono
email = Correo electrónico
website = Sitio web
who-may-come = Quién puede venir
publics-only-label = Reservado a
publics-label = Público acogido en particular
languages-spoken = Idiomas hablados
remote-only = Esta asociación acompaña a distancia (teléfono, correo) y no tiene lugar de acogida.
place-default = Lugar de acogida
place-in = { $place } en { $city }
how-to-get-there = Cómo llegar:
closed-today = Cerrado hoy (cierre excepcional).
hours-caption = Horario de apertura
hours-day = Día
hours-hours = Horario
hours-ask-association = Horario: infórmese en la asociación.
closures-title = Cierres excepcionales
closure-range = Del <time datetime="{ $fromiso }">{ $from }</time> al <time datetime="{ $toiso }">{ $to }</time>
accessibility = Accesibilidad
wheelchair-yes = Accesible en silla de ruedas.
wheelchair-no = No accesible en silla de ruedas.
presentation = Presentación
section-calls = Llamadas a voluntarios (en francés)
section-resources = Ofertas y solicitudes (en francés)
archived-count = { $n } llamada(s) o anuncio(s) terminado(s) en el archivo
updated-on = Información actualizada el <time datetime="{ $iso }">{ $date }</time>.
remote = A distancia
call-number = Llamar al { $phone }
go-maps-app = Ir con la aplicación de mapas
go-route = Itinerario en OpenStreetMap
go-map = Ver en el mapa de OpenStreetMap
page-noun = Página
page-previous = Página anterior
page-next = Página siguiente
pages-label = Páginas de la lista
sheet-noun = Hoja
sheet-previous = Hoja anterior
sheet-next = Hoja siguiente
sheets-label = Hojas de la guía
emergency-title = Urgencias: llamadas gratuitas, día y noche
emergency-115 = Alojamiento de urgencia (Samu social)
emergency-15 = Urgencia médica (Samu)
emergency-3919 = Violencia contra las mujeres, anónimo
emergency-119 = Infancia en peligro
emergency-112 = Urgencias, desde cualquier teléfono en Europa
emergency-114 = Urgencias para personas sordas o con discapacidad auditiva, por SMS
home-title = Encontrar ayuda cerca de usted
home-need-now = Necesito ayuda ahora
home-other-ways = Buscar de otra forma
by-commune = Por municipio
by-category = Por categoría
all-associations = Todas las asociaciones ({ $n })
map-of-places = El mapa de los lugares de acogida
between-title = Entre asociaciones (en francés)
between-notice = Este espacio sirve para que las asociaciones se ayuden entre sí: voluntariado, donaciones y préstamos de existencias o material. No es ayuda que se pueda ir a buscar: para ello, elija una necesidad arriba.
not-found-title = Página no encontrada
not-found-text = Esta dirección no corresponde a ninguna página. Quizá se copió mal o la página se retiró.
back-home = Volver al inicio
browse-directory = Consultar el directorio de asociaciones
see-calls = Ver las llamadas a voluntarios (en francés)
see-resources = Ver las ofertas y solicitudes (en francés)
back-to-directory = Volver al directorio
no-association-yet = Ninguna asociación por el momento.
associations-count =
    { $n ->
        [one] { $n } asociación.
       *[other] { $n } asociaciones.
    }
map-numbers = Los números del mapa son los de la lista.
outline-credit = Contorno del territorio: { $credit }.
map-show = Mostrar el mapa interactivo

## Titres des pages et besoins (generator/src/render/pages)
## review: pending
need-manger = Comer
need-se-laver = Asearse
need-dormir = Dormir
need-s-habiller = Vestirse
need-se-soigner = Atención médica
need-demarches = Trámites
need-parler = Hablar con alguien
title-directory = Directorio de asociaciones
description-directory = Las { $n } asociaciones solidarias del territorio { $territory }, por categoría y por municipio.
title-commune = Asociaciones en { $commune }
description-commune = Las asociaciones solidarias que acogen en { $commune }.
description-need = { $need }: los lugares de acogida del territorio { $territory }, su horario de hoy y quién puede venir.
description-map = Dónde están las asociaciones solidarias del territorio { $territory }: el mapa y la lista de lugares.
map-title-count = Mapa de los { $n } lugares de acogida del territorio { $territory }
map-title-of = Mapa de los lugares de acogida: { $what }
map-title-in = Mapa de los lugares de acogida en { $commune }
title-map = Mapa de los lugares de acogida
title-not-found = Página no encontrada
title-search = Buscar
description-search = Buscar una asociación, una llamada a voluntarios, una oferta o una solicitud.
title-guide = Guía para imprimir: { $commune }
need-in = { $need } en { $commune }

## Les mots des scripts (open.js, dans data-words : ni ' ni " dans ces messages)
## review: pending
js-shown-one = asociación mostrada
js-shown-many = asociaciones mostradas
js-places-one = lugar mostrado
js-places-many = lugares mostrados
js-open = Abierto ahora, hasta las { $time }
js-later = Abre hoy a las { $time }
js-tomorrow = Abre mañana a las { $time }
js-weekday = Abre el { $day } a las { $time }
js-date = Abre el { $date } a las { $time }
js-unknown = Horario: infórmese
js-today = Hoy
js-and = { " a " }
js-km = a { $km } km
js-near = a menos de 1 km
js-places-sorted = Lugares ordenados del más cercano al más lejano.
js-near-sorted = Asociaciones ordenadas de la más cercana a la más lejana.
js-locating = Buscando su posición…
js-no-position = Posición no disponible: la lista mantiene su orden.
js-open-first = Abiertos ahora primero.
filter = Filtrar
open-now = Abierto ahora
open-saturday = Abierto el sábado
sort-near-me = Ordenar por distancia (cerca de mí)

## Le guide à imprimer et la recherche
## review: pending
guide-title = Dónde encontrar ayuda en { $commune }
guide-sheets = Esta guía ocupa { $n } hojas A4, una por página: imprima cada página con el comando Imprimir de su navegador.
guide-one-sheet = Esta página cabe en una hoja A4: use el comando Imprimir de su navegador.
guide-back = Volver a las asociaciones de { $commune }
guide-needs-label = Necesidades de la guía
guide-by-need = Por necesidad:
guide-need-sheet = { $need } (hoja { $n })
guide-continued = (continuación)
guide-phone = Tel.
guide-access = Acceso:
guide-empty = Todavía no hay ninguna asociación inscrita en este municipio.
guide-online = Las direcciones actualizadas, el horario del día y los demás municipios:
guide-this-page = Esta página:
guide-printed = información del { $date }
guide-may-change = El horario puede cambiar: llame antes de ir.
search-what = ¿Qué busca?
search-hint = Por ejemplo: comer, ducha, dormir, comida gratis, sábado, Libourne.
search-browse = Explorar
search-needs-js = La búsqueda instantánea necesita JavaScript. Sin él, todo se encuentra explorando:
search-by-section = Por sección
search-map = Mapa

## Les mots de search.js (dans data-words : ni ' ni " dans ces messages)
## review: pending
js-search-none = Ningún resultado para « { $q } »: pruebe otra palabra o explore abajo.
js-search-one = { $n } resultado
js-search-other = { $n } resultados
js-search-shown = (se muestran los { $n } primeros)
js-search-all = { $n } con todas las palabras, primero

## Les titres des listes d'un public et d'un mode d'accès
## review: pending
heading-public = Públicos: { $label }
heading-access = Acceso: { $mode }
