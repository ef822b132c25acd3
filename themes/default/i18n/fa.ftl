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
