# fr.ftl — Fluent (https://projectfluent.org/fluent/guide/)
# Catalogue français : la langue par défaut, et la référence des autres catalogues
# (chaque message d'ici doit être dans chacun d'eux ; « portal check » le vérifie).

## La langue, et le cadre de chaque page
language-name = Français
language-direction = ltr
og-locale = fr_FR
languages-menu = Langues
skip-to-content = Aller au contenu
search-site = Rechercher sur le portail
search = Rechercher
main-menu = Menu principal
breadcrumbs = Fil d'Ariane
menu-home = Accueil
menu-directory = Associations
menu-calls = Bénévolat
menu-resources = Ressources
menu-propose = Proposer
feed-calls = Appels à bénévoles
feed-resources = Offres et demandes
footer-about = { $title } — les associations solidaires du territoire { $territory }.
footer-opendata = Données ouvertes
footer-moderation = Espace modération
footer-feed-calls = Flux des appels à bénévoles
footer-feed-resources = Flux des offres et demandes
footer-calendar = Agenda du bénévolat (iCalendar)
