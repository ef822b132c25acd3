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
