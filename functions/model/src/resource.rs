//! A resource listing: something offered or needed (`content/ressources/<slug>.md`).

use jiff::civil::Date;
use serde::Serialize;

use crate::context::{Context, association_ref};
use crate::problem::{Problem, Problems};
use crate::read::{Fields, boolean, date, join, number, one_of, text};
use crate::shapes::Place;
use crate::translations::{self, Texts, Translations};
use crate::tree::Node;

/// A listing: something an association offers (gives or lends) or needs, so that
/// associations can share.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Resource {
    /// The file name without `.md`, which is also its address: `/ressources/<slug>/`.
    pub slug: String,
    /// Its title, 3 to 150 characters.
    pub title: String,
    /// The slug of the association that offers or needs it.
    pub association: String,
    /// Offered or needed.
    pub kind: ResourceKind,
    /// What it is about.
    pub category: ResourceCategory,
    /// How much.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// When it can be had.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available: Option<Availability>,
    /// The use-by date, required for food on offer: the listing is archived after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
    /// Whether the food must be kept cold on the way.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cold_chain: Option<bool>,
    /// Where to fetch or bring it; the association's first place when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Whether it is still to be had; any other status than open archives the listing.
    pub status: ResourceStatus,
    /// The description, in Markdown.
    pub body: String,
    /// Editors' translations of its public texts, by language (see [`crate::translations`]).
    #[serde(skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// Declares a closed set of words with their French labels, read with a suggestion on typos.
macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $word:literal : $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name {
            #[default]
            $(
                #[doc = concat!("`", $word, "` in content files, « ", $label, " » on the site.")]
                $variant
            ),+
        }

        impl $name {
            /// Every value, in the order of the list.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The words written in content files, in the same order.
            pub const WORDS: &'static [&'static str] = &[$($word),+];

            /// The word written in content files.
            pub const fn word(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// The French label shown to the public.
            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The value of a word written in a content file.
            pub fn from_word(word: &str) -> Option<$name> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }

            pub(crate) fn read(node: &Node, path: &str, p: &mut Problems) -> Option<$name> {
                one_of(node, path, p, Self::WORDS).and_then(Self::from_word)
            }
        }
    };
}

word_enum!(
    /// Given or lent, or needed.
    ResourceKind { Offer = "offer": "Offre", Request = "request": "Demande" }
);

word_enum!(
    /// What a listing is about.
    ResourceCategory {
        Food = "food": "Denrées alimentaires",
        Equipment = "equipment": "Matériel",
        Skills = "skills": "Compétences",
        Premises = "premises": "Locaux",
        Transport = "transport": "Transport",
        Other = "other": "Autre",
    }
);

word_enum!(
    /// Whether a listing is still to be had.
    ResourceStatus {
        Open = "open": "Disponible",
        Reserved = "reserved": "Réservé",
        Done = "done": "Terminé",
        Withdrawn = "withdrawn": "Retiré",
    }
);

word_enum!(
    /// The unit of a quantity.
    Unit {
        Kg = "kg": "kg",
        L = "l": "litres",
        Portions = "portions": "portions",
        Items = "items": "pièces",
        Hours = "hours": "heures",
        M2 = "m2": "m²",
    }
);

/// How much is offered or needed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// How many units, more than 0.
    pub amount: f64,
    /// Of what.
    pub unit: Unit,
}

/// When it can be had, both days included.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Availability {
    /// The first day.
    pub from: Date,
    /// The last day, if there is one: the listing is archived after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

impl Resource {
    pub(crate) const WHAT: &'static str = "une annonce de ressource";

