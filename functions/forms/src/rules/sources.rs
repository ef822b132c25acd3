//! The entries' current files, as the store keeps them for the moderators' diffs: the
//! publication sends what changed since the last time it did (`portal sources`), and
//! `portal serve` after each rebuild, so that a moderator sees a change against the file
//! published, on Lambda as on `portal serve`, and approves it against that file's hash.

use std::collections::BTreeMap;
use std::sync::Arc;

use portal_model::Kind;
use sha2::{Digest, Sha256};

use super::Result;
use crate::secrets::hex;
use crate::store::{EntryFile, Store};

/// How many entries are written to the store in one call.
const CHUNK: usize = 500;

/// The SHA-256 of a file's text, in hexadecimal: what a change is approved against.
pub fn sha256(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// What one [`Sources::sync`] changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Synced {
    /// Entries whose file was new or changed.
    pub written: usize,
    /// Entries no longer there.
    pub removed: usize,
    /// Entries already as they are.
    pub unchanged: usize,
}

/// The entries' files kept in a store.
pub struct Sources {
    store: Arc<dyn Store>,
}

impl Sources {
    /// The files kept in `store`.
    pub fn new(store: Arc<dyn Store>) -> Sources {
        Sources { store }
    }

    /// The file of the entry `slug` of `kind`, as last sent.
    pub async fn current(&self, kind: Kind, slug: &str) -> Result<Option<EntryFile>> {
        Ok(self.store.source(kind, slug).await?)
    }

    /// Makes the store hold exactly `files` (slug → text) for `kind`: writes the new and
    /// changed ones, forgets those gone. Only hashes are read to compare, so a run that
    /// changes little costs little at national size.
    pub async fn sync(&self, kind: Kind, files: &BTreeMap<String, String>) -> Result<Synced> {
        let kept = self.store.source_hashes(kind).await?;
        let mut put = Vec::new();
        let mut synced = Synced::default();
        for (slug, text) in files {
            let hash = sha256(text);
            if kept.get(slug) == Some(&hash) {
                synced.unchanged += 1;
            } else {
                put.push(EntryFile {
                    slug: slug.clone(),
                    text: text.clone(),
                    sha256: hash,
                });
            }
        }
        let gone: Vec<String> = kept
            .keys()
            .filter(|s| !files.contains_key(*s))
            .cloned()
            .collect();
        synced.written = put.len();
        synced.removed = gone.len();
        for chunk in put.chunks(CHUNK) {
            self.store.put_sources(kind, chunk, &[]).await?;
        }
        for chunk in gone.chunks(CHUNK) {
            self.store.put_sources(kind, &[], chunk).await?;
        }
        Ok(synced)
    }
}
