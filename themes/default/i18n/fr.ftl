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

## Les pages du public (templates)
colon = { " : " }
stale = Informations à vérifier
stale-notice = <strong>Informations à vérifier</strong> : cette fiche n'a pas été vérifiée depuis le <time datetime="{ $iso }">{ $date }</time>. Appelez avant de vous déplacer.
food-bank-partner = Partenaire de la banque alimentaire
in-practice = En pratique
phone = Téléphone
email = Courriel
website = Site web
who-may-come = Qui peut venir
publics-only-label = Réservé à
publics-label = Publics accueillis en particulier
languages-spoken = Langues parlées
remote-only = Cette association accompagne à distance (téléphone, courriel) et n'a pas de lieu d'accueil.
place-default = Lieu d'accueil
place-in = { $place } à { $city }
how-to-get-there = Comment venir :
closed-today = Fermé aujourd'hui (fermeture exceptionnelle).
hours-caption = Horaires d'ouverture
hours-day = Jour
hours-hours = Horaires
hours-ask-association = Horaires : se renseigner auprès de l'association.
closures-title = Fermetures exceptionnelles
closure-range = Du <time datetime="{ $fromiso }">{ $from }</time> au <time datetime="{ $toiso }">{ $to }</time>
accessibility = Accessibilité
wheelchair-yes = Accessible en fauteuil roulant.
wheelchair-no = Non accessible en fauteuil roulant.
presentation = Présentation
section-calls = Appels à bénévoles
section-resources = Offres et demandes
archived-count = { $n } appel(s) ou annonce(s) terminé(s) dans les archives
updated-on = Informations mises à jour le <time datetime="{ $iso }">{ $date }</time>.
remote = À distance
call-number = Appeler le { $phone }
go-maps-app = Y aller avec l'application de cartes
go-route = Itinéraire sur OpenStreetMap
go-map = Voir sur la carte OpenStreetMap
page-noun = Page
page-previous = Page précédente
page-next = Page suivante
pages-label = Pages de la liste
sheet-noun = Feuille
sheet-previous = Feuille précédente
sheet-next = Feuille suivante
sheets-label = Feuilles du guide
emergency-title = Urgences : appels gratuits, jour et nuit
emergency-115 = Hébergement d'urgence (Samu social)
emergency-15 = Urgence médicale (Samu)
emergency-3919 = Violences faites aux femmes, anonyme
emergency-119 = Enfance en danger
emergency-112 = Urgences, depuis tout téléphone en Europe
emergency-114 = Urgences pour les personnes sourdes ou malentendantes, par SMS
home-title = Trouver de l'aide près de chez soi
home-need-now = J'ai besoin d'aide maintenant
home-other-ways = Chercher autrement
by-commune = Par commune
by-category = Par catégorie
all-associations = Toutes les associations ({ $n })
map-of-places = La carte des lieux d'accueil
between-title = Entre associations
between-notice = Cet espace sert aux associations à s'entraider : bénévolat, dons et prêts de stocks ou de matériel entre elles. Ce n'est pas de l'aide à venir chercher : pour cela, choisissez un besoin ci-dessus.
not-found-title = Page introuvable
not-found-text = Cette adresse ne correspond à aucune page. Elle a peut-être été mal recopiée, ou la page a été retirée.
back-home = Revenir à l'accueil
browse-directory = Parcourir l'annuaire des associations
see-calls = Voir les appels à bénévoles
see-resources = Voir les offres et demandes
back-to-directory = Retour à l'annuaire
no-association-yet = Aucune association pour le moment.
associations-count =
    { $n ->
        [one] { $n } association.
       *[other] { $n } associations.
    }
map-numbers = Les numéros de la carte sont ceux de la liste.
outline-credit = Contour du territoire : { $credit }.
map-show = Afficher la carte interactive

