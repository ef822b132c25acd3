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

## Dates, heures et rythmes (generator/src/phrasing.rs)
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
weekday-mo = lundi
weekday-tu = mardi
weekday-we = mercredi
weekday-th = jeudi
weekday-fr = vendredi
weekday-sa = samedi
weekday-su = dimanche
date =
    { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
day-month =
    { $day ->
        [1] 1er
       *[other] { $day }
    } { $month }
date-weekday = { $weekday } { $date }
time-hours = { $h } h
time-minutes = { $h } h { $mm }
range = { $start } à { $end }
span = de { $start } à { $end }
list-comma = { ", " }
list-semicolon = { " ; " }
list-and = { $rest } et { $last }
weekly = Chaque { $days }
starting = à partir du { $date }
other-dates =
    { $n ->
        [one] (et { $n } autre date)
       *[other] (et { $n } autres dates)
    }
closed = fermé
day-closed = Fermé
closed-because = fermé ({ $note })
closed-exceptionally = fermé (fermeture exceptionnelle)
closed-out-of-season = fermé (ouvert du { $from } au { $to })
closed-holiday = fermé (jour férié)
holiday-ask = jour férié : se renseigner
hours-ask = horaires : se renseigner
holidays-open = Ouvert les jours fériés
holidays-closed = Fermé les jours fériés
holidays-ask = Jours fériés : se renseigner
closure-day = Fermé le { $date }
closure-days = Fermé du { $from } au { $to }
with-note = { $text } ({ $note })
with-explanation = { $text } : { $note }
season = Ouvert chaque année du { $from } au { $to }
access-sans-condition = Sans condition
access-sur-inscription = Sur inscription
access-sur-orientation = Sur orientation d'un travailleur social
access-sur-rendez-vous = Sur rendez-vous
fees-free = Gratuit
fees-paid = Participation financière demandée
publics-only = Réservé à : { $list }
publics-welcome = Bienvenue en particulier : { $list }
use-by = À consommer avant le { $date }
available-until = Jusqu'au { $date }
distance-near = à moins d'1 km
distance = à { $km } km
with-page = { $title } (page { $n })
places =
    { $n ->
        [one] { $n } lieu
       *[other] { $n } lieux
    }
sheet = feuille { $n } sur { $of }
