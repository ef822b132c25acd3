# ar.ftl — Fluent (https://projectfluent.org/fluent/guide/)
# Relecture : traduction écrite sans locuteur natif, À RELIRE par une personne dont c'est
# la langue maternelle. Chaque section porte « ## review: pending » tant qu'elle n'est pas relue ;
# la personne qui relit remplace la ligne par « ## review: done (nom, date) ».

## La langue, et le cadre de chaque page
## review: pending
language-name = العربية
language-direction = rtl
og-locale = ar_AR
languages-menu = اللغات
skip-to-content = انتقل إلى المحتوى
search-site = ابحث في البوابة
search = بحث
main-menu = القائمة الرئيسية
breadcrumbs = مسار التنقل
menu-home = الرئيسية
menu-directory = الجمعيات
menu-calls = التطوع (بالفرنسية)
menu-resources = الموارد (بالفرنسية)
menu-propose = اقترح (بالفرنسية)
feed-calls = نداءات للمتطوعين
feed-resources = العروض والطلبات
footer-about = { $title } — جمعيات التضامن في منطقة { $territory }.
footer-opendata = البيانات المفتوحة (بالفرنسية)
footer-moderation = الإشراف (بالفرنسية)
footer-feed-calls = موجز نداءات المتطوعين
footer-feed-resources = موجز العروض والطلبات
footer-calendar = تقويم التطوع (iCalendar)

## Dates, heures et rythmes (generator/src/phrasing.rs)
## review: pending
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
weekday-mo = الاثنين
weekday-tu = الثلاثاء
weekday-we = الأربعاء
weekday-th = الخميس
weekday-fr = الجمعة
weekday-sa = السبت
weekday-su = الأحد
date = { $day } { $month } { $year }
day-month = { $day } { $month }
date-weekday = { $weekday } { $date }
time-hours = { $h }:00
time-minutes = { $h }:{ $mm }
range = { $start } إلى { $end }
span = من { $start } إلى { $end }
list-comma = { "، " }
list-semicolon = { "؛ " }
list-and = { $rest } و{ $last }
weekly = كل { $days }
starting = ابتداءً من { $date }
other-dates = (و{ $n } مواعيد أخرى)
closed = مغلق
day-closed = مغلق
closed-because = مغلق ({ $note })
closed-exceptionally = مغلق (إغلاق استثنائي)
closed-out-of-season = مغلق (مفتوح من { $from } إلى { $to })
closed-holiday = مغلق (عطلة رسمية)
holiday-ask = عطلة رسمية: يرجى الاستفسار
hours-ask = المواعيد: يرجى الاستفسار
holidays-open = مفتوح في العطل الرسمية
holidays-closed = مغلق في العطل الرسمية
holidays-ask = العطل الرسمية: يرجى الاستفسار
closure-day = مغلق يوم { $date }
closure-days = مغلق من { $from } إلى { $to }
with-note = { $text } ({ $note })
with-explanation = { $text }: { $note }
season = مفتوح كل عام من { $from } إلى { $to }
access-sans-condition = بدون شروط
access-sur-inscription = بالتسجيل المسبق
access-sur-orientation = بتوجيه من أخصائي اجتماعي
access-sur-rendez-vous = بموعد مسبق
fees-free = مجاني
fees-paid = تُطلب مساهمة مالية
publics-only = مخصص لـ: { $list }
publics-welcome = مرحب بهم بشكل خاص: { $list }
use-by = يُستهلك قبل { $date }
available-until = حتى { $date }
distance-near = على بعد أقل من 1 كم
distance = على بعد { $km } كم
with-page = { $title } (الصفحة { $n })
places =
    { $n ->
        [one] مكان واحد
        [two] مكانان
        [few] { $n } أماكن
       *[other] { $n } مكانًا
    }
sheet = الورقة { $n } من { $of }
