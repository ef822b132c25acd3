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

## Les pages du public (templates)
## review: pending
colon = { ": " }
stale = معلومات بحاجة إلى تحقق
stale-notice = <strong>معلومات بحاجة إلى تحقق</strong>: لم يتم التحقق من هذه الصفحة منذ <time datetime="{ $iso }">{ $date }</time>. اتصل قبل أن تذهب.
food-bank-partner = شريك بنك الطعام
in-practice = معلومات عملية
phone = الهاتف
email = البريد الإلكتروني
website = الموقع الإلكتروني
who-may-come = من يمكنه الحضور
publics-only-label = مخصص لـ
publics-label = الفئات المرحب بها بشكل خاص
languages-spoken = اللغات المحكية
remote-only = تقدم هذه الجمعية المساعدة عن بعد (الهاتف، البريد الإلكتروني) وليس لها مكان استقبال.
place-default = مكان الاستقبال
place-in = { $place } في { $city }
how-to-get-there = كيفية الوصول:
closed-today = مغلق اليوم (إغلاق استثنائي).
hours-caption = مواعيد العمل
hours-day = اليوم
hours-hours = المواعيد
hours-ask-association = المواعيد: يرجى الاستفسار من الجمعية.
closures-title = الإغلاقات الاستثنائية
closure-range = من <time datetime="{ $fromiso }">{ $from }</time> إلى <time datetime="{ $toiso }">{ $to }</time>
accessibility = إمكانية الوصول
wheelchair-yes = يمكن الوصول بالكرسي المتحرك.
wheelchair-no = لا يمكن الوصول بالكرسي المتحرك.
presentation = نبذة
section-calls = نداءات للمتطوعين (بالفرنسية)
section-resources = العروض والطلبات (بالفرنسية)
archived-count = { $n } من النداءات أو الإعلانات المنتهية في الأرشيف
updated-on = تم تحديث المعلومات في <time datetime="{ $iso }">{ $date }</time>.
remote = عن بعد
call-number = اتصل على { $phone }
go-maps-app = اذهب إلى هناك باستخدام تطبيق الخرائط
go-route = المسار على OpenStreetMap
go-map = عرض على خريطة OpenStreetMap
page-noun = الصفحة
page-previous = الصفحة السابقة
page-next = الصفحة التالية
pages-label = صفحات القائمة
sheet-noun = الورقة
sheet-previous = الورقة السابقة
sheet-next = الورقة التالية
sheets-label = أوراق الدليل
emergency-title = الطوارئ: مكالمات مجانية، ليلًا ونهارًا
emergency-115 = مأوى طارئ (Samu social)
emergency-15 = طوارئ طبية (Samu)
emergency-3919 = العنف ضد المرأة، دون الكشف عن الهوية
emergency-119 = أطفال في خطر
emergency-112 = الطوارئ، من أي هاتف في أوروبا
emergency-114 = الطوارئ للصم وضعاف السمع، عبر رسالة نصية
home-title = ابحث عن المساعدة بالقرب منك
home-need-now = أحتاج إلى المساعدة الآن
home-other-ways = طرق أخرى للبحث
by-commune = حسب البلدية
by-category = حسب الفئة
all-associations = كل الجمعيات ({ $n })
map-of-places = خريطة أماكن الاستقبال
between-title = بين الجمعيات (بالفرنسية)
between-notice = هذه المساحة مخصصة لتعاون الجمعيات فيما بينها: التطوع، والتبرعات وإعارة المخزون أو المعدات. إنها ليست مساعدة يمكن الحصول عليها: لذلك، اختر حاجة أعلاه.
not-found-title = الصفحة غير موجودة
not-found-text = هذا العنوان لا يطابق أي صفحة. ربما تمت كتابته بشكل خاطئ، أو تمت إزالة الصفحة.
back-home = العودة إلى الصفحة الرئيسية
browse-directory = تصفح دليل الجمعيات
see-calls = عرض نداءات المتطوعين (بالفرنسية)
see-resources = عرض العروض والطلبات (بالفرنسية)
back-to-directory = العودة إلى الدليل
no-association-yet = لا توجد جمعية حاليًا.
associations-count = عدد الجمعيات: { $n }.
map-numbers = أرقام الخريطة هي أرقام القائمة.
outline-credit = حدود المنطقة: { $credit }.
map-show = عرض الخريطة التفاعلية

