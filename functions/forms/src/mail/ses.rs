//! Sending with Amazon SES (API v2), from the Lambda functions: the sender is an identity
//! verified in SES (docs/deploy.md), and the functions' role may send only from it
//! (template.yaml). `AWS_ENDPOINT_URL_SESV2` points it elsewhere (moto in the tests).

use async_trait::async_trait;
use aws_sdk_sesv2::Client;
use aws_sdk_sesv2::types::{Body, Content, Destination, EmailContent, Message as SesMessage};

use super::{MailError, Mailer, Message};

/// Amazon SES (see the module's documentation).
#[derive(Debug, Clone)]
pub struct Ses {
    client: Client,
    from: String,
}

impl Ses {
    /// Messages from `from`, with the usual AWS settings (the Lambda function's role,
    /// `AWS_REGION`, `AWS_ENDPOINT_URL_SESV2`), TLS by rustls over ring as for DynamoDB.
    pub async fn from_env(from: impl Into<String>) -> Ses {
        let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .http_client(crate::store::dynamo::https_client())
            .load()
            .await;
        Ses::new(&config, from)
    }

    /// Messages from `from`, with the AWS settings of `config`.
    pub fn new(config: &aws_config::SdkConfig, from: impl Into<String>) -> Ses {
        Ses {
            client: Client::new(config),
            from: from.into(),
        }
    }
}

fn content(text: &str) -> Result<Content, MailError> {
    Content::builder()
        .data(text)
        .charset("UTF-8")
        .build()
        .map_err(|e| MailError::Build(e.to_string()))
}

#[async_trait]
impl Mailer for Ses {
    async fn send(&self, m: &Message) -> Result<(), MailError> {
        let body = Body::builder()
            .text(content(&m.text)?)
            .html(content(&m.html)?)
            .build();
        let message = SesMessage::builder()
            .subject(content(&m.subject)?)
            .body(body)
            .build();
        self.client
            .send_email()
            .from_email_address(&self.from)
            .destination(Destination::builder().to_addresses(&m.to).build())
            .content(EmailContent::builder().simple(message).build())
            .send()
            .await
            .map(|_| ())
            .map_err(|e| MailError::Ses(Box::new(e)))
    }
}
