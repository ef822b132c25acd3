//! What a public form of the exchange (a volunteer's sign-up, an association's answer) does
//! around storing what was sent: the rate limit per address, then the record that tells a
//! retry (the same idempotency key, or else the same form on the same page the same day),
//! then, once stored, whether the key came back with another form. One sequence for both.

use std::net::IpAddr;
use std::sync::OnceLock;

use portal_model::site::FormSettings;

use super::guards::rate_subject;
use super::{Result, RuleError};
use crate::secrets::{self, keyed, random_bytes};
use crate::store::{Created, Idempotency, Seconds, Store};

const DAY: Seconds = 24 * 3600;
/// An hour: the window of the rate limit.
const RATE_WINDOW: Seconds = 3600;

/// The server's secret, read from the store on first use (made there if there is none) and
/// kept: it never changes once made.
#[derive(Default)]
pub(crate) struct Secret(OnceLock<Vec<u8>>);

impl Secret {
    /// The secret `store` keeps.
    pub(crate) async fn get(&self, store: &dyn Store) -> Result<Vec<u8>> {
        if let Some(secret) = self.0.get() {
            return Ok(secret.clone());
        }
        let secret = store.secret(&random_bytes::<32>()).await?;
        Ok(self.0.get_or_init(|| secret).clone())
    }
}

/// One kind of form sent on one page: `kind` names its rate-limit and retry keys
/// (`signup`, `answer`), `page` the call or listing it is sent on.
pub(crate) struct Sending<'a> {
    /// The server's secret, which keys every hash.
    pub secret: &'a [u8],
    /// The form's kind.
    pub kind: &'a str,
    /// The call or listing.
    pub page: &'a str,
    /// The sender's address, counted by the rate limit (none: not limited).
    pub ip: Option<IpAddr>,
    /// The `Idempotency-Key` header, when given.
    pub idempotency_key: Option<&'a str>,
}

impl Sending<'_> {
    /// Counts the send against the address's hourly limit (refused past it), and makes the
    /// record of `form` that tells a retry of it for a day from `now`.
    pub(crate) async fn guard(
        &self,
        store: &dyn Store,
        form: &impl serde::Serialize,
        settings: &FormSettings,
        now: Seconds,
    ) -> Result<Idempotency> {
        let (secret, kind, page) = (self.secret, self.kind, self.page);
        if let Some(ip) = self.ip {
            let window = now - now.rem_euclid(RATE_WINDOW);
            let key = keyed(secret, &format!("{kind}-ip:{}", rate_subject(ip)));
            let limit = settings.rate_limit_per_hour;
            if !store.hit(&key, window, limit, window + RATE_WINDOW).await? {
                return Err(RuleError::RateLimited { limit });
            }
        }
        let fingerprint = keyed(
            secret,
            &serde_json::to_string(form).expect("a form serialises"),
        );
        let retry = match self
            .idempotency_key
            .map(str::trim)
            .filter(|k| !k.is_empty())
        {
            Some(k) => format!("{kind}-key:{page}:{k}"),
            None => format!("{kind}-same:{page}:{}:{fingerprint}", now / DAY),
        };
        Ok(Idempotency {
            key: keyed(secret, &retry),
            expires_at: now + DAY,
            fingerprint,
        })
    }
}

/// Refuses a key sent again with another form: a client's mistake, not a retry. A key
/// stored before fingerprints (empty) is taken as a retry, as it was then.
pub(crate) fn reused(created: &Created, idempotency: &Idempotency) -> Result<()> {
    match created {
        Created::Existing {
            fingerprint: seen, ..
        } if !seen.is_empty() && !secrets::same(seen, &idempotency.fingerprint) => {
            Err(RuleError::KeyReused)
        }
        _ => Ok(()),
    }
}
