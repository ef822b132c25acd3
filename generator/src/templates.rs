//! The theme's templates as every page and feed sees them: with the site's frame (its
//! settings, menu, footer and the addresses of its feeds and data) and the fingerprinted
//! assets in their global context. Pages and outputs both render through it.

use std::sync::Arc;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, TeraResult, Value};

use crate::error::BuildError;
use crate::i18n::{Arg, Catalogue, Lang, Languages};
use crate::index::Index;
use crate::published;
use crate::theme::Theme;
use crate::urls::Urls;

/// What every page knows of the site.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    territory: &'a str,
    /// The pages' language: `fr`, `ar`.
    language: &'a str,
    /// Its direction: `ltr` or `rtl`.
    dir: &'static str,
    /// The site has more than one language (a language menu, alternates).
    multilingual: bool,
    /// The site's own language, that of its content: `fr`.
    default_language: &'a str,
    /// On a page in another language, the language and direction of the editors' texts
    /// (`fr`, `ltr`), for the elements that hold them; empty on the site's own language.
    source_lang: &'a str,
    source_dir: &'static str,
    base_path: &'a str,
    home: String,
    /// The home page of the default language: where the pages kept in it (calls,
    /// listings, archives) are found from (`{{ site.root }}benevolat/`).
    root: String,
    /// Main navigation: sections, then free pages with a `menu` position.
    menu: Vec<MenuLink>,
    /// Free pages without a menu position (footer).
    footer: Vec<MenuLink>,
    feeds: Feeds,
    opendata: String,
    forms_endpoint: &'a str,
    moderation: String,
    retention_days: u32,
    timezone: &'a str,
    today: String,
    /// The credit of the territory's outline, shown under the maps that draw it.
    outline_credit: Option<&'a str>,
}

#[derive(Serialize)]
struct Feeds {
    calls: String,
    resources: String,
    calendar: String,
}

/// A link of the main menu or the footer, with the language of its label when it is not
/// the page's (a free page not translated).
#[derive(Serialize)]
struct MenuLink {
    label: String,
    url: String,
    lang: String,
}

/// The theme's templates, ready for one build.
pub(crate) struct Templates {
    tera: Tera,
}

impl Templates {
    /// The templates for the pages of one language (`urls` in that language).
    pub(crate) fn new(
        theme: &Theme,
        index: &Index,
        urls: &Urls,
        lang: &Lang,
        languages: &Languages,
    ) -> Templates {
        let mut tera = theme.tera.clone();
        tera.register_function("t", Translate(lang.catalogue.clone()));
        let config = &index.content.config;
        let mut pages: Vec<_> = index.content.pages.iter().collect();
        pages.sort_by_key(|p| (p.menu.unwrap_or(i64::MAX), p.title.clone()));
        let mut menu = vec![
            MenuLink {
                label: lang.t("menu-home"),
                url: urls.home(),
                lang: String::new(),
            },
            MenuLink {
                label: lang.t("menu-directory"),
                url: urls.directory(),
                lang: String::new(),
            },
            MenuLink {
                label: lang.t("menu-calls"),
                url: urls.calls(),
                lang: String::new(),
            },
            MenuLink {
                label: lang.t("menu-resources"),
                url: urls.resources(),
                lang: String::new(),
            },
            MenuLink {
                label: lang.t("menu-propose"),
                url: urls.at("proposer/"),
                lang: String::new(),
            },
        ];
        let mut footer = Vec::new();
        for p in pages {
            let title = lang
                .translation(&p.translations)
                .and_then(|t| t.title.as_deref());
            let link = MenuLink {
                label: title.unwrap_or(&p.title).to_string(),
                url: urls.page(&p.slug),
                // An untranslated title is said in the site's own language.
                lang: match title {
                    None if lang.index > 0 => languages.default_lang().code.clone(),
                    _ => String::new(),
                },
            };
            if p.menu.is_some() {
                menu.push(link);
            } else {
                footer.push(link);
            }
        }
        let view = SiteView {
            title: &config.title,
            description: config.description.as_deref().unwrap_or(""),
            territory: &config.territory.name,
            language: &lang.code,
            dir: lang.dir(),
            multilingual: languages.several(),
            default_language: &languages.default_lang().code,
            source_lang: if lang.index == 0 {
                ""
            } else {
                &languages.default_lang().code
            },
            source_dir: languages.default_lang().dir(),
            base_path: &urls.base_path,
            home: urls.home(),
            root: urls.at(""),
            menu,
            footer,
            feeds: Feeds {
                calls: urls.at(published::CALLS_FEED),
                resources: urls.at(published::RESOURCES_FEED),
                calendar: urls.at(published::CALENDAR),
            },
            opendata: urls.opendata(),
            forms_endpoint: &config.forms.endpoint,
            moderation: urls.at("moderation/"),
            retention_days: config.forms.retention_days,
            timezone: &config.timezone,
            today: index.today.to_string(),
            outline_credit: (!index.content.outline.0.is_empty())
                .then_some(index.content.outline_credit.as_deref())
                .flatten(),
        };
        tera.global_context().insert("site", &view);
        tera.global_context().insert("assets", &theme.assets);
        Templates { tera }
    }

    /// Renders a template into a buffer of `capacity` bytes to start with.
    pub(crate) fn render(
        &self,
        template: &str,
        context: &Context,
        capacity: usize,
    ) -> Result<Vec<u8>, BuildError> {
        let mut out = Vec::with_capacity(capacity);
        self.tera
            .render_to(template, context, &mut out)
            .map_err(|source| BuildError::Render {
                template: template.to_string(),
                source,
            })?;
        Ok(out)
    }
}

/// The templates' `t(key="…", name=value…)`: the message `key` of the page's language,
/// its arguments escaped (but those already safe HTML). The catalogues are the theme's
/// own text, trusted as its templates are: the message is not escaped.
struct Translate(Arc<Catalogue>);

impl tera::Function<TeraResult<Value>> for Translate {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
        let key: &str = kwargs.must_get("key")?;
        let mut texts: Vec<(String, String)> = Vec::new();
        let mut numbers: Vec<(String, i64)> = Vec::new();
        for (name, value) in kwargs.iter() {
            let Some(name) = name.as_str() else { continue };
            if name == "key" {
                continue;
            }
            if let Some(n) = value.as_i64() {
                numbers.push((name.to_string(), n));
            } else if let Some(text) = value.as_str() {
                let text = if value.is_safe() {
                    text.to_string()
                } else {
                    escaped(text)
                };
                texts.push((name.to_string(), text));
            } else {
                texts.push((name.to_string(), escaped(&value.to_string())));
            }
        }
        let mut args: Vec<(&str, Arg<'_>)> = Vec::new();
        args.extend(texts.iter().map(|(k, v)| (k.as_str(), Arg::Text(v))));
        args.extend(numbers.iter().map(|(k, v)| (k.as_str(), Arg::Number(*v))));
        Ok(Value::safe_string(&self.0.format(key, &args)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

fn escaped(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    tera::escape_html(text, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("escaping keeps UTF-8")
}
