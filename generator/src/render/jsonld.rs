//! schema.org descriptions of detail pages, as JSON-LD, for search engines and assistants.
//!
//! Written from structs whose fields are in alphabetical order (`@` first): the same bytes
//! as the trees of JSON values they replace, without building one per page.

use portal_model::resource::ResourceKind;
use portal_model::shapes::Place;
use portal_model::{Association, Kind, Resource, VolunteerCall};
use serde::Serialize;

use crate::index::Index;
use crate::urls::Urls;
use portal_markdown::plain_summary;

const CONTEXT: &str = "https://schema.org";

/// JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped so that the
/// text can never close the script element.
pub(crate) fn to_script(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("JSON of plain data");
    if !json.contains(['<', '>', '&']) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
struct PostalAddress<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "addressCountry")]
    country: &'static str,
    #[serde(rename = "addressLocality")]
    locality: &'a str,
    #[serde(rename = "postalCode")]
    postal_code: &'a str,
    #[serde(rename = "streetAddress")]
    street: &'a str,
}

#[derive(Serialize)]
struct GeoCoordinates {
    #[serde(rename = "@type")]
    kind: &'static str,
    latitude: f64,
    longitude: f64,
}

#[derive(Serialize)]
struct PlaceLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: PostalAddress<'a>,
    geo: GeoCoordinates,
    name: Option<&'a str>,
    #[serde(rename = "openingHours", skip_serializing_if = "Option::is_none")]
    opening_hours: Option<String>,
}

fn place(p: &Place) -> PlaceLd<'_> {
    PlaceLd {
        kind: "Place",
        address: PostalAddress {
            kind: "PostalAddress",
            country: "FR",
            locality: &p.city,
            postal_code: &p.postal_code,
            street: &p.address,
        },
        geo: GeoCoordinates {
            kind: "GeoCoordinates",
            latitude: p.geo.lat,
            longitude: p.geo.lon,
        },
        name: p.name.as_deref(),
        opening_hours: None,
    }
}

#[derive(Serialize)]
struct Organisation<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: String,
}

fn organisation<'a>(a: &'a Association, urls: &Urls) -> Organisation<'a> {
    Organisation {
        kind: "NGO",
        name: &a.name,
        url: urls.absolute(&urls.association(&a.slug)),
    }
}

#[derive(Serialize)]
struct PropertyValue<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "propertyID")]
    property: &'static str,
    value: &'a str,
}

#[derive(Serialize)]
struct Ngo<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dateModified")]
    modified: String,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier: Option<PropertyValue<'a>>,
    location: Vec<PlaceLd<'a>>,
    name: &'a str,
    #[serde(rename = "sameAs", skip_serializing_if = "Option::is_none")]
    same_as: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    telephone: Option<&'a str>,
    url: &'a str,
}

pub(crate) fn association(a: &Association, canonical: &str, _urls: &Urls) -> String {
    let contact = a.contact.as_ref();
    to_script(&Ngo {
        context: CONTEXT,
        kind: "NGO",
        modified: a.updated.to_string(),
        description: &a.summary,
        email: contact.and_then(|c| c.email.as_deref()),
        identifier: a
            .identifiers
            .as_ref()
            .and_then(|i| i.siret.as_deref())
            .map(|siret| PropertyValue {
                kind: "PropertyValue",
                property: "SIRET",
                value: siret,
            }),
        location: a
            .locations
            .iter()
            .map(|l| PlaceLd {
                opening_hours: l.hours.as_ref().map(|h| h.to_osm()),
                ..place(&l.place)
            })
            .collect(),
        name: &a.name,
        same_as: contact.and_then(|c| c.website.as_deref()),
        telephone: contact
            .and_then(|c| c.phone.as_ref())
            .map(|p| p.tel.as_str()),
        url: canonical,
    })
}

#[derive(Serialize)]
struct JobPosting<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "datePosted")]
    posted: String,
    description: String,
    #[serde(rename = "employmentType")]
    employment: &'static str,
    #[serde(rename = "hiringOrganization")]
    organisation: Organisation<'a>,
    #[serde(rename = "jobLocation", skip_serializing_if = "Option::is_none")]
    location: Option<PlaceLd<'a>>,
    #[serde(rename = "jobLocationType", skip_serializing_if = "Option::is_none")]
    location_type: Option<&'static str>,
    title: &'a str,
    url: &'a str,
    #[serde(rename = "validThrough", skip_serializing_if = "Option::is_none")]
    valid_through: Option<String>,
}

/// A call for volunteers as a volunteer `JobPosting`, the form search engines know.
pub(crate) fn call(c: &VolunteerCall, index: &Index, canonical: &str, urls: &Urls) -> String {
    to_script(&JobPosting {
        context: CONTEXT,
        kind: "JobPosting",
        posted: index.changed(Kind::VolunteerCall, &c.slug).to_string(),
        description: plain_summary(&c.body, 500),
        employment: "VOLUNTEER",
        organisation: organisation(index.association_by_slug(&c.association), urls),
        location: index.place_of(c.place.as_ref(), &c.association).map(place),
        location_type: c.remote.then_some("TELECOMMUTE"),
        title: &c.title,
        url: canonical,
        valid_through: c.last_day().map(|d| d.to_string()),
    })
}

#[derive(Serialize)]
struct QuantitativeValue<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "unitText")]
    unit: &'a str,
    value: f64,
}

#[derive(Serialize)]
struct Listing<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "availabilityEnds", skip_serializing_if = "Option::is_none")]
    ends: Option<String>,
    #[serde(rename = "availabilityStarts", skip_serializing_if = "Option::is_none")]
    starts: Option<String>,
    #[serde(rename = "availableAtOrFrom", skip_serializing_if = "Option::is_none")]
    place: Option<PlaceLd<'a>>,
    category: &'static str,
    description: String,
    #[serde(rename = "eligibleQuantity", skip_serializing_if = "Option::is_none")]
    quantity: Option<QuantitativeValue<'a>>,
    name: &'a str,
    #[serde(rename = "offeredBy", skip_serializing_if = "Option::is_none")]
    offered_by: Option<Organisation<'a>>,
    price: u8,
    #[serde(rename = "priceCurrency")]
    currency: &'static str,
    url: &'a str,
}

/// An offer as an `Offer`, a request as a `Demand`.
pub(crate) fn resource(r: &Resource, index: &Index, canonical: &str, urls: &Urls) -> String {
    let a = index.association_by_slug(&r.association);
    to_script(&Listing {
        context: CONTEXT,
        kind: match r.kind {
            ResourceKind::Offer => "Offer",
            ResourceKind::Request => "Demand",
        },
        ends: r.last_day().map(|d| d.to_string()),
        starts: r.available.as_ref().map(|av| av.from.to_string()),
        place: index.place_of(r.place.as_ref(), &r.association).map(place),
        category: r.category.label(),
        description: plain_summary(&r.body, 500),
        quantity: r.quantity.as_ref().map(|q| QuantitativeValue {
            kind: "QuantitativeValue",
            unit: q.unit.label(),
            value: q.amount,
        }),
        name: &r.title,
        offered_by: (r.kind == ResourceKind::Offer).then(|| organisation(a, urls)),
        price: 0,
        currency: "EUR",
        url: canonical,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[test]
    fn script_text_cannot_close_the_element() {
        let s = to_script(&json!({"name": "</script><b>&"}));
        assert!(!s.contains('<') && !s.contains('&'), "{s}");
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["name"], "</script><b>&");
    }
}
