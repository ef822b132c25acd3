# uk.ftl — Fluent (https://projectfluent.org/fluent/guide/)
# Relecture : traduction écrite sans locuteur natif, À RELIRE par une personne dont c'est
# la langue maternelle. Chaque section porte « ## review: pending » tant qu'elle n'est pas relue ;
# la personne qui relit remplace la ligne par « ## review: done (nom, date) ».

## La langue, et le cadre de chaque page
## review: pending
language-name = Українська
language-direction = ltr
og-locale = uk_UA
languages-menu = Мови
skip-to-content = Перейти до змісту
search-site = Пошук на порталі
search = Шукати
main-menu = Головне меню
breadcrumbs = Навігаційний ланцюжок
menu-home = Головна
menu-directory = Організації
menu-calls = Волонтерство (французькою)
menu-resources = Ресурси (французькою)
menu-propose = Запропонувати (французькою)
feed-calls = Заклики до волонтерів
feed-resources = Пропозиції та запити
footer-about = { $title } — благодійні організації території { $territory }.
footer-opendata = Відкриті дані (французькою)
footer-moderation = Модерація (французькою)
footer-feed-calls = Стрічка закликів до волонтерів
footer-feed-resources = Стрічка пропозицій і запитів
footer-calendar = Календар волонтерства (iCalendar)

## Dates, heures et rythmes (generator/src/phrasing.rs)
## review: pending
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня
weekday-mo = понеділок
weekday-tu = вівторок
weekday-we = середа
weekday-th = четвер
weekday-fr = пʼятниця
weekday-sa = субота
weekday-su = неділя
date = { $day } { $month } { $year } р.
day-month = { $day } { $month }
date-weekday = { $weekday }, { $date }
time-hours = { $h }:00
time-minutes = { $h }:{ $mm }
range = { $start } – { $end }
span = з { $start } до { $end }
list-comma = { ", " }
list-semicolon = { "; " }
list-and = { $rest } і { $last }
weekly = Щотижня: { $days }
starting = з { $date }
other-dates = (і ще дат: { $n })
closed = зачинено
day-closed = Зачинено
closed-because = зачинено ({ $note })
closed-exceptionally = зачинено (виняткове закриття)
closed-out-of-season = зачинено (відчинено з { $from } по { $to })
closed-holiday = зачинено (святковий день)
holiday-ask = святковий день: уточнюйте
hours-ask = години роботи: уточнюйте
holidays-open = Відчинено у святкові дні
holidays-closed = Зачинено у святкові дні
holidays-ask = Святкові дні: уточнюйте
closure-day = Зачинено { $date }
closure-days = Зачинено з { $from } по { $to }
with-note = { $text } ({ $note })
with-explanation = { $text }: { $note }
season = Відчинено щороку з { $from } по { $to }
access-sans-condition = Без умов
access-sur-inscription = За реєстрацією
access-sur-orientation = За направленням соціального працівника
access-sur-rendez-vous = За попереднім записом
fees-free = Безкоштовно
fees-paid = Потрібен фінансовий внесок
publics-only = Лише для: { $list }
publics-welcome = Особливо раді: { $list }
use-by = Спожити до { $date }
available-until = До { $date }
distance-near = менше ніж за 1 км
distance = за { $km } км
with-page = { $title } (сторінка { $n })
places =
    { $n ->
        [one] { $n } місце
        [few] { $n } місця
       *[other] { $n } місць
    }
sheet = аркуш { $n } з { $of }
