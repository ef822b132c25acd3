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

## Les pages du public (templates)
## review: pending
colon = { ": " }
stale = معلومات باید وڅېړل شي
stale-notice = <strong>معلومات باید وڅېړل شي</strong>: دا پاڼه له <time datetime="{ $iso }">{ $date }</time> راهیسې نه ده کتل شوې. مخکې له تګه زنګ ووهئ.
food-bank-partner = د خوړو بانک ملګری
in-practice = عملي معلومات
phone = ټیلیفون
email = برېښنالیک
website = وېب پاڼه
who-may-come = څوک راتلای شي
publics-only-label = یوازې د
publics-label = هغه ډلې چې په ځانګړي ډول منل کېږي
languages-spoken = ویل کېدونکې ژبې
remote-only = دا ټولنه له لرې (ټیلیفون، برېښنالیک) مرسته کوي او د هرکلي ځای نه لري.
place-default = د هرکلي ځای
place-in = { $place } په { $city } کې
how-to-get-there = څنګه ورشئ:
closed-today = نن تړلی دی (استثنايي بندېدل).
hours-caption = د کار وختونه
hours-day = ورځ
hours-hours = وختونه
hours-ask-association = د کار وختونه: له ټولنې وپوښتئ.
closures-title = استثنايي بندېدنې
closure-range = له <time datetime="{ $fromiso }">{ $from }</time> څخه تر <time datetime="{ $toiso }">{ $to }</time>
accessibility = لاسرسی
wheelchair-yes = د ویلچر لپاره د لاسرسي وړ دی.
wheelchair-no = د ویلچر لپاره د لاسرسي وړ نه دی.
presentation = پېژندنه
section-calls = د رضاکارانو غوښتنې (په فرانسوي)
section-resources = وړاندیزونه او غوښتنې (په فرانسوي)
archived-count = { $n } پای ته رسېدلې غوښتنې یا اعلانونه په ارشیف کې
updated-on = معلومات په <time datetime="{ $iso }">{ $date }</time> تازه شول.
remote = له لرې
call-number = { $phone } ته زنګ ووهئ
go-maps-app = د نقشې له اپلیکېشن سره ورشئ
go-route = په OpenStreetMap کې لار
go-map = په OpenStreetMap نقشه کې وګورئ
page-noun = پاڼه
page-previous = مخکینۍ پاڼه
page-next = بله پاڼه
pages-label = د لېست پاڼې
sheet-noun = پاڼه
sheet-previous = مخکینۍ پاڼه
sheet-next = بله پاڼه
sheets-label = د لارښود پاڼې
emergency-title = بیړني حالات: وړیا زنګونه، شپه او ورځ
emergency-115 = بیړنی سرپناه (Samu social)
emergency-15 = طبي بیړني حالت (Samu)
emergency-3919 = پر ښځو تاوتریخوالی، بې نومه
emergency-119 = ماشومان په خطر کې
emergency-112 = بیړني حالات، په اروپا کې له هر ټیلیفون څخه
emergency-114 = د کڼو او کم اورېدونکو لپاره بیړني حالات، د SMS له لارې
home-title = خپل شاوخوا کې مرسته ومومئ
home-need-now = زه اوس مرستې ته اړتیا لرم
home-other-ways = د لټون نورې لارې
by-commune = د ښار له مخې
by-category = د ډلې له مخې
all-associations = ټولې ټولنې ({ $n })
map-of-places = د هرکلي ځایونو نقشه
between-title = د ټولنو ترمنځ (په فرانسوي)
between-notice = دا برخه د ټولنو د یو بل سره د مرستې لپاره ده: رضاکاري، بسپنې او د زېرمو یا وسایلو پور. دا هغه مرسته نه ده چې تاسو یې ترلاسه کړئ: د هغې لپاره، پورته یوه اړتیا وټاکئ.
not-found-title = پاڼه ونه موندل شوه
not-found-text = دا پته له هېڅ پاڼې سره سمون نه لري. ښايي غلط لیکل شوې وي، یا پاڼه لرې شوې وي.
back-home = کور پاڼې ته بېرته
browse-directory = د ټولنو لارښود وګورئ
see-calls = د رضاکارانو غوښتنې وګورئ (په فرانسوي)
see-resources = وړاندیزونه او غوښتنې وګورئ (په فرانسوي)
back-to-directory = لارښود ته بېرته
no-association-yet = اوس مهال هېڅ ټولنه نشته.
associations-count = { $n } ټولنې.
map-numbers = د نقشې شمېرې د لېست شمېرې دي.
outline-credit = د سیمې پوله: { $credit }.
map-show = متقابله نقشه وښایئ

