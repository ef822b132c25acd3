# ru.ftl — Fluent (https://projectfluent.org/fluent/guide/)
# Relecture : traduction écrite sans locuteur natif, À RELIRE par une personne dont c'est
# la langue maternelle. Chaque section porte « ## review: pending » tant qu'elle n'est pas relue ;
# la personne qui relit remplace la ligne par « ## review: done (nom, date) ».

## La langue, et le cadre de chaque page
## review: pending
language-name = Русский
language-direction = ltr
og-locale = ru_RU
languages-menu = Языки
skip-to-content = Перейти к содержанию
search-site = Поиск по порталу
search = Найти
main-menu = Главное меню
breadcrumbs = Навигационная цепочка
menu-home = Главная
menu-directory = Организации
menu-calls = Волонтёрство (на французском)
menu-resources = Ресурсы (на французском)
menu-propose = Предложить (на французском)
feed-calls = Призывы к волонтёрам
feed-resources = Предложения и запросы
footer-about = { $title } — благотворительные организации территории { $territory }.
footer-opendata = Открытые данные (на французском)
footer-moderation = Модерация (на французском)
footer-feed-calls = Лента призывов к волонтёрам
footer-feed-resources = Лента предложений и запросов
footer-calendar = Календарь волонтёрства (iCalendar)

## Dates, heures et rythmes (generator/src/phrasing.rs)
## review: pending
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
weekday-mo = понедельник
weekday-tu = вторник
weekday-we = среда
weekday-th = четверг
weekday-fr = пятница
weekday-sa = суббота
weekday-su = воскресенье
date = { $day } { $month } { $year } г.
day-month = { $day } { $month }
date-weekday = { $weekday }, { $date }
time-hours = { $h }:00
time-minutes = { $h }:{ $mm }
range = { $start } – { $end }
span = с { $start } до { $end }
list-comma = { ", " }
list-semicolon = { "; " }
list-and = { $rest } и { $last }
weekly = Каждую неделю: { $days }
starting = с { $date }
other-dates = (и ещё дат: { $n })
closed = закрыто
day-closed = Закрыто
closed-because = закрыто ({ $note })
closed-exceptionally = закрыто (исключительное закрытие)
closed-out-of-season = закрыто (открыто с { $from } по { $to })
closed-holiday = закрыто (праздничный день)
holiday-ask = праздничный день: уточняйте
hours-ask = часы работы: уточняйте
holidays-open = Открыто в праздничные дни
holidays-closed = Закрыто в праздничные дни
holidays-ask = Праздничные дни: уточняйте
closure-day = Закрыто { $date }
closure-days = Закрыто с { $from } по { $to }
with-note = { $text } ({ $note })
with-explanation = { $text }: { $note }
season = Открыто ежегодно с { $from } по { $to }
access-sans-condition = Без условий
access-sur-inscription = По записи
access-sur-orientation = По направлению социального работника
access-sur-rendez-vous = По предварительной записи
fees-free = Бесплатно
fees-paid = Требуется финансовое участие
publics-only = Только для: { $list }
publics-welcome = Особенно рады: { $list }
use-by = Употребить до { $date }
available-until = До { $date }
distance-near = менее чем в 1 км
distance = в { $km } км
with-page = { $title } (страница { $n })
places =
    { $n ->
        [one] { $n } место
        [few] { $n } места
       *[other] { $n } мест
    }
sheet = лист { $n } из { $of }

## Les pages du public (templates)
## review: pending
colon = { ": " }
stale = Информацию нужно проверить
stale-notice = <strong>Информацию нужно проверить</strong>: эту страницу не проверяли с <time datetime="{ $iso }">{ $date }</time>. Позвоните, прежде чем идти.
food-bank-partner = Партнёр продовольственного банка
in-practice = Практическая информация
phone = Телефон
email = Электронная почта
website = Сайт
who-may-come = Кто может прийти
publics-only-label = Только для
publics-label = Особенно рады
languages-spoken = Языки общения
remote-only = Эта организация помогает дистанционно (телефон, почта) и не имеет места приёма.
place-default = Место приёма
place-in = { $place }, { $city }
how-to-get-there = Как добраться:
closed-today = Сегодня закрыто (исключительное закрытие).
hours-caption = Часы работы
hours-day = День
hours-hours = Часы
hours-ask-association = Часы работы: уточняйте в организации.
closures-title = Исключительные закрытия
closure-range = С <time datetime="{ $fromiso }">{ $from }</time> по <time datetime="{ $toiso }">{ $to }</time>
accessibility = Доступность
wheelchair-yes = Доступно для инвалидной коляски.
wheelchair-no = Недоступно для инвалидной коляски.
presentation = Об организации
section-calls = Призывы к волонтёрам (на французском)
section-resources = Предложения и запросы (на французском)
archived-count = Завершённых призывов или объявлений в архиве: { $n }
updated-on = Информация обновлена <time datetime="{ $iso }">{ $date }</time>.
remote = Дистанционно
call-number = Позвонить { $phone }
go-maps-app = Проложить маршрут в приложении карт
go-route = Маршрут на OpenStreetMap
go-map = Посмотреть на карте OpenStreetMap
page-noun = Страница
page-previous = Предыдущая страница
page-next = Следующая страница
pages-label = Страницы списка
sheet-noun = Лист
sheet-previous = Предыдущий лист
sheet-next = Следующий лист
sheets-label = Листы справочника
emergency-title = Экстренные случаи: бесплатные звонки, круглосуточно
emergency-115 = Экстренное жильё (Samu social)
emergency-15 = Скорая медицинская помощь (Samu)
emergency-3919 = Насилие в отношении женщин, анонимно
emergency-119 = Дети в опасности
emergency-112 = Экстренные службы, с любого телефона в Европе
emergency-114 = Экстренные службы для людей с нарушениями слуха, по SMS
home-title = Найти помощь рядом
home-need-now = Мне нужна помощь сейчас
home-other-ways = Другие способы поиска
by-commune = По населённому пункту
by-category = По категории
all-associations = Все организации ({ $n })
map-of-places = Карта мест приёма
between-title = Между организациями (на французском)
between-notice = Этот раздел — для взаимопомощи организаций: волонтёрство, дарение и займы запасов или оборудования. Это не помощь, которую можно получить: для этого выберите потребность выше.
not-found-title = Страница не найдена
not-found-text = Этот адрес не соответствует ни одной странице. Возможно, он набран с ошибкой или страница удалена.
back-home = Вернуться на главную
browse-directory = Просмотреть справочник организаций
see-calls = Посмотреть призывы к волонтёрам (на французском)
see-resources = Посмотреть предложения и запросы (на французском)
back-to-directory = Вернуться к справочнику
no-association-yet = Пока нет организаций.
associations-count = Организаций: { $n }.
map-numbers = Номера на карте соответствуют номерам в списке.
outline-credit = Контур территории: { $credit }.
map-show = Показать интерактивную карту

