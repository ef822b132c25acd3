# fa.ftl — Fluent (https://projectfluent.org/fluent/guide/)
# Relecture : traduction écrite sans locuteur natif, À RELIRE par une personne dont c'est
# la langue maternelle. Chaque section porte « ## review: pending » tant qu'elle n'est pas relue ;
# la personne qui relit remplace la ligne par « ## review: done (nom, date) ».

## La langue, et le cadre de chaque page
## review: pending
language-name = فارسی
language-direction = rtl
og-locale = fa_IR
languages-menu = زبان‌ها
skip-to-content = رفتن به محتوا
search-site = جستجو در پورتال
search = جستجو
main-menu = منوی اصلی
breadcrumbs = مسیر صفحه
menu-home = خانه
menu-directory = انجمن‌ها
menu-calls = داوطلبی (به فرانسوی)
menu-resources = منابع (به فرانسوی)
menu-propose = پیشنهاد (به فرانسوی)
feed-calls = فراخوان داوطلب
feed-resources = پیشنهادها و درخواست‌ها
footer-about = { $title } — انجمن‌های همبستگی در منطقهٔ { $territory }.
footer-opendata = داده‌های باز (به فرانسوی)
footer-moderation = بخش نظارت (به فرانسوی)
footer-feed-calls = خوراک فراخوان‌های داوطلب
footer-feed-resources = خوراک پیشنهادها و درخواست‌ها
footer-calendar = تقویم داوطلبی (iCalendar)

## Dates, heures et rythmes (generator/src/phrasing.rs)
## review: pending
month-1 = ژانویه
month-2 = فوریه
month-3 = مارس
month-4 = آوریل
month-5 = مه
month-6 = ژوئن
month-7 = ژوئیه
month-8 = اوت
month-9 = سپتامبر
month-10 = اکتبر
month-11 = نوامبر
month-12 = دسامبر
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
range = { $start } تا { $end }
span = از { $start } تا { $end }
list-comma = { "، " }
list-semicolon = { "؛ " }
list-and = { $rest } و { $last }
weekly = هر { $days }
starting = از { $date }
other-dates = (و { $n } تاریخ دیگر)
closed = بسته
day-closed = بسته
closed-because = بسته ({ $note })
closed-exceptionally = بسته (تعطیلی استثنایی)
closed-out-of-season = بسته (باز از { $from } تا { $to })
closed-holiday = بسته (تعطیل رسمی)
holiday-ask = تعطیل رسمی: پرس‌وجو کنید
hours-ask = ساعات کار: پرس‌وجو کنید
holidays-open = در تعطیلات رسمی باز است
holidays-closed = در تعطیلات رسمی بسته است
holidays-ask = تعطیلات رسمی: پرس‌وجو کنید
closure-day = بسته در { $date }
closure-days = بسته از { $from } تا { $to }
with-note = { $text } ({ $note })
with-explanation = { $text }: { $note }
season = هر سال از { $from } تا { $to } باز است
access-sans-condition = بدون شرط
access-sur-inscription = با ثبت‌نام
access-sur-orientation = با معرفی مددکار اجتماعی
access-sur-rendez-vous = با وقت قبلی
fees-free = رایگان
fees-paid = مشارکت مالی خواسته می‌شود
publics-only = فقط برای: { $list }
publics-welcome = به‌ویژه پذیرای: { $list }
use-by = مصرف تا { $date }
available-until = تا { $date }
distance-near = کمتر از ۱ کیلومتر فاصله
distance = { $km } کیلومتر فاصله
with-page = { $title } (صفحهٔ { $n })
places = { $n } مکان
sheet = برگهٔ { $n } از { $of }

