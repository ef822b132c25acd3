//! Sending by SMTP (`lettre`, TLS by rustls over ring): the server `site.toml` names in
//! `[mail]`. `smtp://host:port` speaks plain SMTP (a relay on the same machine, the tests'
//! server on 127.0.0.1), `smtps://` implicit TLS, `smtp+starttls://` STARTTLS; a user and a
//! password in the URL are sent with AUTH.

use async_trait::async_trait;
use lettre::message::MultiPart;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::{MailError, Mailer, Message};

/// The MIME message, text and HTML parts as alternatives.
pub(super) fn mime(from: &str, m: &Message) -> Result<lettre::Message, MailError> {
    let bad = |e: lettre::address::AddressError| MailError::Build(e.to_string());
    lettre::Message::builder()
        .from(from.parse().map_err(bad)?)
        .to(m.to.parse().map_err(bad)?)
        .subject(&m.subject)
        .multipart(MultiPart::alternative_plain_html(
            m.text.clone(),
            m.html.clone(),
        ))
        .map_err(|e| MailError::Build(e.to_string()))
}

/// An SMTP server (see the module's documentation).
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: String,
}

impl Smtp {
    /// Messages from `from`, through the server at `url`.
    pub fn new(url: &str, from: impl Into<String>) -> Result<Smtp, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Build(format!("serveur SMTP « {url} » : {e}")))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Ok(Smtp {
            transport,
            from: from.into(),
        })
    }
}

#[async_trait]
impl Mailer for Smtp {
    async fn send(&self, message: &Message) -> Result<(), MailError> {
        self.transport
            .send(mime(&self.from, message)?)
            .await
            .map(|_| ())
            .map_err(MailError::Smtp)
    }
}
