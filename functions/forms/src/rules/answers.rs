//! Associations answering listings: « Réserver » on an offer, « Nous pouvons aider » on a
//! request. Answers go straight to the publisher, who accepts one (first accepted wins: the
//! listing's state takes it by a conditional write, a second accept is refused), declines
//! one, or marks the listing done. Accepting one declines the others, to be told.

use std::net::IpAddr;
use std::sync::Arc;

use portal_model::FieldError;
use portal_model::site::FormSettings;

use super::once::{Secret, Sending, reused};
use super::publishers::valid_email;
use super::{ATTEMPTS, Result, RuleError};
use crate::secrets::{self, keyed};
use crate::state::ListingPlan;
use crate::store::{Answer, AnswerStatus, Created, ListingState, Outcome, Seconds, Store};

const DAY: Seconds = 24 * 3600;

/// What an association fills in.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct AnswerForm {
    /// For which association.
    pub association: String,
    /// Who to talk to.
    pub name: String,
    /// Their e-mail (needed: the answer is told).
    pub email: String,
    /// Their phone, or empty.
    pub phone: String,
    /// How much.
    pub quantity: String,
    /// When they can pick up, or help.
    pub when: String,
    /// A message.
    pub message: String,
}

/// The checks of an answer, each problem on its field.
pub fn check(form: &AnswerForm) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut err = |field: &str, message: &str| {
        errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        })
    };
    let line = |s: &str, max: usize| {
        let s = s.trim();
        !s.is_empty() && s.chars().count() <= max && !s.chars().any(char::is_control)
    };
    if !line(&form.association, 150) {
        err(
            "association",
            "Indiquez pour quelle association (150 caractères au plus).",
        );
    }
    if !line(&form.name, 80) {
        err("name", "Indiquez le nom de la personne à contacter.");
    }
    if !valid_email(&form.email) {
        err(
            "email",
            "Adresse e-mail invalide (exemple : contact@association.fr) : la réponse y est envoyée.",
        );
    }
    let phone = form.phone.trim();
    if !phone.is_empty() {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        if phone.len() > 30 || !(8..=15).contains(&digits) {
            err(
                "phone",
                "Numéro de téléphone invalide (exemple : 05 56 00 00 00).",
            );
        }
    }
    for (field, value) in [("quantity", &form.quantity), ("when", &form.when)] {
        if value.chars().count() > 200 {
            err(field, "200 caractères au plus.");
        }
    }
    if form.message.chars().count() > 1000 {
        err("message", "Message trop long : 1 000 caractères au plus.");
    }
    errors
}

/// An answer stored: its id and the secret of its link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The answer's id.
    pub id: String,
    /// The secret of the answerer's link.
    pub key: String,
    /// A retry: nothing new was stored.
    pub retry: bool,
}

/// The answers to listings, over a store.
pub struct Answers {
    store: Arc<dyn Store>,
    secret: Secret,
}

impl Answers {
    /// The answers kept in `store`.
    pub fn new(store: Arc<dyn Store>) -> Answers {
        Answers {
            store,
            secret: Secret::default(),
        }
    }

    async fn secret(&self) -> Result<Vec<u8>> {
        self.secret.get(self.store.as_ref()).await
    }

    /// The secret of an answer's own link.
    pub async fn key(&self, listing: &str, id: &str) -> Result<String> {
        let secret = self.secret().await?;
        Ok(keyed(&secret, &format!("answer:{listing}:{id}"))[..32].to_string())
    }

    /// Stores a checked answer, once per retry.
    pub async fn send(
        &self,
        listing: &str,
        plan: &ListingPlan,
        form: &AnswerForm,
        ip: Option<IpAddr>,
        idempotency_key: Option<&str>,
        settings: &FormSettings,
    ) -> Result<Sent> {
        let secret = self.secret().await?;
        let now = now();
        let send = Sending {
            secret: &secret,
            kind: "answer",
            page: listing,
            ip,
            idempotency_key,
        };
        let idempotency = send.guard(self.store.as_ref(), form, settings, now).await?;
        let ends = plan
            .ends
            .as_deref()
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
            .and_then(|d| jiff::tz::TimeZone::UTC.to_timestamp(d.at(0, 0, 0, 0)).ok())
            .map_or(now + 365 * DAY, |t| t.as_second() + DAY)
            .max(now);
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let answer = Answer {
            id: super::new_id(jiff::Timestamp::now().as_millisecond()),
            listing: listing.to_string(),
            association: form.association.trim().to_string(),
            name: form.name.trim().to_string(),
            email: form.email.trim().to_string(),
            phone: opt(&form.phone),
            quantity: form.quantity.trim().to_string(),
            when: form.when.trim().to_string(),
            message: form.message.trim().to_string(),
            status: AnswerStatus::Pending,
            created_at: now,
            expires_at: ends + Seconds::from(settings.retention_days) * DAY,
        };
        let created = self.store.put_answer(&answer, Some(&idempotency)).await?;
        reused(&created, &idempotency)?;
        let (id, retry) = match created {
            Created::New => (answer.id.clone(), false),
            Created::Existing { id, .. } => (id, true),
            Created::Taken => return Err(RuleError::IdTaken { id: answer.id }),
        };
        Ok(Sent {
            key: self.key(listing, &id).await?,
            id,
            retry,
        })
    }

