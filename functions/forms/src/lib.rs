//! The server side of the portal's forms, as `../shared/spec/api.md` describes: submissions,
//! moderation and import. The handlers in [`api`] take and return plain `http` types and know
//! nothing of Lambda: the Lambda binaries and `portal serve` both call them. They, and
//! [`import`], write through [`rules`], the rules of the forms, once above the two stores of
//! [`store`].

pub mod api;
pub mod exchange_import;
pub mod import;
pub mod mail;
pub mod rules;
pub mod secrets;
pub mod state;
pub mod store;
