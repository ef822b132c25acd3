//! What every kind of page renders with: the index, the addresses, the templates and the
//! cards of one build.

use tera::{Context, Value};

use super::cards::Cards;
use crate::error::BuildError;
use crate::i18n::{Lang, Languages};
use crate::index::{AssociationId, CallId, Index, PlaceRef, ResourceId};
use crate::templates::Templates;
use crate::urls::Urls;

/// Renders templates for one site with one theme.
pub(crate) struct Renderer<'a> {
    pub index: &'a Index,
    pub urls: Urls,
    /// The language of the pages it renders.
    pub lang: &'a Lang,
    /// Every language of the site, for the language menu and the alternates.
    pub languages: &'a Languages,
    templates: &'a Templates,
    cards: Cards,
}

impl<'a> Renderer<'a> {
    pub(crate) fn new(
        index: &'a Index,
        templates: &'a Templates,
        urls: Urls,
        lang: &'a Lang,
        languages: &'a Languages,
    ) -> Renderer<'a> {
        Renderer {
            index,
            urls,
            lang,
            languages,
            templates,
            cards: Cards::new(index),
        }
    }

    /// The card of an association, made on first use.
    pub(crate) fn association_card(&self, id: AssociationId) -> Value {
        self.cards
            .association(id, self.index, &self.urls, self.lang)
    }

    /// The card of one place of an association, made on first use.
    pub(crate) fn place_card(&self, p: PlaceRef) -> Value {
        self.cards.place(p, self.index, &self.urls, self.lang)
    }

    pub(crate) fn call_card(&self, id: CallId) -> Value {
        self.cards.call(id, self.index, &self.urls, self.lang)
    }

    pub(crate) fn resource_card(&self, id: ResourceId) -> Value {
        self.cards.resource(id, self.index, &self.urls, self.lang)
    }

    /// Drops the cards made so far (on a thread of their own, as [`Renderer::drop_aside`]
    /// does); those needed again are made again.
    pub(crate) fn forget_cards(&mut self) {
        let cards = std::mem::replace(&mut self.cards, Cards::new(self.index));
        std::thread::spawn(move || drop(cards));
    }

    /// Drops the renderer, its cards on a thread of their own: at 100,000 entries freeing
    /// their maps takes a serial 150 ms at the end of a build, and nothing waits for it.
    pub(crate) fn drop_aside(mut self) {
        let cards = std::mem::take(&mut self.cards);
        std::thread::spawn(move || drop(cards));
    }

    /// Renders an HTML page as the template writes it.
    pub(crate) fn raw(&self, template: &str, context: &Context) -> Result<Vec<u8>, BuildError> {
        self.templates.render(template, context, 16 * 1024)
    }

    /// A rendered page as it is written: minified when `site.toml` asks for it.
    pub(crate) fn finish(&self, html: Vec<u8>) -> Vec<u8> {
        if self.index.content.config.minify {
            minify(&html)
        } else {
            html
        }
    }
}

/// Minifies HTML; the document stays valid (closing tags and the doctype are kept).
pub fn minify(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: true,
        minify_js: true,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &cfg)
}