    /// An answer, if `key` is its link's.
    pub async fn view(&self, listing: &str, id: &str, key: &str) -> Result<Option<Answer>> {
        if !secrets::same(key, &self.key(listing, id).await?) {
            return Ok(None);
        }
        self.get(listing, id).await
    }

    /// An answer, with no key asked (the publisher's signed page).
    pub async fn get(&self, listing: &str, id: &str) -> Result<Option<Answer>> {
        Ok(self
            .store
            .answer(listing, id, now())
            .await?
            .map(|a| a.value))
    }

    /// Every answer to a listing, in order of arrival.
    pub async fn list(&self, listing: &str) -> Result<Vec<Answer>> {
        Ok(self
            .store
            .answers(listing, now())
            .await?
            .into_iter()
            .map(|a| a.value)
            .collect())
    }

    /// What the publisher decided on the listing.
    pub async fn state(&self, listing: &str) -> Result<ListingState> {
        Ok(self.store.listing_state(listing).await?)
    }

    /// Every listing's state, for `portal import`.
    pub async fn states(&self) -> Result<std::collections::BTreeMap<String, ListingState>> {
        Ok(self.store.listing_states().await?)
    }

    /// The publisher accepts one answer: refused when another is accepted or the listing is
    /// done (`409`). The other pending answers are declined, and returned to be told.
    pub async fn accept(&self, listing: &str, id: &str) -> Result<(Answer, Vec<Answer>)> {
        let mut won = None;
        for _ in 0..ATTEMPTS {
            let Some(stored) = self.store.answer(listing, id, now()).await? else {
                return Err(RuleError::NotFound { id: id.to_string() });
            };
            let state = self.store.listing_state(listing).await?;
            if state.accepted.as_deref() == Some(id) {
                won = Some(stored.value);
                break;
            }
            if state.accepted.is_some() || state.done {
                return Err(RuleError::ListingTaken {
                    listing: listing.to_string(),
                });
            }
            let mut accepted = stored.value.clone();
            accepted.status = AnswerStatus::Accepted;
            if self.store.set_answer(&accepted, stored.revision).await? == Outcome::Written {
                won = Some(accepted);
                break;
            }
        }
        let won = won.ok_or_else(|| RuleError::Busy { id: id.to_string() })?;
        let mut declined = Vec::new();
        for other in self.store.answers(listing, now()).await? {
            if other.value.id != won.id && other.value.status == AnswerStatus::Pending {
                declined.extend(self.decline_stored(listing, &other.value.id).await?);
            }
        }
        Ok((won, declined))
    }

    /// The publisher declines one answer (still pending); returned to be told.
    pub async fn decline(&self, listing: &str, id: &str) -> Result<Option<Answer>> {
        self.decline_stored(listing, id).await
    }

    async fn decline_stored(&self, listing: &str, id: &str) -> Result<Option<Answer>> {
        for _ in 0..ATTEMPTS {
            let Some(stored) = self.store.answer(listing, id, now()).await? else {
                return Err(RuleError::NotFound { id: id.to_string() });
            };
            if stored.value.status != AnswerStatus::Pending {
                return Ok(None);
            }
            let mut declined = stored.value.clone();
            declined.status = AnswerStatus::Declined;
            if self.store.set_answer(&declined, stored.revision).await? == Outcome::Written {
                return Ok(Some(declined));
            }
        }
        Err(RuleError::Busy { id: id.to_string() })
    }

    /// The publisher marks the listing done: no more answers; `portal import` writes it.
    pub async fn done(&self, listing: &str) -> Result<()> {
        self.store.finish_listing(listing).await?;
        Ok(())
    }
}

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}