## Titres des pages et besoins (generator/src/render/pages)
## review: pending
need-manger = الطعام
need-se-laver = الاستحمام
need-dormir = النوم
need-s-habiller = الملابس
need-se-soigner = العلاج
need-demarches = المعاملات الإدارية
need-parler = التحدث إلى شخص ما
title-directory = دليل الجمعيات
description-directory = الجمعيات التضامنية الـ{ $n } في منطقة { $territory }، حسب الفئة والبلدية.
title-commune = الجمعيات في { $commune }
description-commune = الجمعيات التضامنية التي تستقبل في { $commune }.
description-need = { $need }: أماكن الاستقبال في منطقة { $territory }، ومواعيدها اليوم ومن يمكنه القدوم.
description-map = أين توجد الجمعيات التضامنية في منطقة { $territory }: الخريطة وقائمة الأماكن.
map-title-count = خريطة أماكن الاستقبال الـ{ $n } في منطقة { $territory }
map-title-of = خريطة أماكن الاستقبال: { $what }
map-title-in = خريطة أماكن الاستقبال في { $commune }
title-map = خريطة أماكن الاستقبال
title-not-found = الصفحة غير موجودة
title-search = بحث
description-search = ابحث عن جمعية أو نداء للمتطوعين أو عرض أو طلب.
title-guide = دليل للطباعة: { $commune }
need-in = { $need } في { $commune }

## Les mots des scripts (open.js, dans data-words : ni ' ni " dans ces messages)
## review: pending
js-shown-one = جمعية معروضة
js-shown-many = جمعيات معروضة
js-places-one = مكان معروض
js-places-many = أماكن معروضة
js-open = مفتوح الآن، حتى { $time }
js-later = يفتح اليوم الساعة { $time }
js-tomorrow = يفتح غدًا الساعة { $time }
js-weekday = يفتح يوم { $day } الساعة { $time }
js-date = يفتح في { $date } الساعة { $time }
js-unknown = المواعيد: يرجى الاستفسار
js-today = اليوم
js-and = { " إلى " }
js-km = على بعد { $km } كم
js-near = على بعد أقل من 1 كم
js-places-sorted = الأماكن مرتبة من الأقرب إلى الأبعد.
js-near-sorted = الجمعيات مرتبة من الأقرب إلى الأبعد.
js-locating = جارٍ تحديد موقعك…
js-no-position = الموقع غير متاح: تحتفظ القائمة بترتيبها.
js-open-first = المفتوحة الآن أولًا.
filter = تصفية
open-now = مفتوح الآن
open-saturday = مفتوح يوم السبت
sort-near-me = الترتيب حسب المسافة (بالقرب مني)

## Le guide à imprimer et la recherche
## review: pending
guide-title = أين تجد المساعدة في { $commune }
guide-sheets = يشغل هذا الدليل { $n } أوراق A4، ورقة لكل صفحة: اطبع كل صفحة بأمر الطباعة في متصفحك.
guide-one-sheet = تشغل هذه الصفحة ورقة A4 واحدة: استخدم أمر الطباعة في متصفحك.
guide-back = العودة إلى جمعيات { $commune }
guide-needs-label = احتياجات الدليل
guide-by-need = حسب الحاجة:
guide-need-sheet = { $need } (الورقة { $n })
guide-continued = (تابع)
guide-phone = هاتف
guide-access = الوصول:
guide-empty = لا توجد جمعية مسجلة في هذه البلدية حاليًا.
guide-online = العناوين المحدثة ومواعيد اليوم والبلديات الأخرى:
guide-this-page = هذه الصفحة:
guide-printed = معلومات بتاريخ { $date }
guide-may-change = قد تتغير المواعيد: اتصل قبل أن تذهب.
search-what = عمّ تبحث؟
search-hint = مثلًا: طعام، استحمام، نوم، وجبة مجانية، السبت، Libourne.
search-browse = تصفح
search-needs-js = يحتاج البحث الفوري إلى JavaScript. بدونه، يمكن العثور على كل شيء بالتصفح:
search-by-section = حسب القسم
search-map = الخريطة

## Les mots de search.js (dans data-words : ni ' ni " dans ces messages)
## review: pending
js-search-none = لا توجد نتائج لـ « { $q } »: جرّب كلمة أخرى، أو تصفح أدناه.
js-search-one = نتيجة واحدة
js-search-other = { $n } نتائج
js-search-shown = (أول { $n } معروضة)
js-search-all = { $n } بكل الكلمات، أولًا

## Les titres des listes d'un public et d'un mode d'accès
## review: pending
heading-public = الفئات: { $label }
heading-access = الوصول: { $mode }
