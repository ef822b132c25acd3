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
