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
