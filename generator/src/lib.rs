//! The solidarity portal's static site generator.
//!
//! A build is a pipeline, one module a stage: [`load`] reads and checks `content/` and
//! `site.toml` with the shared model (and [`theme`] the theme); [`index`] arranges the
//! content for one build date; [`render`] applies the theme's [`templates`] to make the
//! pages; [`outputs`] adds feeds, calendar, open data, search index and sitemap; [`write`]
//! puts the files in place atomically. [`build`] runs the stages, for a full build and for
//! [`incremental`]'s updates alike; [`serve`] rebuilds on change, [`scaffold`] writes new
//! content files. Below them all: [`urls`], [`published`], [`outline`], [`phrasing`],
//! [`error`]; the Markdown renderer is the `portal-markdown` crate.

pub mod build;
pub(crate) mod communes;
pub mod dates;
pub mod departments;
pub mod directory;
pub mod error;
pub mod freshness;
pub(crate) mod i18n;
pub mod incremental;
pub(crate) mod index;
pub mod init;
pub mod load;
pub(crate) mod outline;
pub(crate) mod outputs;
pub(crate) mod phrasing;
pub mod preview;
pub(crate) mod published;
pub(crate) mod render;
pub mod scaffold;
pub mod schemas;
pub mod serve;
pub mod sources;
pub mod stores;
pub(crate) mod templates;
pub mod theme;
pub(crate) mod urls;
pub mod write;

pub use build::{BuildOptions, BuildReport, build, check};
pub use error::BuildError;
pub use render::renderer::minify;
