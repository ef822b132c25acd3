# uk.ftl — Fluent (https://projectfluent.org/fluent/guide/)
# Relecture : traduction écrite sans locuteur natif, À RELIRE par une personne dont c'est
# la langue maternelle. Chaque section porte « ## review: pending » tant qu'elle n'est pas relue ;
# la personne qui relit remplace la ligne par « ## review: done (nom, date) ».

## La langue, et le cadre de chaque page
## review: pending
language-name = Українська
language-direction = ltr
og-locale = uk_UA
languages-menu = Мови
skip-to-content = Перейти до змісту
search-site = Пошук на порталі
search = Шукати
main-menu = Головне меню
breadcrumbs = Навігаційний ланцюжок
menu-home = Головна
menu-directory = Організації
menu-calls = Волонтерство (французькою)
menu-resources = Ресурси (французькою)
menu-propose = Запропонувати (французькою)
feed-calls = Заклики до волонтерів
feed-resources = Пропозиції та запити
footer-about = { $title } — благодійні організації території { $territory }.
footer-opendata = Відкриті дані (французькою)
footer-moderation = Модерація (французькою)
footer-feed-calls = Стрічка закликів до волонтерів
footer-feed-resources = Стрічка пропозицій і запитів
footer-calendar = Календар волонтерства (iCalendar)