## Titres des pages et besoins (generator/src/render/pages)
need-manger = Manger
need-se-laver = Se laver
need-dormir = Dormir
need-s-habiller = S'habiller
need-se-soigner = Se soigner
need-demarches = Démarches
need-parler = Parler à quelqu'un
title-directory = Annuaire des associations
description-directory = Les { $n } associations solidaires du territoire { $territory }, par catégorie et par commune.
title-commune = Associations à { $commune }
description-commune = Les associations solidaires qui accueillent à { $commune }.
description-need = { $need } : les lieux d'accueil du territoire { $territory }, leurs horaires du jour et qui peut venir.
description-map = Où sont les associations solidaires du territoire { $territory } : la carte et la liste des lieux.
map-title-count = Carte des { $n } lieux d'accueil du territoire { $territory }
map-title-of = Carte des lieux d'accueil : { $what }
map-title-in = Carte des lieux d'accueil à { $commune }
title-map = Carte des lieux d'accueil
title-not-found = Page introuvable
title-search = Rechercher
description-search = Chercher une association, un appel à bénévoles, une offre ou une demande.
title-guide = Guide à imprimer : { $commune }
need-in = { $need } à { $commune }

## Les mots des scripts (open.js, dans data-words : ni ' ni " dans ces messages)
js-shown-one = association affichée
js-shown-many = associations affichées
js-places-one = lieu affiché
js-places-many = lieux affichés
js-open = Ouvert maintenant, jusqu’à { $time }
js-later = Ouvre aujourd’hui à { $time }
js-tomorrow = Ouvre demain à { $time }
js-weekday = Ouvre { $day } à { $time }
js-date = Ouvre le { $date } à { $time }
js-unknown = Horaires : se renseigner
js-today = Aujourd’hui
js-and = { " à " }
js-km = à { $km } km
js-near = à moins d’1 km
js-places-sorted = Lieux triés du plus proche au plus éloigné.
js-near-sorted = Associations triées de la plus proche à la plus éloignée.
js-locating = Recherche de votre position…
js-no-position = Position indisponible : la liste garde son ordre.
js-open-first = Ouverts maintenant en premier.
filter = Filtrer
open-now = Ouvert maintenant
open-saturday = Ouvert samedi
sort-near-me = Trier par distance (près de moi)

## Le guide à imprimer et la recherche
guide-title = Où trouver de l'aide à { $commune }
guide-sheets = Ce guide tient sur { $n } feuilles A4, une par page : imprimez chaque page avec la commande Imprimer de votre navigateur.
guide-one-sheet = Cette page tient sur une feuille A4 : utilisez la commande Imprimer de votre navigateur.
guide-back = Retour aux associations de { $commune }
guide-needs-label = Besoins du guide
guide-by-need = Par besoin :
guide-need-sheet = { $need } (feuille { $n })
guide-continued = (suite)
guide-phone = Tél.
guide-access = Accès :
guide-empty = Aucune association n'est inscrite dans cette commune pour le moment.
guide-online = Les adresses à jour, les horaires du jour et les autres communes :
guide-this-page = Cette page :
guide-printed = informations du { $date }
guide-may-change = Horaires susceptibles de changer : appelez avant de vous déplacer.
search-what = Que cherchez-vous ?
search-hint = Par exemple : manger, douche, dormir, repas gratuit, samedi, Libourne, permis B.
search-browse = Parcourir
search-needs-js = La recherche instantanée a besoin de JavaScript. Sans lui, tout se trouve en parcourant :
search-by-section = Par rubrique
search-map = Carte

## Les mots de search.js (dans data-words : ni ' ni " dans ces messages)
js-search-none = Aucun résultat pour « { $q } » : essayez un autre mot, ou parcourez ci-dessous.
js-search-one = { $n } résultat
js-search-other = { $n } résultats
js-search-shown = (les { $n } premiers affichés)
js-search-all = { $n } avec tous les mots, en premier

## Les titres des listes d'un public et d'un mode d'accès
## review: pending
heading-public = Publics : { $label }
heading-access = Accès : { $mode }