    pub(crate) fn decode(
        slug: &str,
        node: &Node,
        body: &str,
        cx: &Context,
        p: &mut Problems,
    ) -> Resource {
        let mut f = Fields::of_or_empty(node, "", "un en-tête YAML de champs", p);
        let title = f.required(
            "title",
            "un titre de 3 à 150 caractères",
            p,
            |n, path, p| text(n, path, p, (3, 150), true),
        );
        let association = f.required(
            "association",
            "l'identifiant d'une association de content/associations/",
            p,
            |n, path, p| association_ref(n, path, p, cx),
        );
        let before = p.len();
        let kind = f.required(
            "kind",
            "offer (on donne ou prête) ou request (on cherche)",
            p,
            ResourceKind::read,
        );
        let kind_ok = p.len() == before;
        let before = p.len();
        let category = f.required(
            "category",
            "l'une des valeurs food, equipment, skills, premises, transport, other",
            p,
            ResourceCategory::read,
        );
        let is_food = p.len() == before && category == ResourceCategory::Food;
        let category_ok = p.len() == before;
        let quantity = f.optional("quantity", p, Quantity::read);
        let available = f.optional("available", p, Availability::read);
        let expires = f.required_when(
            kind_ok && kind == ResourceKind::Offer && is_food,
            "expires",
            "la date limite de consommation (obligatoire pour une offre de denrées), AAAA-MM-JJ",
            p,
            date,
        );
        let cold_chain = match f.get("cold_chain") {
            Some((n, path)) if category_ok && !is_food => {
                p.push(Problem::new(
                    n.at,
                    path,
                    "cold_chain seulement pour la catégorie food",
                    format!("cold_chain pour la catégorie {}", category.word()),
                ));
                None
            }
            Some((n, path)) => boolean(n, &path, p),
            None => None,
        };
        let place = f.optional("place", p, |n, path, p| {
            Place::read(n, path, p, &cx.site.territory.bounds)
        });
        let status = f
            .optional("status", p, ResourceStatus::read)
            .unwrap_or_default();
        let translations = translations::read(&mut f, Texts::Titled, cx, p);
        f.finish(Self::WHAT, p);
        Resource {
            slug: slug.to_string(),
            title,
            association,
            kind,
            category,
            quantity,
            available,
            expires,
            cold_chain,
            place,
            status,
            body: body.to_string(),
            translations,
        }
    }

    /// The last day the listing holds: its use-by date or the end of its availability.
    pub fn last_day(&self) -> Option<Date> {
        let until = self.available.as_ref().and_then(|a| a.until);
        match (self.expires, until) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Archived: no longer open, or past its last day.
    pub fn is_archived(&self, today: Date) -> bool {
        self.status != ResourceStatus::Open || self.last_day().is_some_and(|d| d < today)
    }
}

impl Quantity {
    fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Quantity> {
        let mut f = Fields::of(node, path, "une quantité {amount, unit}", p)?;
        let before = p.len();
        let amount = f.required(
            "amount",
            "une quantité supérieure à 0",
            p,
            |n, path, p| {
                if let Some(r) = p.recorder() {
                    r.shape(path, serde_json::json!({"exclusiveMinimum": 0}));
                }
                let v = number(n, path, p)?;
                (v > 0.0).then_some(v).or_else(|| {
                    p.push(Problem::new(
                        n.at,
                        path,
                        "une quantité supérieure à 0",
                        v.to_string(),
                    ));
                    None
                })
            },
        );
        let unit = f.required(
            "unit",
            "l'une des unités kg, l, portions, items, hours, m2",
            p,
            Unit::read,
        );
        f.finish("une quantité", p);
        (p.len() == before).then_some(Quantity { amount, unit })
    }

    /// `40 kg`, `12,5 litres`: the amount the French way.
    pub fn display(&self) -> String {
        let amount = if self.amount.fract() == 0.0 {
            format!("{}", self.amount as i64)
        } else {
            self.amount.to_string().replace('.', ",")
        };
        format!("{amount} {}", self.unit.label())
    }
}

impl Availability {
    fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Availability> {
        let mut f = Fields::of(node, path, "une disponibilité {from, until}", p)?;
        let before = p.len();
        let from = f.required("from", "le premier jour, AAAA-MM-JJ", p, date);
        let until = f.optional("until", p, date);
        f.finish("une disponibilité", p);
        if let Some(until) = until.filter(|u| *u < from && p.len() == before) {
            p.push(Problem::new(
                node.at,
                join(path, "until"),
                format!("une date de fin le {from} ou après"),
                until.to_string(),
            ));
        }
        (p.len() == before).then_some(Availability { from, until })
    }
}
