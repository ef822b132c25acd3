//! The content model of the solidarity portal: one definition of each content type, with the
//! checks that the generator runs on `content/` and the form functions run on submissions.
//!
//! The pipeline of one file: [`content::split_front_matter`] → [`tree::parse_yaml`] (a tree
//! that keeps positions) → the type's `decode`, which reads every field through [`read`] and
//! records each [`problem::Problem`] with its line, column, field, expectation and finding.

pub mod access;
pub mod addresses;
pub mod association;
pub mod checks;
pub mod content;
mod context;
pub mod datainclusion;
mod explain;
pub mod form;
pub mod french;
mod geo;
mod languages;
pub mod lexicon;
pub mod needs;
pub mod opening;
mod page;
mod pos;
pub mod problem;
pub mod publics;
pub mod read;
pub mod resource;
pub mod schema;
pub mod shapes;
pub mod site;
mod submission;
pub mod translations;
pub mod tree;
pub mod unique;
pub mod volunteer_call;

pub use association::Association;
pub use content::{Entry, Kind};
pub use context::Context;
pub use page::Page;
pub use problem::Problem;
pub use resource::Resource;
pub use site::SiteConfig;
pub use submission::{Draft, FieldError, SubmissionType, file_text};
pub use volunteer_call::VolunteerCall;
