//! Moderators: a name is one person's while not revoked, a token is one moderator's, and a
//! revoked token stops at once.

use std::sync::Arc;

use super::{ATTEMPTS, Result, RuleError};
use crate::store::{Moderator, Outcome, Seconds, Store};

/// The moderators, over a store.
pub struct Moderators {
    store: Arc<dyn Store>,
}

impl Moderators {
    /// The moderators kept in `store`.
    pub fn new(store: Arc<dyn Store>) -> Moderators {
        Moderators { store }
    }

    /// Adds a moderator; refused if the name is taken by one not revoked (a revoked one is
    /// replaced), or the token is another's.
    pub async fn add(&self, moderator: &Moderator) -> Result<()> {
        if !one_line_name(&moderator.name) {
            return Err(RuleError::ModeratorName);
        }
        for _ in 0..ATTEMPTS {
            let old = self.store.moderator(&moderator.name).await?;
            if old.as_ref().is_some_and(active) {
                return Err(RuleError::ModeratorExists {
                    name: moderator.name.clone(),
                });
            }
            match self.store.put_moderator(moderator, old.as_ref()).await? {
                Outcome::Written => return Ok(()),
                // Lost: the name was taken meanwhile (said on the next turn), or the token is.
                Outcome::Lost => {
                    if let Some(owner) = self.store.token_owner(&moderator.token_hash).await?
                        && owner != moderator.name
                    {
                        return Err(RuleError::TokenTaken {
                            name: moderator.name.clone(),
                        });
                    }
                }
            }
        }
        Err(RuleError::Busy {
            id: moderator.name.clone(),
        })
    }

    /// Revokes a moderator at once (revoking again changes nothing); false if there is none
    /// of that name.
    pub async fn revoke(&self, name: &str, at: Seconds) -> Result<bool> {
        for _ in 0..ATTEMPTS {
            let Some(old) = self.store.moderator(name).await? else {
                return Ok(false);
            };
            if !active(&old) {
                return Ok(true);
            }
            let revoked = Moderator {
                revoked_at: Some(at),
                ..old.clone()
            };
            if self.store.put_moderator(&revoked, Some(&old)).await? == Outcome::Written {
                return Ok(true);
            }
        }
        Err(RuleError::Busy {
            id: name.to_string(),
        })
    }

    /// The moderator holding this token hash, if not revoked.
    pub async fn by_token(&self, token_hash: &str) -> Result<Option<Moderator>> {
        let Some(name) = self.store.token_owner(token_hash).await? else {
            return Ok(None);
        };
        let found = self.store.moderator(&name).await?;
        Ok(found.filter(|m| active(m) && m.token_hash == token_hash))
    }

    /// Every moderator, revoked or not, by name.
    pub async fn list(&self) -> Result<Vec<Moderator>> {
        Ok(self.store.moderators().await?)
    }
}

/// Not revoked.
fn active(m: &Moderator) -> bool {
    m.revoked_at.is_none()
}

/// A name shown on every decision: one line, no control character, not only spaces.
fn one_line_name(name: &str) -> bool {
    !name.trim().is_empty() && !name.chars().any(char::is_control)
}
