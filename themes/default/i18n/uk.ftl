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

## Les pages du public (templates)
## review: pending
colon = { ": " }
stale = Інформацію треба перевірити
stale-notice = <strong>Інформацію треба перевірити</strong>: цю сторінку не перевіряли з <time datetime="{ $iso }">{ $date }</time>. Зателефонуйте, перш ніж іти.
food-bank-partner = Партнер продовольчого банку
in-practice = Практична інформація
phone = Телефон
email = Електронна пошта
website = Вебсайт
who-may-come = Хто може прийти
publics-only-label = Лише для
publics-label = Особливо раді
languages-spoken = Мови спілкування
remote-only = Ця організація допомагає дистанційно (телефон, пошта) і не має місця прийому.
place-default = Місце прийому
place-in = { $place }, { $city }
how-to-get-there = Як дістатися:
closed-today = Сьогодні зачинено (виняткове закриття).
hours-caption = Години роботи
hours-day = День
hours-hours = Години
hours-ask-association = Години роботи: уточнюйте в організації.
closures-title = Виняткові закриття
closure-range = З <time datetime="{ $fromiso }">{ $from }</time> по <time datetime="{ $toiso }">{ $to }</time>
accessibility = Доступність
wheelchair-yes = Доступно для візка.
wheelchair-no = Недоступно для візка.
presentation = Про організацію
section-calls = Заклики до волонтерів (французькою)
section-resources = Пропозиції та запити (французькою)
archived-count = Завершених закликів чи оголошень в архіві: { $n }
updated-on = Інформацію оновлено <time datetime="{ $iso }">{ $date }</time>.
remote = Дистанційно
call-number = Зателефонувати { $phone }
go-maps-app = Прокласти маршрут у застосунку карт
go-route = Маршрут на OpenStreetMap
go-map = Переглянути на карті OpenStreetMap
page-noun = Сторінка
page-previous = Попередня сторінка
page-next = Наступна сторінка
pages-label = Сторінки списку
sheet-noun = Аркуш
sheet-previous = Попередній аркуш
sheet-next = Наступний аркуш
sheets-label = Аркуші довідника
emergency-title = Екстрені випадки: безкоштовні дзвінки, цілодобово
emergency-115 = Екстрене житло (Samu social)
emergency-15 = Невідкладна медична допомога (Samu)
emergency-3919 = Насильство щодо жінок, анонімно
emergency-119 = Діти в небезпеці
emergency-112 = Екстрені служби, з будь-якого телефону в Європі
emergency-114 = Екстрені служби для людей з порушеннями слуху, через SMS
home-title = Знайти допомогу поруч
home-need-now = Мені потрібна допомога зараз
home-other-ways = Інші способи пошуку
by-commune = За населеним пунктом
by-category = За категорією
all-associations = Усі організації ({ $n })
map-of-places = Карта місць прийому
between-title = Між організаціями (французькою)
between-notice = Цей розділ — для взаємодопомоги організацій: волонтерство, дарування та позики запасів чи обладнання. Це не допомога, яку можна отримати: для цього оберіть потребу вище.
not-found-title = Сторінку не знайдено
not-found-text = Ця адреса не відповідає жодній сторінці. Можливо, її набрано з помилкою або сторінку видалено.
back-home = Повернутися на головну
browse-directory = Переглянути довідник організацій
see-calls = Переглянути заклики до волонтерів (французькою)
see-resources = Переглянути пропозиції та запити (французькою)
back-to-directory = Повернутися до довідника
no-association-yet = Поки що немає організацій.
associations-count = Організацій: { $n }.
map-numbers = Номери на карті відповідають номерам у списку.
outline-credit = Контур території: { $credit }.
map-show = Показати інтерактивну карту

