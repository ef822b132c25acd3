//! Why a store failed: one variant per cause, each with the error it came from. The message
//! says, in French, what happened and what to do when someone can; the source error (the
//! SDK's, SQLite's) says the rest, for the logs and the command line, which print the chain.

use std::path::PathBuf;

/// The error under a [`StoreError`], as the SDK or the system gave it.
pub type Source = Box<dyn std::error::Error + Send + Sync + 'static>;

/// A store failed. A lost condition is not a failure (see [`super::Outcome`]).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The AWS settings name no region.
    #[error(
        "stockage indisponible : aucune région AWS : définissez AWS_REGION (par exemple eu-west-3)"
    )]
    NoRegion,
    /// DynamoDB did not answer: no connection, a timeout.
    #[error("stockage indisponible : DynamoDB injoignable (table « {table} »)")]
    Unreachable {
        /// The table.
        table: String,
        /// What the SDK said.
        #[source]
        source: Source,
    },
    /// DynamoDB answered something that could not be read.
    #[error("stockage indisponible : réponse illisible de DynamoDB (table « {table} »)")]
    Unreadable {
        /// The table.
        table: String,
        /// What the SDK said.
        #[source]
        source: Source,
    },
    /// The request could not be made (the SDK's settings, or a bug here).
    #[error("stockage indisponible : requête DynamoDB impossible (table « {table} »)")]
    Request {
        /// The table.
        table: String,
        /// What the SDK said.
        #[source]
        source: Source,
    },
    /// The table is not there.
    #[error(
        "stockage indisponible : la table DynamoDB « {table} » n'existe pas (à créer avec DynamoStore::create_table)"
    )]
    MissingTable {
        /// The table.
        table: String,
        /// What the SDK said.
        #[source]
        source: Source,
    },
    /// DynamoDB refused more requests for now.
    #[error("stockage indisponible : DynamoDB limite le débit de la table « {table} », réessayez")]
    Throttled {
        /// The table.
        table: String,
        /// What the SDK said.
        #[source]
        source: Source,
    },
    /// Other transactions kept changing the same items.
    #[error("stockage indisponible : la table DynamoDB « {table} » est trop sollicitée, réessayez")]
    Busy {
        /// The table.
        table: String,
    },
    /// DynamoDB failed on its side.
    #[error("stockage indisponible : erreur interne de DynamoDB (table « {table} »)")]
    Internal {
        /// The table.
        table: String,
        /// What the SDK said.
        #[source]
        source: Source,
    },
    /// DynamoDB cancelled a transaction for another reason than its conditions.
    #[error(
        "stockage indisponible : DynamoDB (table « {table} ») a annulé la transaction : {}",
        reasons.join(", ")
    )]
    Cancelled {
        /// The table.
        table: String,
        /// The cancellation reason of each item, in order.
        reasons: Vec<String>,
        /// What the SDK said.
        #[source]
        source: Source,
    },
    /// DynamoDB refused the request for another reason.
    #[error("stockage indisponible : DynamoDB (table « {table} ») a refusé la requête")]
    Refused {
        /// The table.
        table: String,
        /// What the SDK said.
        #[source]
        source: Source,
    },
    /// A new table did not become usable.
    #[error(
        "stockage indisponible : la table DynamoDB « {table} » n'est pas prête après 5 minutes"
    )]
    TableNotReady {
        /// The table.
        table: String,
    },
    /// A stored item or row is not one the store writes.
    #[error("stockage indisponible : élément mal formé dans le stockage ({what})")]
    Malformed {
        /// What is wrong with it.
        what: String,
        /// The JSON reader's error, when the record is JSON that does not read.
        #[source]
        source: Option<serde_json::Error>,
    },
    /// The secret was written and did not read back.
    #[error("stockage indisponible : le secret vient d'être écrit mais ne se relit pas")]
    SecretLost,
    /// The embedded store's folder or file could not be made, or made its owner's only.
    #[error("stockage indisponible : impossible de créer {} ou de le réserver à son propriétaire", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// Another process held the embedded store's file for too long.
    #[error(
        "stockage indisponible : le fichier du stockage est pris par un autre processus, réessayez"
    )]
    Locked {
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// SQLite failed (the embedded store).
    #[error("stockage indisponible : erreur de SQLite")]
    Sqlite {
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// The store's work stopped before its end (its thread panicked).
    #[error("stockage indisponible : travail du stockage interrompu")]
    Interrupted {
        /// The error of the thread's task (its panic).
        #[source]
        source: tokio::task::JoinError,
    },
}

impl From<rusqlite::Error> for StoreError {
    fn from(source: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match source.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Locked { source },
            _ => StoreError::Sqlite { source },
        }
    }
}

/// The messages of `e` and of its sources, joined as the French write them (`a : b`): what
/// the logs and a person at the command line read.
pub fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(" : ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_sqlite_file_is_said_to_be_locked() {
        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        );
        let e = StoreError::from(busy);
        assert!(matches!(e, StoreError::Locked { .. }), "{e:?}");
        assert_eq!(
            chain(&e),
            "stockage indisponible : le fichier du stockage est pris par un autre processus, réessayez : database is locked : Error code 5: database is locked"
        );
        let other = StoreError::from(rusqlite::Error::InvalidQuery);
        assert!(matches!(other, StoreError::Sqlite { .. }), "{other:?}");
    }
}
