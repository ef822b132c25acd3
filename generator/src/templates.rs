//! The theme's templates as every page and feed sees them: with the site's frame (its
//! settings, menu, footer and the addresses of its feeds and data) and the fingerprinted
//! assets in their global context. Pages and outputs both render through it.

use serde::Serialize;
use tera::{Context, Tera};

use crate::error::BuildError;
use crate::index::Index;
use crate::published;
use crate::theme::Theme;
use crate::urls::{Link, Urls};

/// What every page knows of the site.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    territory: &'a str,
    language: &'a str,
    base_path: &'a str,
    home: String,
    /// Main navigation: sections, then free pages with a `menu` position.
    menu: Vec<Link>,
    /// Free pages without a menu position (footer).
    footer: Vec<Link>,
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

/// The theme's templates, ready for one build.
pub(crate) struct Templates {
    tera: Tera,
}

impl Templates {
    pub(crate) fn new(theme: &Theme, index: &Index, urls: &Urls) -> Templates {
        let mut tera = theme.tera.clone();
        let config = &index.content.config;
        let mut pages: Vec<_> = index.content.pages.iter().collect();
        pages.sort_by_key(|p| (p.menu.unwrap_or(i64::MAX), p.title.clone()));
        let mut menu = vec![
            Link {
                label: "Accueil".into(),
                url: urls.home(),
            },
            Link {
                label: "Associations".into(),
                url: urls.directory(),
            },
            Link {
                label: "Bénévolat".into(),
                url: urls.calls(),
            },
            Link {
                label: "Ressources".into(),
                url: urls.resources(),
            },
            Link {
                label: "Proposer".into(),
                url: urls.at("proposer/"),
            },
        ];
        let mut footer = Vec::new();
        for p in pages {
            let link = Link {
                label: p.title.clone(),
                url: urls.page(&p.slug),
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
            language: &config.language,
            base_path: &urls.base_path,
            home: urls.home(),
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
