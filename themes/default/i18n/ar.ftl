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
