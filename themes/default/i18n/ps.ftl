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

## Dates, heures et rythmes (generator/src/phrasing.rs)
## review: pending
month-1 = جنوري
month-2 = فبروري
month-3 = مارچ
month-4 = اپرېل
month-5 = مۍ
month-6 = جون
month-7 = جولای
month-8 = اګست
month-9 = سپتمبر
month-10 = اکتوبر
month-11 = نومبر
month-12 = دسمبر
weekday-mo = دوشنبه
weekday-tu = سه‌شنبه
weekday-we = چهارشنبه
weekday-th = پنجشنبه
weekday-fr = جمعه
weekday-sa = شنبه
weekday-su = یکشنبه
date = { $day } { $month } { $year }
day-month = { $day } { $month }
date-weekday = { $weekday } { $date }
time-hours = { $h }:00
time-minutes = { $h }:{ $mm }
range = { $start } تر { $end }
span = له { $start } څخه تر { $end }
list-comma = { "، " }
list-semicolon = { "؛ " }
list-and = { $rest } او { $last }
weekly = هره { $days }
starting = له { $date } څخه
other-dates = (او { $n } نورې نېټې)
closed = تړلی
day-closed = تړلی
closed-because = تړلی ({ $note })
closed-exceptionally = تړلی (استثنايي بندېدل)
closed-out-of-season = تړلی (له { $from } څخه تر { $to } پورې پرانیستی)
closed-holiday = تړلی (رسمي رخصتي)
holiday-ask = رسمي رخصتي: پوښتنه وکړئ
hours-ask = د کار وختونه: پوښتنه وکړئ
holidays-open = په رسمي رخصتیو کې پرانیستی
holidays-closed = په رسمي رخصتیو کې تړلی
holidays-ask = رسمي رخصتۍ: پوښتنه وکړئ
closure-day = په { $date } تړلی
closure-days = له { $from } څخه تر { $to } پورې تړلی
with-note = { $text } ({ $note })
with-explanation = { $text }: { $note }
season = هر کال له { $from } څخه تر { $to } پورې پرانیستی
access-sans-condition = پرته له شرط
access-sur-inscription = د نوم لیکنې سره
access-sur-orientation = د ټولنیز کارکوونکي په لارښوونه
access-sur-rendez-vous = د مخکېني وخت سره
fees-free = وړیا
fees-paid = مالي ونډه غوښتل کېږي
publics-only = یوازې د: { $list }
publics-welcome = په ځانګړي ډول ښه راغلاست: { $list }
use-by = تر { $date } مخکې وکاروئ
available-until = تر { $date } پورې
distance-near = له ۱ کیلومتر لږ لرې
distance = { $km } کیلومتره لرې
with-page = { $title } (پاڼه { $n })
places =
    { $n ->
        [one] { $n } ځای
       *[other] { $n } ځایونه
    }
sheet = پاڼه { $n } له { $of }
