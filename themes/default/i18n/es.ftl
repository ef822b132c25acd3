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
