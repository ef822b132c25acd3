//! End-to-end tests of the generator: whole test sites built by the real `portal` binary.
//! `valid` builds sites that must build; `invalid` builds sites that must fail with an exact
//! message, one site per rule of the content contract.

mod adversarial;
mod directory;
mod exchange_load;
mod exchange_mail;
mod forms_load;
mod import_kill;
mod incremental;
mod invalid;
mod languages;
mod serve;
mod support;
mod territory;
mod theme;
mod valid;
