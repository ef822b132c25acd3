//! The exchange on Lambda: volunteers' sign-ups and their pages, answers to listings, the
//! associations' signed pages, and the short-cached counts the site's pages read.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    portal_lambda::run(portal_forms::api::Group::Exchange).await
}
