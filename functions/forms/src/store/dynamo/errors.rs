//! How a failed DynamoDB call is taken: a lost condition and contention are for the caller,
//! anything else becomes the [`StoreError`] of its cause, the SDK's error kept as its source.

use std::time::Duration;

use aws_sdk_dynamodb::error::{BuildError, SdkError};

use crate::store::{Source, StoreError};

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

/// Sorts out a failed call: no answer, or the service's error (see [`classify`]).
pub(super) fn failure<E, R>(e: SdkError<E, R>, table: &str) -> Failure
where
    aws_sdk_dynamodb::Error: From<SdkError<E, R>>,
    SdkError<E, R>: std::error::Error + Send + Sync + 'static,
{
    let table_ = table.to_string();
    match &e {
        SdkError::ServiceError(_) => classify(aws_sdk_dynamodb::Error::from(e), table),
        SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => {
            Failure::Other(StoreError::Unreachable {
                table: table_,
                source: Box::new(e),
            })
        }
        SdkError::ResponseError(_) => Failure::Other(StoreError::Unreadable {
            table: table_,
            source: Box::new(e),
        }),
        _ => Failure::Other(StoreError::Request {
            table: table_,
            source: Box::new(e),
        }),
    }
}

/// Sorts out the service's error: lost conditions and contention are for the caller to
/// handle, anything else is a failure of its cause.
pub(super) fn classify(e: aws_sdk_dynamodb::Error, table: &str) -> Failure {
    use aws_sdk_dynamodb::Error as E;
    let table_ = table.to_string();
    let source = |e: E| -> Source { Box::new(e) };
    match e {
        E::ConditionalCheckFailedException(_) => Failure::Condition(Vec::new()),
        E::TransactionCanceledException(cancelled) => {
            let codes: Vec<String> = cancelled
                .cancellation_reasons()
                .iter()
                .map(|r| r.code().unwrap_or("None").to_string())
                .collect();
            let failed: Vec<usize> = codes
                .iter()
                .enumerate()
                .filter(|(_, c)| *c == "ConditionalCheckFailed")
                .map(|(i, _)| i)
                .collect();
            if !failed.is_empty() {
                Failure::Condition(failed)
            } else if codes.iter().any(|c| c == "TransactionConflict") {
                Failure::Contention
            } else if codes.is_empty() {
                // A server that gives no reasons: take it as a lost condition, the callers
                // read the items again to say which.
                Failure::Condition(Vec::new())
            } else {
                Failure::Other(StoreError::Cancelled {
                    table: table_,
                    reasons: codes,
                    source: source(E::TransactionCanceledException(cancelled)),
                })
            }
        }
        E::TransactionConflictException(_) | E::TransactionInProgressException(_) => {
            Failure::Contention
        }
        e @ E::ResourceNotFoundException(_) => Failure::Other(StoreError::MissingTable {
            table: table_,
            source: source(e),
        }),
        e @ (E::ProvisionedThroughputExceededException(_)
        | E::RequestLimitExceeded(_)
        | E::ThrottlingException(_)) => Failure::Other(StoreError::Throttled {
            table: table_,
            source: source(e),
        }),
        e @ E::InternalServerError(_) => Failure::Other(StoreError::Internal {
            table: table_,
            source: source(e),
        }),
        e => Failure::Other(StoreError::Refused {
            table: table_,
            source: source(e),
        }),
    }
}

/// A request the builders refused: a bug here.
pub(super) fn built(table: &str) -> impl Fn(BuildError) -> StoreError + '_ {
    move |e| StoreError::Request {
        table: table.to_string(),
        source: Box::new(e),
    }
}

/// An item that is not one the store writes.
pub(super) fn malformed(what: impl std::fmt::Display) -> StoreError {
    StoreError::Malformed {
        what: what.to_string(),
        source: None,
    }
}

/// An item whose JSON does not read.
pub(super) fn malformed_json(e: serde_json::Error) -> StoreError {
    StoreError::Malformed {
        what: "données JSON illisibles".into(),
        source: Some(e),
    }
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
    use crate::store::chain;

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

    /// The failure of `e`, with its message and its sources' (as the logs print them).
    fn failed(e: E) -> (StoreError, String) {
        let Failure::Other(failure) = classify(e, "portal") else {
            panic!("not a failure");
        };
        let said = chain(&failure);
        (failure, said)
    }

    #[test]
    fn other_failures_say_what_to_do_and_keep_the_sdks_error() {
        let missing = E::ResourceNotFoundException(
            ResourceNotFoundException::builder()
                .message("Requested resource not found")
                .build(),
        );
        let (e, said) = failed(missing);
        assert!(matches!(e, StoreError::MissingTable { .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            "stockage indisponible : la table DynamoDB « portal » n'existe pas (à créer avec DynamoStore::create_table)"
        );
        assert_eq!(
            said,
            "stockage indisponible : la table DynamoDB « portal » n'existe pas (à créer avec DynamoStore::create_table) : ResourceNotFoundException: Requested resource not found"
        );

        let slow = E::ThrottlingException(ThrottlingException::builder().message("slow").build());
        let (e, _) = failed(slow);
        assert!(matches!(e, StoreError::Throttled { .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            "stockage indisponible : DynamoDB limite le débit de la table « portal », réessayez"
        );

        let (e, _) = failed(canceled(&["ValidationError", "None"]));
        assert!(matches!(e, StoreError::Cancelled { .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            "stockage indisponible : DynamoDB (table « portal ») a annulé la transaction : ValidationError, None"
        );
    }
}
