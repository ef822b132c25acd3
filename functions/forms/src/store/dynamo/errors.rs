//! How a failed DynamoDB call is taken: a lost condition and contention are for the caller,
//! anything else becomes a [`StoreError`] that says what to do when it can.

use std::fmt::Display;
use std::time::Duration;

use aws_sdk_dynamodb::error::{BuildError, DisplayErrorContext, SdkError};

use super::super::StoreError;

/// How a failed DynamoDB call is taken.
#[derive(Debug)]
pub(super) enum Failure {
    /// A condition of the write did not hold: for a transaction, the positions of the
    /// items whose condition failed (empty when the server did not say which).
    Condition(Vec<usize>),
    /// Another transaction was changing the same items: try again.
    Contention,
    Other(StoreError),
}

/// Sorts out an SDK error: lost conditions and contention are for the caller to handle,
/// anything else becomes a [`StoreError::Backend`] that says what to do when it can.
pub(super) fn classify(e: aws_sdk_dynamodb::Error, table: &str) -> Failure {
    use aws_sdk_dynamodb::Error as E;
    match e {
        E::ConditionalCheckFailedException(_) => Failure::Condition(Vec::new()),
        E::TransactionCanceledException(e) => {
            let codes: Vec<&str> = e
                .cancellation_reasons()
                .iter()
                .map(|r| r.code().unwrap_or("None"))
                .collect();
            let failed: Vec<usize> = codes
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == "ConditionalCheckFailed")
                .map(|(i, _)| i)
                .collect();
            if !failed.is_empty() {
                Failure::Condition(failed)
            } else if codes.contains(&"TransactionConflict") {
                Failure::Contention
            } else if codes.is_empty() {
                // A server that gives no reasons: take it as a lost condition, the callers
                // read the items again to say which.
                Failure::Condition(Vec::new())
            } else {
                Failure::Other(StoreError::Backend(format!(
                    "DynamoDB (table {table}) a annulé la transaction : {}",
                    codes.join(", ")
                )))
            }
        }
        E::TransactionConflictException(_) | E::TransactionInProgressException(_) => {
            Failure::Contention
        }
        e => Failure::Other(backend_error(&e, table)),
    }
}

/// A clear message for the errors nobody can handle but a person.
pub(super) fn backend_error(e: &aws_sdk_dynamodb::Error, table: &str) -> StoreError {
    use aws_sdk_dynamodb::Error as E;
    use aws_sdk_dynamodb::error::ProvideErrorMetadata;
    let detail = match (e.code(), e.message()) {
        (Some(code), Some(message)) => format!("{code} : {message}"),
        (Some(code), None) => code.to_string(),
        _ => DisplayErrorContext(e).to_string(),
    };
    StoreError::Backend(match e {
        E::ResourceNotFoundException(_) => format!(
            "la table DynamoDB « {table} » n'existe pas (à créer avec DynamoStore::create_table) : {detail}"
        ),
        E::ProvisionedThroughputExceededException(_)
        | E::RequestLimitExceeded(_)
        | E::ThrottlingException(_) => {
            format!("DynamoDB limite le débit de la table « {table} », réessayez : {detail}")
        }
        E::InternalServerError(_) => {
            format!("erreur interne de DynamoDB (table « {table} ») : {detail}")
        }
        _ => format!("DynamoDB (table « {table} ») : {detail}"),
    })
}

/// A call that got no answer from DynamoDB's service: no connection, a timeout, a reply
/// that could not be read. `None` when the service answered with an error.
pub(super) fn unanswered<E, R>(e: &SdkError<E, R>, table: &str) -> Option<StoreError>
where
    E: std::error::Error + 'static,
    R: std::fmt::Debug,
{
    let what = match e {
        SdkError::ServiceError(_) => return None,
        SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => "DynamoDB injoignable",
        SdkError::ResponseError(_) => "réponse illisible de DynamoDB",
        _ => "requête DynamoDB impossible",
    };
    Some(StoreError::Backend(format!(
        "{what} (table « {table} ») : {}",
        DisplayErrorContext(e)
    )))
}

pub(super) fn built(e: BuildError) -> StoreError {
    StoreError::Backend(format!("requête DynamoDB mal construite : {e}"))
}

pub(super) fn malformed(what: impl Display) -> StoreError {
    StoreError::Backend(format!("élément DynamoDB mal formé : {what}"))
}

/// A short pause before trying again, longer each time.
pub(super) async fn back_off(attempt: u32) {
    tokio::time::sleep(Duration::from_millis(10 * u64::from(attempt + 1))).await;
}

#[cfg(test)]
mod tests {
    use aws_sdk_dynamodb::Error as E;
    use aws_sdk_dynamodb::types::CancellationReason;
    use aws_sdk_dynamodb::types::error::{
        ConditionalCheckFailedException, ResourceNotFoundException, ThrottlingException,
        TransactionCanceledException,
    };

    use super::*;

    fn canceled(codes: &[&str]) -> E {
        let mut b = TransactionCanceledException::builder().message("Transaction cancelled");
        for code in codes {
            b = b.cancellation_reasons(CancellationReason::builder().code(*code).build());
        }
        E::TransactionCanceledException(b.build())
    }

    #[test]
    fn a_lost_condition_is_for_the_caller() {
        let e = E::ConditionalCheckFailedException(
            ConditionalCheckFailedException::builder()
                .message("The conditional request failed")
                .build(),
        );
        assert!(matches!(classify(e, "t"), Failure::Condition(v) if v.is_empty()));
        assert!(matches!(
            classify(canceled(&["None", "ConditionalCheckFailed", "None"]), "t"),
            Failure::Condition(v) if v == [1]
        ));
        assert!(matches!(
            classify(canceled(&["TransactionConflict", "None"]), "t"),
            Failure::Contention
        ));
    }

    #[test]
    fn other_failures_say_what_to_do() {
        let missing = E::ResourceNotFoundException(
            ResourceNotFoundException::builder()
                .message("Requested resource not found")
                .build(),
        );
        let Failure::Other(StoreError::Backend(m)) = classify(missing, "portal") else {
            panic!("a missing table is a backend failure");
        };
        assert!(
            m.contains("la table DynamoDB « portal » n'existe pas"),
            "{m}"
        );
        assert!(m.contains("create_table"), "{m}");

        let slow = E::ThrottlingException(ThrottlingException::builder().message("slow").build());
        let Failure::Other(StoreError::Backend(m)) = classify(slow, "portal") else {
            panic!("throttling is a backend failure");
        };
        assert!(m.starts_with("DynamoDB limite le débit"), "{m}");

        let Failure::Other(StoreError::Backend(m)) =
            classify(canceled(&["ValidationError"]), "portal")
        else {
            panic!("a cancelled transaction for another reason is a backend failure");
        };
        assert!(m.contains("ValidationError"), "{m}");
        let shown = StoreError::Backend(m).to_string();
        assert!(shown.starts_with("stockage indisponible : "), "{shown}");
    }
}
