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