## Les pages du public (templates)
## review: pending
colon = { ": " }
stale = اطلاعات نیاز به بررسی دارد
stale-notice = <strong>اطلاعات نیاز به بررسی دارد</strong>: این صفحه از <time datetime="{ $iso }">{ $date }</time> بررسی نشده است. پیش از رفتن تماس بگیرید.
food-bank-partner = همکار بانک غذا
in-practice = اطلاعات کاربردی
phone = تلفن
email = ایمیل
website = وب‌سایت
who-may-come = چه کسی می‌تواند بیاید
publics-only-label = فقط برای
publics-label = گروه‌هایی که به‌ویژه پذیرفته می‌شوند
languages-spoken = زبان‌های گفتاری
remote-only = این انجمن از راه دور (تلفن، ایمیل) کمک می‌کند و محل پذیرش ندارد.
place-default = محل پذیرش
place-in = { $place } در { $city }
how-to-get-there = چگونه برسید:
closed-today = امروز بسته است (تعطیلی استثنایی).
hours-caption = ساعات کار
hours-day = روز
hours-hours = ساعات
hours-ask-association = ساعات کار: از انجمن بپرسید.
closures-title = تعطیلی‌های استثنایی
closure-range = از <time datetime="{ $fromiso }">{ $from }</time> تا <time datetime="{ $toiso }">{ $to }</time>
accessibility = دسترسی‌پذیری
wheelchair-yes = با ویلچر قابل دسترسی است.
wheelchair-no = با ویلچر قابل دسترسی نیست.
presentation = معرفی
section-calls = فراخوان داوطلب (به فرانسوی)
section-resources = پیشنهادها و درخواست‌ها (به فرانسوی)
archived-count = { $n } فراخوان یا آگهی پایان‌یافته در بایگانی
updated-on = اطلاعات در <time datetime="{ $iso }">{ $date }</time> به‌روز شد.
remote = از راه دور
call-number = تماس با { $phone }
go-maps-app = با برنامهٔ نقشه بروید
go-route = مسیر در OpenStreetMap
go-map = دیدن روی نقشهٔ OpenStreetMap
page-noun = صفحه
page-previous = صفحهٔ قبل
page-next = صفحهٔ بعد
pages-label = صفحه‌های فهرست
sheet-noun = برگه
sheet-previous = برگهٔ قبل
sheet-next = برگهٔ بعد
sheets-label = برگه‌های راهنما
emergency-title = اورژانس: تماس رایگان، شبانه‌روزی
emergency-115 = اسکان اضطراری (Samu social)
emergency-15 = اورژانس پزشکی (Samu)
emergency-3919 = خشونت علیه زنان، ناشناس
emergency-119 = کودکان در خطر
emergency-112 = اورژانس، از هر تلفنی در اروپا
emergency-114 = اورژانس برای ناشنوایان و کم‌شنوایان، با پیامک
home-title = کمک در نزدیکی خود پیدا کنید
home-need-now = همین حالا به کمک نیاز دارم
home-other-ways = راه‌های دیگر جستجو
by-commune = بر اساس شهر
by-category = بر اساس دسته
all-associations = همهٔ انجمن‌ها ({ $n })
map-of-places = نقشهٔ محل‌های پذیرش
between-title = میان انجمن‌ها (به فرانسوی)
between-notice = این بخش برای همیاری انجمن‌هاست: داوطلبی، اهدا و امانت موجودی یا تجهیزات. این کمکی نیست که بتوانید دریافت کنید: برای آن، یک نیاز را در بالا انتخاب کنید.
not-found-title = صفحه پیدا نشد
not-found-text = این نشانی با هیچ صفحه‌ای مطابقت ندارد. شاید اشتباه نوشته شده یا صفحه حذف شده است.
back-home = بازگشت به صفحهٔ اصلی
browse-directory = مرور فهرست انجمن‌ها
see-calls = دیدن فراخوان‌های داوطلب (به فرانسوی)
see-resources = دیدن پیشنهادها و درخواست‌ها (به فرانسوی)
back-to-directory = بازگشت به فهرست
no-association-yet = فعلاً هیچ انجمنی نیست.
associations-count = { $n } انجمن.
map-numbers = شماره‌های نقشه همان شماره‌های فهرست است.
outline-credit = مرز منطقه: { $credit }.
map-show = نمایش نقشهٔ تعاملی

