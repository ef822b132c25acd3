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
