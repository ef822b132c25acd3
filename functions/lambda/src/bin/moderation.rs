//! The moderators' routes, on Lambda.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    portal_lambda::run(portal_forms::api::Group::Moderation).await
}
