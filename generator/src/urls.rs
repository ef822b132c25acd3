//! Every URL of the site in one place, so that templates, feeds, the sitemap and the
//! written file names agree.

use portal_model::addresses::{CATEGORY, COMMUNE, OFFERS, PAGINATION, REQUESTS};
use portal_model::resource::{ResourceCategory, ResourceKind};
use serde::Serialize;

/// An address with its label, as templates print links.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Link {
    pub label: String,
    pub url: String,
}

/// Builds root-relative URLs under the site's base path (`/` or `/portail/`).
#[derive(Debug, Clone)]
pub struct Urls {
    /// Always starts and ends with `/`.
    pub base_path: String,
    /// The absolute base, without trailing slash: `https://example.org/portail`.
    pub origin: String,
}

impl Urls {
    pub fn new(base_url: &str) -> Urls {
        let trimmed = base_url.trim_end_matches('/');
        let after_scheme = trimmed.split_once("://").map(|(_, r)| r).unwrap_or(trimmed);
        let path = after_scheme
            .find('/')
            .map(|i| &after_scheme[i..])
            .unwrap_or("");
        Urls {
            base_path: format!("{path}/"),
            origin: trimmed.to_string(),
        }
    }

    /// `path` relative to the base: `associations/` → `/associations/`.
    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.base_path)
    }

    /// The absolute URL of a root-relative one.
    pub fn absolute(&self, url: &str) -> String {
        let rel = url
            .strip_prefix(&self.base_path)
            .unwrap_or(url.trim_start_matches('/'));
        format!("{}/{rel}", self.origin)
    }

    /// The file a URL is written to: `/associations/x/` → `associations/x/index.html`.
    pub fn file_of(&self, url: &str) -> String {
        let rel = url.strip_prefix(&self.base_path).unwrap_or(url).to_string();
        if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel
        }
    }

    pub fn home(&self) -> String {
        self.at("")
    }
    pub fn directory(&self) -> String {
        self.at("associations/")
    }
    pub fn association(&self, slug: &str) -> String {
        self.at(&format!("associations/{slug}/"))
    }
    pub fn category(&self, key: &str) -> String {
        self.at(&format!("associations/{CATEGORY}/{key}/"))
    }
    pub fn commune(&self, slug: &str) -> String {
        self.at(&format!("associations/{COMMUNE}/{slug}/"))
    }
    /// The printable guide of a commune.
    pub fn guide(&self, slug: &str) -> String {
        self.at(&format!("associations/{COMMUNE}/{slug}/guide/"))
    }
    /// The places of a need: `/besoin/manger/`.
    pub fn need(&self, key: &str) -> String {
        self.at(&format!("besoin/{key}/"))
    }
    /// The places of a need in one commune: `/besoin/manger/bordeaux/`.
    pub fn need_in(&self, key: &str, commune: &str) -> String {
        self.at(&format!("besoin/{key}/{commune}/"))
    }
    /// The associations that welcome a public.
    pub fn public(&self, key: &str) -> String {
        self.at(&format!("associations/public/{key}/"))
    }
    /// The associations of an access mode.
    pub fn access(&self, mode: portal_model::access::AccessMode) -> String {
        self.at(&format!("associations/acces/{}/", mode.slug()))
    }
    pub fn calls(&self) -> String {
        self.at("benevolat/")
    }
    pub fn call(&self, slug: &str) -> String {
        self.at(&format!("benevolat/{slug}/"))
    }
    pub fn resources(&self) -> String {
        self.at("ressources/")
    }
    pub fn resource(&self, slug: &str) -> String {
        self.at(&format!("ressources/{slug}/"))
    }
    pub fn resources_of_kind(&self, kind: ResourceKind) -> String {
        self.at(&match kind {
            ResourceKind::Offer => format!("ressources/{OFFERS}/"),
            ResourceKind::Request => format!("ressources/{REQUESTS}/"),
        })
    }
    pub fn resources_of_category(&self, category: ResourceCategory) -> String {
        self.at(&format!(
            "ressources/{CATEGORY}/{}/",
            category_word(category)
        ))
    }
    /// The page of needs: every open request, by category and commune.
    pub fn needs(&self) -> String {
        self.at(&format!("ressources/{}/", portal_model::addresses::NEEDS))
    }
    /// The open requests of one category in one commune (`commune` as the needs page
    /// names it, `À distance` included).
    pub fn needs_of(&self, category: ResourceCategory, commune: &str) -> String {
        self.at(&format!(
            "ressources/{}/{}/{}/",
            portal_model::addresses::NEEDS,
            category_word(category),
            portal_model::checks::slugify(commune)
        ))
    }
    pub fn archive(&self) -> String {
        self.at("archives/")
    }
    pub fn page(&self, slug: &str) -> String {
        self.at(&format!("{slug}/"))
    }
    pub fn opendata(&self) -> String {
        self.at("donnees/")
    }

    /// Page `n` (1-based) of a paginated list at `first`.
    pub fn paginated(&self, first: &str, n: usize) -> String {
        if n <= 1 {
            first.to_string()
        } else {
            format!("{first}{PAGINATION}/{n}/")
        }
    }
}

/// The French word of a resource category in URLs.
pub(crate) fn category_word(category: ResourceCategory) -> &'static str {
    match category {
        ResourceCategory::Food => "alimentaire",
        ResourceCategory::Equipment => "materiel",
        ResourceCategory::Skills => "competences",
        ResourceCategory::Premises => "locaux",
        ResourceCategory::Transport => "transport",
        ResourceCategory::Other => "autre",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_is_kept() {
        let u = Urls::new("https://example.org/portail/");
        assert_eq!(u.association("x"), "/portail/associations/x/");
        assert_eq!(
            u.absolute("/portail/associations/x/"),
            "https://example.org/portail/associations/x/"
        );
        assert_eq!(
            u.file_of("/portail/associations/x/"),
            "associations/x/index.html"
        );
        let root = Urls::new("https://example.org");
        assert_eq!(root.home(), "/");
        assert_eq!(root.file_of("/"), "index.html");
        assert_eq!(root.file_of("/flux/benevolat.xml"), "flux/benevolat.xml");
    }
}
