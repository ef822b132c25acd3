//! Cards: the short view of an entry that every list, map and page mentioning it shows.
//! An entry appears on a dozen pages of a large site (its lists, its association's page,
//! the matches of other listings), so each card is made once per build, on first use, as
//! a template value: Tera's values share their maps, so a page listing fifty cards holds
//! fifty pointers instead of building and converting fifty cards.

use std::sync::OnceLock;

use portal_model::{Association, Resource, VolunteerCall};
use tera::Value;

use super::Renderer;
use super::views::{AssociationCard, CallCard, ResourceCard};
use crate::site::Site;

/// The cards of one build, by index in the content's lists.
#[derive(Default)]
pub struct Cards {
    associations: Vec<OnceLock<Value>>,
    calls: Vec<OnceLock<Value>>,
    resources: Vec<OnceLock<Value>>,
}

impl Cards {
    pub fn new(site: &Site) -> Cards {
        let slots = |n: usize| (0..n).map(|_| OnceLock::new()).collect();
        Cards {
            associations: slots(site.content.associations.len()),
            calls: slots(site.content.calls.len()),
            resources: slots(site.content.resources.len()),
        }
    }
}

/// The position of `item` in `items`, which holds it: the site hands out references into
/// its lists, and a card is filed by position.
fn position<T>(items: &[T], item: &T) -> usize {
    let offset = (item as *const T as usize).wrapping_sub(items.as_ptr() as usize);
    let i = offset / std::mem::size_of::<T>().max(1);
    assert!(
        i < items.len() && std::ptr::eq(&items[i], item),
        "a card is asked for an entry of the site"
    );
    i
}

impl Renderer<'_> {
    pub fn association_card(&self, a: &Association) -> Value {
        let i = position(&self.site.content.associations, a);
        self.cards.associations[i]
            .get_or_init(|| {
                Value::from_serializable(&AssociationCard::of(a, self.site, &self.urls))
            })
            .clone()
    }

    pub fn call_card(&self, c: &VolunteerCall) -> Value {
        let i = position(&self.site.content.calls, c);
        self.cards.calls[i]
            .get_or_init(|| Value::from_serializable(&CallCard::of(c, self.site, &self.urls)))
            .clone()
    }

    pub fn resource_card(&self, r: &Resource) -> Value {
        let i = position(&self.site.content.resources, r);
        self.cards.resources[i]
            .get_or_init(|| Value::from_serializable(&ResourceCard::of(r, self.site, &self.urls)))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::position;

    #[test]
    fn positions_of_items_in_their_list() {
        let items = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(position(&items, &items[2]), 2);
        assert_eq!(position(&items, &items[0]), 0);
        let elsewhere = "b".to_string();
        assert!(std::panic::catch_unwind(|| position(&items, &elsewhere)).is_err());
    }
}
