//! Telling people by e-mail: one [`Mailer`] interface, three ways to send. `portal serve`
//! sends by SMTP to the server `site.toml` names ([`Smtp`]), or, with none, writes each
//! message into an outbox folder a developer reads ([`Outbox`]); the Lambda functions send
//! with Amazon SES ([`Ses`]). Messages are French, with a text and an HTML part
//! ([`messages`]). A failure to send is logged without the address and never undoes the
//! write it tells of: the publisher's page and the volunteer's link show the same state.

use async_trait::async_trait;

pub mod messages;
mod outbox;
mod ses;
mod smtp;

pub use outbox::Outbox;
pub use ses::Ses;
pub use smtp::Smtp;

/// One message: to one address, a subject, a text part and an HTML part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The recipient's address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text part.
    pub text: String,
    /// The HTML part.
    pub html: String,
}

/// Why a message was not sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// An address or a header that cannot be written into a message.
    #[error("message impossible à écrire : {0}")]
    Build(String),
    /// The SMTP server refused or could not be reached.
    #[error("envoi SMTP impossible")]
    Smtp(#[source] lettre::transport::smtp::Error),
    /// Amazon SES refused or could not be reached.
    #[error("envoi par Amazon SES impossible")]
    Ses(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The outbox folder cannot be written.
    #[error("{} : écriture impossible", path.display())]
    Outbox {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
}

/// Sends messages.
#[async_trait]
pub trait Mailer: Send + Sync {
    /// Sends one message, from the site's sender.
    async fn send(&self, message: &Message) -> Result<(), MailError>;
}
