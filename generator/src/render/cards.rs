//! Cards: the short view of an entry that every list, map and page mentioning it shows.
//! An entry appears on a dozen pages of a large site (its lists, its association's page,
//! the matches of other listings), so each card is made once per build, on first use, as
//! a template value: Tera's values share their maps, so a page listing fifty cards holds
//! fifty pointers instead of building and converting fifty cards.

use std::sync::OnceLock;

use tera::Value;

use super::views::{AssociationCard, CallCard, PlaceCard, ResourceCard};
use crate::i18n::Lang;
use crate::index::{AssociationId, CallId, Index, PlaceRef, ResourceId};
use crate::urls::Urls;

/// The cards of one build, by id.
#[derive(Default)]
pub(crate) struct Cards {
    associations: Vec<OnceLock<Value>>,
    calls: Vec<OnceLock<Value>>,
    resources: Vec<OnceLock<Value>>,
    /// The cards of each association's places, made together.
    places: Vec<OnceLock<Vec<Value>>>,
}

impl Cards {
    pub(crate) fn new(index: &Index) -> Cards {
        fn slots<T>(n: usize) -> Vec<OnceLock<T>> {
            (0..n).map(|_| OnceLock::new()).collect()
        }
        Cards {
            associations: slots(index.content.associations.len()),
            calls: slots(index.content.calls.len()),
            resources: slots(index.content.resources.len()),
            places: slots(index.content.associations.len()),
        }
    }

    pub(crate) fn association(
        &self,
        id: AssociationId,
        index: &Index,
        urls: &Urls,
        lang: &Lang,
    ) -> Value {
        self.associations[id.index()]
            .get_or_init(|| {
                let card = AssociationCard::of(index.association(id), index, urls, lang);
                Value::from_serializable(&card)
            })
            .clone()
    }

    pub(crate) fn call(&self, id: CallId, index: &Index, urls: &Urls, lang: &Lang) -> Value {
        self.calls[id.index()]
            .get_or_init(|| {
                Value::from_serializable(&CallCard::of(index.call(id), index, urls, lang))
            })
            .clone()
    }

    pub(crate) fn place(&self, p: PlaceRef, index: &Index, urls: &Urls, lang: &Lang) -> Value {
        self.places[p.association.index()].get_or_init(|| {
            PlaceCard::all_of(index.association(p.association), index, urls, lang)
                .iter()
                .map(Value::from_serializable)
                .collect()
        })[p.location]
            .clone()
    }

    pub(crate) fn resource(
        &self,
        id: ResourceId,
        index: &Index,
        urls: &Urls,
        lang: &Lang,
    ) -> Value {
        self.resources[id.index()]
            .get_or_init(|| {
                Value::from_serializable(&ResourceCard::of(index.resource(id), index, urls, lang))
            })
            .clone()
    }
}
