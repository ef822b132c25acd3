//! The solidarity portal's static site generator.
//!
//! A build is a pipeline, one module a stage: [`load`] reads and checks `content/` and
//! `site.toml` with the shared model; [`site`] indexes the content for one build date;
//! [`render`] applies the theme's templates; [`outputs`] adds feeds, calendar, open data and
//! sitemap; [`write`] puts the files in place atomically. [`build`] wires them together,
//! [`serve`] rebuilds on change, [`scaffold`] writes new content files.

pub mod build;
pub mod dates;
pub mod error;
pub mod incremental;
pub mod index;
pub mod load;
pub mod markdown;
pub mod outline;
pub mod outputs;
pub mod published;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod stores;
pub mod templates;
pub mod theme;
pub mod urls;
pub mod write;

pub use build::{BuildOptions, BuildReport, build, check};
pub use error::BuildError;