## Titres des pages et besoins (generator/src/render/pages)
## review: pending
need-manger = غذا
need-se-laver = شست‌وشو
need-dormir = خواب
need-s-habiller = لباس
need-se-soigner = درمان
need-demarches = امور اداری
need-parler = صحبت با کسی
title-directory = فهرست انجمن‌ها
description-directory = { $n } انجمن همبستگی منطقهٔ { $territory }، بر اساس دسته و شهر.
title-commune = انجمن‌ها در { $commune }
description-commune = انجمن‌های همبستگی که در { $commune } پذیرش دارند.
description-need = { $need }: مکان‌های پذیرش منطقهٔ { $territory }، ساعت‌های امروز و اینکه چه کسی می‌تواند بیاید.
description-map = انجمن‌های همبستگی منطقهٔ { $territory } کجا هستند: نقشه و فهرست مکان‌ها.
map-title-count = نقشهٔ { $n } مکان پذیرش منطقهٔ { $territory }
map-title-of = نقشهٔ محل‌های پذیرش: { $what }
map-title-in = نقشهٔ محل‌های پذیرش در { $commune }
title-map = نقشهٔ محل‌های پذیرش
title-not-found = صفحه پیدا نشد
title-search = جستجو
description-search = جستجوی انجمن، فراخوان داوطلب، پیشنهاد یا درخواست.
title-guide = راهنمای چاپی: { $commune }
need-in = { $need } در { $commune }

## Les mots des scripts (open.js, dans data-words : ni ' ni " dans ces messages)
## review: pending
js-shown-one = انجمن نمایش داده شده
js-shown-many = انجمن نمایش داده شده
js-places-one = مکان نمایش داده شده
js-places-many = مکان نمایش داده شده
js-open = اکنون باز است، تا { $time }
js-later = امروز ساعت { $time } باز می‌شود
js-tomorrow = فردا ساعت { $time } باز می‌شود
js-weekday = { $day } ساعت { $time } باز می‌شود
js-date = در { $date } ساعت { $time } باز می‌شود
js-unknown = ساعات کار: پرس‌وجو کنید
js-today = امروز
js-and = { " تا " }
js-km = { $km } کیلومتر فاصله
js-near = کمتر از ۱ کیلومتر فاصله
js-places-sorted = مکان‌ها از نزدیک‌ترین تا دورترین مرتب شدند.
js-near-sorted = انجمن‌ها از نزدیک‌ترین تا دورترین مرتب شدند.
js-locating = در حال یافتن موقعیت شما…
js-no-position = موقعیت در دسترس نیست: فهرست ترتیب خود را حفظ می‌کند.
js-open-first = اول مکان‌هایی که اکنون باز هستند.
filter = فیلتر
open-now = اکنون باز
open-saturday = باز در شنبه
sort-near-me = مرتب‌سازی بر اساس فاصله (نزدیک من)

## Le guide à imprimer et la recherche
## review: pending
guide-title = کجا در { $commune } کمک پیدا کنیم
guide-sheets = این راهنما روی { $n } برگهٔ A4 جا می‌شود، هر صفحه یک برگه: هر صفحه را با فرمان چاپ مرورگر چاپ کنید.
guide-one-sheet = این صفحه روی یک برگهٔ A4 جا می‌شود: از فرمان چاپ مرورگر استفاده کنید.
guide-back = بازگشت به انجمن‌های { $commune }
guide-needs-label = نیازهای راهنما
guide-by-need = بر اساس نیاز:
guide-need-sheet = { $need } (برگهٔ { $n })
guide-continued = (ادامه)
guide-phone = تلفن
guide-access = دسترسی:
guide-empty = فعلاً هیچ انجمنی در این شهر ثبت نشده است.
guide-online = نشانی‌های به‌روز، ساعات امروز و شهرهای دیگر:
guide-this-page = این صفحه:
guide-printed = اطلاعات { $date }
guide-may-change = ساعات ممکن است تغییر کند: پیش از رفتن تماس بگیرید.
search-what = دنبال چه هستید؟
search-hint = برای نمونه: غذا، دوش، خواب، غذای رایگان، شنبه، Libourne.
search-browse = مرور
search-needs-js = جستجوی فوری به JavaScript نیاز دارد. بدون آن، همه‌چیز با مرور پیدا می‌شود:
search-by-section = بر اساس بخش
search-map = نقشه

## Les mots de search.js (dans data-words : ni ' ni " dans ces messages)
## review: pending
js-search-none = نتیجه‌ای برای « { $q } » نیست: واژهٔ دیگری را امتحان کنید یا پایین را مرور کنید.
js-search-one = { $n } نتیجه
js-search-other = { $n } نتیجه
js-search-shown = ({ $n } مورد نخست نمایش داده شده)
js-search-all = { $n } با همهٔ واژه‌ها، در آغاز

## Les titres des listes d'un public et d'un mode d'accès
## review: pending
heading-public = گروه‌ها: { $label }
heading-access = دسترسی: { $mode }
