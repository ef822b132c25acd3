//! The outbox: with no SMTP server named, `portal serve` writes each message as an `.eml`
//! file (the same MIME text an SMTP server would receive) into a folder of the store, for
//! the developer to open. The folder is the owner's only, like the store.

use std::path::PathBuf;

use async_trait::async_trait;

use super::{MailError, Mailer, Message, smtp::mime};

/// Messages kept as files in a folder (see the module's documentation).
#[derive(Debug, Clone)]
pub struct Outbox {
    folder: PathBuf,
    from: String,
}

impl Outbox {
    /// Messages from `from`, into `folder` (made when first written).
    pub fn new(folder: PathBuf, from: impl Into<String>) -> Outbox {
        Outbox {
            folder,
            from: from.into(),
        }
    }

    /// The folder the messages are written into.
    pub fn folder(&self) -> &std::path::Path {
        &self.folder
    }
}

#[async_trait]
impl Mailer for Outbox {
    async fn send(&self, message: &Message) -> Result<(), MailError> {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        let bytes = mime(&self.from, message)?.formatted();
        let name = format!(
            "{}-{}.eml",
            jiff::Timestamp::now().as_millisecond(),
            crate::secrets::hex(&crate::secrets::random_bytes::<4>())
        );
        let path = self.folder.join(name);
        let fail = |source| MailError::Outbox {
            path: path.clone(),
            source,
        };
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.folder)
            .map_err(fail)?;
        use std::io::Write;
        std::fs::OpenOptions::new()
            .create_new(true)
            .write(true)
            .mode(0o600)
            .open(&path)
            .and_then(|mut f| f.write_all(&bytes))
            .map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_message_is_kept_as_the_mime_text_a_server_would_receive() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::new(dir.path().join("outbox"), "Portail <portail@exemple.org>");
        let message = Message {
            to: "asso@exemple.org".into(),
            subject: "Nouvelle inscription".into(),
            text: "Bonjour, une inscription.".into(),
            html: "<p>Bonjour, une inscription.</p>".into(),
        };
        outbox.send(&message).await.unwrap();
        outbox.send(&message).await.unwrap();
        let files: Vec<_> = std::fs::read_dir(outbox.folder())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 2, "one file a message");
        let text = std::fs::read_to_string(&files[0]).unwrap();
        for part in [
            "To: asso@exemple.org",
            "Subject: Nouvelle inscription",
            "Content-Type: multipart/alternative",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Type: text/html; charset=utf-8",
        ] {
            assert!(text.contains(part), "{part} in {text}");
        }
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
