//! The rules of the forms, once for both stores: what a submission starts as, what a
//! decision changes and on which condition, when the submitter's e-mail expires, what may be
//! imported, who moderates. Each rule is a plain function of what was read; the services
//! ([`Submissions`], [`Moderators`]) read, apply the rule, and write with a condition
//! (compare-and-set on the revision read, put-if-absent, a counter under a limit), so that
//! of two writers at once one wins and the other is told why by the rule, on what it reads
//! again.
//!
//! The handlers of [`crate::api`], `portal import` and `portal moderators` write only through
//! here. A new capability adds its rules as a module of its own, in the same shape.

use crate::store::{Status, StoreError};

pub mod answers;
pub mod guards;
mod moderators;
mod once;
pub mod publishers;
pub mod sources;
mod submissions;
pub mod volunteers;

pub use answers::{AnswerForm, Answers};
pub use moderators::Moderators;
pub use publishers::Publishers;
pub use sources::Sources;
pub use submissions::{Accepted, Correction, Origin, Review, Submissions, new_id};
pub use volunteers::{Promoted, SignUpForm, SignedUp, Volunteers};

/// How many times a write lost to another writer is tried again, on what is read anew,
/// before giving up: the rules refuse at once when the other writer's change forbids it.
const ATTEMPTS: u32 = 8;

/// Why a rule refused, or the store failed. Every message is for the person who asked.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// There is no submission of that id.
    #[error("introuvable : {id}")]
    NotFound {
        /// The id asked for.
        id: String,
    },
    /// A new submission's id is taken (ids are random: a bug, or a replay).
    #[error("conflit : {id} existe déjà")]
    IdTaken {
        /// The new submission's id.
        id: String,
    },
    /// A decision on a version that is not the current one, or on a decided submission.
    #[error(
        "conflit : la proposition est à la version {current} ({}), la décision portait sur la version {seen}",
        status.label()
    )]
    Stale {
        /// The submission's version now.
        current: u64,
        /// The submission's status now.
        status: Status,
        /// The version the decision was made on.
        seen: u64,
    },
    /// Refusing, or asking for changes, says why.
    #[error(
        "Une note est nécessaire pour refuser ou demander des modifications : elle est montrée à l'association."
    )]
    NoteNeeded,
    /// Only an approved submission is imported.
    #[error("conflit : {id} n'est pas acceptée")]
    NotApproved {
        /// The submission's id.
        id: String,
    },
    /// Imported once, never twice.
    #[error("conflit : {id} déjà importée dans {file}")]
    AlreadyImported {
        /// The submission's id.
        id: String,
        /// The content file it was imported as.
        file: String,
    },
    /// An idempotency key sent again with another submission: a client's bug, answered
    /// with neither the first submission's receipt nor a new one.
    #[error(
        "Cette clé d'idempotence (Idempotency-Key) a déjà servi pour une autre proposition : envoyez celle-ci avec une nouvelle clé."
    )]
    KeyReused,
    /// A moderator's name is empty, or more than one line.
    #[error(
        "Nom de modérateur refusé : une seule ligne, sans caractère de contrôle, et pas vide (ex. « Camille »)."
    )]
    ModeratorName,
    /// Too many submissions from one address this hour.
    #[error(
        "Trop d'envois depuis votre adresse : {limit} par heure au plus. Réessayez dans une heure."
    )]
    RateLimited {
        /// Submissions allowed per address and hour (`rate_limit_per_hour`).
        limit: u32,
    },
    /// A moderator of that name is there and not revoked.
    #[error("conflit : le modérateur {name} existe déjà")]
    ModeratorExists {
        /// The moderator's name.
        name: String,
    },
    /// The new moderator's token is another's (tokens are random: a bug, or a replay).
    #[error("conflit : le jeton de {name} est déjà celui d'un autre modérateur")]
    TokenTaken {
        /// The new moderator's name.
        name: String,
    },
    /// A run of the import that was stopped was writing it as another file.
    #[error("conflit : {id} est déjà en cours d'écriture dans {file}")]
    StagedElsewhere {
        /// The submission's id.
        id: String,
        /// The file the stopped run was writing.
        file: String,
    },
    /// Other writers kept winning on the same record.
    #[error("conflit : {id} : d'autres écritures sont en cours, réessayez")]
    Busy {
        /// The submission's id, or the moderator's name.
        id: String,
    },
    /// An answer is accepted already, or the listing is done: a second accept is refused.
    #[error("conflit : une autre réponse est déjà acceptée pour {listing}, ou l'annonce est close")]
    ListingTaken {
        /// The listing's slug.
        listing: String,
    },
    /// An association's address is not an e-mail address.
    #[error("Adresse e-mail refusée : « {email} » (exemple : contact@association.fr).")]
    Address {
        /// The address given.
        email: String,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a service method answers.
pub type Result<T> = std::result::Result<T, RuleError>;
