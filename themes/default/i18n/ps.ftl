# ps.ftl — Fluent (https://projectfluent.org/fluent/guide/)
# Relecture : traduction écrite sans locuteur natif, À RELIRE par une personne dont c'est
# la langue maternelle. Chaque section porte « ## review: pending » tant qu'elle n'est pas relue ;
# la personne qui relit remplace la ligne par « ## review: done (nom, date) ».

## La langue, et le cadre de chaque page
## review: pending
language-name = پښتو
language-direction = rtl
og-locale = ps_AF
languages-menu = ژبې
skip-to-content = منځپانګې ته ورشئ
search-site = په پورټال کې لټون
search = لټون
main-menu = اصلي مینو
breadcrumbs = د پاڼې لار
menu-home = کور پاڼه
menu-directory = ټولنې
menu-calls = رضاکاري (په فرانسوي)
menu-resources = سرچینې (په فرانسوي)
menu-propose = وړاندیز (په فرانسوي)
feed-calls = د رضاکارانو غوښتنې
feed-resources = وړاندیزونه او غوښتنې
footer-about = { $title } — د { $territory } سيمې د پیوستون ټولنې.
footer-opendata = پرانیستي معلومات (په فرانسوي)
footer-moderation = د څارنې برخه (په فرانسوي)
footer-feed-calls = د رضاکارانو د غوښتنو فیډ
footer-feed-resources = د وړاندیزونو او غوښتنو فیډ
footer-calendar = د رضاکارۍ جنتري (iCalendar)