## Titres des pages et besoins (generator/src/render/pages)
## review: pending
need-manger = Поесть
need-se-laver = Помыться
need-dormir = Переночевать
need-s-habiller = Одежда
need-se-soigner = Лечение
need-demarches = Документы
need-parler = Поговорить с кем-то
title-directory = Справочник организаций
description-directory = { $n } благотворительных организаций территории { $territory } по категориям и населённым пунктам.
title-commune = Организации: { $commune }
description-commune = Благотворительные организации, принимающие в { $commune }.
description-need = { $need }: места приёма территории { $territory }, их часы работы сегодня и кто может прийти.
description-map = Где находятся благотворительные организации территории { $territory }: карта и список мест.
map-title-count = Карта мест приёма территории { $territory } ({ $n })
map-title-of = Карта мест приёма: { $what }
map-title-in = Карта мест приёма: { $commune }
title-map = Карта мест приёма
title-not-found = Страница не найдена
title-search = Поиск
description-search = Поиск организации, призыва к волонтёрам, предложения или запроса.
title-guide = Справочник для печати: { $commune }
need-in = { $need }: { $commune }

## Les mots des scripts (open.js, dans data-words : ni ' ni " dans ces messages)
## review: pending
js-shown-one = организация показана
js-shown-many = организаций показано
js-places-one = место показано
js-places-many = мест показано
js-open = Открыто сейчас, до { $time }
js-later = Открывается сегодня в { $time }
js-tomorrow = Открывается завтра в { $time }
js-weekday = Открывается: { $day }, в { $time }
js-date = Открывается { $date } в { $time }
js-unknown = Часы работы: уточняйте
js-today = Сегодня
js-and = { " – " }
js-km = в { $km } км
js-near = менее чем в 1 км
js-places-sorted = Места отсортированы от ближайшего к самому дальнему.
js-near-sorted = Организации отсортированы от ближайшей к самой дальней.
js-locating = Определение вашего местоположения…
js-no-position = Местоположение недоступно: список сохраняет порядок.
js-open-first = Сначала открытые сейчас.
filter = Фильтр
open-now = Открыто сейчас
open-saturday = Открыто в субботу
sort-near-me = Сортировать по расстоянию (рядом со мной)

## Le guide à imprimer et la recherche
## review: pending
guide-title = Где найти помощь: { $commune }
guide-sheets = Этот справочник занимает листов A4: { $n }, по одному на страницу: печатайте каждую страницу командой «Печать» браузера.
guide-one-sheet = Эта страница помещается на один лист A4: воспользуйтесь командой «Печать» браузера.
guide-back = Назад к организациям: { $commune }
guide-needs-label = Потребности в справочнике
guide-by-need = По потребности:
guide-need-sheet = { $need } (лист { $n })
guide-continued = (продолжение)
guide-phone = Тел.
guide-access = Как добраться:
guide-empty = В этом населённом пункте пока нет организаций.
guide-online = Актуальные адреса, часы работы сегодня и другие населённые пункты:
guide-this-page = Эта страница:
guide-printed = информация на { $date }
guide-may-change = Часы могут меняться: позвоните, прежде чем идти.
search-what = Что вы ищете?
search-hint = Например: еда, душ, ночлег, бесплатный обед, суббота, Libourne.
search-browse = Просмотреть
search-needs-js = Мгновенный поиск требует JavaScript. Без него всё можно найти, просматривая:
search-by-section = По разделу
search-map = Карта

## Les mots de search.js (dans data-words : ni ' ni " dans ces messages)
## review: pending
js-search-none = Нет результатов для « { $q } »: попробуйте другое слово или просмотрите ниже.
js-search-one = { $n } результат
js-search-other = { $n } результатов
js-search-shown = (показаны первые { $n })
js-search-all = { $n } со всеми словами — первыми

## Les titres des listes d'un public et d'un mode d'accès
## review: pending
heading-public = Для кого: { $label }
heading-access = Доступ: { $mode }
