//! schema.org descriptions of detail pages, as JSON-LD, for search engines and assistants.

use portal_model::resource::ResourceKind;
use portal_model::shapes::Place;
use portal_model::{Association, Kind, Resource, VolunteerCall};
use serde_json::{Value, json};

use crate::markdown::plain_summary;
use crate::render::urls::Urls;
use crate::site::Site;

/// JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped so that the
/// text can never close the script element.
pub fn to_script(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn postal_address(p: &Place) -> Value {
    json!({
        "@type": "PostalAddress",
        "streetAddress": p.address,
        "postalCode": p.postal_code,
        "addressLocality": p.city,
        "addressCountry": "FR",
    })
}

fn place(p: &Place) -> Value {
    json!({
        "@type": "Place",
        "name": p.name,
        "address": postal_address(p),
        "geo": {"@type": "GeoCoordinates", "latitude": p.geo.lat, "longitude": p.geo.lon},
    })
}

fn organisation(a: &Association, urls: &Urls) -> Value {
    json!({"@type": "NGO", "name": a.name, "url": urls.absolute(&urls.association(&a.slug))})
}

pub fn association(a: &Association, canonical: &str, _urls: &Urls) -> String {
    let locations: Vec<Value> = a
        .locations
        .iter()
        .map(|l| {
            let mut v = place(&l.place);
            if let Some(h) = &l.hours {
                v["openingHours"] = json!(h.to_osm());
            }
            v
        })
        .collect();
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "NGO",
        "name": a.name,
        "description": a.summary,
        "url": canonical,
        "dateModified": a.updated.to_string(),
        "location": locations,
    });
    if let Some(c) = &a.contact {
        if let Some(p) = &c.phone {
            v["telephone"] = json!(p.tel);
        }
        if let Some(e) = &c.email {
            v["email"] = json!(e);
        }
        if let Some(w) = &c.website {
            v["sameAs"] = json!(w);
        }
    }
    if let Some(siret) = a.identifiers.as_ref().and_then(|i| i.siret.as_ref()) {
        v["identifier"] = json!({"@type": "PropertyValue", "propertyID": "SIRET", "value": siret});
    }
    to_script(&v)
}

/// A call for volunteers as a volunteer `JobPosting`, the form search engines know.
pub fn call(c: &VolunteerCall, site: &Site, canonical: &str, urls: &Urls) -> String {
    let a = site.association(&c.association);
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": c.title,
        "description": plain_summary(&c.body, 500),
        "url": canonical,
        "employmentType": "VOLUNTEER",
        "datePosted": site.changed(Kind::VolunteerCall, &c.slug).to_string(),
        "hiringOrganization": organisation(a, urls),
    });
    if let Some(day) = c.last_day() {
        v["validThrough"] = json!(day.to_string());
    }
    if let Some(p) = site.place_of(c.place.as_ref(), &c.association) {
        v["jobLocation"] = place(p);
    }
    if c.remote {
        v["jobLocationType"] = json!("TELECOMMUTE");
    }
    to_script(&v)
}

/// An offer as an `Offer`, a request as a `Demand`.
pub fn resource(r: &Resource, site: &Site, canonical: &str, urls: &Urls) -> String {
    let a = site.association(&r.association);
    let kind = match r.kind {
        ResourceKind::Offer => "Offer",
        ResourceKind::Request => "Demand",
    };
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": kind,
        "name": r.title,
        "description": plain_summary(&r.body, 500),
        "url": canonical,
        "category": r.category.label(),
        "price": 0,
        "priceCurrency": "EUR",
    });
    if r.kind == ResourceKind::Offer {
        v["offeredBy"] = organisation(a, urls);
    }
    if let Some(q) = &r.quantity {
        v["eligibleQuantity"] =
            json!({"@type": "QuantitativeValue", "value": q.amount, "unitText": q.unit.label()});
    }
    if let Some(av) = &r.available {
        v["availabilityStarts"] = json!(av.from.to_string());
    }
    if let Some(end) = r.last_day() {
        v["availabilityEnds"] = json!(end.to_string());
    }
    if let Some(p) = site.place_of(r.place.as_ref(), &r.association) {
        v["availableAtOrFrom"] = place(p);
    }
    to_script(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_text_cannot_close_the_element() {
        let s = to_script(&json!({"name": "</script><b>&"}));
        assert!(!s.contains('<') && !s.contains('&'), "{s}");
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["name"], "</script><b>&");
    }
}
