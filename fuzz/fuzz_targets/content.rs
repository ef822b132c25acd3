//! Any text decoded as each kind of content, as the generator does for every file of
//! content/ (and as the forms will for submissions): it must give an entry or problems,
//! never a panic, whatever the input.
#![no_main]

use std::collections::BTreeSet;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use portal_model::{Context, Entry, Kind, SiteConfig};

/// The site of the end-to-end tests, so that categories and the territory are real.
static SITE: LazyLock<SiteConfig> = LazyLock::new(|| {
    SiteConfig::parse(include_str!("../../tests/sites/basic/site.toml")).expect("valid site.toml")
});
static ASSOCIATIONS: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    ["epicerie-du-port", "ecoute-telephone"]
        .map(String::from)
        .into()
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Text before a NUL byte is the file's name (its slug), so that names are fuzzed too.
    let (slug, source) = text.split_once('\0').unwrap_or(("entree", text));
    let cx = Context {
        site: &SITE,
        associations: &ASSOCIATIONS,
    };
    for kind in Kind::ALL {
        if let Err(problems) = Entry::decode(kind, slug, source, &cx) {
            assert!(!problems.is_empty(), "a refusal says why");
            for p in problems {
                let _ = p.to_string();
            }
        }
    }
});
