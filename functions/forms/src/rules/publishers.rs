//! The associations' side of the exchange: the address each is told at (kept in the store,
//! never published), and the signed links that open its page without an account. A link is
//! the key: an HMAC with the server's secret over the association, what it opens (one call),
//! its expiry and the association's link generation, compared in constant time; a moderator
//! revokes every link given so far by moving the generation on.

use std::sync::Arc;

use super::once::Secret;
use super::{ATTEMPTS, Result, RuleError};
use crate::secrets::{keyed, same};
use crate::store::{Outcome, Publisher, Seconds, Store};

/// How long a link from an e-mail opens the page: 60 days, past the end of most calls;
/// each new e-mail brings a fresh one.
pub const LINK_DAYS: Seconds = 60;

/// A signed link's parts: what goes into its query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// When it stops opening the page (epoch seconds).
    pub expires: Seconds,
    /// The HMAC.
    pub key: String,
}

/// The associations' addresses and links, over a store.
pub struct Publishers {
    store: Arc<dyn Store>,
    secret: Secret,
}

/// Whether an address looks like one an association is told at (answers' too).
pub(crate) fn valid_email(email: &str) -> bool {
    let e = email.trim();
    e.len() <= 200
        && !e.chars().any(|c| c.is_whitespace() || c.is_control())
        && e.split_once('@')
            .is_some_and(|(a, d)| !a.is_empty() && d.contains('.') && !d.ends_with('.'))
}

impl Publishers {
    /// The associations' records kept in `store`.
    pub fn new(store: Arc<dyn Store>) -> Publishers {
        Publishers {
            store,
            secret: Secret::default(),
        }
    }

    async fn secret(&self) -> Result<Vec<u8>> {
        self.secret.get(self.store.as_ref()).await
    }

    /// Changes an association's record with `f`, on what is read, until it holds.
    async fn change(&self, slug: &str, f: impl Fn(&mut Publisher)) -> Result<Publisher> {
        for _ in 0..ATTEMPTS {
            let old = self.store.publisher(slug).await?;
            let mut new = old.clone().unwrap_or(Publisher {
                slug: slug.to_string(),
                email: None,
                generation: 1,
            });
            f(&mut new);
            if self.store.put_publisher(&new, old.as_ref()).await? == Outcome::Written {
                return Ok(new);
            }
        }
        Err(RuleError::Busy {
            id: slug.to_string(),
        })
    }

    /// Sets the address `slug` is told at.
    pub async fn set_address(&self, slug: &str, email: &str) -> Result<Publisher> {
        if !valid_email(email) {
            return Err(RuleError::Address {
                email: email.to_string(),
            });
        }
        let email = email.trim().to_string();
        self.change(slug, |p| p.email = Some(email.clone())).await
    }

    /// Forgets the address `slug` is told at.
    pub async fn remove_address(&self, slug: &str) -> Result<Publisher> {
        self.change(slug, |p| p.email = None).await
    }

    /// Revokes every link of `slug` given so far.
    pub async fn revoke(&self, slug: &str) -> Result<Publisher> {
        self.change(slug, |p| p.generation += 1).await
    }

    /// Every association's record.
    pub async fn list(&self) -> Result<Vec<Publisher>> {
        Ok(self.store.publishers().await?)
    }

    /// The address `slug` is told at, if any.
    pub async fn address(&self, slug: &str) -> Result<Option<String>> {
        Ok(self.store.publisher(slug).await?.and_then(|p| p.email))
    }

    /// The generation of `slug`'s links: 1 until a moderator first revokes them.
    async fn generation(&self, slug: &str) -> Result<u64> {
        Ok(self
            .store
            .publisher(slug)
            .await?
            .map_or(1, |p| p.generation))
    }

    fn mac(secret: &[u8], slug: &str, scope: &str, expires: Seconds, generation: u64) -> String {
        keyed(
            secret,
            &format!("publisher:{slug}:{scope}:{expires}:{generation}"),
        )[..32]
            .to_string()
    }

    /// A new link for `slug` to open `scope` (`call:<slug>`), from `now`.
    pub async fn sign(&self, slug: &str, scope: &str, now: Seconds) -> Result<Signed> {
        let secret = self.secret().await?;
        let generation = self.generation(slug).await?;
        let expires = now + LINK_DAYS * 24 * 3600;
        Ok(Signed {
            expires,
            key: Self::mac(&secret, slug, scope, expires, generation),
        })
    }

    /// Whether a link opens `scope` for `slug` at `now`: not expired, not revoked, signed.
    pub async fn check(
        &self,
        slug: &str,
        scope: &str,
        expires: Seconds,
        key: &str,
        now: Seconds,
    ) -> Result<bool> {
        if expires <= now {
            return Ok(false);
        }
        let secret = self.secret().await?;
        let generation = self.generation(slug).await?;
        Ok(same(
            key,
            &Self::mac(&secret, slug, scope, expires, generation),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked() {
        assert!(valid_email("contact@asso.fr"));
        assert!(!valid_email("contact"));
        assert!(!valid_email("a b@asso.fr"));
    }
}
