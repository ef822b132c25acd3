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