## Titres des pages et besoins (generator/src/render/pages)
## review: pending
need-manger = Поїсти
need-se-laver = Помитися
need-dormir = Переночувати
need-s-habiller = Одяг
need-se-soigner = Лікування
need-demarches = Документи
need-parler = Поговорити з кимось
title-directory = Довідник організацій
description-directory = { $n } благодійних організацій території { $territory } за категоріями та населеними пунктами.
title-commune = Організації: { $commune }
description-commune = Благодійні організації, що приймають у { $commune }.
description-need = { $need }: місця прийому території { $territory }, їхні години роботи сьогодні та хто може прийти.
description-map = Де знаходяться благодійні організації території { $territory }: карта і список місць.
map-title-count = Карта місць прийому території { $territory } ({ $n })
map-title-of = Карта місць прийому: { $what }
map-title-in = Карта місць прийому: { $commune }
title-map = Карта місць прийому
title-not-found = Сторінку не знайдено
title-search = Пошук
description-search = Пошук організації, заклику до волонтерів, пропозиції чи запиту.
title-guide = Довідник для друку: { $commune }
need-in = { $need }: { $commune }

## Les mots des scripts (open.js, dans data-words : ni ' ni " dans ces messages)
## review: pending
js-shown-one = організацію показано
js-shown-many = організацій показано
js-places-one = місце показано
js-places-many = місць показано
js-open = Відчинено зараз, до { $time }
js-later = Відчиняється сьогодні о { $time }
js-tomorrow = Відчиняється завтра о { $time }
js-weekday = Відчиняється: { $day }, о { $time }
js-date = Відчиняється { $date } о { $time }
js-unknown = Години роботи: уточнюйте
js-today = Сьогодні
js-and = { " – " }
js-km = за { $km } км
js-near = менше ніж за 1 км
js-places-sorted = Місця відсортовано від найближчого до найдальшого.
js-near-sorted = Організації відсортовано від найближчої до найдальшої.
js-locating = Визначення вашого місцезнаходження…
js-no-position = Місцезнаходження недоступне: список зберігає порядок.
js-open-first = Спочатку ті, що відчинені зараз.
filter = Фільтр
open-now = Відчинено зараз
open-saturday = Відчинено в суботу
sort-near-me = Сортувати за відстанню (поруч зі мною)

## Le guide à imprimer et la recherche
## review: pending
guide-title = Де знайти допомогу: { $commune }
guide-sheets = Цей довідник займає аркушів A4: { $n }, по одному на сторінку: друкуйте кожну сторінку командою «Друк» браузера.
guide-one-sheet = Ця сторінка вміщується на один аркуш A4: скористайтеся командою «Друк» браузера.
guide-back = Назад до організацій: { $commune }
guide-needs-label = Потреби в довіднику
guide-by-need = За потребою:
guide-need-sheet = { $need } (аркуш { $n })
guide-continued = (продовження)
guide-phone = Тел.
guide-access = Як дістатися:
guide-empty = У цьому населеному пункті поки що немає організацій.
guide-online = Актуальні адреси, години роботи сьогодні та інші населені пункти:
guide-this-page = Ця сторінка:
guide-printed = інформація на { $date }
guide-may-change = Години можуть змінюватися: зателефонуйте, перш ніж іти.
search-what = Що ви шукаєте?
search-hint = Наприклад: їжа, душ, ночівля, безкоштовний обід, субота, Libourne.
search-browse = Переглянути
search-needs-js = Миттєвий пошук потребує JavaScript. Без нього все можна знайти, переглядаючи:
search-by-section = За розділом
search-map = Карта

## Les mots de search.js (dans data-words : ni ' ni " dans ces messages)
## review: pending
js-search-none = Немає результатів для « { $q } »: спробуйте інше слово або перегляньте нижче.
js-search-one = { $n } результат
js-search-other = { $n } результатів
js-search-shown = (показано перші { $n })
js-search-all = { $n } з усіма словами — першими

## Les titres des listes d'un public et d'un mode d'accès
## review: pending
heading-public = Для кого: { $label }
heading-access = Доступ: { $mode }