## Titres des pages et besoins (generator/src/render/pages)
## review: pending
need-manger = خواړه
need-se-laver = مینځل
need-dormir = خوب
need-s-habiller = جامې
need-se-soigner = درملنه
need-demarches = اداري چارې
need-parler = له چا سره خبرې
title-directory = د ټولنو لارښود
description-directory = د { $territory } سيمې { $n } د پیوستون ټولنې، د ډلې او ښار له مخې.
title-commune = په { $commune } کې ټولنې
description-commune = د پیوستون ټولنې چې په { $commune } کې هرکلی کوي.
description-need = { $need }: د { $territory } سيمې د هرکلي ځایونه، د نن ورځې وختونه او څوک راتلی شي.
description-map = د { $territory } سيمې د پیوستون ټولنې چیرته دي: نقشه او د ځایونو لیست.
map-title-count = د { $territory } سيمې د { $n } هرکلي ځایونو نقشه
map-title-of = د هرکلي ځایونو نقشه: { $what }
map-title-in = په { $commune } کې د هرکلي ځایونو نقشه
title-map = د هرکلي ځایونو نقشه
title-not-found = پاڼه ونه موندل شوه
title-search = لټون
description-search = د ټولنې، رضاکارۍ غوښتنې، وړاندیز یا غوښتنې لټون.
title-guide = د چاپ لارښود: { $commune }
need-in = { $need } په { $commune } کې

## Les mots des scripts (open.js, dans data-words : ni ' ni " dans ces messages)
## review: pending
js-shown-one = ښودل شوې ټولنه
js-shown-many = ښودل شوې ټولنې
js-places-one = ښودل شوی ځای
js-places-many = ښودل شوي ځایونه
js-open = اوس پرانیستی، تر { $time } پورې
js-later = نن په { $time } پرانیستل کېږي
js-tomorrow = سبا په { $time } پرانیستل کېږي
js-weekday = { $day } په { $time } پرانیستل کېږي
js-date = په { $date } په { $time } پرانیستل کېږي
js-unknown = د کار وختونه: پوښتنه وکړئ
js-today = نن
js-and = { " تر " }
js-km = { $km } کیلومتره لرې
js-near = له ۱ کیلومتر لږ لرې
js-places-sorted = ځایونه له نږدې څخه تر لرې پورې ترتیب شول.
js-near-sorted = ټولنې له نږدې څخه تر لرې پورې ترتیب شوې.
js-locating = ستاسو ځای موندل کېږي…
js-no-position = ځای نه دی موجود: لېست خپل ترتیب ساتي.
js-open-first = لومړی هغه چې اوس پرانیستي دي.
filter = چاڼ
open-now = اوس پرانیستی
open-saturday = د شنبې په ورځ پرانیستی
sort-near-me = د واټن له مخې ترتیب (ما ته نږدې)

## Le guide à imprimer et la recherche
## review: pending
guide-title = په { $commune } کې مرسته چېرته ومومئ
guide-sheets = دا لارښود په { $n } A4 پاڼو کې ځای کېږي، هره پاڼه یو مخ: هر مخ د خپل براوزر د چاپ په کمانډ چاپ کړئ.
guide-one-sheet = دا پاڼه په یوه A4 پاڼه کې ځای کېږي: د خپل براوزر د چاپ کمانډ وکاروئ.
guide-back = د { $commune } ټولنو ته بېرته
guide-needs-label = د لارښود اړتیاوې
guide-by-need = د اړتیا له مخې:
guide-need-sheet = { $need } (پاڼه { $n })
guide-continued = (دوام)
guide-phone = ټیلیفون
guide-access = لاسرسی:
guide-empty = اوس مهال په دې ښار کې هېڅ ټولنه نه ده ثبت شوې.
guide-online = تازه پتې، د نن ورځې وختونه او نور ښارونه:
guide-this-page = دا پاڼه:
guide-printed = د { $date } معلومات
guide-may-change = وختونه ښايي بدل شي: مخکې له تګه زنګ ووهئ.
search-what = تاسو د څه په لټه کې یاست؟
search-hint = د بېلګې په توګه: خواړه، شاور، خوب، وړیا خواړه، شنبه، Libourne.
search-browse = کتنه
search-needs-js = فوري لټون JavaScript ته اړتیا لري. له هغې پرته، هر څه په کتنه موندل کېږي:
search-by-section = د برخې له مخې
search-map = نقشه

## Les mots de search.js (dans data-words : ni ' ni " dans ces messages)
## review: pending
js-search-none = د « { $q } » لپاره پایله نشته: بله کلمه وازمویئ، یا لاندې وګورئ.
js-search-one = { $n } پایله
js-search-other = { $n } پایلې
js-search-shown = (لومړۍ { $n } ښودل شوې)
js-search-all = { $n } له ټولو کلمو سره، لومړی

## Les titres des listes d'un public et d'un mode d'accès
## review: pending
heading-public = ډلې: { $label }
heading-access = لاسرسی: { $mode }
